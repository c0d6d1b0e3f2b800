import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProgress, migrate, readStrict, salvage, type Migration } from '../../../src/progress/schema';
import { createProgressStore, STORAGE_KEY } from '../../../src/progress/store';
import { junkJson, progress } from './arbitraries';
import { fakeClock, MemoryStorage, storageEvent } from './fakes';

describe('progress schema: reading what was stored', () => {
  it('round-trips every valid record unchanged, with no problems', () => {
    fc.assert(
      fc.property(progress, (data) => {
        const result = salvage(JSON.stringify(data));
        expect(result.problems).toEqual([]);
        expect(result.data).toEqual(data);
      }),
    );
  });

  it('never throws on any text, and always yields a record a strict reader accepts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), junkJson.map((value) => JSON.stringify(value) ?? 'undefined')), (raw) => {
        const result = salvage(raw);
        expect(readStrict(result.data)).toEqual({ ok: true, data: result.data });
      }),
    );
  });

  it('keeps every valid entry next to broken ones', () => {
    fc.assert(
      fc.property(progress, fc.string(), fc.jsonValue(), (data, key, junk) => {
        const damaged = { ...data, lessons: { ...data.lessons, [`${key}!`]: junk } };
        const result = salvage(JSON.stringify(damaged));
        expect(result.data.lessons).toEqual(data.lessons);
        expect(result.problems).toEqual(['1 unreadable lesson mark']);
      }),
    );
  });

  it('says what is wrong in words', () => {
    expect(salvage('').problems).toEqual(['it is not valid JSON']);
    expect(salvage('"text"').problems).toEqual(['it is not a progress record']);
    expect(salvage('{}').problems).toEqual(['it has no valid version number']);
    expect(salvage(JSON.stringify({ ...emptyProgress(), review: [] })).problems).toEqual(['the review cards were unreadable']);
    const twoBad = { ...emptyProgress(), challenges: { a: { solved: true }, b: { solved: 'no' } } };
    expect(salvage(JSON.stringify(twoBad)).problems).toEqual(['2 unreadable challenge results']);
  });

  it('refuses keys that would reach Object.prototype', () => {
    const raw = `{"version":1,"lessons":{"__proto__":{"readAt":${Date.UTC(2026, 0, 1)}}}}`;
    const result = salvage(raw);
    expect(result.data.lessons).toEqual({});
    expect(Object.getPrototypeOf(result.data.lessons)).toBe(Object.prototype);
    expect(result.problems).toEqual(['1 unreadable lesson mark']);
  });

  it('checks that entries agree with their keys and with themselves', () => {
    const t = Date.UTC(2026, 0, 1);
    const mark = (at: number) => ({ correct: true, at, source: 'quiz' });
    const answer = { lesson: 'amis', questionId: 'q1', objectives: [], first: mark(t), last: mark(t + 1) };
    expect(salvage(JSON.stringify({ version: 1, answers: { 'amis/q2': answer } })).problems).toEqual(['1 unreadable quiz answer']);
    const backwards = { ...answer, first: mark(t + 1), last: mark(t) };
    expect(salvage(JSON.stringify({ version: 1, answers: { 'amis/q1': backwards } })).problems).toEqual(['1 unreadable quiz answer']);
    const card = { kind: 'challenge', challengeId: 'c', log: [{ at: t + 1, rating: 1 }, { at: t, rating: 3 }] };
    expect(salvage(JSON.stringify({ version: 1, review: { 'challenge:c': card } })).problems).toEqual(['1 unreadable review card']);
    const sameTime = { ...card, log: [{ at: t, rating: 1 }, { at: t, rating: 3 }] };
    expect(salvage(JSON.stringify({ version: 1, review: { 'challenge:c': sameTime } })).problems).toEqual(['1 unreadable review card']);
  });
});

describe('progress schema: migrations', () => {
  const TARGET = 3;
  const steps: Record<number, Migration> = {
    1: (r) => ({ ...r, version: 2, lessons: Object.fromEntries((r.read as string[]).map((slug) => [slug, { readAt: r.at }])) }),
    2: (r) => ({ ...r, version: 3 }),
  };

  it('runs every step from the stored version to the current one', () => {
    const at = Date.UTC(2026, 0, 1);
    expect(migrate({ version: 1, read: ['amis'], at }, steps, TARGET)).toEqual({
      record: { version: 3, read: ['amis'], at, lessons: { amis: { readAt: at } } },
    });
    expect(migrate({ version: 3 }, steps, TARGET)).toEqual({ record: { version: 3 } });
  });

  it('reports a missing step, a failing step and a step that does not advance the version', () => {
    expect(migrate({ version: 1 }, { 2: steps[2]! }, TARGET)).toEqual({ problem: 'format 1 can no longer be converted' });
    expect(migrate({ version: 1 }, { 1: () => { throw new Error('boom'); } }, TARGET)).toEqual({ problem: 'converting format 1 failed' });
    expect(migrate({ version: 1 }, { 1: (r) => r }, TARGET)).toEqual({ problem: 'converting format 1 failed' });
  });
});

describe('progress store: property', () => {
  const operation = fc.oneof(
    fc.record({ op: fc.constant('answer' as const), lesson: fc.string(), questionId: fc.string(), correct: fc.anything() }),
    fc.record({ op: fc.constant('lesson' as const), slug: fc.constantFrom('amis', 'snapshots', 'BAD', '') }),
    fc.record({ op: fc.constant('challenge' as const), id: fc.constantFrom('c1', 'c2'), solved: fc.boolean(), calls: fc.integer({ min: -2, max: 30 }) }),
    fc.record({ op: fc.constant('junk' as const), raw: fc.oneof(fc.string(), junkJson.map((v) => JSON.stringify(v) ?? '')) }),
    fc.record({ op: fc.constant('lab' as const), encoded: fc.string({ maxLength: 30 }) }),
  );

  it('never throws, and what it saved always reads back as what it holds', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), fc.boolean(), (ops, full) => {
        const storage = new MemoryStorage();
        if (full) storage.quota = 2_000;
        const clock = fakeClock();
        const events = new EventTarget();
        const store = createProgressStore({ storage: () => storage, now: clock.now, events });
        for (const step of ops) {
          clock.advance(1_000);
          if (step.op === 'answer') {
            store.recordAnswer({ source: 'quiz', lesson: step.lesson, questionId: step.questionId, objectives: [], correct: step.correct as boolean });
          } else if (step.op === 'lesson') store.markLessonRead(step.slug);
          else if (step.op === 'challenge') store.recordChallenge({ challengeId: step.id, solved: step.solved, calls: step.calls, referenceCalls: 3 });
          else if (step.op === 'lab') store.saveLabLog('lab', step.encoded);
          else {
            // Another tab (or a curious learner in devtools) writes junk; this tab hears of it.
            storage.items.set(STORAGE_KEY, step.raw);
            events.dispatchEvent(storageEvent(STORAGE_KEY));
          }
          const { status, ...data } = store.getProgress();
          expect(readStrict(data).ok).toBe(true);
          if (status.persistence === 'local') {
            expect(salvage(storage.items.get(STORAGE_KEY) ?? JSON.stringify(emptyProgress())).data).toEqual(data);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
