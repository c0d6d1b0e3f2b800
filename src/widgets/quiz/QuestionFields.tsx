/**
 * One question as a form: the prompt as the legend of a fieldset, radios, checkboxes, a list to
 * reorder with Move up / Move down buttons, or a lab task. Controlled: the parent owns the
 * response. Once `revealed`, the inputs are locked and every option says, in words and with an
 * icon (never colour alone), whether it is right, whether it was the learner's choice, and why.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { moveItem, selectHowMany, VERDICTS } from './grade.ts';
import type { LessonRef, QuestionData, Response, Verdict } from './types.ts';
import { OnDemand, onDemand } from '../shared/OnDemand.tsx';
import { WithBreakHints } from '../shared/WithBreakHints.tsx';

// The lab (simulator, diagram, terminal) is loaded only when a learner opens a lab task.
const labTask = onDemand(() => import('./LabTask.tsx'));

export interface QuestionFieldsProps {
  question: QuestionData;
  lesson: LessonRef;
  response: Response;
  onChange: (response: Response) => void;
  /** After checking (or in the exam's review): inputs locked, every option explained. */
  revealed: boolean;
  /** Until the island has hydrated, controls that need JavaScript are disabled. */
  interactive: boolean;
  /** Shown before the prompt, e.g. "Question 3 of 8". */
  label?: ReactNode;
}

export function Mark({ right, children }: { right: boolean; children: string }) {
  return (
    <span className={`q-mark ${right ? 'q-mark--right' : 'q-mark--wrong'}`}>
      <span aria-hidden="true">{right ? '✓' : '✗'}</span> {children}
    </span>
  );
}

function YourAnswer() {
  return <span className="q-yours">Your answer</span>;
}

export function QuestionFields(props: QuestionFieldsProps) {
  const { question, label } = props;
  const legendId = useId();
  const instruction =
    question.kind === 'multiple'
      ? selectHowMany(question)
      : question.kind === 'order'
        ? 'Put the items in order with the Move up and Move down buttons.'
        : question.kind === 'true-false-partly'
          ? 'Is this claim true, false or partly true?'
          : question.kind === 'lab-task'
            ? 'Do it in the lab: the question is answered when every goal is met.'
            : null;
  return (
    <fieldset className={`q q--${question.kind}`} aria-labelledby={legendId}>
      <legend id={legendId} className="q__legend">
        {label !== undefined && <span className="q__label">{label}</span>}
        <span className="q__prompt">{question.kind === 'true-false-partly' ? <q>{question.prompt}</q> : question.prompt}</span>
        {instruction !== null && <span className="q__instruction">{instruction}</span>}
      </legend>
      {(question.kind === 'single' || question.kind === 'multiple') && <ChoiceOptions {...props} question={question} />}
      {question.kind === 'true-false-partly' && <VerdictOptions {...props} question={question} />}
      {question.kind === 'order' && <OrderItems {...props} question={question} />}
      {question.kind === 'lab-task' && <LabTaskFields {...props} question={question} />}
    </fieldset>
  );
}

type Props<K extends QuestionData['kind']> = QuestionFieldsProps & { question: Extract<QuestionData, { kind: K }> };

