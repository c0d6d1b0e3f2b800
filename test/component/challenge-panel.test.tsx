/** The challenge panel in its lab: hints one at a time, the solved state and its record, "Show solution" replays (happy-dom). */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { parse } from 'yaml';
import { getProgress, resetProgress } from '../../src/progress/index';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { GoalRef } from '../../src/sim/goals.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { scenarioSetup } from '../../src/widgets/lab/scenario.ts';
import { ChallengePanel } from '../../src/widgets/challenge/ChallengePanel.tsx';
import type { ChallengeInfo } from '../../src/widgets/challenge/ChallengePanel.tsx';
import { referenceCallCount } from '../../src/widgets/challenge/solution.ts';

const CONTENT = resolve(import.meta.dirname, '../../content');
const readYaml = <T,>(path: string): T => parse(readFileSync(join(path), 'utf8')) as T;
const join = (path: string) => resolve(CONTENT, path);

interface ChallengeFile {
  title: string;
  scenario: string;
  goals: GoalRef[];
  hints: string[];
  solution: string;
}

/** A content challenge and its lab on a simulated clock (time moves only through the calls). */
function openChallenge(id: string): { actor: SimulatorActor; challenge: ChallengeInfo } {
  const data = readYaml<ChallengeFile>(`challenges/${id}.yaml`);
  const { script } = readYaml<{ script: string }>(`scenarios/${data.scenario}.yaml`);
  const setup = scenarioSetup(script);
  if (!setup.ok) throw new Error(setup.error);
  const reference = referenceCallCount(script, data.solution);
  if (!reference.ok) throw new Error(reference.error);
  const actor = createActor(simulatorMachine, { input: { scenarioId: data.scenario, scenarioCalls: setup.calls }, clock: new SimulatedClock() }).start();
  const challenge = { id, title: data.title, goals: data.goals.map((g) => ({ id: g.id, params: g.params ?? {} })), hints: data.hints, solution: data.solution, referenceCalls: reference.calls };
  return { actor, challenge };
}

const world = (actor: SimulatorActor) => actor.getSnapshot().context.history.world;
const dataVolume = (actor: SimulatorActor) =>
  Object.values(world(actor).volumes).find((v) => v.Tags.some((t) => t.Key === 'Name' && t.Value === 'web-data'))?.VolumeId ?? '';
const goalStates = () => within(screen.getByRole('group', { name: /Goals/ })).getAllByRole('listitem').map((li) => li.getAttribute('data-met'));

beforeEach(() => resetProgress());
afterEach(cleanup);

test('hints come one at a time, gentle first, each taking the focus; then it says that was the last', () => {
  const { actor, challenge } = openChallenge('back-up-the-data-volume');
  render(<ChallengePanel actor={actor} challenge={challenge} stepDelayMs={0} />);
  const hints = screen.getByRole('region', { name: 'Hints' });
  expect(within(hints).queryByRole('listitem')).toBeNull();
  fireEvent.click(within(hints).getByRole('button', { name: 'Show a hint (1 of 3)' }));
  expect(within(hints).getAllByRole('listitem').map((li) => li.textContent)).toEqual([challenge.hints[0]]);
  expect(document.activeElement?.textContent).toBe(challenge.hints[0]);
  fireEvent.click(within(hints).getByRole('button', { name: 'Show the next hint (2 of 3)' }));
  fireEvent.click(within(hints).getByRole('button', { name: 'Show the next hint (3 of 3)' }));
  expect(within(hints).getAllByRole('listitem')).toHaveLength(3);
  expect(document.activeElement?.textContent).toBe(challenge.hints[2]);
  expect(within(hints).queryByRole('button')).toBeNull();
  expect(within(hints).getByText('That was the last hint.')).toBeTruthy();
});

test('solving it by hand shows the call count against the reference and records it as solved', () => {
  const { actor, challenge } = openChallenge('back-up-the-data-volume');
  render(<ChallengePanel actor={actor} challenge={challenge} stepDelayMs={0} />);
  expect(goalStates()).toEqual(['false', 'false']);
  expect(screen.queryByText(/Challenge solved/)).toBeNull();

  // A snapshot without a name meets the first goal only; naming it afterwards meets the second.
  act(() => actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: dataVolume(actor) } } }));
  act(() => actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 600 } } }));
  expect(goalStates()).toEqual(['true', 'false']);
  const snapshotId = Object.keys(world(actor).snapshots).find((id) => world(actor).snapshots[id]?.OwnerId === world(actor).accountId) ?? '';
  act(() => actor.send({ type: 'call.run', call: { action: 'CreateTags', params: { Resources: [snapshotId], Tags: [{ Key: 'Name', Value: 'web-data-backup' }] } } }));
  expect(goalStates()).toEqual(['true', 'true']);

  expect(screen.getByText(/Challenge solved!/).closest('[role="status"]')?.textContent).toBe(
    'Challenge solved! You made 2 calls that changed the account; the reference solution makes 1 call. Compare with the reference solution below.',
  );
  expect(getProgress().challenges['back-up-the-data-volume']).toMatchObject({ solved: true, bestCalls: 2, referenceCalls: 1 });

  // Undoing and redoing the last step does not record the same solve again.
  const recordedAt = getProgress().challenges['back-up-the-data-volume']?.lastAt;
  vi.setSystemTime(Date.now() + 60_000);
  act(() => actor.send({ type: 'history.undo' }));
  expect(screen.queryByText(/Challenge solved!/)).toBeNull();
  act(() => actor.send({ type: 'history.redo' }));
  expect(screen.getByText(/Challenge solved!/)).toBeTruthy();
  expect(getProgress().challenges['back-up-the-data-volume']?.lastAt).toBe(recordedAt);
  vi.useRealTimers();
});

