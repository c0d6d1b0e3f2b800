/**
 * The saved progress record: its shape, its version, and how raw JSON becomes a valid record.
 * Hand-written checks rather than zod: this module ships on every text page (inside a 15 KB
 * budget), and the checks are a few lines each.
 *
 * Two readers share the field checks. `salvage` reads what this browser stored: it keeps every
 * entry that is valid and drops the rest, so one bad entry never costs the learner everything.
 * `readStrict` reads an imported file: any problem refuses the whole file with a message.
 */

export const PROGRESS_VERSION = 1;

export type AnswerSource = 'quiz' | 'exam' | 'review';
const SOURCES: readonly string[] = ['quiz', 'exam', 'review'];

/** FSRS ratings by their ts-fsrs numbers (Rating.Again = 1 ... Rating.Easy = 4). */
export type ReviewRating = 1 | 2 | 3 | 4;

export interface AnswerMark {
  correct: boolean;
  at: number;
  source: AnswerSource;
}

/** One question's answers: the first (for "first try" scores) and the latest (for mastery). */
export interface AnswerRecord {
  lesson: string;
  questionId: string;
  objectives: string[];
  first: AnswerMark;
  last: AnswerMark;
}

export interface ChallengeRecord {
  solved: boolean;
  /** Fewest calls of a solving attempt. */
  bestCalls?: number;
  referenceCalls: number;
  solvedAt?: number;
  lastAt: number;
}

export type ReviewSubject = { kind: 'question'; lesson: string; questionId: string } | { kind: 'challenge'; challengeId: string };

/**
 * A spaced-review card is its history of ratings; the FSRS schedule is replayed from it
 * (src/progress/review.ts), so this record never holds scheduler state that could drift.
 * Times in the log strictly increase.
 */
export type ReviewCard = ReviewSubject & { log: { at: number; rating: ReviewRating }[] };

export interface LabLog {
  encoded: string;
  savedAt: number;
}

export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, { readAt: number }>;
  /** Keyed by answerKey(lesson, questionId). */
  answers: Record<string, AnswerRecord>;
  challenges: Record<string, ChallengeRecord>;
  /** Keyed by reviewKey(subject). */
  review: Record<string, ReviewCard>;
  labLogs: Record<string, LabLog>;
}

/** Review history kept per card; older ratings barely move an FSRS schedule. */
export const MAX_REVIEW_LOG = 60;
/** A lab's saved call log (the lab's compressed codec) may not exceed this many characters. */
export const MAX_LAB_LOG_CHARS = 1_000_000;

export const emptyProgress = (): ProgressData => ({
  version: PROGRESS_VERSION,
  lessons: {},
  answers: {},
  challenges: {},
  review: {},
  labLogs: {},
});

/** Content ids are kebab-case (src/schemas/common.ts); this also rules out keys like __proto__. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LAB_KEY = /^[a-z0-9]+(?:[-:/][a-z0-9]+)*$/;
export const isId = (value: unknown): value is string => typeof value === 'string' && value.length <= 100 && ID.test(value);
export const isLabKey = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 200 && LAB_KEY.test(value);

export const answerKey = (lesson: string, questionId: string) => `${lesson}/${questionId}`;
export const reviewKey = (subject: ReviewSubject) =>
  subject.kind === 'question' ? `question:${answerKey(subject.lesson, subject.questionId)}` : `challenge:${subject.challengeId}`;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Milliseconds since the epoch, between 2000 and 2200: anything else is not a time this site wrote. */
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 946_684_800_000 && value <= 7_258_118_400_000;
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1_000_000;

function readMark(value: unknown): AnswerMark | undefined {
  if (!isObj(value) || typeof value.correct !== 'boolean' || !isTime(value.at) || !SOURCES.includes(value.source as string)) {
    return undefined;
  }
  return { correct: value.correct, at: value.at, source: value.source as AnswerSource };
}

function readLesson(value: unknown): { readAt: number } | undefined {
  return isObj(value) && isTime(value.readAt) ? { readAt: value.readAt } : undefined;
}

function readAnswer(value: unknown, key: string): AnswerRecord | undefined {
  if (!isObj(value) || !isId(value.lesson) || !isId(value.questionId) || key !== answerKey(value.lesson, value.questionId)) {
    return undefined;
  }
  const objectives = value.objectives;
  if (!Array.isArray(objectives) || objectives.length > 20 || !objectives.every(isId)) return undefined;
  const first = readMark(value.first);
  const last = readMark(value.last);
  if (!first || !last || first.at > last.at) return undefined;
  return { lesson: value.lesson, questionId: value.questionId, objectives: [...objectives], first, last };
}

function readChallenge(value: unknown): ChallengeRecord | undefined {
  if (!isObj(value) || typeof value.solved !== 'boolean' || !isCount(value.referenceCalls) || !isTime(value.lastAt)) {
    return undefined;
  }
  const record: ChallengeRecord = { solved: value.solved, referenceCalls: value.referenceCalls, lastAt: value.lastAt };
  if (value.solved) {
    if (!isCount(value.bestCalls) || !isTime(value.solvedAt)) return undefined;
    record.bestCalls = value.bestCalls;
    record.solvedAt = value.solvedAt;
  } else if (value.bestCalls !== undefined || value.solvedAt !== undefined) {
    return undefined;
  }
  return record;
}

function readSubject(value: Obj): ReviewSubject | undefined {
  if (value.kind === 'question' && isId(value.lesson) && isId(value.questionId)) {
    return { kind: 'question', lesson: value.lesson, questionId: value.questionId };
  }
  if (value.kind === 'challenge' && isId(value.challengeId)) return { kind: 'challenge', challengeId: value.challengeId };
  return undefined;
}