function ChoiceOptions({ question, response, onChange, revealed, interactive }: Props<'single' | 'multiple'>) {
  const name = useId();
  const chosen = (id: string) =>
    response.kind === 'single' ? response.optionId === id : response.kind === 'multiple' && response.optionIds.includes(id);
  const toggle = (id: string, on: boolean) => {
    if (response.kind === 'single') onChange({ kind: 'single', optionId: id });
    if (response.kind === 'multiple') {
      const others = response.optionIds.filter((x) => x !== id);
      onChange({ kind: 'multiple', optionIds: on ? [...others, id] : others });
    }
  };
  return (
    <ul className="q-options">
      {question.options.map((option, i) => {
        const mine = chosen(option.id);
        const letter = String.fromCharCode(65 + i);
        return (
          <li
            key={option.id}
            className={`q-option${revealed ? (option.correct ? ' q-option--right' : ' q-option--wrong') : ''}${mine ? ' q-option--chosen' : ''}`}
            data-option={option.id}
          >
            <label className="q-option__choice">
              <input
                type={question.kind === 'single' ? 'radio' : 'checkbox'}
                name={name}
                value={option.id}
                checked={mine}
                disabled={revealed || !interactive}
                onChange={(event) => toggle(option.id, event.currentTarget.checked)}
              />
              <span className="q-option__letter" aria-hidden="true">
                {letter}.
              </span>
              <span className="q-option__text">
                <WithBreakHints text={option.text} />
              </span>
            </label>
            {revealed && (
              <div className="q-option__feedback">
                <p className="q-option__verdict">
                  <Mark right={option.correct}>{option.correct ? 'Correct answer' : 'Not correct'}</Mark>
                  {mine && <YourAnswer />}
                </p>
                <p className="q-option__why">{option.explanation}</p>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const VERDICT_ORDER: readonly Verdict[] = ['true', 'false', 'partly'];

function VerdictOptions({ question, response, onChange, revealed, interactive }: Props<'true-false-partly'>) {
  const name = useId();
  const answer = response.kind === 'true-false-partly' ? response.answer : null;
  return (
    <ul className="q-options q-options--verdicts">
      {VERDICT_ORDER.map((verdict) => {
        const right = verdict === question.answer;
        const mine = answer === verdict;
        return (
          <li
            key={verdict}
            className={`q-option${revealed ? (right ? ' q-option--right' : ' q-option--wrong') : ''}${mine ? ' q-option--chosen' : ''}`}
            data-option={verdict}
          >
            <label className="q-option__choice">
              <input
                type="radio"
                name={name}
                value={verdict}
                checked={mine}
                disabled={revealed || !interactive}
                onChange={() => onChange({ kind: 'true-false-partly', answer: verdict })}
              />
              <span className="q-option__text">{VERDICTS[verdict]}</span>
            </label>
            {revealed && (
              <div className="q-option__feedback">
                <p className="q-option__verdict">
                  <Mark right={right}>{right ? 'Correct answer' : 'Not correct'}</Mark>
                  {mine && <YourAnswer />}
                </p>
                <p className="q-option__why">{question.explanations[verdict]}</p>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function OrderItems({ question, response, onChange, revealed, interactive }: Props<'order'>) {
  const order = response.kind === 'order' ? response.itemIds : question.items.map((i) => i.id);
  const textOf = (id: string) => question.items.find((i) => i.id === id)?.text ?? id;
  const [moved, setMoved] = useState('');
  // The button pressed keeps focus while its item moves, so a keyboard user can press it again.
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const move = (id: string, by: -1 | 1) => {
    const next = moveItem(order, id, by);
    if (next.every((x, i) => x === order[i])) return;
    onChange({ kind: 'order', itemIds: next });
    setMoved(`“${textOf(id)}” moved to position ${next.indexOf(id) + 1} of ${next.length}.`);
    requestAnimationFrame(() => buttons.current.get(`${id}:${by}`)?.focus());
  };
  return (
    <>
      <ol className="q-order">
        {order.map((id, position) => {
          const right = question.items[position]?.id === id;
          const correctPlace = question.items.findIndex((i) => i.id === id) + 1;
          return (
            <li key={id} className={`q-order__item${revealed ? (right ? ' q-option--right' : ' q-option--wrong') : ''}`} data-item={id}>
              <div className="q-order__row">
                <span className="q-order__text">{textOf(id)}</span>
                {revealed ? (
                  <Mark right={right}>{right ? 'In the right place' : `Belongs at position ${correctPlace}`}</Mark>
                ) : (
                  <span className="q-order__buttons">
                    {([-1, 1] as const).map((by) => {
                      const atEnd = by === -1 ? position === 0 : position === order.length - 1;
                      return (
                        <button
                          key={by}
                          type="button"
                          className="button q-order__move"
                          ref={(el) => {
                            if (el) buttons.current.set(`${id}:${by}`, el);
                            else buttons.current.delete(`${id}:${by}`);
                          }}
                          // aria-disabled, not disabled: the focused button stays focusable at the end of the list.
                          aria-disabled={atEnd || !interactive ? true : undefined}
                          onClick={() => {
                            if (!atEnd && interactive) move(id, by);
                          }}
                        >
                          {by === -1 ? 'Move up' : 'Move down'}
                          <span className="visually-hidden">: {textOf(id)}</span>
                        </button>
                      );
                    })}
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {revealed ? '' : moved}
      </p>
      {revealed && (
        <div className="q-explanation">
          <p>
            <strong>The right order:</strong>
          </p>
          <ol>
            {question.items.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ol>
          <p>{question.explanation}</p>
        </div>
      )}
    </>
  );
}

function LabTaskFields({ question, lesson, response, onChange, revealed, interactive }: Props<'lab-task'>) {
  const [open, setOpen] = useState(false);
  const met = response.kind === 'lab-task' && response.allMet;
  // The button is replaced by the lab: focus moves to the lab's place instead of falling to the page.
  const labPlace = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) labPlace.current?.focus();
  }, [open]);
  return (
    <div className="q-lab">
      <p className="q-lab__goals-intro">Goals:</p>
      <ul className="q-lab__goals">
        {question.goals.map((goal) => (
          <li key={`${goal.id}:${JSON.stringify(goal.params)}`}>{goal.description}</li>
        ))}
      </ul>
      {!revealed &&
        (question.lab === undefined ? (
          <p>
            This task runs in the lab of the lesson: <a href={`/lessons/${lesson.slug}/#check-your-understanding`}>{lesson.title}</a>.
          </p>
        ) : open ? (
          <div ref={labPlace} tabIndex={-1} className="q-lab__place" role="group" aria-label="Lab for this task">
            <OnDemand part={labTask} what="the lab">
              <labTask.Component
                lab={question.lab}
                scenarioId={question.scenario.id}
                goals={question.goals}
                onAllMet={() => onChange({ kind: 'lab-task', allMet: true })}
              />
            </OnDemand>
          </div>
        ) : (
          <button type="button" className="button" disabled={!interactive} onClick={() => setOpen(true)}>
            Open the lab for this task
          </button>
        ))}
      {revealed && (
        <div className="q-explanation">
          <p>
            <Mark right={met}>{met ? 'Every goal was met' : 'The goals were not met'}</Mark>
          </p>
          <p>{question.explanation}</p>
          <p>One way to do it, as AWS CLI commands:</p>
          <pre>
            <code>{question.solution.trim()}</code>
          </pre>
        </div>
      )}
    </div>
  );
}
