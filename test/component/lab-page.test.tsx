/** The /lab/ page island: the scenario picker and ?scenario=<id> (happy-dom). */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { createWorld, publicImageId } from '../../src/sim/index.ts';
import LabPage, { requestedScenario } from '../../src/widgets/lab/LabPage.tsx';
import type { PageScenario } from '../../src/widgets/lab/LabPage.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

const imageId = publicImageId(createWorld(), 'us-east-1', 'al2023') ?? '';
const scenarios: PageScenario[] = [
  { id: 'empty-account', title: 'An empty account', description: 'Nothing of yours yet.', setup: { ok: true, calls: [] } },
  {
    id: 'one-server',
    title: 'One server',
    description: 'An instance in us-east-1c.',
    setup: { ok: true, calls: [{ action: 'RunInstances', params: { ImageId: imageId, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1c' } } }] },
  },
  { id: 'broken', title: 'Broken', description: 'Its script fails.', setup: { ok: false, error: 'Line 1 of its script could not be run: nope' } },
];

const instanceRows = () => within(screen.getByRole('table', { name: /Resources in the account/ })).queryAllByRole('button', { name: /^Instance i-/ });

test('requestedScenario reads ?scenario= and ignores a blank one', () => {
  expect(requestedScenario('?scenario=one-server')).toBe('one-server');
  expect(requestedScenario('?scenario=%20')).toBeNull();
  expect(requestedScenario('')).toBeNull();
});

test('without a query the picker lists every scenario and the default one is open', () => {
  render(<LabPage scenarios={scenarios} defaultId="empty-account" />);
  const picker = screen.getByRole('navigation', { name: 'Start from a scenario' });
  expect(within(picker).getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
    ['An empty account', '?scenario=empty-account'],
    ['One server', '?scenario=one-server'],
    ['Broken', '?scenario=broken'],
  ]);
  expect(within(picker).getByText('An instance in us-east-1c.')).toBeTruthy();
  expect(within(picker).getByRole('link', { current: 'page' }).textContent).toBe('An empty account');
  expect(screen.getByText('An empty account', { selector: '.lab__title *, .lab__title' })).toBeTruthy();
});

test('?scenario=<id> opens that scenario', () => {
  window.history.replaceState(null, '', '/lab/?scenario=one-server');
  render(<LabPage scenarios={scenarios} defaultId="empty-account" />);
  expect(screen.getByRole('link', { current: 'page' }).textContent).toBe('One server');
  expect(instanceRows()).toHaveLength(1);
  expect(screen.getByRole('table', { name: /Resources in the account/ }).textContent).toContain('us-east-1c');
});

test('an unknown id gets a clear message and the empty account', () => {
  window.history.replaceState(null, '', `/lab/?scenario=${encodeURIComponent('<b>nope</b>')}`);
  render(<LabPage scenarios={scenarios} defaultId="empty-account" />);
  const alert = screen.getByRole('alert');
  expect(alert.textContent).toContain('There is no scenario named “<b>nope</b>”');
  expect(alert.textContent).toContain('opened on “An empty account”');
  expect(alert.querySelector('b')).toBeNull();
  expect(screen.getByRole('link', { current: 'page' }).textContent).toBe('An empty account');
  expect(instanceRows()).toHaveLength(0);
});

test('a scenario that cannot be set up says so and the lab starts empty', () => {
  window.history.replaceState(null, '', '/lab/?scenario=broken');
  render(<LabPage scenarios={scenarios} defaultId="empty-account" />);
  expect(screen.getByRole('note').textContent).toContain('Line 1 of its script could not be run');
  expect(instanceRows()).toHaveLength(0);
});
