/** What the diagram shows while CreateImage runs, and its motion controls (happy-dom). */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { createWorld, publicImageId } from '../../src/sim/index.ts';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { LabView } from '../../src/widgets/lab/LabView.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function runningServer(): { actor: SimulatorActor; instanceId: string } {
  const imageId = publicImageId(createWorld(), 'us-east-1', 'al2023') ?? '';
  const actor = createActor(simulatorMachine, {
    input: {
      scenarioCalls: [
        { action: 'RunInstances', params: { ImageId: imageId, MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: 'us-east-1a' } } },
        { action: 'Advance', params: { Seconds: 60 } },
      ],
    },
    clock: new SimulatedClock(),
  }).start();
  const instanceId = Object.keys(actor.getSnapshot().context.history.world.instances)[0] ?? '';
  return { actor, instanceId };
}

const diagram = () => screen.getByRole('group', { name: /^Regions, Availability Zones/ });

test('CreateImage: the instance shows its reboot for a moment, the AMI waits for its snapshots, then is available', () => {
  vi.useFakeTimers();
  const { actor, instanceId } = runningServer();
  render(<LabView actor={actor} title="Image" />);
  act(() => actor.send({ type: 'call.run', call: { action: 'CreateImage', params: { InstanceId: instanceId, Name: 'web-v1' } } }));
  const instance = () => within(diagram()).getByRole('button', { name: new RegExp(`^Instance .*${instanceId}`) });
  expect(instance().getAttribute('aria-label')).toContain('running · rebooting');
  const image = () => within(diagram()).getByRole('button', { name: /^AMI web-v1/ });
  expect(image().getAttribute('aria-label')).toContain('pending · waits for its snapshots');
  // The snapshot of the root volume is drawn pending, with how much is copied.
  expect(within(diagram()).getByRole('button', { name: /^Snapshot .*pending · \d+% copied/ })).toBeTruthy();
  // The cue follows the simulated clock (a minute), not the wall clock: real time alone ends nothing.
  act(() => vi.advanceTimersByTime(3000));
  expect(instance().getAttribute('aria-label')).toContain('rebooting');
  act(() => actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 30 } } }));
  expect(instance().getAttribute('aria-label')).toContain('rebooting');
  act(() => actor.send({ type: 'call.run', call: { action: 'Advance', params: { Seconds: 31 } } }));
  expect(instance().getAttribute('aria-label')).not.toContain('rebooting');
  // Undo goes back to the moment after CreateImage, reboot and all.
  act(() => actor.send({ type: 'history.undo' }));
  expect(instance().getAttribute('aria-label')).toContain('rebooting');
  act(() => actor.send({ type: 'history.redo' }));
  expect(instance().getAttribute('aria-label')).not.toContain('rebooting');
  act(() => actor.send({ type: 'clock.step' }));
  act(() => actor.send({ type: 'clock.step' }));
  expect(image().getAttribute('aria-label')).toMatch(/available/);
  // With nothing left to complete, skipping is not offered.
  expect(screen.getByText('Nothing pending')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Skip to next completion' }).getAttribute('aria-disabled')).toBe('true');
  actor.stop();
});

test('CreateImage with NoReboot leaves the instance alone', () => {
  const { actor, instanceId } = runningServer();
  render(<LabView actor={actor} title="Image" />);
  act(() => actor.send({ type: 'call.run', call: { action: 'CreateImage', params: { InstanceId: instanceId, Name: 'web-v2', NoReboot: true } } }));
  const instance = within(diagram()).getByRole('button', { name: new RegExp(`^Instance .*${instanceId}`) });
  expect(instance.getAttribute('aria-label')).not.toContain('rebooting');
  actor.stop();
});

test('the diagram offers animation speed, pause and finish', () => {
  const { actor } = runningServer();
  render(<LabView actor={actor} title="Motion" />);
  const motion = screen.getByRole('group', { name: 'Animation' });
  expect(within(motion).getByLabelText('Animation speed')).toBeTruthy();
  const pause = within(motion).getByRole('button', { name: 'Pause animations' });
  expect(pause.getAttribute('aria-pressed')).toBe('false');
  act(() => pause.click());
  expect(pause.getAttribute('aria-pressed')).toBe('true');
  expect(within(motion).getByRole('button', { name: 'Finish animations' })).toBeTruthy();
  actor.stop();
});
