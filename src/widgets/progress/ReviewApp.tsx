/**
 * The review page (an island): what is due now, one item at a time. A due question is answered
 * with the quiz's QuestionView, which records the answer; the store logs it on the item's card
 * (wrong: Again, right: Good) and the FSRS schedule (src/progress/review.ts) moves the item on.
 * After a right answer the learner may say it felt hard or easy. A due challenge links to its
 * page: solving it there is its review.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { rateLastReview, type ReviewCard } from '~/progress';
import { useProgress } from '~/progress/react';
import { dueIn, reviewItem, reviewQueue, type ReviewItem } from '~/progress/review';
import { QuestionView, useHydrated } from '~/widgets/quiz/QuestionView';
import type { LessonRef, QuestionData } from '~/widgets/quiz/types';
import { StatusNotice } from './StatusNotice';
import './progress.css';

export interface ReviewBank {
  /** Keyed `<lesson>/<question id>`, as the store keys answers. */
  questions: Record<string, { bank: 'quiz' | 'exam'; lesson: LessonRef; question: QuestionData }>;
  challenges: Record<string, { title: string; difficulty: string; brief: string; href: string }>;
}

export interface ReviewAppProps {
  bank: ReviewBank;
  /** The clock (tests pass a fixed one). */
  now?: () => number;
}

const DATE = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });

function subjectOf(card: ReviewCard, bank: ReviewBank) {
  if (card.kind === 'question') {
    const entry = bank.questions[`${card.lesson}/${card.questionId}`];
    return entry && { kind: 'question' as const, ...entry, title: entry.question.prompt };
  }
  const challenge = bank.challenges[card.challengeId];
  return challenge && { kind: 'challenge' as const, ...challenge };
}

type Subject = NonNullable<ReturnType<typeof subjectOf>>;

function describe(subject: Subject): string {
  return subject.kind === 'question'
    ? `${subject.bank === 'exam' ? 'Exam' : 'Quiz'} question, ${subject.lesson.title}`
    : `Challenge (${subject.difficulty})`;
}

const MINUTE = 60_000;

