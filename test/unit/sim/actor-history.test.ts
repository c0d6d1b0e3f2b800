import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkInvariants, createWorld, execute } from '../../../src/sim/index.ts';
import type { SimCall, World } from '../../../src/sim/index.ts';
import {
  advanceByTimer,
  canRedo,
  canUndo,
  CHECKPOINT_INTERVAL,
  createHistory,
  describeEntry,
  effectiveCalls,
  jumpTo,
  recordCalls,
  redo,
  replayCalls,
  restart,
  runCall,
  undo,
  worldAt,
} from '../../../src/sim/actor/history.ts';
import type { History } from '../../../src/sim/actor/history.ts';
import { MAX_ADVANCE_SECONDS } from '../../../src/sim/time.ts';
import { advance, intentArb, nameTag, resolveIntent } from './actor-helpers.ts';

/** Runs intents through the history as a learner would: failures are simply not recorded. */
function record(history: History, intents: readonly Parameters<typeof resolveIntent>[1][]): History {
  for (const intent of intents) {
    const result = runCall(history, resolveIntent(history.world, intent));
    if (result.ok) history = result.history;
  }
  return history;
}

/** The World after the first `count` entries, replayed from the base with no checkpoint. */
function replayEntries(history: History, count: number): World {
  let world = history.base;
  for (const entry of history.entries.slice(0, count)) {
    if (entry.kind === 'restart') {
      const replayed = replayCalls(history.base, entry.calls);
      if (!replayed.ok) throw new Error(replayed.error);
      world = replayed.world;
    } else {
      const result = execute(world, entry.call);
      if (!result.ok) throw new Error(result.error.Message);
      world = result.world;
    }
  }
  return world;
}

const createVolume: SimCall = { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 4, ...nameTag('volume', 'data') } };

describe('recording calls', () => {
  test('a successful mutating call becomes an entry; a failed call and a read-only call change nothing', () => {
    const history = createHistory(createWorld());
    const created = runCall(history, createVolume);
    if (!created.ok) throw new Error(created.error.Message);
    expect(created.history.entries).toEqual([{ kind: 'call', call: createVolume }]);
    expect(created.history.cursor).toBe(1);
    expect(Object.keys(created.history.world.volumes)).toHaveLength(1);
    expect(created.events.map((e) => e.type)).toEqual(['VolumeCreating']);

    const failed = runCall(created.history, { action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } });
    expect(failed).toEqual({ ok: false, error: { Code: 'InvalidVolume.NotFound', Message: "The volume 'vol-0123456789abcdef0' does not exist." } });

    const described = runCall(created.history, { action: 'DescribeVolumes' });
    if (!described.ok) throw new Error(described.error.Message);
    expect(described.history).toBe(created.history);
    expect((described.output as { Volumes: unknown[] }).Volumes).toHaveLength(1);
  });

  test('recordCalls is runCall for each call, all or nothing', () => {
    fc.assert(
      fc.property(fc.array(intentArb, { maxLength: 20 }), fc.array(intentArb, { maxLength: 80 }), fc.nat(20), (before, after, back) => {
        let start = record(createHistory(createWorld()), before);
        start = jumpTo(start, start.cursor - (back % (start.cursor + 1)));
        let expected = start;
        const calls: SimCall[] = [];
        for (const intent of after) {
          const call = resolveIntent(expected.world, intent);
          const result = runCall(expected, call);
          if (!result.ok) continue;
          expected = result.history;
          calls.push(call);
        }
        const bulk = recordCalls(start, calls);
        if (!bulk.ok) throw new Error(bulk.error);
        expect(bulk.history.entries).toEqual(expected.entries);
        expect(bulk.history.cursor).toBe(expected.cursor);
        expect(bulk.history.world).toEqual(expected.world);
        expect(Object.keys(bulk.history.checkpoints)).toEqual(Object.keys(expected.checkpoints));
      }),
      { numRuns: 30 },
    );
    const base = createHistory(createWorld());
    const failed = recordCalls(base, [advance(1), { action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } }]);
    expect(failed).toEqual({ ok: false, index: 1, error: expect.stringMatching(/^Call 2 of 2 \(DeleteVolume\) failed with InvalidVolume\.NotFound/) });
    expect(recordCalls(base, [{ action: 'DescribeVolumes' }])).toEqual({ ok: true, history: base });
  });

  test('a new call after undo drops the redo entries', () => {
    let history = createHistory(createWorld());
    history = record(history, [{ kind: 'advance', seconds: 5 }, { kind: 'advance', seconds: 6 }, { kind: 'advance', seconds: 7 }]);
    history = undo(undo(history));
    expect(canRedo(history)).toBe(true);
    const result = runCall(history, advance(9));
    if (!result.ok) throw new Error(result.error.Message);
    expect(result.history.entries.map((e) => (e.kind === 'call' ? e.call.params?.['Seconds'] : null))).toEqual([5, 9]);
    expect(canRedo(result.history)).toBe(false);
  });
});

