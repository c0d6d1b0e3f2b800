/**
 * The history of a lab: the call log on top of a base World, with a cursor for undo and redo.
 * Pure functions over immutable values; the World at any point is a replay of the log.
 *
 * - `base` is the World the log starts from: a scenario's setup replayed on a fresh account, or a
 *   fresh account.
 * - `entries` are the steps the learner took. A `call` entry is one successful mutating call. A
 *   `restart` entry replaces the whole World by `replay(base, calls)`: a reset is a restart with no
 *   calls, a loaded saved lab a restart with its calls. Modelling both as entries makes them
 *   undoable like any call, with no second stack of histories.
 * - `cursor` counts the entries in effect: undo moves it back, redo forward, a new call drops the
 *   entries after it (the usual editor model).
 * - `checkpoints` keep the World after every CHECKPOINT_INTERVAL-th entry and after every restart,
 *   so any point of a long history is at most CHECKPOINT_INTERVAL - 1 calls away from a stored World.
 * - `world` is the World at the cursor, kept so reading it costs nothing.
 * - Replays (a restart, a restored session, a jump) run as one batch (../batch.ts), which copies each
 *   table once per stretch between stored Worlds rather than once per call.
 *
 * Clock ticks are coalesced: an Advance recorded by the timer right after another timer Advance
 * replaces it with one Advance of the summed duration, recomputed from the World before it
 * (`timerBase`), so the stored log replays to exactly the World shown.
 */
import { beginBatch, type Batch } from '../batch.ts';
import { execute, isReadOnlyAction } from '../execute.ts';
import type { Ec2Error, SimCall, SimEvent, World } from '../types.ts';

/**
 * Entries between stored Worlds. A jump replays at most CHECKPOINT_INTERVAL - 1 calls (as one
 * batch); a stored World costs only the tables it does not share with its neighbours, so 50 trades
 * about 10 MB of heap for a 10,000-call history of about 1,000 resources (test/bench/sim.bench.ts)
 * against jumps of at most 49 calls.
 */
export const CHECKPOINT_INTERVAL = 50;

export type HistoryEntry =
  | { kind: 'call'; call: SimCall; /** Recorded by the clock's timer; the next tick may coalesce into it. */ timer?: true }
  | { kind: 'restart'; reason: 'reset' | 'load'; calls: readonly SimCall[] };

export interface History {
  readonly base: World;
  readonly entries: readonly HistoryEntry[];
  readonly cursor: number;
  readonly world: World;
  /** Entry count -> World after that many entries. Index 0 is the base itself and is not stored. */
  readonly checkpoints: Readonly<Record<number, World>>;
  /** World before the last entry while that entry is a coalescible timer Advance at the cursor. */
  readonly timerBase: World | null;
}

export type ReplayResult = { ok: true; world: World } | { ok: false; error: string; index: number };

export type RunResult =
  | { ok: true; history: History; output: unknown; events: SimEvent[] }
  | { ok: false; error: Ec2Error };

export function createHistory(base: World): History {
  return { base, entries: [], cursor: 0, world: base, checkpoints: {}, timerBase: null };
}

/** Appended to a replay failure when a saved lab is refused. */
export const LOAD_REFUSED =
  'Nothing was loaded: the calls do not fit this starting point (perhaps another scenario or an older version of the lab).';

function callFailed(index: number, calls: readonly SimCall[], error: Ec2Error): { ok: false; error: string; index: number } {
  return {
    ok: false,
    index,
    error: `Call ${index + 1} of ${calls.length} (${calls[index]?.action ?? '?'}) failed with ${error.Code}: ${error.Message}`,
  };
}

/** Replays calls from a World; the first failing call rejects the whole replay and is named in the error. */
export function replayCalls(base: World, calls: readonly SimCall[]): ReplayResult {
  const batch = beginBatch(base);
  for (let i = 0; i < calls.length; i++) {
    const result = batch.run(calls[i] as SimCall);
    if (!result.ok) return callFailed(i, calls, result.error);
  }
  return { ok: true, world: batch.world() };
}

/**
 * Records many calls at the cursor at once (a restored session), all or nothing. The same as
 * runCall for each call in turn, without copying the entry list once per call.
 */
