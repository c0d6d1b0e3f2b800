/**
 * Small read-only slices of the simulator's snapshot, for `useSelector(actor, selectX)` in the
 * widgets. Each returns a value already held in the snapshot (or a primitive), so React's default
 * reference comparison re-renders a view only when its slice really changed.
 */
import type { SnapshotFrom } from 'xstate';
import type { World } from '../types.ts';
import { canRedo, canUndo } from './history.ts';
import type { HistoryEntry } from './history.ts';
import type { ClockState, LastResult, NarrationItem, PersistenceState, simulatorMachine } from './simulator.machine.ts';

export type SimulatorSnapshot = SnapshotFrom<typeof simulatorMachine>;

export const selectWorld = (snapshot: SimulatorSnapshot): World => snapshot.context.history.world;
export const selectNow = (snapshot: SimulatorSnapshot): number => snapshot.context.history.world.now;
export const selectCanUndo = (snapshot: SimulatorSnapshot): boolean => canUndo(snapshot.context.history);
export const selectCanRedo = (snapshot: SimulatorSnapshot): boolean => canRedo(snapshot.context.history);
/** Number of entries in the history, including any redo entries after the cursor. */
export const selectHistoryLength = (snapshot: SimulatorSnapshot): number => snapshot.context.history.entries.length;
/** Number of entries in effect (0 = the starting point). */
export const selectCursor = (snapshot: SimulatorSnapshot): number => snapshot.context.history.cursor;
export const selectHistoryEntries = (snapshot: SimulatorSnapshot): readonly HistoryEntry[] =>
  snapshot.context.history.entries;
export const selectLastResult = (snapshot: SimulatorSnapshot): LastResult | null => snapshot.context.lastResult;
export const selectNarration = (snapshot: SimulatorSnapshot): readonly NarrationItem[] => snapshot.context.narration;
export const selectClock = (snapshot: SimulatorSnapshot): ClockState => snapshot.context.clock;
/** True while the timer is scheduled (something is pending, the clock runs and the cursor is at the head). */
export const selectIsTicking = (snapshot: SimulatorSnapshot): boolean => snapshot.matches({ clock: 'ticking' });
export const selectPersistence = (snapshot: SimulatorSnapshot): PersistenceState => snapshot.context.persistence;
/** True while a saved lab is being decoded or the log encoded. */
export const selectIsBusy = (snapshot: SimulatorSnapshot): boolean => !snapshot.matches({ persistence: 'idle' });
