/** The pieces other widgets build a lab from: useLabActor and LabView's task panel (happy-dom). */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { publicImageId, createWorld } from '../../src/sim/index.ts';
import type { SimCall } from '../../src/sim/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { LabView } from '../../src/widgets/lab/LabView.tsx';
import { useLabActor } from '../../src/widgets/lab/useLabActor.ts';
import type { LabActorOptions } from '../../src/widgets/lab/useLabActor.ts';

afterEach(cleanup);

const imageId = publicImageId(createWorld(), 'us-east-1', 'al2023') ?? '';
const launch: SimCall[] = [
  { action: 'RunInstances', params: { ImageId: imageId, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1b' } } },
];

/** Renders a lab on its own actor and hands the actor back to the test. */
function renderOwnLab(options: LabActorOptions): { actor: () => SimulatorActor } {
  let actor: SimulatorActor | undefined;
  function Harness() {
    actor = useLabActor(options);
    return <LabView actor={actor} title="Own lab" task={<p>Snapshot the data volume.</p>} />;
  }
  render(<Harness />);
  return { actor: () => actor as SimulatorActor };
}

function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

test('useLabActor replays the scenario calls; the task is the first panel of the lab', () => {
  const { actor } = renderOwnLab({ scenarioId: 'one-instance', scenarioCalls: launch });
  const instances = Object.values(actor().getSnapshot().context.history.world.instances);
  expect(instances.map((i) => i.AvailabilityZone)).toEqual(['us-east-1b']);
  const panels = document.querySelectorAll('.lab > .lab-panel, .lab > details.lab-panel');
  expect(panels[0]?.getAttribute('aria-label')).toBe('Task');
  expect(within(screen.getByRole('region', { name: 'Task' })).getByText('Snapshot the data volume.')).toBeTruthy();
});

test('useLabActor starts empty when the scenario could not be set up', () => {
  const { actor } = renderOwnLab({ scenarioId: 'broken', scenarioCalls: launch, scenarioProblem: 'Line 1 failed' });
  expect(Object.keys(actor().getSnapshot().context.history.world.instances)).toEqual([]);
});

test('the clock pauses while the page is hidden and resumes after, but a pause the learner chose stays', () => {
  const { actor } = renderOwnLab({ scenarioCalls: launch });
  const mode = () => actor().getSnapshot().context.clock.mode;
  expect(mode()).toBe('running');
  act(() => setHidden(true));
  expect(mode()).toBe('paused');
  act(() => setHidden(false));
  expect(mode()).toBe('running');
  act(() => actor().send({ type: 'clock.pause' }));
  act(() => setHidden(true));
  act(() => setHidden(false));
  expect(mode()).toBe('paused');
});