test('"Show solution" replays the reference from the current lab into the same actor; undo steps back through it', async () => {
  const { actor, challenge } = openChallenge('back-up-the-data-volume');
  render(<ChallengePanel actor={actor} challenge={challenge} stepDelayMs={0} />);
  const before = actor.getSnapshot().context.history.cursor;
  fireEvent.click(screen.getByRole('button', { name: 'Show solution' }));
  await waitFor(() => expect(screen.getByText(/was replayed from your current lab/)).toBeTruthy());
  // The commands as written, one per step, each marked done.
  const steps = within(screen.getByRole('list', { name: 'Reference solution commands' })).getAllByRole('listitem');
  expect(steps.map((li) => li.querySelector('code')?.textContent).join('\n')).toBe(challenge.solution.trim());
  expect(steps.map((li) => li.textContent?.endsWith('(done)'))).toEqual([true, true, true]);
  expect(goalStates()).toEqual(['true', 'true']);
  const calls = actor.getSnapshot().context.history.entries.slice(before).map((e) => (e.kind === 'call' ? e.call.action : e.kind));
  expect(calls).toEqual(['CreateSnapshot', 'Advance']);
  // Met with the solution's help: said so, and recorded as not solved (so review brings it back).
  expect(screen.getByText(/with the reference solution's help/)).toBeTruthy();
  expect(getProgress().challenges['back-up-the-data-volume']).toMatchObject({ solved: false, referenceCalls: 1 });

  act(() => actor.send({ type: 'history.undo' }));
  act(() => actor.send({ type: 'history.undo' }));
  expect(goalStates()).toEqual(['false', 'false']);
  expect(actor.getSnapshot().context.history.cursor).toBe(before);
});

test('when the solution fails from the current lab, it says which command and why, and replays from the start once confirmed', async () => {
  const { actor, challenge } = openChallenge('back-up-the-data-volume');
  render(<ChallengePanel actor={actor} challenge={challenge} stepDelayMs={0} />);
  // The learner removed the Name tag the solution looks the volume up by.
  act(() => actor.send({ type: 'call.run', call: { action: 'DeleteTags', params: { Resources: [dataVolume(actor) || ''], Tags: [{ Key: 'Name' }] } } }));
  const volumeId = Object.values(world(actor).volumes).find((v) => v.Size === 20)?.VolumeId ?? '';
  expect(volumeId).not.toBe('');
  fireEvent.click(screen.getByRole('button', { name: 'Show solution' }));
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toMatch(
    /^The reference solution does not work from where your lab is now: line 3 \(SNAPSHOT_ID=\$\(aws ec2 create-snapshot .*\)\) fails with InvalidVolumeID\.Malformed: Invalid id: "None" \(expecting "vol-\.\.\."\)\.Replay it from the start/,
  );
  expect(goalStates()).toEqual(['false', 'false']);

  fireEvent.click(within(alert).getByRole('button', { name: 'Replay from the start' }));
  await waitFor(() => expect(screen.getByText(/was replayed from the start/)).toBeTruthy());
  expect(goalStates()).toEqual(['true', 'true']);
  const entries = actor.getSnapshot().context.history.entries;
  expect(entries.map((e) => (e.kind === 'call' ? e.call.action : `${e.kind}:${e.reason}`))).toEqual(['DeleteTags', 'restart:reset', 'CreateSnapshot', 'Advance']);
  // The reset is one undoable step: undo three times and the learner's own work is back.
  for (let i = 0; i < 3; i++) act(() => actor.send({ type: 'history.undo' }));
  expect(world(actor).volumes[volumeId]?.Tags).toEqual([]);
});

test('once solved, the panel says so even after the solve is undone (as on a later visit)', () => {
  const { actor, challenge } = openChallenge('share-the-golden-image');
  render(<ChallengePanel actor={actor} challenge={challenge} stepDelayMs={0} />);
  expect(screen.queryByText(/You solved this challenge before/)).toBeNull();
  act(() => {
    const imageId = Object.values(world(actor).images).find((i) => i.Name === 'golden-image')?.ImageId ?? '';
    actor.send({ type: 'call.run', call: { action: 'ModifyImageAttribute', params: { ImageId: imageId, LaunchPermission: { Add: [{ UserId: '210987654321' }] } } } });
  });
  act(() => actor.send({ type: 'history.undo' }));
  expect(screen.getByText(/You solved this challenge before, in 1 call at best \(reference: 1 call\)\./)).toBeTruthy();
});

test('during the replay the running command is marked, and the replay can be stopped between commands', async () => {
  const { actor, challenge } = openChallenge('back-up-the-data-volume');
  render(<ChallengePanel actor={actor} challenge={challenge} stepDelayMs={300} />);
  fireEvent.click(screen.getByRole('button', { name: 'Show solution' }));
  const status = await screen.findByText('Replaying from your current lab: command 1 of 3.');
  const list = screen.getByRole('list', { name: 'Reference solution commands' });
  expect(list.querySelector('[aria-current="step"] code')?.textContent).toMatch(/^VOLUME_ID=\$\(aws ec2 describe-volumes/);
  fireEvent.click(within(status.parentElement as HTMLElement).getByRole('button', { name: 'Stop the replay' }));
  await screen.findByText('Replay stopped after command 1 of 3.');
  expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.match(/\((done|running now)\)$/)?.[1] ?? 'to do')).toEqual(['done', 'to do', 'to do']);
  expect(goalStates()).toEqual(['false', 'false']);
});