function readCard(value: unknown, key: string): ReviewCard | undefined {
  if (!isObj(value)) return undefined;
  const subject = readSubject(value);
  if (!subject || reviewKey(subject) !== key || !Array.isArray(value.log)) return undefined;
  if (value.log.length === 0 || value.log.length > MAX_REVIEW_LOG) return undefined;
  const log: ReviewCard['log'] = [];
  for (const entry of value.log) {
    if (!isObj(entry) || !isTime(entry.at) || ![1, 2, 3, 4].includes(entry.rating as number)) return undefined;
    if (log.length > 0 && entry.at <= log[log.length - 1]!.at) return undefined;
    log.push({ at: entry.at, rating: entry.rating as ReviewRating });
  }
  return { ...subject, log };
}

function readLabLog(value: unknown): LabLog | undefined {
  if (!isObj(value) || typeof value.encoded !== 'string' || !isTime(value.savedAt)) return undefined;
  if (value.encoded === '' || value.encoded.length > MAX_LAB_LOG_CHARS) return undefined;
  return { encoded: value.encoded, savedAt: value.savedAt };
}

type Reader<T> = (value: unknown, key: string) => T | undefined;
const SECTIONS = {
  lessons: [isId, readLesson],
  answers: [(key: string) => /^[^/]+\/[^/]+$/.test(key), readAnswer],
  challenges: [isId, readChallenge],
  review: [(key: string) => key.length <= 220, readCard],
  labLogs: [isLabKey, readLabLog],
} satisfies { [K in Exclude<keyof ProgressData, 'version'>]: [(key: string) => boolean, Reader<ProgressData[K][string]>] };

export type Section = keyof typeof SECTIONS;
export const SECTION_NAMES = Object.keys(SECTIONS) as Section[];

/** What a reader found wrong, in words a learner can follow ("2 lesson marks"). */
const SECTION_LABEL: Record<Section, string> = {
  lessons: 'lesson mark',
  answers: 'quiz answer',
  challenges: 'challenge result',
  review: 'review card',
  labLogs: 'saved lab',
};

export interface ReadResult {
  data: ProgressData;
  /** Problems found, one short phrase each; empty when the record was valid as a whole. */
  problems: string[];
  /** True when nothing could be kept (not JSON, not an object, unknown version). */
  unreadable: boolean;
}

/**
 * Migrations from older record versions: MIGRATIONS[n] turns a version-n record into version n+1.
 * Version 1 is the first format this site stores, so the table is empty; a format change adds its
 * step here and raises PROGRESS_VERSION, and saved progress of every older version keeps working.
 */
export type Migration = (record: Obj) => Obj;
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export function migrate(
  record: Obj,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target = PROGRESS_VERSION,
): { record: Obj } | { problem: string } {
  let current = record;
  if (typeof current.version !== 'number' || !Number.isInteger(current.version) || current.version < 1) {
    return { problem: 'it has no valid version number' };
  }
  let version: number = current.version;
  if (version > target) return { problem: `it was saved by a newer version of this site (format ${version})` };
  while (version < target) {
    const step = migrations[version];
    if (!step) return { problem: `format ${version} can no longer be converted` };
    try {
      current = step(current);
    } catch {
      return { problem: `converting format ${version} failed` };
    }
    if (!isObj(current) || current.version !== version + 1) return { problem: `converting format ${version} failed` };
    version += 1;
  }
  return { record: current };
}

function parse(raw: string): { record: Obj } | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  return isObj(parsed) ? { record: parsed } : { problem: 'it is not a progress record' };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function read(record: Obj, migrations: Readonly<Record<number, Migration>>): ReadResult {
  const migrated = migrate(record, migrations);
  if ('problem' in migrated) return { data: emptyProgress(), problems: [migrated.problem], unreadable: true };
  const source = migrated.record;
  const data = emptyProgress();
  const problems: string[] = [];
  for (const section of SECTION_NAMES) {
    const value = source[section];
    if (value === undefined) continue;
    if (!isObj(value)) {
      problems.push(`the ${SECTION_LABEL[section]}s were unreadable`);
      continue;
    }
    const [keyOk, reader] = SECTIONS[section] as [(key: string) => boolean, Reader<unknown>];
    const out = data[section] as Record<string, unknown>;
    let dropped = 0;
    for (const [key, entry] of Object.entries(value)) {
      const valid = keyOk(key) ? reader(entry, key) : undefined;
      if (valid === undefined) dropped++;
      else out[key] = valid;
    }
    if (dropped > 0) problems.push(`${plural(dropped, `unreadable ${SECTION_LABEL[section]}`)}`);
  }
  return { data, problems, unreadable: false };
}

/** Reads what this browser stored, keeping every valid entry. Never throws. */
export function salvage(raw: string, migrations: Readonly<Record<number, Migration>> = MIGRATIONS): ReadResult {
  const parsed = parse(raw);
  if ('problem' in parsed) return { data: emptyProgress(), problems: [parsed.problem], unreadable: true };
  return read(parsed.record, migrations);
}

/** Reads a record from an imported file: all of it is valid, or the problems say why not. Never throws. */
export function readStrict(record: unknown): { ok: true; data: ProgressData } | { ok: false; problems: string[] } {
  if (!isObj(record)) return { ok: false, problems: ['it holds no progress record'] };
  const result = read(record, MIGRATIONS);
  return result.problems.length === 0 ? { ok: true, data: result.data } : { ok: false, problems: result.problems };
}
