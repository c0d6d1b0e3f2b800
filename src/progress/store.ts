/**
 * The progress store: one versioned record in localStorage, read through schema.ts, changed only
 * through named operations, shared between tabs through the 'storage' event. It never throws:
 * without usable storage (disabled, private mode, full) it keeps progress in memory and says so
 * in its status; unreadable saved data is copied to a backup key, recovered or reset, and the
 * status reports it until the learner acknowledges it (messages.ts puts both into words).
 */
import {
  answerKey,
  emptyProgress,
  isId,
  isLabKey,
  MAX_LAB_LOG_CHARS,
  MAX_REVIEW_LOG,
  reviewKey,
  salvage,
  type AnswerSource,
  type ChallengeRecord,
  type ProgressData,
  type ReviewRating,
  type ReviewSubject,
} from './schema';

import { BACKUP_KEY, STORAGE_KEY } from './keys';

export { BACKUP_KEY, STORAGE_KEY };

export interface Recovery {
  /** 'recovered': the valid part was kept; 'reset': nothing could be kept. */
  kind: 'recovered' | 'reset';
  reason: string;
  at: number;
  /** Whether the unreadable original was kept under BACKUP_KEY (storage may be full). */
  backupKept: boolean;
}

export interface StoreStatus {
  /** 'memory': progress cannot be saved in this browser and lasts only while the page is open. */
  persistence: 'local' | 'memory';
  /** Why progress is not being saved ('full': quota exceeded); undefined while it is. messages.ts words it. */
  problem?: 'full' | 'unavailable';
  /** Saved progress that could not be read, until the learner acknowledges it. messages.ts words it. */
  recovery?: Recovery;
}

export type Progress = ProgressData & { status: StoreStatus };

/** The unreadable original, kept so that nothing the learner did is destroyed silently. */
export interface Backup {
  raw: string;
  reason: string;
  kind: Recovery['kind'];
  at: number;
  acknowledged: boolean;
}

export interface StoreOptions {
  /** Returns the Storage to use; may throw (a disabled localStorage throws on access). */
  storage?: () => Storage | undefined;
  now?: () => number;
  /** Where 'storage' events from other tabs arrive (window in the browser). */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export interface AnswerInput {
  source: AnswerSource;
  lesson: string;
  questionId: string;
  objectives: string[];
  correct: boolean;
}

export interface ChallengeInput {
  challengeId: string;
  solved: boolean;
  calls: number;
  referenceCalls: number;
}

const MISSED: ReviewRating = 1;
const RECALLED: ReviewRating = 3;

function storageProblem(error: unknown): StoreStatus['problem'] {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  return /quota/i.test(name) ? 'full' : 'unavailable';
}

function parseBackup(raw: string | null): Backup | undefined {
  if (raw === null) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const b = value as Record<string, unknown>;
    if (typeof b.raw !== 'string' || typeof b.reason !== 'string' || typeof b.at !== 'number') return undefined;
    return { raw: b.raw, reason: b.reason, at: b.at, kind: b.kind === 'recovered' ? 'recovered' : 'reset', acknowledged: b.acknowledged === true };
  } catch {
    return undefined;
  }
}

