/**
 * The store's status in words for the learner. Kept out of the store itself, which ships on
 * every page that records progress: only pages that show a message load these sentences.
 */
import type { Recovery, StoreStatus } from './store';

export function recoveryMessage({ kind, reason, backupKept }: Pick<Recovery, 'kind' | 'reason' | 'backupKept'>): string {
  const copy = backupKept
    ? 'A copy was kept; you can export it from the Progress page.'
    : 'No copy could be kept, because this browser does not let the site store more.';
  return kind === 'reset'
    ? `Your saved progress could not be read (${reason}), so it was reset. ${copy}`
    : `Part of your saved progress could not be read (${reason}); the rest was kept. ${copy}`;
}

export function storageMessage(problem: NonNullable<StoreStatus['problem']>): string {
  return problem === 'full'
    ? 'This browser’s storage for the site is full, so new progress is kept only until you close this tab. Export it to keep it.'
    : 'This browser does not let the site store data (private mode or a privacy setting), so progress is kept only until you close this tab. Export it to keep it.';
}

/** The one message a page should show about saved progress, if any: a recovery first, then a storage problem. */
export function statusMessage(status: StoreStatus): string | undefined {
  if (status.recovery) return recoveryMessage(status.recovery);
  return status.problem ? storageMessage(status.problem) : undefined;
}
