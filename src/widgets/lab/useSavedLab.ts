/**
 * Keeps a lab's state between visits in the progress store (saveLabLog / loadLabLog): a reload
 * reopens the lab where the learner left it, as one undoable "loaded" step (Reset starts over from
 * the scenario). A permalink (#lab=...) in the address wins over the saved state. The store's code
 * and the codec load only when there is something to load (a saved lab under this key) or to save (a
 * step the learner took: a call, undo, reset or load, not the clock's own ticks), so a visit that only
 * reads the page carries neither. A saved log that no longer replays is refused by the actor with its
 * own message and the scenario stays.
 *
 * Opening someone's permalink never costs the learner their own saved lab: the link's load (sent by
 * SavePanel) is not a step of theirs, so nothing is saved over it until they act, and a link the actor
 * refuses (cut short, corrupted) opens their saved lab instead.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useRef, useState } from 'react';
import { mayHoldSavedLab } from '../../progress/keys.ts';
import { selectCursor, selectHistoryEntries, selectPersistence } from '../../sim/actor/index.ts';
import type { HistoryEntry } from '../../sim/actor/index.ts';
import type { SimulatorActor } from './actor.ts';

type ActorSnapshot = ReturnType<SimulatorActor['getSnapshot']>;

/** A permalink's hash: the saved lab follows it (SavePanel reads and writes it). */
export const HASH_PREFIX = '#lab=';

/** Quiet time after the last change before the lab is saved (clock ticks change it several times a second). */
const SAVE_AFTER_MS = 1500;

const progressStore = () => import('../../progress/index.ts');

/** The clock's timer records Advances by itself; every other entry is a step the learner took. */
const isLearnerStep = (entry: HistoryEntry) => !(entry.kind === 'call' && entry.timer === true);

/** Whether the learner's saved lab should open: not while a permalink loads, nor once one has opened. */
function savedLabWanted(snapshot: ActorSnapshot): boolean | 'wait' {
  if (snapshot.matches({ persistence: 'loading' })) return 'wait';
  if (snapshot.context.persistence.error !== null) return true;
  return !snapshot.context.history.entries.some((e) => e.kind === 'restart' && e.reason === 'load');
}

export function useSavedLab(actor: SimulatorActor, key: string | undefined): void {
  // Read on the client (hydration runs this again there); the server has no address bar.
  const [fromLink] = useState(() => typeof window !== 'undefined' && window.location.hash.startsWith(HASH_PREFIX));
  useEffect(() => {
    if (key === undefined || !mayHoldSavedLab(key)) return;
    let cancelled = false;
    const openSaved = () =>
      progressStore()
        .then(({ loadLabLog }) => {
          const saved = loadLabLog(key);
          if (!cancelled && saved !== undefined) actor.send({ type: 'log.load', encoded: saved });
        })
        .catch(() => {
          // The store's code could not load (offline, or a new deploy replaced it): start from the scenario.
        });
    if (!fromLink) {
      void openSaved();
      return () => {
        cancelled = true;
      };
    }
    // SavePanel has already sent the link's load (a child's effects run before its parent's): see how it ends.
    const decide = (snapshot: ActorSnapshot): boolean => {
      const wanted = savedLabWanted(snapshot);
      if (wanted === true) void openSaved();
      return wanted !== 'wait';
    };
    if (decide(actor.getSnapshot())) return;
    const subscription = actor.subscribe((snapshot) => {
      if (decide(snapshot)) subscription.unsubscribe();
    });
    return () => {
      cancelled = true;
      subscription.unsubscribe();
    };
  }, [actor, key, fromLink]);

  const entries = useSelector(actor, selectHistoryEntries);
  const cursor = useSelector(actor, selectCursor);
  // Once the learner has taken a step, every later change is saved (an undo back to the start included).
  // Opened from a link, a load is the link's (or the fallback to their own saved lab), not their step.
  const learnerActed = useRef(false);
  learnerActed.current ||= entries.some((entry) => isLearnerStep(entry) && !(fromLink && entry.kind === 'restart' && entry.reason === 'load'));
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