export default function ReviewApp({ bank, now = Date.now }: ReviewAppProps) {
  const progress = useProgress();
  const hydrated = useHydrated();
  const [time, setTime] = useState(now);
  /** The item on screen: kept after it is answered (and no longer due) until the learner moves on. */
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const [answered, setAnswered] = useState<boolean | null>(null);
  const [skipped, setSkipped] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Items fall due while the page is open.
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), MINUTE);
    return () => clearInterval(timer);
  }, [now]);

  const { due, later, orphans } = useMemo(() => {
    const known: Record<string, ReviewCard> = {};
    let unknown = 0;
    for (const [key, card] of Object.entries(progress.review)) {
      if (subjectOf(card, bank)) known[key] = card;
      else unknown++;
    }
    return { ...reviewQueue(known, time), orphans: unknown };
  }, [progress.review, bank, time]);

  const candidate = due.find((item) => !skipped.includes(item.key));
  const key = currentKey ?? candidate?.key ?? null;
  const card = key === null ? undefined : progress.review[key];
  const item: ReviewItem | undefined = key !== null && card ? reviewItem(key, card) : undefined;
  const subject = card && subjectOf(card, bank);

  // Moving to the next item puts keyboard focus on its heading, so the learner starts there.
  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = false;
  }, [key]);

  if (!hydrated) {
    return <p className="review__loading">Reading your review schedule from this browser…</p>;
  }

  const next = () => {
    if (key !== null && answered === null) setSkipped((list) => [...list, key]);
    moved.current = true;
    setCurrentKey(null);
    setAnswered(null);
    setTime(now());
  };

  const total = due.length + later.length;
  const waiting = due.filter((d) => !skipped.includes(d.key) && d.key !== key).length;

  return (
    <div className="review">
      <StatusNotice status={progress.status}>
        <a href="/progress/#your-data">Your saved data</a>
      </StatusNotice>

      <h2 id="due-now">Due now</h2>
      {total === 0 ? (
        <div className="review__empty" data-review-empty>
          <p>
            <strong>Nothing to review yet.</strong> When you answer a quiz or exam question wrong, or leave a challenge
            unsolved, it comes back here: the next day, then after longer and longer gaps each time you get it right.
          </p>
          <p>
            Start with the quiz at the end of a <a href="/">lesson</a>, the <a href="/exam/">final exam</a> or a{' '}
            <a href="/challenges/">challenge</a>.
          </p>
        </div>
      ) : item && subject ? (
        <section className="review__item" aria-labelledby="review-item-heading" data-review-item={item.key}>
          <h3 id="review-item-heading" ref={heading} tabIndex={-1}>
            {subject.kind === 'question' ? describe(subject) : `Challenge: ${subject.title}`}
          </h3>
          <p className="review__meta muted">
            {item.reviews === 0
              ? 'First review since you missed it.'
              : `Reviewed ${item.reviews} ${item.reviews === 1 ? 'time' : 'times'} since you first missed it.`}{' '}
            {waiting > 0 ? `${waiting} more due after this one.` : 'The last one due now.'}
          </p>
          {subject.kind === 'question' ? (
            <QuestionView
              key={item.key}
              question={subject.question}
              lesson={subject.lesson}
              source="review"
              onAnswered={(correct) => {
                setCurrentKey(item.key);
                setAnswered(correct);
                setTime(now());
              }}
            />
          ) : (
            <div className="review__challenge">
              <p>{subject.brief}</p>
              <p>
                <a className="button button--primary" href={subject.href}>
                  Open the challenge
                </a>{' '}
                Solving it there counts as this review.
              </p>
            </div>
          )}
          <p role="status" className="review__outcome">
            {answered === null
              ? ''
              : `${answered ? 'Remembered.' : 'Missed, so it comes back soon.'} Next review: ${dueIn(item.due, time)} (${DATE.format(item.due)}).`}
          </p>
          {answered === true && <Feeling itemKey={item.key} rating={card?.log.at(-1)?.rating} />}
          <p className="review__next">
            <button type="button" className="button" onClick={next}>
              {answered === null ? 'Skip for now' : waiting > 0 ? 'Next item' : 'Done'}
            </button>
          </p>
        </section>
      ) : (
        <p data-review-done>
          <strong>Nothing is due right now.</strong>{' '}
          {later[0]
            ? `The next item is due ${dueIn(later[0].due, time)} (${DATE.format(later[0].due)}).`
            : 'You have skipped the rest for now; reload the page to see them again.'}
        </p>
      )}

      {later.length > 0 && (
        <>
          <h2 id="coming-up">Coming up</h2>
          <table className="review__later">
              <caption className="visually-hidden">Items scheduled for review, soonest first</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {later.map((entry) => {
                  const s = subjectOf(entry.card, bank)!;
                  return (
                    <tr key={entry.key}>
                      <td>
                        <span className="review__kind">{describe(s)}</span>
                        <br />
                        {s.kind === 'challenge' ? <a href={s.href}>{s.title}</a> : s.title}
                      </td>
                      <td>
                        {dueIn(entry.due, time)}
                        <br />
                        <span className="muted">{DATE.format(entry.due)}</span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
          </table>
        </>
      )}
      {orphans > 0 && (
        <p className="muted">
          {orphans === 1 ? '1 saved review item refers' : `${orphans} saved review items refer`} to a question or challenge
          that is no longer in the course, so {orphans === 1 ? 'it is' : 'they are'} not shown.
        </p>
      )}
    </div>
  );
}

const FEELINGS = [
  { rating: 2, label: 'Hard' },
  { rating: 3, label: 'Good' },
  { rating: 4, label: 'Easy' },
] as const;

/** After a right answer the learner may say how it felt; Hard brings the item back sooner, Easy later. */
function Feeling({ itemKey, rating }: { itemKey: string; rating?: number }) {
  return (
    <div role="group" aria-labelledby="review-feel" className="review__feel">
      <span id="review-feel">How did it feel?</span>
      {FEELINGS.map((feeling) => (
        <button
          key={feeling.rating}
          type="button"
          className="button"
          aria-pressed={rating === feeling.rating}
          onClick={() => rateLastReview(itemKey, feeling.rating)}
        >
          {feeling.label}
        </button>
      ))}
    </div>
  );
}
