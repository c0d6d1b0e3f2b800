/** Where progress lives in localStorage; its own module so a page can check for saved progress without loading the store. */
export const STORAGE_KEY = 'ami-snapshot-lab:progress';
export const BACKUP_KEY = 'ami-snapshot-lab:progress-backup';

/**
 * False when no saved lab under `key` can be in the stored record (its text does not hold the key as a JSON
 * string), so a lab need not load the store's code to find out; true means the store must be asked, since
 * only it validates the record.
 */
export function mayHoldSavedLab(key: string): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY)?.includes(JSON.stringify(key)) ?? false;
  } catch {
    // A disabled localStorage throws on access: the store could not read a saved lab either.
    return false;
  }
}
