import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createActor, SimulatedClock, waitFor } from 'xstate';
import { checkInvariants, createWorld, nextEventTime } from '../../../src/sim/index.ts';
import type { SimCall } from '../../../src/sim/index.ts';
import { encodeLog } from '../../../src/sim/actor/codec.ts';
import { effectiveCalls, replayCalls } from '../../../src/sim/actor/history.ts';
import {
  selectCanRedo,
  selectCanUndo,
  selectClock,
  selectCursor,
  selectHistoryEntries,
  selectHistoryLength,
  selectIsBusy,
  selectIsTicking,
  selectLastResult,
  selectNarration,
  selectNow,
  selectPersistence,
  selectWorld,
} from '../../../src/sim/actor/selectors.ts';
import type { SimulatorSnapshot } from '../../../src/sim/actor/selectors.ts';
import { simulatorMachine, tickSeconds, TICK_INTERVAL_MS } from '../../../src/sim/actor/simulator.machine.ts';
import type { SimulatorInput } from '../../../src/sim/actor/simulator.machine.ts';
import { advance, intentArb, nameTag, resolveIntent } from './actor-helpers.ts';
import type { Intent } from './actor-helpers.ts';

const scenarioCalls: SimCall[] = [
  { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 4, ...nameTag('volume', 'data') } },
  advance(60),
];

function start(input: SimulatorInput = { scenarioId: 'data-volume', scenarioCalls }) {
  const clock = new SimulatedClock();
  const actor = createActor(simulatorMachine, { input, clock });
  actor.start();
  const snap = (): SimulatorSnapshot => actor.getSnapshot();
  const volumeId = Object.keys(snap().context.history.base.volumes)[0] ?? '';
  return { actor, clock, snap, volumeId };
}

const settled = (s: SimulatorSnapshot): boolean => s.matches({ persistence: 'idle' });

describe('start', () => {
  test('replays the scenario into the base; nothing to undo, nothing pending, no timer', () => {
    const { snap, volumeId } = start();
    const world = selectWorld(snap());
    expect(world).toBe(snap().context.history.base);
    expect(world.volumes[volumeId]?.State).toBe('available');
    expect(selectHistoryLength(snap())).toBe(0);
    expect(selectCanUndo(snap())).toBe(false);
    expect(selectIsTicking(snap())).toBe(false);
    expect(selectClock(snap())).toEqual({ mode: 'running', speed: 1 });
    expect(selectNarration(snap())).toEqual([]);
  });

  test('an initial log becomes undoable entries on top of the base, all or nothing', () => {
    const { snap } = start({ scenarioCalls, initialLog: [advance(5), { action: 'CreateSnapshot', params: { VolumeId: 'vol-0123456789abcdef0' } }] });
    expect(selectHistoryLength(snap())).toBe(0);
    expect(selectWorld(snap())).toBe(snap().context.history.base);
    expect(selectPersistence(snap()).error).toMatch(
      /^The previous session could not be restored, so the lab starts from the beginning\. Call 2 of 2 \(CreateSnapshot\) failed with InvalidVolume\.NotFound/,
    );

    const ok = start({ scenarioCalls, initialLog: [advance(5), advance(7)] });
    expect(selectHistoryLength(ok.snap())).toBe(2);
    expect(selectCanUndo(ok.snap())).toBe(true);
  });

  test('a scenario that does not replay starts from an empty account and says so', () => {
    const { snap } = start({ scenarioCalls: [{ action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } }] });
    expect(selectWorld(snap())).toEqual(createWorld());
    expect(selectNarration(snap())[0]?.message).toMatch(/^The scenario could not be set up, so the lab starts from an empty account\. Call 1 of 1 \(DeleteVolume\) failed/);
  });
});

