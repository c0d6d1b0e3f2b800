/** How a lab's work is counted for a challenge: the learner's and the reference solution's alike. */
import { effectiveCalls } from '../../sim/actor/index.ts';
import type { History, HistoryEntry } from '../../sim/actor/index.ts';
import type { SimCall } from '../../sim/index.ts';

/**
 * Calls that changed the account, clock moves excluded (waiting is not work). Read-only calls never
 * reach the history, so describe calls are not counted either.
 */
export function countCalls(calls: readonly SimCall[]): number {
  return calls.filter((call) => call.action !== 'Advance').length;
}

/** The learner's count: the calls that rebuild the current World from the challenge's start. */
export function countLabCalls(history: History): number {
  return countCalls(effectiveCalls(history));
}

/**
 * Whether an entry is part of the World at the cursor: recorded before the cursor, with no reset or
 * load after it (those rebuild the World from the start without it).
 */
export function entryInEffect(history: History, entry: HistoryEntry): boolean {
  const at = history.entries.indexOf(entry);
  if (at < 0 || at >= history.cursor) return false;
  return history.entries.slice(at + 1, history.cursor).every((later) => later.kind !== 'restart');
}