export function recordCalls(
  history: History,
  calls: readonly SimCall[],
): { ok: true; history: History } | { ok: false; error: string; index: number } {
  const entries = history.entries.slice(0, history.cursor);
  const checkpoints = dropAfter(history.checkpoints, history.cursor);
  const batch = beginBatch(history.world);
  for (let i = 0; i < calls.length; i++) {
    const call = calls[i] as SimCall;
    const result = batch.run(call);
    if (!result.ok) return callFailed(i, calls, result.error);
    if (isReadOnlyAction(call.action)) continue;
    entries.push({ kind: 'call', call });
    if (entries.length % CHECKPOINT_INTERVAL === 0) checkpoints[entries.length] = batch.world();
  }
  if (entries.length === history.cursor) return { ok: true, history };
  return { ok: true, history: { base: history.base, entries, cursor: entries.length, world: batch.world(), checkpoints, timerBase: null } };
}

/** Applies an entry to the batch's World; a restart starts a new batch on the replayed base. */
function applyEntry(batch: Batch, base: World, entry: HistoryEntry): Batch {
  if (entry.kind === 'restart') {
    const replayed = replayCalls(base, entry.calls);
    if (!replayed.ok) throw new Error(`History replay diverged at a restart entry: ${replayed.error}`);
    return beginBatch(replayed.world);
  }
  const result = batch.run(entry.call);
  // Every entry succeeded when it was recorded and execute() is deterministic: a failure here is a
  // bug in the simulator, not a user error, so it must not be hidden.
  if (!result.ok) {
    throw new Error(`History replay diverged: ${entry.call.action} failed with ${result.error.Code}: ${result.error.Message}`);
  }
  return batch;
}

/** The World after the first `index` entries (clamped to the log), from the nearest stored World. */
export function worldAt(history: History, index: number): World {
  const target = clampIndex(history, index);
  if (target === history.cursor) return history.world;
  let start = 0;
  for (let i = target; i > 0; i--) {
    if (history.checkpoints[i] !== undefined) {
      start = i;
      break;
    }
  }
  let world = start === 0 ? history.base : (history.checkpoints[start] as World);
  if (history.cursor <= target && history.cursor > start) {
    start = history.cursor;
    world = history.world;
  }
  let batch = beginBatch(world);
  for (let i = start; i < target; i++) batch = applyEntry(batch, history.base, history.entries[i] as HistoryEntry);
  return batch.world();
}

function clampIndex(history: History, index: number): number {
  if (!Number.isFinite(index)) return history.cursor;
  return Math.min(history.entries.length, Math.max(0, Math.trunc(index)));
}

/** Appends an entry at the cursor, dropping any redo tail, and stores a checkpoint when due. */
function append(history: History, entry: HistoryEntry, world: World, timerBase: World | null): History {
  const entries = [...history.entries.slice(0, history.cursor), entry];
  const count = entries.length;
  let checkpoints = history.checkpoints;
  if (history.cursor < history.entries.length) checkpoints = dropAfter(checkpoints, history.cursor);
  if (count % CHECKPOINT_INTERVAL === 0 || entry.kind === 'restart') checkpoints = { ...checkpoints, [count]: world };
  return { base: history.base, entries, cursor: count, world, checkpoints, timerBase };
}

function dropAfter(checkpoints: Readonly<Record<number, World>>, index: number): Record<number, World> {
  const kept: Record<number, World> = {};
  for (const key of Object.keys(checkpoints)) {
    const at = Number(key);
    if (at <= index) kept[at] = checkpoints[at] as World;
  }
  return kept;
}

/**
 * Runs a call against the World at the cursor. A successful mutating call becomes an entry; a
 * read-only call returns its output and leaves the history as it is; a failed call changes nothing.
 */
export function runCall(history: History, call: SimCall): RunResult {
  const result = execute(history.world, call);
  if (!result.ok) return result;
  if (isReadOnlyAction(call.action)) return { ok: true, history, output: result.output, events: result.events };
  return {
    ok: true,
    history: append(history, { kind: 'call', call }, result.world, null),
    output: result.output,
    events: result.events,
  };
}

/**
 * Advances the clock on behalf of the timer. Consecutive timer advances at the head of the log
 * collapse into one entry, so a running clock does not grow the log by one entry per tick. The
 * events returned are only the ones that happened during this tick.
 */