describe('call.run', () => {
  test('a successful call is recorded, its output and narration exposed, and the timer starts', () => {
    const { actor, snap, volumeId } = start();
    actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: volumeId } }, requestId: 't1' });
    expect(selectHistoryLength(snap())).toBe(1);
    const last = selectLastResult(snap());
    expect(last).toMatchObject({ ok: true, requestId: 't1', output: { State: 'pending', VolumeId: volumeId } });
    expect(selectNarration(snap()).map((n) => n.message)).toEqual([expect.stringMatching(/^Snapshot snap-[0-9a-f]{17} of vol-[0-9a-f]{17} started/)]);
    expect(selectIsTicking(snap())).toBe(true);
  });

  test('a failed call leaves the history untouched and exposes the error', () => {
    const { actor, snap } = start();
    const before = snap().context.history;
    actor.send({ type: 'call.run', call: { action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } } });
    expect(snap().context.history).toBe(before);
    expect(selectLastResult(snap())).toEqual({
      ok: false,
      call: { action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } },
      error: { Code: 'InvalidVolume.NotFound', Message: "The volume 'vol-0123456789abcdef0' does not exist." },
    });
    expect(selectNarration(snap()).at(-1)).toMatchObject({ kind: 'error', message: "DeleteVolume failed: InvalidVolume.NotFound: The volume 'vol-0123456789abcdef0' does not exist." });
  });

  test('a change that raises no event of its own is still narrated', () => {
    const { actor, snap, volumeId } = start();
    actor.send({ type: 'call.run', call: { action: 'CreateTags', params: { Resources: [volumeId], Tags: [{ Key: 'Owner', Value: 'me' }] } } });
    expect(selectHistoryLength(snap())).toBe(1);
    expect(selectNarration(snap()).at(-1)).toMatchObject({ kind: 'event', message: 'CreateTags succeeded' });
  });

  test('a read-only call returns its output and is not logged', () => {
    const { actor, snap } = start();
    actor.send({ type: 'call.run', call: { action: 'DescribeVolumes' } });
    expect(selectHistoryLength(snap())).toBe(0);
    expect(selectLastResult(snap())).toMatchObject({ ok: true, output: { Volumes: [expect.objectContaining({ State: 'available' })] } });
  });
});

describe('the clock', () => {
  test('ticks add one coalesced Advance entry until nothing is pending, then the timer stops', () => {
    const { actor, clock, snap, volumeId } = start();
    actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: volumeId } } });
    const snapshotId = Object.keys(selectWorld(snap()).snapshots).find((id) => selectWorld(snap()).snapshots[id]?.OwnerId === selectWorld(snap()).accountId) ?? '';
    const start0 = selectNow(snap());
    const completeAt = nextEventTime(selectWorld(snap())) ?? 0;
    let ticks = 0;
    while (selectIsTicking(snap()) && ticks < 1000) {
      clock.increment(TICK_INTERVAL_MS);
      ticks++;
    }
    expect(ticks).toBe(Math.ceil((completeAt - start0) / 1000 / tickSeconds(1)));
    expect(selectWorld(snap()).snapshots[snapshotId]?.State).toBe('completed');
    expect(selectHistoryEntries(snap())).toEqual([
      { kind: 'call', call: { action: 'CreateSnapshot', params: { VolumeId: volumeId } } },
      { kind: 'call', call: advance(ticks * tickSeconds(1)), timer: true },
    ]);
    expect(selectNarration(snap()).at(-1)?.message).toMatch(/completed/);
    // Idle: more real time passes, the simulated clock does not move.
    const idleNow = selectNow(snap());
    clock.increment(60_000);
    expect(selectNow(snap())).toBe(idleNow);
  });

  test('pause stops time, resume restarts it; speed multiplies the step of each tick', () => {
    const { actor, clock, snap, volumeId } = start();
    actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: volumeId } } });
    actor.send({ type: 'clock.pause' });
    expect(selectClock(snap()).mode).toBe('paused');
    expect(selectIsTicking(snap())).toBe(false);
    const paused = selectNow(snap());
    clock.increment(10 * TICK_INTERVAL_MS);
    actor.send({ type: 'clock.tick' });
    expect(selectNow(snap())).toBe(paused);

    actor.send({ type: 'clock.setSpeed', speed: 4 });
    actor.send({ type: 'clock.resume' });
    expect(selectIsTicking(snap())).toBe(true);
    clock.increment(TICK_INTERVAL_MS);
    expect(selectNow(snap()) - paused).toBe(tickSeconds(4) * 1000);
    expect(selectNarration(snap()).filter((n) => n.kind === 'clock').map((n) => n.message)).toEqual(['Clock paused', 'Clock speed 4x', 'Clock running']);
  });

  test('an unknown speed is ignored', () => {
    const { actor, snap } = start();
    actor.send({ type: 'clock.setSpeed', speed: 3 as never });
    expect(selectClock(snap()).speed).toBe(1);
  });

  test('clock.step jumps to the next completion even while paused, as its own entry', () => {
    const { actor, snap, volumeId } = start({ scenarioCalls, paused: true });
    actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: volumeId } } });
    const next = nextEventTime(selectWorld(snap())) ?? 0;
    actor.send({ type: 'clock.step' });
    expect(selectNow(snap())).toBeGreaterThanOrEqual(next);
    expect(selectNow(snap()) - next).toBeLessThan(1000);
    expect(selectHistoryEntries(snap())[1]).toEqual({ kind: 'call', call: { action: 'Advance', params: { Seconds: expect.any(Number) } } });
    expect(nextEventTime(selectWorld(snap()))).toBeNull();
    const length = selectHistoryLength(snap());
    actor.send({ type: 'clock.step' });
    expect(selectHistoryLength(snap())).toBe(length);
  });
});

