/**
 * Keeps a lab's state between visits in the progress store (saveLabLog / loadLabLog): a reload
 * reopens the lab where the learner left it, as one undoable "loaded" step (Reset starts over from
 * the scenario). A permalink (#lab=...) in the address wins over the saved state. The store's code
 * and the codec load only when there is something to load (a saved lab under this key) or to save (a
 * step the learner took: a call, undo, reset or load, not the clock's own ticks), so a visit that only
 * reads the page carries neither. A saved log that no longer replays is refused by the actor with its
 * own message and the scenario stays.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useRef } from 'react';
import { mayHoldSavedLab } from '../../progress/keys.ts';
import { selectCursor, selectHistoryEntries, selectPersistence } from '../../sim/actor/index.ts';
import type { HistoryEntry } from '../../sim/actor/index.ts';
import type { SimulatorActor } from './actor.ts';

/** A permalink's hash: the saved lab follows it (SavePanel reads and writes it). */
export const HASH_PREFIX = '#lab=';

/** Quiet time after the last change before the lab is saved (clock ticks change it several times a second). */
const SAVE_AFTER_MS = 1500;

const progressStore = () => import('../../progress/index.ts');

/** The clock's timer records Advances by itself; every other entry is a step the learner took. */
const isLearnerStep = (entry: HistoryEntry) => !(entry.kind === 'call' && entry.timer === true);

export function useSavedLab(actor: SimulatorActor, key: string | undefined): void {
  useEffect(() => {
    if (key === undefined || window.location.hash.startsWith(HASH_PREFIX) || !mayHoldSavedLab(key)) return;
    let cancelled = false;
    progressStore()
      .then(({ loadLabLog }) => {
        const saved = loadLabLog(key);
        if (!cancelled && saved !== undefined) actor.send({ type: 'log.load', encoded: saved });
      })
      .catch(() => {
        // The store's code could not load (offline, or a new deploy replaced it): start from the scenario.
      });
    return () => {
      cancelled = true;
    };
  }, [actor, key]);

  const entries = useSelector(actor, selectHistoryEntries);
  const cursor = useSelector(actor, selectCursor);
  // Once the learner has taken a step, every later change is saved (an undo back to the start included).
  const learnerActed = useRef(false);
  learnerActed.current ||= entries.some(isLearnerStep);
  useEffect(() => {
    if (key === undefined || !learnerActed.current) return;
    const timer = setTimeout(() => actor.send({ type: 'log.export' }), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [actor, key, entries, cursor]);

  const persistence = useSelector(actor, selectPersistence);
  useEffect(() => {
    const exported = persistence.exported;
    if (key === undefined || exported === null || exported.cursor !== actor.getSnapshot().context.history.cursor) return;
    progressStore()
      .then(({ saveLabLog }) => saveLabLog(key, exported.encoded))
      .catch(() => {
        // Not saved this time; the next change tries again.
      });
  }, [actor, key, persistence]);
}
