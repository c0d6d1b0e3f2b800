/** Where progress lives in localStorage; its own module so a page can check for saved progress without loading the store. */
export const STORAGE_KEY = 'ami-snapshot-lab:progress';
export const BACKUP_KEY = 'ami-snapshot-lab:progress-backup';
