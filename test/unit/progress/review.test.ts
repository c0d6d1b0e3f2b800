import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueIn, replay, reviewItem, reviewQueue } from '../../../src/progress/review';
import { createProgressStore } from '../../../src/progress/store';
import type { ReviewCard } from '../../../src/progress/schema';
import { DAY, fakeClock, MemoryStorage } from './fakes';

const T = Date.UTC(2026, 10, 25, 9, 0);
const card = (...log: [number, 1 | 2 | 3 | 4][]): ReviewCard => ({
  kind: 'question',
  lesson: 'snapshots',
  questionId: 'q1',
  log: log.map(([at, rating]) => ({ at, rating })),
});

describe('spaced review schedule (ts-fsrs, fixed clock)', () => {
  it('brings a missed question back the next day, and later after each right answer', () => {
    const missed = reviewItem('k', card([T, 1]));
    expect(missed.due).toBe(T + DAY);
    expect(missed).toMatchObject({ reviews: 0, lapses: 0 });
    const once = reviewItem('k', card([T, 1], [T + DAY, 3]));
    const twice = reviewItem('k', card([T, 1], [T + DAY, 3], [once.due, 3]));
    expect(once.due - (T + DAY)).toBe(3 * DAY);
    expect(twice.due - once.due).toBe(8 * DAY);
    expect(twice).toMatchObject({ reviews: 2, lapses: 0, learning: false });
  });

  it('a miss in review shortens the interval; easy lengthens it more than good, hard less', () => {
    const base: [number, 1][] = [[T, 1]];
    const after = (rating: 1 | 2 | 3 | 4) => reviewItem('k', card(...base, [T + DAY, rating])).due - (T + DAY);
    expect(after(1)).toBeLessThan(after(2));
    expect(after(2)).toBeLessThan(after(3));
    expect(after(3)).toBeLessThan(after(4));
    expect(reviewItem('k', card(...base, [T + DAY, 1])).lapses).toBe(1);
  });

  it('is deterministic: the same history always gives the same due date', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 40 * DAY }), fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4)), { maxLength: 10 }), (steps) => {
        let at = T;
        const log: [number, 1 | 2 | 3 | 4][] = [[T, 1]];
        for (const [gap, rating] of steps) log.push([(at += gap), rating]);
        const first = replay(card(...log).log).due.getTime();
        expect(replay(card(...log).log).due.getTime()).toBe(first);
        expect(first).toBeGreaterThan(at);
      }),
    );
  });

  it('splits the queue into due and later, each soonest first', () => {
    const review = {
      'question:snapshots/old': card([T - 10 * DAY, 1]),
      'question:snapshots/today': card([T - DAY, 1]),
      'challenge:copy': { kind: 'challenge' as const, challengeId: 'copy', log: [{ at: T, rating: 1 as const }] },
    };
    const { due, later } = reviewQueue(review, T);
    expect(due.map((item) => item.key)).toEqual(['question:snapshots/old', 'question:snapshots/today']);
    expect(later.map((item) => item.key)).toEqual(['challenge:copy']);
  });

  it('schedules what the store records: a wrong answer becomes due, a right review moves it on', () => {
    const clock = fakeClock(T);
    const storage = new MemoryStorage();
    const store = createProgressStore({ storage: () => storage, now: clock.now });
    const answer = (correct: boolean, source: 'quiz' | 'review') =>
      store.recordAnswer({ source, lesson: 'snapshots', questionId: 'q1', objectives: ['o'], correct });
    answer(false, 'quiz');
    expect(reviewQueue(store.getProgress().review, clock.now()).due).toEqual([]);
    clock.advance(DAY);
    expect(reviewQueue(store.getProgress().review, clock.now()).due.map((i) => i.key)).toEqual(['question:snapshots/q1']);
    answer(true, 'review');
    const { due, later } = reviewQueue(store.getProgress().review, clock.now());
    expect(due).toEqual([]);
    expect(later[0]!.due).toBe(clock.now() + 3 * DAY);
  });

  it('says how long until an item is due in words', () => {
    const H = 60 * 60 * 1000;
    expect(dueIn(T - 1, T)).toBe('now');
    expect(dueIn(T + 30 * 60 * 1000, T)).toBe('in about an hour');
    expect(dueIn(T + 5 * H, T)).toBe('in 5 hours');
    expect(dueIn(T + DAY, T)).toBe('tomorrow');
    expect(dueIn(T + 8 * DAY, T)).toBe('in 8 days');
    expect(dueIn(T + 35 * DAY, T)).toBe('in 5 weeks');
    expect(dueIn(T + 200 * DAY, T)).toBe('in 7 months');
    expect(dueIn(T + 1000 * DAY, T)).toBe('in 3 years');
  });
});
