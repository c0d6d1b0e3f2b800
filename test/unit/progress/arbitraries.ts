/** fast-check generators of valid progress records, built from the same rules schema.ts checks. */
import fc from 'fast-check';
import { answerKey, MAX_REVIEW_LOG, PROGRESS_VERSION, reviewKey, type ProgressData, type ReviewRating } from '../../../src/progress/schema';

const T0 = Date.UTC(2025, 0, 1);
const T1 = Date.UTC(2027, 0, 1);

export const time = fc.integer({ min: T0, max: T1 });
export const id: fc.Arbitrary<string> = fc.constantFrom('amis', 'snapshots', 'where-your-data-lives', 'q1', 'q-2', 'copy-to-ireland', 'a1b2');
const source = fc.constantFrom('quiz' as const, 'exam' as const, 'review' as const);
const rating = fc.constantFrom<ReviewRating>(1, 2, 3, 4);

const twoTimes = fc.tuple(time, time).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));

const answer = fc
  .record({ lesson: id, questionId: id, objectives: fc.array(id, { maxLength: 3 }), times: twoTimes, c1: fc.boolean(), c2: fc.boolean(), s1: source, s2: source })
  .map(({ lesson, questionId, objectives, times, c1, c2, s1, s2 }) => ({
    lesson,
    questionId,
    objectives,
    first: { correct: c1, at: times[0], source: s1 },
    last: { correct: c2, at: times[1], source: s2 },
  }));

const challenge = fc
  .record({ solved: fc.boolean(), calls: fc.nat(50), referenceCalls: fc.nat(20), times: twoTimes })
  .map(({ solved, calls, referenceCalls, times }) =>
    solved
      ? { solved, bestCalls: calls, referenceCalls, solvedAt: times[0], lastAt: times[1] }
      : { solved, referenceCalls, lastAt: times[1] },
  );

const log = fc
  .array(fc.record({ at: time, rating }), { minLength: 1, maxLength: 8 })
  .map((entries) =>
    entries
      .sort((a, b) => a.at - b.at)
      .filter((entry, i, all) => i === 0 || entry.at > all[i - 1]!.at)
      .slice(-MAX_REVIEW_LOG),
  );

const card = fc.oneof(
  fc.record({ lesson: id, questionId: id, log }).map((c) => ({ kind: 'question' as const, ...c })),
  fc.record({ challengeId: id, log }).map((c) => ({ kind: 'challenge' as const, ...c })),
);

export const progress: fc.Arbitrary<ProgressData> = fc
  .record({
    lessons: fc.dictionary(id, time.map((readAt) => ({ readAt }))),
    answers: fc.array(answer, { maxLength: 6 }),
    challenges: fc.dictionary(id, challenge),
    review: fc.array(card, { maxLength: 6 }),
    labLogs: fc.dictionary(
      fc.constantFrom('lab', 'lesson:snapshots', 'lesson:amis'),
      fc.record({ encoded: fc.string({ minLength: 1, maxLength: 40 }), savedAt: time }),
    ),
  })
  .map(({ lessons, answers, challenges, review, labLogs }) => ({
    version: PROGRESS_VERSION,
    lessons,
    answers: Object.fromEntries(answers.map((a) => [answerKey(a.lesson, a.questionId), a])),
    challenges,
    review: Object.fromEntries(review.map((c) => [reviewKey(c), c])),
    labLogs,
  }));

/** JSON of any shape, with a bias towards things that look almost like a progress record. */
export const junkJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  progress.chain((p) =>
    fc.record({ section: fc.constantFrom('lessons', 'answers', 'challenges', 'review', 'labLogs', 'version'), value: fc.jsonValue() }).map(
      ({ section, value }) => ({ ...p, [section]: value }),
    ),
  ),
  progress.chain((p) =>
    fc.record({ key: fc.string(), value: fc.jsonValue(), section: fc.constantFrom('lessons', 'answers', 'challenges', 'review', 'labLogs') }).map(
      ({ key, value, section }) => ({ ...p, [section]: { ...(p[section as keyof ProgressData] as object), [key]: value } }),
    ),
  ),
);
