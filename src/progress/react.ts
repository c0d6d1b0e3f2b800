/** React access to the progress store: re-renders when progress changes here or in another tab. */
import { useSyncExternalStore } from 'react';
import { emptyProgress } from './schema';
import { getProgress, subscribe, type Progress } from './index';

/** What the server renders: no progress (it lives only in the browser), so hydration starts from the empty state. */
const SERVER_PROGRESS: Progress = { ...emptyProgress(), status: { persistence: 'local' } };

export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, getProgress, () => SERVER_PROGRESS);
}
