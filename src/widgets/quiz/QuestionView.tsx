/**
 * One answerable question: the learner answers, checks, reads why each option is right or wrong,
 * follows the link to the lesson section (and to the lab, where a scenario shows it), and may try
 * again. Every check is recorded in the progress store. Used by the lesson quiz and the review page.
 */
import { useEffect, useRef, useState } from 'react';
import type { AnswerSource } from '../../progress/index.ts';
import { emptyResponse, isCorrect, notReady } from './grade.ts';
import { QuestionFields } from './QuestionFields.tsx';
import { recordAnswers } from './record.ts';
import type { LessonRef, QuestionData, Response } from './types.ts';
import './quiz.css';

export interface QuestionViewProps {
  question: QuestionData;
  lesson: LessonRef;
  source: AnswerSource;
  onAnswered?: (correct: boolean) => void;
  /** Shown before the prompt, e.g. "Question 3 of 8". */
  label?: string;
}

/** False on the server and until the island has hydrated: controls that need JavaScript wait for it. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function QuestionView({ question, lesson, source, onAnswered, label }: QuestionViewProps) {
  const [response, setResponse] = useState<Response>(() => emptyResponse(question));
  const [result, setResult] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const hydrated = useHydrated();
  const root = useRef<HTMLDivElement>(null);

  const check = (answer: Response) => {
    const why = notReady(question, answer);
    setProblem(why);
    if (why !== null) return;
    const correct = isCorrect(question, answer);
    setResult(correct);
    void recordAnswers([{ source, lesson: lesson.slug, questionId: question.id, objectives: question.objectives, correct }]);
    onAnswered?.(correct);
  };

  const change = (next: Response) => {
    setResponse(next);
    setProblem(null);
    // A lab task is answered by reaching its goals: check as soon as they are all met.
    if (next.kind === 'lab-task' && next.allMet && result === null) check(next);
  };

  const tryAgain = () => {
    setResponse(emptyResponse(question));
    setResult(null);
    setProblem(null);
    // Back to the first control, so a keyboard user starts the question again where it starts.
    requestAnimationFrame(() => root.current?.querySelector<HTMLElement>('input, button')?.focus());
  };

  return (
    <div className="question" ref={root} data-question={question.id} data-result={result === null ? undefined : result ? 'right' : 'wrong'}>
      <QuestionFields
        question={question}
        lesson={lesson}
        response={response}
        onChange={change}
        revealed={result !== null}
        interactive={hydrated}
        label={label}
      />
      <div className="question__actions">
        {result === null ? (
          question.kind !== 'lab-task' && (
            <button type="button" className="button button--primary" disabled={!hydrated} onClick={() => check(response)}>
              Check answer
            </button>
          )
        ) : (
          <button type="button" className="button" onClick={tryAgain}>
            Try again
          </button>
        )}
      </div>
      <p className="question__status" role="status">
        {problem ??
          (result === null ? '' : result ? (
            <span className="q-mark q-mark--right">
              <span aria-hidden="true">✓</span> Correct.
            </span>
          ) : (
            <span className="q-mark q-mark--wrong">
              <span aria-hidden="true">✗</span> Not quite: read why under each answer.
            </span>
          ))}
      </p>
      {result !== null && <AnswerLinks question={question} lesson={lesson} />}
    </div>
  );
}

/** Where to read more: the lesson section that teaches it, and the lab in a state that shows it. */
export function AnswerLinks({ question, lesson }: { question: QuestionData; lesson: LessonRef }) {
  const sectionTitle = question.section === undefined ? undefined : lesson.sections?.[question.section];
  return (
    <ul className="q-links">
      <li>
        Read more:{' '}
        <a href={`/lessons/${lesson.slug}/${question.section === undefined ? '' : `#${question.section}`}`}>
          {sectionTitle === undefined ? lesson.title : `${sectionTitle} (${lesson.title})`}
        </a>
      </li>
      {question.showMe !== undefined && (
        <li>
          <a href={`/lab/?scenario=${encodeURIComponent(question.showMe.id)}`}>Show me in the lab</a>
        </li>
      )}
    </ul>
  );
}