export function advanceByTimer(history: History, seconds: number): RunResult {
  const coalesced = coalesceTimerAdvance(history, seconds);
  if (coalesced !== null) return coalesced;
  const call: SimCall = { action: 'Advance', params: { Seconds: seconds } };
  const result = execute(history.world, call);
  if (!result.ok) return result;
  return {
    ok: true,
    history: append(history, { kind: 'call', call, timer: true }, result.world, history.world),
    output: result.output,
    events: result.events,
  };
}

/** Folds a tick into the timer entry at the head of the log; null when there is none or the sum is refused. */
function coalesceTimerAdvance(history: History, seconds: number): RunResult | null {
  const last = history.entries[history.cursor - 1];
  const before = history.timerBase;
  if (before === null || history.cursor !== history.entries.length || last?.kind !== 'call' || last.timer !== true) return null;
  const call: SimCall = {
    ...last.call,
    params: { ...last.call.params, Seconds: Number(last.call.params?.['Seconds']) + seconds },
  };
  // Recomputed from the World before the entry, so the stored entry replays to exactly this World.
  const result = execute(before, call);
  if (!result.ok) return null;
  const tickStart = history.world.now;
  const checkpoints =
    history.checkpoints[history.cursor] !== undefined
      ? { ...history.checkpoints, [history.cursor]: result.world }
      : history.checkpoints;
  return {
    ok: true,
    history: {
      ...history,
      entries: [...history.entries.slice(0, -1), { kind: 'call', call, timer: true }],
      world: result.world,
      checkpoints,
    },
    output: result.output,
    events: result.events.filter((event) => event.time > tickStart),
  };
}

/** Replaces the World by the base (a reset) or by the base plus `calls` (a loaded log), as one undoable entry. */
export function restart(
  history: History,
  reason: 'reset' | 'load',
  calls: readonly SimCall[] = [],
): { ok: true; history: History } | { ok: false; error: string } {
  const replayed = replayCalls(history.base, calls);
  if (!replayed.ok) return { ok: false, error: `${replayed.error} ${LOAD_REFUSED}` };
  return { ok: true, history: append(history, { kind: 'restart', reason, calls: [...calls] }, replayed.world, null) };
}

export function canUndo(history: History): boolean {
  return history.cursor > 0;
}

export function canRedo(history: History): boolean {
  return history.cursor < history.entries.length;
}

/** Moves the cursor to `index` (clamped); the entries after it stay available for redo. */
export function jumpTo(history: History, index: number): History {
  const target = clampIndex(history, index);
  if (target === history.cursor) return history;
  return { ...history, cursor: target, world: worldAt(history, target), timerBase: null };
}

export function undo(history: History): History {
  return jumpTo(history, history.cursor - 1);
}

export function redo(history: History): History {
  return jumpTo(history, history.cursor + 1);
}

/**
 * The calls that rebuild the World at the cursor from the base: the calls of the last restart
 * before the cursor, then the calls after it. This is what a saved lab stores.
 */
export function effectiveCalls(history: History): SimCall[] {
  const calls: SimCall[] = [];
  for (let i = history.cursor - 1; i >= 0; i--) {
    const entry = history.entries[i] as HistoryEntry;
    if (entry.kind === 'restart') {
      calls.unshift(...entry.calls);
      break;
    }
    calls.unshift(entry.call);
  }
  return calls;
}

/** A short label for an entry, for the history list and the narration ("CreateSnapshot vol-0abc..."). */
export function describeEntry(entry: HistoryEntry): string {
  if (entry.kind === 'restart') {
    return entry.reason === 'reset'
      ? 'Reset to the starting point'
      : `Loaded a saved lab (${entry.calls.length} ${entry.calls.length === 1 ? 'call' : 'calls'})`;
  }
  const { action, params, region } = entry.call;
  if (action === 'Advance') return `Advance the clock ${formatSeconds(Number(params?.['Seconds']))}`;
  const target = Object.entries(params ?? {}).find(
    ([key, value]) => /Id$/.test(key) && typeof value === 'string',
  )?.[1] as string | undefined;
  return [action, target, region !== undefined ? `in ${region}` : undefined]
    .filter((part) => part !== undefined)
    .join(' ');
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'by an unknown amount';
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
