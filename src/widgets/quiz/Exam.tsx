/**
 * The final exam (an island): every question answered first, nothing revealed until the learner
 * finishes; then a score per learning objective, grouped by lesson with links back, and a review
 * of every answer with each option's explanation. Each answer given is recorded as an exam answer.
 */
import { useRef, useState } from 'react';
import { emptyResponse, hasAnswer, isCorrect } from './grade.ts';
import { Mark, QuestionFields } from './QuestionFields.tsx';
import { AnswerLinks, useHydrated } from './QuestionView.tsx';
import { recordAnswers } from './record.ts';
import type { LessonRef, QuestionData, Response } from './types.ts';
import './quiz.css';

export interface ExamLesson {
  lesson: LessonRef;
  objectives: { id: string; text: string }[];
  questions: QuestionData[];
}

export interface ExamProps {
  lessons: ExamLesson[];
}

export interface ObjectiveScore {
  id: string;
  text: string;
  right: number;
  total: number;
}

/** Per lesson, each objective its questions check, with how many of those were answered right. */
export function scoreByObjective(lessons: readonly ExamLesson[], right: (questionId: string) => boolean) {
  return lessons.map(({ lesson, objectives, questions }) => ({
    lesson,
    objectives: objectives
      .map(({ id, text }): ObjectiveScore => {
        const checking = questions.filter((q) => q.objectives.includes(id));
        return { id, text, total: checking.length, right: checking.filter((q) => right(q.id)).length };
      })
      .filter((score) => score.total > 0),
  }));
}

const percent = (right: number, total: number) => (total === 0 ? 0 : Math.round((100 * right) / total));

export default function Exam({ lessons }: ExamProps) {
  const items = lessons.flatMap(({ lesson, questions }) => questions.map((question) => ({ lesson, question })));
  const fresh = () => Object.fromEntries(items.map(({ question }) => [question.id, emptyResponse(question)]));
  const [responses, setResponses] = useState<Record<string, Response>>(fresh);
  const [finished, setFinished] = useState(false);
  const hydrated = useHydrated();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const startHeading = useRef<HTMLParagraphElement>(null);

  const responseOf = (question: QuestionData) => responses[question.id] ?? emptyResponse(question);
  // An order question always has an answer (its starting order); it counts once the learner moved something.
  const answered = (question: QuestionData) => {
    const response = responseOf(question);
    if (response.kind !== 'order') return hasAnswer(response);
    return response.itemIds.some((id, i) => (emptyResponse(question) as typeof response).itemIds[i] !== id);
  };
  const right = (question: QuestionData) => answered(question) && isCorrect(question, responseOf(question));
  const answeredCount = items.filter(({ question }) => answered(question)).length;

  const finish = () => {
    void recordAnswers(
      items
        .filter(({ question }) => answered(question))
        .map(({ lesson, question }) => ({
          source: 'exam' as const,
          lesson: lesson.slug,
          questionId: question.id,
          objectives: question.objectives,
          correct: right(question),
        })),
    );
    setFinished(true);
    requestAnimationFrame(() => resultsHeading.current?.focus());
  };

  const restart = () => {
    setResponses(fresh());
    setFinished(false);
    requestAnimationFrame(() => startHeading.current?.focus());
  };

  if (!finished) {
    return (
      <div className="exam" data-exam="taking">
        <p className="exam__progress" ref={startHeading} tabIndex={-1}>
          {items.length} questions. Nothing is checked until you finish; unanswered questions count as wrong.
        </p>
        <ol className="quiz__questions">
          {items.map(({ lesson, question }, i) => (
            <li key={question.id} id={`question-${question.id}`}>
              <QuestionFields
                question={question}
                lesson={lesson}
                response={responseOf(question)}
                onChange={(response) => setResponses((all) => ({ ...all, [question.id]: response }))}
                revealed={false}
                interactive={hydrated}
                label={`Question ${i + 1} of ${items.length}`}
              />
            </li>
          ))}
        </ol>
        <div className="exam__finish">
          <p role="status">
            {answeredCount} of {items.length} answered.
          </p>
          <button type="button" className="button button--primary" disabled={!hydrated} onClick={finish}>
            Finish and see your results
          </button>
        </div>
      </div>
    );
  }

  const total = items.filter(({ question }) => right(question)).length;
  const scores = scoreByObjective(lessons, (id) => {
    const item = items.find(({ question }) => question.id === id);
    return item !== undefined && right(item.question);
  });
  return (
    <div className="exam" data-exam="results">
      <h2 id="results" ref={resultsHeading} tabIndex={-1}>
        Your results
      </h2>
      <p className="exam__total">
        You answered {total} of {items.length} questions right ({percent(total, items.length)}%).
      </p>
      <h3 id="by-objective">Score per learning objective</h3>
      {scores.map(({ lesson, objectives }) => (
        <div key={lesson.slug} className="exam__lesson">
          <h4>
            <a href={`/lessons/${lesson.slug}/`}>{lesson.title}</a>
          </h4>
          <div className="table-wrap">
            <table className="exam__scores" data-lesson={lesson.slug}>
              <thead>
                <tr>
                  <th scope="col">Objective</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {objectives.map((score) => (
                  <tr key={score.id} data-objective={score.id}>
                    <td>{score.text}</td>
                    <td className="exam__score">
                      {score.right} of {score.total}
                      {score.right < score.total && (
                        <>
                          {' '}
                          · <a href={`/lessons/${lesson.slug}/`}>revisit</a>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
      <h3 id="review">Review of every answer</h3>
      <ol className="quiz__questions">
        {items.map(({ lesson, question }, i) => (
          <li key={question.id} className="exam__review" data-question={question.id}>
            <QuestionFields
              question={question}
              lesson={lesson}
              response={responseOf(question)}
              onChange={() => undefined}
              revealed
              interactive={false}
              label={
                <>
                  Question {i + 1} of {items.length}:{' '}
                  <Mark right={right(question)}>{answered(question) ? (right(question) ? 'right' : 'wrong') : 'not answered'}</Mark>
                </>
              }
            />
            <AnswerLinks question={question} lesson={lesson} />
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={restart}>
        Take the exam again
      </button>
    </div>
  );
}
