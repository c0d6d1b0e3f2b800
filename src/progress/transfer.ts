/**
 * Moving progress between browsers: an export file, and importing one by merging it into the
 * progress here or replacing it. A file is checked completely before anything changes; a bad
 * file gets a message and changes nothing. Merging is idempotent (importing the same file twice
 * changes nothing the second time) and keeps the best of both sides.
 */
import { MAX_REVIEW_LOG, readStrict, type AnswerRecord, type ChallengeRecord, type ProgressData, type ReviewCard } from './schema';

export const EXPORT_FORMAT = 'ami-snapshot-lab-progress';
/** Far above any real export (lab logs are compressed), far below what would hang a page. */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;

export type ImportMode = 'merge' | 'replace';

export interface ProgressCounts {
  lessons: number;
  answers: number;
  challenges: number;
  review: number;
  labLogs: number;
}

export function countProgress(data: ProgressData): ProgressCounts {
  return {
    lessons: Object.keys(data.lessons).length,
    answers: Object.keys(data.answers).length,
    challenges: Object.keys(data.challenges).length,
    review: Object.keys(data.review).length,
    labLogs: Object.keys(data.labLogs).length,
  };
}

/** The export file's text: the record and when it was exported, readable JSON. */
export function exportText(data: ProgressData, now: number): string {
  const { version, lessons, answers, challenges, review, labLogs } = data;
  const progress: ProgressData = { version, lessons, answers, challenges, review, labLogs };
  return `${JSON.stringify({ format: EXPORT_FORMAT, exportedAt: new Date(now).toISOString(), progress }, null, 2)}\n`;
}

/** A file name that sorts by date: ami-snapshot-lab-progress-2026-11-25.json. */
export const exportFileName = (now: number) => `${EXPORT_FORMAT}-${new Date(now).toISOString().slice(0, 10)}.json`;

const NOTHING_CHANGED = 'Nothing was changed.';

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export type ImportCheck = { ok: true; data: ProgressData; exportedAt?: string } | { ok: false; message: string };

/** Checks a file's size before reading it, so a huge file is refused without reading it. */
export function checkImportSize(bytes: number): ImportCheck | undefined {
  return bytes > MAX_IMPORT_BYTES
    ? { ok: false, message: `This file is ${megabytes(bytes)}; a progress export is at most ${megabytes(MAX_IMPORT_BYTES)}. ${NOTHING_CHANGED}` }
    : undefined;
}

/** Reads an export file's text completely, or says why it cannot be used. Never throws. */
export function readImport(text: string): ImportCheck {
  const tooBig = checkImportSize(new Blob([text]).size);
  if (tooBig) return tooBig;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: `This file is not a progress export of AMI & Snapshot Lab (it is not JSON). ${NOTHING_CHANGED}` };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== EXPORT_FORMAT) {
    return {
      ok: false,
      message: `This file is not a progress export of AMI & Snapshot Lab (export files start with "format": "${EXPORT_FORMAT}"). ${NOTHING_CHANGED}`,
    };
  }
  const file = parsed as { progress?: unknown; exportedAt?: unknown };
  const result = readStrict(file.progress);
  if (!result.ok) {
    return { ok: false, message: `This progress export cannot be used: ${result.problems.join('; ')}. ${NOTHING_CHANGED}` };
  }
  const exportedAt = typeof file.exportedAt === 'string' && !Number.isNaN(Date.parse(file.exportedAt)) ? file.exportedAt : undefined;
  return exportedAt ? { ok: true, data: result.data, exportedAt } : { ok: true, data: result.data };
}

function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, both: (x: T, y: T) => T): Record<string, T> {
  const out: Record<string, T> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = mine === undefined ? value : both(mine, value);
  }
  return out;
}

function mergeAnswer(a: AnswerRecord, b: AnswerRecord): AnswerRecord {
  const later = b.last.at > a.last.at ? b : a;
  return { ...later, first: b.first.at < a.first.at ? b.first : a.first };
}

function mergeChallenge(a: ChallengeRecord, b: ChallengeRecord): ChallengeRecord {
  const later = b.lastAt > a.lastAt ? b : a;
  const record: ChallengeRecord = { solved: a.solved || b.solved, referenceCalls: later.referenceCalls, lastAt: later.lastAt };
  const solvedAt = [a.solvedAt, b.solvedAt].filter((t): t is number => t !== undefined);
  const calls = [a.bestCalls, b.bestCalls].filter((n): n is number => n !== undefined);
  if (solvedAt.length > 0) record.solvedAt = Math.min(...solvedAt);
  if (calls.length > 0) record.bestCalls = Math.min(...calls);
  return record;
}

/**
 * The union of both histories. One review logged on both sides has one time; if one side then
 * called it hard or easy (rateLastReview), that judgement wins over the plain Good.
 */
function mergeCard(a: ReviewCard, b: ReviewCard): ReviewCard {
  const byTime = new Map<number, ReviewCard['log'][number]['rating']>();
  for (const { at, rating } of [...a.log, ...b.log]) {
    const known = byTime.get(at);
    if (known === undefined || known === 3) byTime.set(at, rating);
  }
  const log = [...byTime]
    .sort(([x], [y]) => x - y)
    .map(([at, rating]) => ({ at, rating }))
    .slice(-MAX_REVIEW_LOG);
  return { ...a, log };
}

/** Both sides' progress: the earliest read mark, first answer and solve; the latest answer, lab log and settings. */
export function mergeProgress(a: ProgressData, b: ProgressData): ProgressData {
  return {
    version: a.version,
    lessons: mergeRecords(a.lessons, b.lessons, (x, y) => (y.readAt < x.readAt ? y : x)),
    answers: mergeRecords(a.answers, b.answers, mergeAnswer),
    challenges: mergeRecords(a.challenges, b.challenges, mergeChallenge),
    review: mergeRecords(a.review, b.review, mergeCard),
    labLogs: mergeRecords(a.labLogs, b.labLogs, (x, y) => (y.savedAt > x.savedAt ? y : x)),
  };
}

/** The record an import leaves: the file's alone ('replace') or both merged ('merge'). */
export const applyImport = (current: ProgressData, imported: ProgressData, mode: ImportMode): ProgressData =>
  mode === 'replace' ? imported : mergeProgress(current, imported);