export function createProgressStore(options: StoreOptions = {}) {
  const now = options.now ?? Date.now;
  const openStorage = options.storage ?? (() => globalThis.localStorage);
  const listeners = new Set<() => void>();

  let data = emptyProgress();
  /** The stored text `data` was read from or written as, to notice changes made by other tabs. */
  let knownRaw: string | null = null;
  let persistence: StoreStatus['persistence'] = 'local';
  let problem: StoreStatus['problem'];
  /** A recovery found by this page whose backup could not be stored: it lives in memory only. */
  let unsavedRecovery: Recovery | undefined;
  let backup: Backup | undefined;
  let snapshot: Progress | undefined;
  let started = false;

  function storage(): Storage | undefined {
    try {
      return openStorage() ?? undefined;
    } catch {
      return undefined;
    }
  }

  function getItem(key: string): string | null | undefined {
    try {
      return storage()?.getItem(key);
    } catch {
      return undefined;
    }
  }

  /** Writes one key; on failure records why and returns false. */
  function setItem(key: string, value: string): boolean {
    const store = storage();
    if (!store) {
      persistence = 'memory';
      problem = storageProblem(undefined);
      return false;
    }
    try {
      store.setItem(key, value);
      return true;
    } catch (error) {
      persistence = 'memory';
      problem = storageProblem(error);
      return false;
    }
  }

  function removeItem(key: string) {
    try {
      storage()?.removeItem(key);
    } catch {
      // Nothing to undo: the key stays, and is read again next time.
    }
  }

  /** Loads the stored record, recovering from anything unreadable. */
  function load(raw: string | null | undefined) {
    if (raw === undefined) {
      persistence = 'memory';
      problem = storageProblem(undefined);
      return;
    }
    knownRaw = raw;
    backup = parseBackup(getItem(BACKUP_KEY) ?? null);
    if (raw === null) {
      data = emptyProgress();
      return;
    }
    const result = salvage(raw);
    data = result.data;
    if (result.problems.length === 0) return;
    const kind = result.unreadable ? 'reset' : 'recovered';
    const reason = result.problems.join('; ');
    const at = now();
    const next: Backup = { raw, reason, kind, at, acknowledged: false };
    const backupKept = setItem(BACKUP_KEY, JSON.stringify(next));
    if (backupKept) {
      backup = next;
      unsavedRecovery = undefined;
      // The readable part replaces the unreadable record, so the next page load starts clean.
      write();
    } else {
      unsavedRecovery = { kind, reason, at, backupKept: false };
    }
  }

  function write() {
    const raw = JSON.stringify(data);
    if (setItem(STORAGE_KEY, raw)) {
      knownRaw = raw;
      persistence = 'local';
      problem = undefined;
    }
  }

  function start() {
    if (started) return;
    started = true;
    load(getItem(STORAGE_KEY));
    options.events?.addEventListener('storage', onStorage);
  }

  function onStorage(event: Event) {
    const { key } = event as StorageEvent;
    // key null: another tab cleared all storage of the site.
    if (key !== STORAGE_KEY && key !== BACKUP_KEY && key !== null) return;
    load(getItem(STORAGE_KEY));
    changed();
  }

  function changed() {
    snapshot = undefined;
    for (const listener of [...listeners]) listener();
  }

  /** Applies a change to the latest stored record (another tab may have written since), saves it, tells listeners. */
  function update(change: (current: ProgressData) => ProgressData | undefined) {
    start();
    const raw = getItem(STORAGE_KEY);
    if (raw !== undefined && raw !== knownRaw) load(raw);
    const next = change(data);
    if (next === undefined) return;
    data = next;
    write();
    changed();
  }

  function recovery(): Recovery | undefined {
    if (unsavedRecovery) return unsavedRecovery;
    if (!backup || backup.acknowledged) return undefined;
    return { kind: backup.kind, reason: backup.reason, at: backup.at, backupKept: true };
  }

  function getProgress(): Progress {
    start();
    if (!snapshot) {
      const status: StoreStatus = { persistence };
      if (problem) status.problem = problem;
      const found = recovery();
      if (found) status.recovery = found;
      snapshot = { ...data, status };
    }
    return snapshot;
  }

  /** A missed item becomes a review card; any later answer to it is one more review of that card. */
  function addReview(current: ProgressData, subject: ReviewSubject, rating: ReviewRating, at: number): ProgressData['review'] {
    const key = reviewKey(subject);
    const card = current.review[key];
    if (!card && rating !== MISSED) return current.review;
    const previous = card?.log.at(-1)?.at ?? -Infinity;
    const log = [...(card?.log ?? []), { at: Math.max(at, previous + 1), rating }].slice(-MAX_REVIEW_LOG);
    return { ...current.review, [key]: { ...subject, log } };
  }

  return {
    getProgress,

    subscribe(listener: () => void): () => void {
      start();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    recordAnswer(answer: AnswerInput) {
      const { lesson, questionId, source, correct } = answer;
      if (!isId(lesson) || !isId(questionId) || typeof correct !== 'boolean' || !['quiz', 'exam', 'review'].includes(source)) {
        return;
      }
      const objectives = Array.isArray(answer.objectives) ? answer.objectives.filter(isId).slice(0, 20) : [];
      update((current) => {
        const at = now();
        const key = answerKey(lesson, questionId);
        const mark = { correct, at, source };
        const previous = current.answers[key];
        return {
          ...current,
          answers: { ...current.answers, [key]: { lesson, questionId, objectives, first: previous?.first ?? mark, last: mark } },
          review: addReview(current, { kind: 'question', lesson, questionId }, correct ? RECALLED : MISSED, at),
        };
      });
    },

    recordChallenge(result: ChallengeInput) {
      const { challengeId, solved, calls, referenceCalls } = result;
      const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1_000_000;
      if (!isId(challengeId) || typeof solved !== 'boolean' || !count(calls) || !count(referenceCalls)) return;
      update((current) => {
        const at = now();
        const previous = current.challenges[challengeId];
        const record: ChallengeRecord = { ...previous, solved: solved || previous?.solved === true, referenceCalls, lastAt: at };
        if (solved) {
          record.bestCalls = Math.min(calls, previous?.bestCalls ?? calls);
          record.solvedAt = previous?.solvedAt ?? at;
        }
        return {
          ...current,
          challenges: { ...current.challenges, [challengeId]: record },
          review: addReview(current, { kind: 'challenge', challengeId }, solved ? RECALLED : MISSED, at),
        };
      });
    },

    markLessonRead(slug: string) {
      if (!isId(slug)) return;
      update((current) =>
        current.lessons[slug] ? undefined : { ...current, lessons: { ...current.lessons, [slug]: { readAt: now() } } },
      );
    },

    saveLabLog(key: string, encoded: string) {
      if (!isLabKey(key) || typeof encoded !== 'string' || encoded === '' || encoded.length > MAX_LAB_LOG_CHARS) return;
      update((current) =>
        current.labLogs[key]?.encoded === encoded
          ? undefined
          : { ...current, labLogs: { ...current.labLogs, [key]: { encoded, savedAt: now() } } },
      );
    },

    loadLabLog(key: string): string | undefined {
      start();
      return isLabKey(key) ? data.labLogs[key]?.encoded : undefined;
    },

    /**
     * The learner's own judgement of the review they just answered correctly: Hard (2), Good (3)
     * or Easy (4) replaces the rating of that answer. A missed answer stays Again.
     */
    rateLastReview(key: string, rating: 2 | 3 | 4) {
      update((current) => {
        const card = current.review[key];
        const last = card?.log.at(-1);
        if (!card || !last || last.rating === MISSED || last.rating === rating || ![2, 3, 4].includes(rating)) return undefined;
        return { ...current, review: { ...current.review, [key]: { ...card, log: [...card.log.slice(0, -1), { at: last.at, rating }] } } };
      });
    },

    /** Replaces the whole record (after an import or a merge computed from the current one). */
    updateProgress(change: (current: ProgressData) => ProgressData) {
      update(change);
    },

    resetProgress() {
      update(() => emptyProgress());
    },

    getBackup(): Backup | undefined {
      start();
      return backup;
    },

    /** The learner has seen the recovery message; the copy stays until they discard it. */
    acknowledgeRecovery() {
      start();
      unsavedRecovery = undefined;
      if (backup && !backup.acknowledged) {
        backup = { ...backup, acknowledged: true };
        setItem(BACKUP_KEY, JSON.stringify(backup));
      }
      changed();
    },

    discardBackup() {
      start();
      unsavedRecovery = undefined;
      backup = undefined;
      removeItem(BACKUP_KEY);
      changed();
    },

    /** Stops listening to other tabs (tests; pages never need to). */
    dispose() {
      options.events?.removeEventListener('storage', onStorage);
      listeners.clear();
      started = false;
    },
  };
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