describe('undo, redo and jumps', () => {
  test('undo then redo is the identity, for any sequence of calls and any number of steps', () => {
    fc.assert(
      fc.property(fc.array(intentArb, { minLength: 1, maxLength: 30 }), fc.nat(), (intents, rawSteps) => {
        const history = record(createHistory(createWorld()), intents);
        const steps = rawSteps % (history.cursor + 1);
        let moved = history;
        for (let i = 0; i < steps; i++) moved = undo(moved);
        expect(moved.cursor).toBe(history.cursor - steps);
        for (let i = 0; i < steps; i++) moved = redo(moved);
        expect(moved.cursor).toBe(history.cursor);
        expect(moved.world).toEqual(history.world);
        expect(moved.entries).toBe(history.entries);
      }),
      { numRuns: 40 },
    );
  });

  test('jumping anywhere gives the same World as replaying that many entries, and every World keeps the invariants', () => {
    fc.assert(
      fc.property(fc.array(intentArb, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (intents, targets) => {
        let history = record(createHistory(createWorld()), intents);
        for (const raw of targets) {
          const target = raw % (history.entries.length + 1);
          history = jumpTo(history, target);
          expect(history.cursor).toBe(target);
          expect(history.world).toEqual(replayEntries(history, target));
          expect(checkInvariants(history.world)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('checkpoints give the same World as a full replay across a history longer than several intervals', () => {
    const intents = fc.sample(intentArb, { numRuns: 3 * CHECKPOINT_INTERVAL + 37, seed: 42 });
    const history = record(createHistory(createWorld()), intents);
    expect(history.entries.length).toBeGreaterThan(2 * CHECKPOINT_INTERVAL);
    const stored = Object.keys(history.checkpoints).map(Number);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const at of stored) {
      expect(at % CHECKPOINT_INTERVAL).toBe(0);
      expect(history.checkpoints[at]).toEqual(replayEntries(history, at));
    }
    for (const target of [0, 1, CHECKPOINT_INTERVAL - 1, CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL + 1, 2 * CHECKPOINT_INTERVAL + 50, history.entries.length - 1]) {
      expect(worldAt(history, target)).toEqual(replayEntries(history, target));
    }
  });

  test('undo and redo at the ends and out-of-range jumps are clamped no-ops', () => {
    const empty = createHistory(createWorld());
    expect(canUndo(empty)).toBe(false);
    expect(undo(empty)).toBe(empty);
    expect(redo(empty)).toBe(empty);
    const history = record(empty, [{ kind: 'advance', seconds: 3 }]);
    expect(jumpTo(history, 99).cursor).toBe(1);
    expect(jumpTo(history, -4).cursor).toBe(0);
    expect(jumpTo(history, Number.NaN)).toBe(history);
  });

  test('a new call after going back also drops the checkpoints after the cursor', () => {
    const intents = Array.from({ length: CHECKPOINT_INTERVAL + 10 }, (_, i) => ({ kind: 'advance' as const, seconds: i + 1 }));
    const long = record(createHistory(createWorld()), intents);
    expect(long.checkpoints[CHECKPOINT_INTERVAL]).toBeDefined();
    const middle = Math.floor(CHECKPOINT_INTERVAL / 2);
    const back = jumpTo(long, middle);
    const result = runCall(back, createVolume);
    if (!result.ok) throw new Error(result.error.Message);
    expect(result.history.entries).toHaveLength(middle + 1);
    expect(result.history.checkpoints[CHECKPOINT_INTERVAL]).toBeUndefined();
    expect(worldAt(result.history, middle + 1)).toEqual(replayEntries(result.history, middle + 1));
  });
});

describe('restart entries: reset and load', () => {
  test('reset goes back to the base and is itself undoable', () => {
    const history = record(createHistory(createWorld()), [
      { kind: 'createVolume', region: 0, zone: 0, size: 2, name: 0 },
      { kind: 'advance', seconds: 30 },
    ]);
    const reset = restart(history, 'reset');
    if (!reset.ok) throw new Error(reset.error);
    expect(reset.history.world).toEqual(history.base);
    expect(effectiveCalls(reset.history)).toEqual([]);
    expect(describeEntry(reset.history.entries[2] as never)).toBe('Reset to the starting point');
    const undone = undo(reset.history);
    expect(undone.world).toEqual(history.world);
    expect(effectiveCalls(undone)).toEqual(history.entries.map((e) => (e.kind === 'call' ? e.call : null)));
  });

  test('a load replaces the World by its replay as one entry, and a failing load changes nothing', () => {
    const history = record(createHistory(createWorld()), [{ kind: 'advance', seconds: 10 }]);
    const calls = [createVolume, advance(60)];
    const loaded = restart(history, 'load', calls);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.history.entries).toHaveLength(2);
    const expected = replayCalls(history.base, calls);
    expect(expected.ok).toBe(true);
    expect(loaded.history.world).toEqual(expected.ok ? expected.world : null);
    expect(effectiveCalls(loaded.history)).toEqual(calls);
    const more = runCall(loaded.history, advance(5));
    if (!more.ok) throw new Error(more.error.Message);
    expect(effectiveCalls(more.history)).toEqual([...calls, advance(5)]);
    expect(worldAt(more.history, 2)).toEqual(loaded.history.world);

    const broken = restart(history, 'load', [createVolume, { action: 'DeleteSnapshot', params: { SnapshotId: 'snap-0123456789abcdef0' } }]);
    expect(broken).toEqual({
      ok: false,
      error: expect.stringMatching(/^Call 2 of 2 \(DeleteSnapshot\) failed with InvalidSnapshot\.NotFound: .*Nothing was loaded/),
    });
  });
});

describe('clock ticks', () => {
  const busy = (): History => {
    const created = runCall(createHistory(createWorld()), { ...createVolume, params: { ...createVolume.params, Size: 8 } });
    if (!created.ok) throw new Error(created.error.Message);
    return created.history;
  };

  test('consecutive timer advances coalesce into one entry that replays to the World shown', () => {
    let history = busy();
    const narrated: string[] = [];
    for (let i = 0; i < 5; i++) {
      const result = advanceByTimer(history, 2);
      if (!result.ok) throw new Error(result.error.Message);
      history = result.history;
      narrated.push(...result.events.map((e) => e.type));
    }
    expect(history.entries).toHaveLength(2);
    expect(history.entries[1]).toEqual({ kind: 'call', call: advance(10), timer: true });
    expect(history.world.now - history.base.now).toBe(10_000);
    // The volume becomes available once, at 5 s, and is narrated once.
    expect(narrated).toEqual(['VolumeAvailable']);
    const replayed = replayCalls(history.base, effectiveCalls(history));
    expect(replayed.ok && replayed.world).toEqual(history.world);
  });

  test('a user call between ticks starts a new timer entry; a timer entry after undo is a new entry', () => {
    let history = busy();
    const tick = (h: History): History => {
      const result = advanceByTimer(h, 3);
      if (!result.ok) throw new Error(result.error.Message);
      return result.history;
    };
    history = tick(tick(history));
    const user = runCall(history, advance(1));
    if (!user.ok) throw new Error(user.error.Message);
    history = tick(tick(user.history));
    expect(history.entries.map((e) => (e.kind === 'call' ? [e.call.action, e.call.params?.['Seconds'], e.timer ?? false] : e.kind))).toEqual([
      ['CreateVolume', undefined, false],
      ['Advance', 6, true],
      ['Advance', 1, false],
      ['Advance', 6, true],
    ]);
    const afterUndo = tick(undo(history));
    expect(afterUndo.entries).toHaveLength(4);
    expect(afterUndo.entries[3]).toEqual({ kind: 'call', call: advance(3), timer: true });
  });

  test('a tick that would make the coalesced advance too long starts a new entry instead', () => {
    let history = busy();
    const longTick = Math.ceil(MAX_ADVANCE_SECONDS * 0.6);
    for (let i = 0; i < 2; i++) {
      const result = advanceByTimer(history, longTick);
      if (!result.ok) throw new Error(result.error.Message);
      history = result.history;
    }
    expect(history.entries.slice(1)).toEqual([
      { kind: 'call', call: advance(longTick), timer: true },
      { kind: 'call', call: advance(longTick), timer: true },
    ]);
    const replayed = replayCalls(history.base, effectiveCalls(history));
    expect(replayed.ok && replayed.world).toEqual(history.world);
  });

  test('coalescing keeps a checkpoint at the coalesced entry up to date', () => {
    const intents = Array.from({ length: CHECKPOINT_INTERVAL - 1 }, () => ({ kind: 'advance' as const, seconds: 1 }));
    let history = record(busy(), intents.slice(1));
    expect(history.entries).toHaveLength(CHECKPOINT_INTERVAL - 1);
    for (let i = 0; i < 3; i++) {
      const result = advanceByTimer(history, 4);
      if (!result.ok) throw new Error(result.error.Message);
      history = result.history;
    }
    expect(history.entries).toHaveLength(CHECKPOINT_INTERVAL);
    expect(history.checkpoints[CHECKPOINT_INTERVAL]).toBe(history.world);
    expect(worldAt(jumpTo(history, 3), CHECKPOINT_INTERVAL)).toEqual(replayEntries(history, CHECKPOINT_INTERVAL));
  });
});

describe('describeEntry', () => {
  test('labels calls by action, target id and Region, and clock advances by duration', () => {
    expect(describeEntry({ kind: 'call', call: { action: 'CreateSnapshot', region: 'eu-west-1', params: { VolumeId: 'vol-0abc' } } })).toBe(
      'CreateSnapshot vol-0abc in eu-west-1',
    );
    expect(describeEntry({ kind: 'call', call: advance(90) })).toBe('Advance the clock 90 s');
    expect(describeEntry({ kind: 'call', call: advance(600) })).toBe('Advance the clock 10 min');
    expect(describeEntry({ kind: 'restart', reason: 'load', calls: [advance(1)] })).toBe('Loaded a saved lab (1 call)');
  });
});