describe('selectors', () => {
  test('slices keep their identity across events that do not change them, so views do not re-render', () => {
    const { actor, snap } = start();
    const world = selectWorld(snap());
    const narration = selectNarration(snap());
    actor.send({ type: 'clock.setSpeed', speed: 2 });
    expect(selectWorld(snap())).toBe(world);
    expect(selectClock(snap())).toEqual({ mode: 'running', speed: 2 });
    actor.send({ type: 'history.undo' });
    expect(selectWorld(snap())).toBe(world);
    expect(selectNarration(snap())).not.toBe(narration);
    const clock = selectClock(snap());
    actor.send({ type: 'call.run', call: { action: 'DescribeVolumes' } });
    expect(selectClock(snap())).toBe(clock);
    expect(selectWorld(snap())).toBe(world);
  });
});

describe('history events', () => {
  test('undo, redo and jump move the cursor; the timer waits while the past is shown', () => {
    const { actor, clock, snap, volumeId } = start();
    actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: volumeId } } });
    clock.increment(TICK_INTERVAL_MS);
    actor.send({ type: 'call.run', call: { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1c', Size: 1 } } });
    const head = selectWorld(snap());
    expect(selectHistoryLength(snap())).toBe(3);

    actor.send({ type: 'history.undo' });
    expect(selectCursor(snap())).toBe(2);
    expect(selectCanRedo(snap())).toBe(true);
    expect(selectIsTicking(snap())).toBe(false);
    const pastNow = selectNow(snap());
    clock.increment(50 * TICK_INTERVAL_MS);
    expect(selectNow(snap())).toBe(pastNow);
    expect(selectNarration(snap()).at(-1)?.message).toBe('Undid CreateVolume (step 2 of 3)');

    actor.send({ type: 'history.redo' });
    expect(selectWorld(snap())).toEqual(head);
    expect(selectIsTicking(snap())).toBe(true);

    actor.send({ type: 'history.jump', index: 0 });
    expect(selectWorld(snap())).toBe(snap().context.history.base);
    expect(selectNarration(snap()).at(-1)?.message).toBe('Now showing the starting point (step 0 of 3)');
    actor.send({ type: 'history.jump', index: 1 });
    expect(selectNarration(snap()).at(-1)?.message).toBe(`Now showing the lab after CreateSnapshot ${volumeId} (step 1 of 3)`);
  });

  test('reset returns to the scenario and can be undone', () => {
    const { actor, snap } = start();
    actor.send({ type: 'call.run', call: { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', Size: 2 } } });
    const before = selectWorld(snap());
    actor.send({ type: 'history.reset' });
    expect(selectWorld(snap())).toEqual(snap().context.history.base);
    expect(selectHistoryLength(snap())).toBe(2);
    actor.send({ type: 'history.reset' });
    expect(selectHistoryLength(snap())).toBe(2);
    actor.send({ type: 'history.undo' });
    expect(selectWorld(snap())).toEqual(before);
  });
});

describe('saving and loading', () => {
  test('log.export then log.load in a fresh lab rebuilds the same World, as one undoable step', async () => {
    const first = start();
    first.actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: first.volumeId } } });
    first.actor.send({ type: 'clock.step' });
    first.actor.send({ type: 'log.export' });
    expect(selectIsBusy(first.snap())).toBe(true);
    const exported = await waitFor(first.actor, (s) => settled(s) && s.context.persistence.exported !== null);
    const saved = exported.context.persistence.exported;
    expect(saved).toMatchObject({ cursor: 2, entries: 2, encoded: expect.stringMatching(/^1\./) });

    const second = start();
    second.actor.send({ type: 'call.run', call: { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', Size: 2 } } });
    const beforeLoad = selectWorld(second.snap());
    second.actor.send({ type: 'log.load', encoded: saved?.encoded ?? '' });
    const loaded = await waitFor(second.actor, (s) => settled(s) && s.context.history.entries.length === 2);
    expect(selectWorld(loaded)).toEqual(selectWorld(first.snap()));
    expect(selectPersistence(loaded).error).toBeNull();
    expect(selectNarration(loaded).at(-1)?.message).toBe('Loaded a saved lab (2 calls) (step 2 of 2)');
    second.actor.send({ type: 'history.undo' });
    expect(selectWorld(second.snap())).toEqual(beforeLoad);
  });

  test('the newest load wins: a load sent while another is decoding replaces it', async () => {
    const { actor } = start();
    const good = await encodeLog({ scenario: 'data-volume', calls: [advance(42)] });
    if (!good.ok) throw new Error(good.error);
    actor.send({ type: 'log.load', encoded: '1.broken' });
    actor.send({ type: 'log.load', encoded: good.encoded });
    const loaded = await waitFor(actor, (s) => settled(s) && s.context.history.entries.length === 1);
    expect(selectPersistence(loaded).error).toBeNull();
    expect(selectHistoryEntries(loaded)).toEqual([{ kind: 'restart', reason: 'load', calls: [advance(42)] }]);
  });

  test('a hostile string leaves everything untouched and reports why', async () => {
    const { actor, snap } = start();
    actor.send({ type: 'call.run', call: { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', Size: 2 } } });
    const before = snap().context.history;
    actor.send({ type: 'log.load', encoded: '1.not-really-a-saved-lab' });
    const after = await waitFor(actor, (s) => settled(s) && s.context.persistence.error !== null);
    expect(after.context.history).toBe(before);
    expect(selectPersistence(after).error).toMatch(/damaged or cut short/);
    expect(selectNarration(after).at(-1)).toMatchObject({ kind: 'persistence', message: expect.stringMatching(/^The saved lab was not loaded\. The saved lab is damaged/) });
  });

  test('a log that does not replay on this scenario, or comes from another scenario, is refused whole', async () => {
    const { actor, snap } = start();
    const before = snap().context.history;
    const foreign = await encodeLog({ scenario: 'data-volume', calls: [advance(1), { action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } }] });
    if (!foreign.ok) throw new Error(foreign.error);
    actor.send({ type: 'log.load', encoded: foreign.encoded });
    const refused = await waitFor(actor, (s) => settled(s) && s.context.persistence.error !== null);
    expect(refused.context.history).toBe(before);
    expect(selectPersistence(refused).error).toMatch(/^Call 2 of 2 \(DeleteVolume\) failed with InvalidVolume\.NotFound/);

    const other = await encodeLog({ scenario: 'another-lab', calls: [] });
    if (!other.ok) throw new Error(other.error);
    actor.send({ type: 'log.load', encoded: other.encoded });
    const wrong = await waitFor(actor, (s) => settled(s) && s.context.persistence.error?.includes('another-lab') === true);
    expect(wrong.context.history).toBe(before);
    expect(selectPersistence(wrong).error).toBe(
      'It was saved from the scenario "another-lab", but this lab starts from the scenario "data-volume". Open it in the lab it was saved from.',
    );
  });

  test('the exported log replays from the base to the World shown, timer advances included', async () => {
    const { actor, clock, snap, volumeId } = start();
    actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId: volumeId } } });
    for (let i = 0; i < 7; i++) clock.increment(TICK_INTERVAL_MS);
    actor.send({ type: 'log.export' });
    const done = await waitFor(actor, (s) => settled(s) && s.context.persistence.exported !== null);
    const replayed = replayCalls(snap().context.history.base, effectiveCalls(done.context.history));
    expect(replayed.ok && replayed.world).toEqual(selectWorld(done));
  });
});

