import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, readStrict, type ProgressData } from '../../../src/progress/schema';
import {
  applyImport,
  checkImportSize,
  countProgress,
  EXPORT_FORMAT,
  exportFileName,
  exportText,
  mergeProgress,
  MAX_IMPORT_BYTES,
  readImport,
} from '../../../src/progress/transfer';
import { junkJson, progress } from './arbitraries';

const NOW = Date.UTC(2026, 10, 25, 9, 30);
const T = Date.UTC(2026, 10, 1);

describe('progress export and import', () => {
  it('round-trips any record through an export file', () => {
    fc.assert(
      fc.property(progress, (data) => {
        const text = exportText(data, NOW);
        expect(readImport(text)).toEqual({ ok: true, data, exportedAt: '2026-11-25T09:30:00.000Z' });
      }),
    );
  });

  it('exports the record only, never the page-local status', () => {
    const withStatus = { ...emptyProgress(), status: { persistence: 'memory' as const } };
    const file = JSON.parse(exportText(withStatus, NOW));
    expect(file).toEqual({ format: EXPORT_FORMAT, exportedAt: '2026-11-25T09:30:00.000Z', progress: emptyProgress() });
    expect(exportFileName(NOW)).toBe('ami-snapshot-lab-progress-2026-11-25.json');
  });

  it('refuses any other file with a message that says nothing changed, and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), junkJson.map((v) => JSON.stringify(v) ?? '')), (text) => {
        const result = readImport(text);
        if (result.ok) expect(readStrict(result.data).ok).toBe(true);
        else expect(result.message).toMatch(/Nothing was changed\.$/);
      }),
    );
  });

  it('explains each kind of bad file', () => {
    expect(readImport('PK\u0003\u0004')).toEqual({
      ok: false,
      message: 'This file is not a progress export of AMI & Snapshot Lab (it is not JSON). Nothing was changed.',
    });
    expect(readImport('{"lessons":{}}')).toMatchObject({ ok: false, message: expect.stringContaining('export files start with "format"') });
    const damaged = { format: EXPORT_FORMAT, progress: { ...emptyProgress(), lessons: { amis: { readAt: -1 } } } };
    expect(readImport(JSON.stringify(damaged))).toEqual({
      ok: false,
      message: 'This progress export cannot be used: 1 unreadable lesson mark. Nothing was changed.',
    });
    const future = { format: EXPORT_FORMAT, progress: { version: 7 } };
    expect(readImport(JSON.stringify(future))).toMatchObject({
      ok: false,
      message: expect.stringContaining('saved by a newer version of this site (format 7)'),
    });
  });

  it('refuses files above the size limit before reading them', () => {
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeUndefined();
    expect(checkImportSize(5 * 1024 * 1024)).toEqual({
      ok: false,
      message: 'This file is 5.0 MB; a progress export is at most 4.0 MB. Nothing was changed.',
    });
    expect(readImport(' '.repeat(MAX_IMPORT_BYTES + 1))).toMatchObject({ ok: false, message: expect.stringContaining('at most 4.0 MB') });
  });
});

describe('merging progress', () => {
  const mine: ProgressData = {
    ...emptyProgress(),
    lessons: { amis: { readAt: T + 100 } },
    answers: {
      'amis/q1': {
        lesson: 'amis',
        questionId: 'q1',
        objectives: ['old-objective'],
        first: { correct: false, at: T + 10, source: 'quiz' },
        last: { correct: false, at: T + 10, source: 'quiz' },
      },
    },
    challenges: { c: { solved: true, bestCalls: 6, referenceCalls: 3, solvedAt: T + 50, lastAt: T + 50 } },
    review: { 'question:amis/q1': { kind: 'question', lesson: 'amis', questionId: 'q1', log: [{ at: T + 10, rating: 1 }] } },
    labLogs: { lab: { encoded: '1.mine', savedAt: T + 500 } },
  };
  const theirs: ProgressData = {
    ...emptyProgress(),
    lessons: { amis: { readAt: T + 5 }, snapshots: { readAt: T + 6 } },
    answers: {
      'amis/q1': {
        lesson: 'amis',
        questionId: 'q1',
        objectives: ['new-objective'],
        first: { correct: true, at: T + 20, source: 'quiz' },
        last: { correct: true, at: T + 30, source: 'review' },
      },
    },
    challenges: { c: { solved: false, referenceCalls: 4, lastAt: T + 60 } },
    review: {
      'question:amis/q1': {
        kind: 'question',
        lesson: 'amis',
        questionId: 'q1',
        log: [
          { at: T + 10, rating: 1 },
          { at: T + 30, rating: 4 },
        ],
      },
    },
    labLogs: { lab: { encoded: '1.theirs', savedAt: T + 400 } },
  };

  it('keeps the earliest read mark and first answer, the latest answer, the best solve and the newest lab log', () => {
    expect(mergeProgress(mine, theirs)).toEqual({
      version: 1,
      lessons: { amis: { readAt: T + 5 }, snapshots: { readAt: T + 6 } },
      answers: {
        'amis/q1': {
          lesson: 'amis',
          questionId: 'q1',
          objectives: ['new-objective'],
          first: { correct: false, at: T + 10, source: 'quiz' },
          last: { correct: true, at: T + 30, source: 'review' },
        },
      },
      challenges: { c: { solved: true, bestCalls: 6, referenceCalls: 4, solvedAt: T + 50, lastAt: T + 60 } },
      review: {
        'question:amis/q1': {
          kind: 'question',
          lesson: 'amis',
          questionId: 'q1',
          log: [
            { at: T + 10, rating: 1 },
            { at: T + 30, rating: 4 },
          ],
        },
      },
      labLogs: { lab: { encoded: '1.mine', savedAt: T + 500 } },
    });
  });

  it('lets a hard or easy judgement win over the plain Good logged at the same moment', () => {
    const good = { ...mine.review['question:amis/q1']!, log: [{ at: T + 30, rating: 3 as const }] };
    const easy = { ...good, log: [{ at: T + 30, rating: 4 as const }] };
    expect(mergeProgress({ ...mine, review: { k: good } }, { ...mine, review: { k: easy } }).review.k!.log).toEqual([{ at: T + 30, rating: 4 }]);
    expect(mergeProgress({ ...mine, review: { k: easy } }, { ...mine, review: { k: good } }).review.k!.log).toEqual([{ at: T + 30, rating: 4 }]);
  });

  it('is idempotent, and its result is always a valid record', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        const merged = mergeProgress(a, b);
        expect(readStrict(merged)).toEqual({ ok: true, data: merged });
        expect(mergeProgress(merged, b)).toEqual(merged);
        expect(mergeProgress(a, a)).toEqual(a);
      }),
    );
  });

  it('merges the same sets of entries whichever side they come from', () => {
    fc.assert(
      fc.property(progress, progress, (a, b) => {
        expect(countProgress(mergeProgress(a, b))).toEqual(countProgress(mergeProgress(b, a)));
      }),
    );
  });

  it('replace takes the file alone; merge keeps both', () => {
    expect(applyImport(mine, theirs, 'replace')).toBe(theirs);
    expect(countProgress(applyImport(mine, theirs, 'merge'))).toEqual({ lessons: 2, answers: 1, challenges: 1, review: 1, labLogs: 1 });
  });
});
