/**
 * The quiz at the end of a lesson (an island): every question answerable on its own, and a score
 * once all have been answered, counting each question's first check.
 */
import { useState } from 'react';
import { QuestionView } from './QuestionView.tsx';
import type { LessonRef, QuestionData } from './types.ts';

export interface QuizProps {
  lesson: LessonRef;
  questions: QuestionData[];
}

export default function Quiz({ lesson, questions }: QuizProps) {
  const [firstTries, setFirstTries] = useState<Record<string, boolean>>({});
  const answered = Object.keys(firstTries).length;
  const right = Object.values(firstTries).filter(Boolean).length;
  const total = questions.length;
  return (
    <div className="quiz">
      <ol className="quiz__questions">
        {questions.map((question, i) => (
          <li key={question.id} id={`question-${question.id}`}>
            <QuestionView
              question={question}
              lesson={lesson}
              source="quiz"
              label={`Question ${i + 1} of ${total}`}
              onAnswered={(correct) => setFirstTries((tries) => (question.id in tries ? tries : { ...tries, [question.id]: correct }))}
            />
          </li>
        ))}
      </ol>
      <p className="quiz__score" role="status">
        {answered === 0
          ? ''
          : answered < total
            ? `${answered} of ${total} questions answered.`
            : `Your score: ${right} of ${total} right at the first try.${right === total ? '' : ' Try the missed ones again after rereading their sections.'}`}
      </p>
    </div>
  );
}
