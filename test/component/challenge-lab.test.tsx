/** The challenge island: complete as text before it runs (and without JavaScript), then the lab with the challenge as its task (happy-dom). */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadLabLog, resetProgress } from '../../src/progress/index';
import type { GoalRef } from '../../src/sim/goals.ts';
import ChallengeLab from '../../src/widgets/challenge/ChallengeLab.tsx';
import type { ChallengeLabProps } from '../../src/widgets/challenge/ChallengeLab.tsx';
import { scenarioSetup } from '../../src/widgets/lab/scenario.ts';

const CONTENT = resolve(import.meta.dirname, '../../content');
const readYaml = <T,>(path: string): T => parse(readFileSync(resolve(CONTENT, path), 'utf8')) as T;

function props(id: string): ChallengeLabProps {
  const data = readYaml<{ title: string; scenario: string; goals: GoalRef[]; hints: string[]; solution: string }>(`challenges/${id}.yaml`);
  const scenario = readYaml<{ title: string; script: string }>(`scenarios/${data.scenario}.yaml`);
  const setup = scenarioSetup(scenario.script);
  if (!setup.ok) throw new Error(setup.error);
  return {
    challenge: { id, title: data.title, goals: data.goals, hints: data.hints, solution: data.solution, referenceCalls: 1 },
    goalDescriptions: ['A completed snapshot of the web-data volume exists', 'The web-data-backup snapshot exists and is completed'],
    scenarioId: data.scenario,
    scenarioTitle: scenario.title,
    scenarioCalls: setup.calls,
  };
}

beforeEach(() => resetProgress());
afterEach(cleanup);

test('the server renders the goals, every hint and the reference solution as text, and no lab', () => {
  const html = renderToString(<ChallengeLab {...props('back-up-the-data-volume')} />);
  const page = document.createElement('div');
  page.innerHTML = html;
  expect([...page.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Goals', 'Hints', 'Reference solution']);
  expect([...page.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(props('back-up-the-data-volume').goalDescriptions);
  expect(page.querySelectorAll('ol li')).toHaveLength(3);
  expect(page.querySelector('pre code')?.textContent).toContain('aws ec2 create-snapshot');
  expect(page.querySelector('.lab')).toBeNull();
});

test('in the browser it becomes the lab, started from the scenario, with the challenge as its first panel; its state is saved', async () => {
  render(<ChallengeLab {...props('back-up-the-data-volume')} />);
  const task = await screen.findByRole('region', { name: 'Task' });
  expect(within(task).getByRole('heading', { name: 'Goals (0 of 2 met)' })).toBeTruthy();
  expect(within(task).getByRole('button', { name: 'Show solution' })).toBeTruthy();
  expect(screen.getByText('A web server with a data volume')).toBeTruthy();
  // Opening the challenge saves nothing: only a step the learner takes (here a typed call) is worth keeping.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(loadLabLog('challenge:back-up-the-data-volume')).toBeUndefined();
  const input = screen.getByRole('textbox', { name: 'Command' });
  fireEvent.change(input, { target: { value: 'aws ec2 create-volume --availability-zone us-east-1a --size 1' } });
  fireEvent.keyDown(input, { key: 'Enter' });
  // The lab is saved a moment after it changes, under the challenge's key.
  await waitFor(() => expect(loadLabLog('challenge:back-up-the-data-volume')).toMatch(/^1\./), { timeout: 4000 });
}, 10_000);

test("a broken permalink neither hides nor overwrites the learner's own saved lab: it opens instead", async () => {
  const key = 'challenge:back-up-the-data-volume';
  render(<ChallengeLab {...props('back-up-the-data-volume')} />);
  const input = await screen.findByRole('textbox', { name: 'Command' });
  fireEvent.change(input, { target: { value: 'aws ec2 create-volume --availability-zone us-east-1a --size 1' } });
  fireEvent.keyDown(input, { key: 'Enter' });
  await waitFor(() => expect(loadLabLog(key)).toMatch(/^1\./), { timeout: 4000 });
  const saved = loadLabLog(key);
  cleanup();

  window.location.hash = '#lab=garbage';
  try {
    render(<ChallengeLab {...props('back-up-the-data-volume')} />);
    // The link is refused with its reason, and the learner's lab is opened in its place.
    await screen.findByText(/The saved lab was not loaded/, undefined, { timeout: 4000 });
    await screen.findByText(/Step 1 of 1: Loaded a saved lab/, undefined, { timeout: 4000 });
    // Nothing was saved over it.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(loadLabLog(key)).toBe(saved);
  } finally {
    window.location.hash = '';
  }
}, 15_000);
