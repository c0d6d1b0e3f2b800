/**
 * The learner's progress, kept in this browser (contracts.md "Progress store"). Every page uses
 * the one store below; it reads localStorage lazily, on first use, so importing this module on
 * the server or in a test touches nothing.
 */
import { createProgressStore } from './store';

export type { AnswerInput, Backup, ChallengeInput, Progress, ProgressStore, Recovery, StoreStatus } from './store';
export { BACKUP_KEY, createProgressStore, STORAGE_KEY } from './store';
export type {
  AnswerMark,
  AnswerRecord,
  AnswerSource,
  ChallengeRecord,
  LabLog,
  ProgressData,
  ReviewCard,
  ReviewRating,
  ReviewSubject,
} from './schema';
export { answerKey, emptyProgress, PROGRESS_VERSION, reviewKey } from './schema';
export { recoveryMessage, statusMessage, storageMessage } from './messages';

const store = createProgressStore({ events: typeof window === 'undefined' ? undefined : window });

export const {
  getProgress,
  subscribe,
  recordAnswer,
  recordChallenge,
  markLessonRead,
  saveLabLog,
  loadLabLog,
  rateLastReview,
  updateProgress,
  resetProgress,
  getBackup,
  acknowledgeRecovery,
  discardBackup,
} = store;
