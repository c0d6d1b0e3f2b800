/** The goal checklist follows the actor: met / not met and why, announced politely, onAllMet once (happy-dom). */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import type { GoalRef } from '../../src/sim/goals.ts';
import { GoalChecklist } from '../../src/widgets/goals/GoalChecklist.tsx';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { scenarioActor } from './scenario-actor.ts';

afterEach(cleanup);

function dataVolumeId(actor: SimulatorActor): string {
  const volume = Object.values(actor.getSnapshot().context.history.world.volumes).find((v) => v.Tags.some((t) => t.Key === 'Name' && t.Value === 'web-data'));
  if (volume === undefined) throw new Error('the scenario has no web-data volume');
  return volume.VolumeId;
}

const goals: GoalRef[] = [
  { id: 'snapshotCompleted', params: { volumeName: 'web-data' } },
  { id: 'instanceInState', params: { instanceName: 'web-server', state: 'running' } },
];

const items = () => within(screen.getByRole('group', { name: /Goals/ })).getAllByRole('listitem');

test('each goal shows its description, met or not in words, and why', () => {
  const actor = scenarioActor('web-server-with-data-volume');
  render(<GoalChecklist actor={actor} goals={goals} />);
  expect(screen.getByRole('heading', { name: 'Goals (1 of 2 met)' })).toBeTruthy();
  const [snapshot, running] = items();
  expect(snapshot?.textContent).toMatch(/^○Not met: A completed snapshot of the web-data volume existsBecause vol-[0-9a-f]{17} \(web-data\) has no snapshot yet\.$/);
  expect(running?.textContent).toMatch(/^✓Met: The web-server instance is runningBecause i-[0-9a-f]{17} \(web-server\) is running\.$/);
  expect(snapshot?.getAttribute('data-met')).toBe('false');
  // Each id and hyphenated name is one unbreakable span, so a narrow column never shows "vol-" / "0d3a…" or "web-" / "data".
  expect([...(snapshot?.querySelectorAll('.id-text') ?? [])].map((s) => s.textContent)).toEqual(['web-data', expect.stringMatching(/^vol-[0-9a-f]{17}$/), 'web-data']);
});

test('the checklist follows the World: pending, completed, undone; status line and onAllMet', () => {
  const actor = scenarioActor('web-server-with-data-volume');
  const onAllMet = vi.fn();
  render(<GoalChecklist actor={actor} goals={goals} onAllMet={onAllMet} />);
  const status = screen.getByRole('status');
  expect(status.textContent).toBe('');

  act(() => actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: dataVolumeId(actor) } } }));
  expect(items()[0]?.textContent).toMatch(/Not met: .*Because no snapshot of vol-\S+ \(web-data\) is completed yet: snap-[0-9a-f]{17} is still pending \(0%\)\./);
  // Progress alone changes no goal's state: nothing is announced.
  expect(status.textContent).toBe('');
  expect(onAllMet).not.toHaveBeenCalled();

  act(() => actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 600 } } }));
  expect(items()[0]?.textContent).toMatch(/^✓Met: .*Because snap-[0-9a-f]{17} of vol-\S+ \(web-data\) is completed\.$/);
  expect(screen.getByRole('heading', { name: 'Goals (2 of 2 met)' })).toBeTruthy();
  expect(status.textContent).toBe('Goal met: A completed snapshot of the web-data volume exists. All 2 goals are met.');
  expect(onAllMet).toHaveBeenCalledTimes(1);

  act(() => actor.send({ type: 'history.undo' }));
  act(() => actor.send({ type: 'history.undo' }));
  expect(items()[0]?.getAttribute('data-met')).toBe('false');
  expect(status.textContent).toBe('Goal no longer met: A completed snapshot of the web-data volume exists. 1 of 2 goals met.');

  act(() => actor.send({ type: 'history.redo' }));
  act(() => actor.send({ type: 'history.redo' }));
  expect(onAllMet).toHaveBeenCalledTimes(2);
});

test('a goal reference the simulation rejects is shown as unmet with the reason, not thrown', () => {
  const actor = scenarioActor('empty-account');
  render(<GoalChecklist actor={actor} goals={[{ id: 'volumeGone', params: {} }]} heading="Task" />);
  expect(screen.getByRole('heading', { name: 'Task (0 of 1 met)' })).toBeTruthy();
  expect(within(screen.getByRole('group', { name: /Task/ })).getByRole('listitem').textContent).toContain('Not met: Goal volumeGoneBecause it cannot be checked: Unknown goal "volumeGone".');
});