describe('any sequence of events', () => {
  type Command =
    | { kind: 'call'; intent: Intent }
    | { kind: 'undo' | 'redo' | 'reset' | 'pause' | 'resume' | 'step' }
    | { kind: 'jump'; to: number }
    | { kind: 'wait'; ticks: number }
    | { kind: 'speed'; speed: 1 | 2 | 4 | 8 };
  const commandArb: fc.Arbitrary<Command> = fc.oneof(
    { weight: 5, arbitrary: intentArb.map((intent) => ({ kind: 'call' as const, intent })) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 12 }).map((ticks) => ({ kind: 'wait' as const, ticks })) },
    fc.constantFrom(...(['undo', 'redo', 'reset', 'pause', 'resume', 'step'] as const)).map((kind) => ({ kind })),
    fc.nat(40).map((to) => ({ kind: 'jump' as const, to })),
    fc.constantFrom(1 as const, 2 as const, 4 as const, 8 as const).map((speed) => ({ kind: 'speed' as const, speed })),
  );

  test('keep the World equal to a replay of the saved calls, the invariants true, and the timer on exactly when it should be', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 1, maxLength: 25 }), (commands) => {
        const { actor, clock, snap } = start();
        for (const command of commands) {
          switch (command.kind) {
            case 'call':
              actor.send({ type: 'call.run', call: resolveIntent(selectWorld(snap()), command.intent) });
              break;
            case 'wait':
              clock.increment(command.ticks * TICK_INTERVAL_MS);
              break;
            case 'jump':
              actor.send({ type: 'history.jump', index: command.to });
              break;
            case 'speed':
              actor.send({ type: 'clock.setSpeed', speed: command.speed });
              break;
            case 'undo':
            case 'redo':
            case 'reset':
              actor.send({ type: `history.${command.kind}` });
              break;
            default:
              actor.send({ type: `clock.${command.kind}` });
          }
          const history = snap().context.history;
          const replayed = replayCalls(history.base, effectiveCalls(history));
          expect(replayed.ok && replayed.world).toEqual(history.world);
          expect(checkInvariants(history.world)).toEqual([]);
          const shouldTick =
            selectClock(snap()).mode === 'running' && history.cursor === history.entries.length && nextEventTime(history.world) !== null;
          expect(selectIsTicking(snap())).toBe(shouldTick);
        }
        actor.stop();
      }),
      { numRuns: 40 },
    );
  });
});
