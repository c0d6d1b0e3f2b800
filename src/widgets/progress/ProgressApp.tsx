/**
 * The completion summary at /progress/ (an island): lessons read, scores per learning objective,
 * challenges solved with their call counts, and the learner's data: export, import (merge or
 * replace, checked before anything changes), the copy of unreadable progress, and erasing it all.
 * The summary prints; the data tools do not.
 */
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { discardBackup, getBackup, resetProgress, storageMessage, updateProgress, type Progress } from '~/progress';
import { useProgress } from '~/progress/react';
import { summarize, type ChallengeStatus, type Score, type SummaryChallenge, type SummaryLesson } from '~/progress/summary';
import {
  applyImport,
  checkImportSize,
  countProgress,
  exportFileName,
  exportText,
  readImport,
  type ImportCheck,
  type ImportMode,
  type ProgressCounts,
} from '~/progress/transfer';
import { useHydrated } from '~/widgets/quiz/QuestionView';
import { StatusNotice } from './StatusNotice';
import './progress.css';

export interface ProgressAppProps {
  lessons: SummaryLesson[];
  challenges: SummaryChallenge[];
  now?: () => number;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

function scoreText({ total, answered, correct }: Score): string {
  if (total === 0) return 'no questions yet';
  if (answered === 0) return `none of ${total} answered`;
  return `${correct} of ${answered} right`;
}

export default function ProgressApp({ lessons, challenges, now = Date.now }: ProgressAppProps) {
  const progress = useProgress();
  const hydrated = useHydrated();
  const summary = useMemo(() => summarize(progress, lessons, challenges), [progress, lessons, challenges]);

  if (!hydrated) return <p className="review__loading">Reading your progress from this browser…</p>;

  return (
    <div className="summary">
      <StatusNotice status={progress.status}>
        <a href="#your-data">Your data</a>
      </StatusNotice>

      <h2 id="summary">Summary</h2>
      <ul className="summary__totals">
        <li>
          <strong>Lessons read:</strong> {summary.lessonsRead} of {summary.lessons.length}
        </li>
        <li>
          <strong>Questions answered:</strong> {summary.questions.answered} of {summary.questions.total}
          {summary.questions.answered > 0 && `, ${summary.questions.correct} right at the latest try`}
        </li>
        <li>
          <strong>Challenges solved:</strong> {summary.challengesSolved} of {summary.challenges.length}
        </li>
      </ul>

      <h2 id="lessons">Lessons and objectives</h2>
      <p>
        For each learning objective: how many of the quiz and exam questions that check it you have answered, and how many
        of those you got right at your latest try. A ✓ means every one of them is right.
      </p>
      {summary.lessons.map(({ lesson, readAt, questions, objectives }) => (
        <section key={lesson.slug} className="summary__lesson" aria-labelledby={`lesson-${lesson.slug}`} data-summary-lesson={lesson.slug}>
          <h3 id={`lesson-${lesson.slug}`}>
            <a href={lesson.href}>{lesson.title}</a>
          </h3>
          <p>
            {readAt === undefined ? (
              'Not read yet.'
            ) : (
              <span className="summary__mark">
                <span aria-hidden="true">✓ </span>Read on {DATE.format(readAt)}.
              </span>
            )}{' '}
            Questions: {scoreText(questions)}.
          </p>
          <table className="summary__objectives">
            <caption className="visually-hidden">Objectives of {lesson.title}</caption>
            <thead>
              <tr>
                <th scope="col">Objective</th>
                <th scope="col">Your answers</th>
              </tr>
            </thead>
            <tbody>
              {objectives.map(({ id, text, score }) => (
                <tr key={id} data-objective={id}>
                  <td>{text}</td>
                  <td>
                    <ObjectiveScore score={score} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      <h2 id="challenges">Challenges</h2>
      {summary.challenges.length === 0 ? (
        <p>No challenges are published yet.</p>
      ) : (
        <table className="summary__challenges">
          <caption className="visually-hidden">Challenges and your results</caption>
          <thead>
            <tr>
              <th scope="col">Challenge</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {summary.challenges.map(({ challenge, status }) => (
              <tr key={challenge.id} data-challenge={challenge.id}>
                <td>
                  <a href={challenge.href}>{challenge.title}</a>
                  <br />
                  <span className="muted">{challenge.difficulty}</span>
                </td>
                <td>
                  <ChallengeResult status={status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <DataTools progress={progress} now={now} />
    </div>
  );
}

/** "2 of 3 answered, 1 right", with a mark when every question of the objective is right. */
function ObjectiveScore({ score }: { score: Score }) {
  if (score.total === 0) return <>No questions yet</>;
  if (score.answered === 0) return <>None of {score.total} answered</>;
  const all = score.correct === score.total;
  return (
    <>
      {score.answered} of {score.total} answered, {score.correct} right
      {all && (
        <span className="summary__mark">
          {' '}
          <span aria-hidden="true">✓</span>
          <span className="visually-hidden">: all right</span>
        </span>
      )}
    </>
  );
}

function ChallengeResult({ status }: { status: ChallengeStatus }) {
  if (status.state === 'new') return <>Not tried</>;
  if (status.state === 'tried') return <>Tried, not solved yet</>;
  return (
    <span className="summary__mark">
      <span aria-hidden="true">✓ </span>Solved in {plural(status.bestCalls, 'call')} (reference: {status.referenceCalls})
    </span>
  );
}

function countsText(counts: ProgressCounts): string {
  return [
    plural(counts.lessons, 'lesson read', 'lessons read'),
    plural(counts.answers, 'question answered', 'questions answered'),
    plural(counts.challenges, 'challenge tried', 'challenges tried'),
    plural(counts.review, 'review item'),
    plural(counts.labLogs, 'saved lab'),
  ].join(', ');
}

function download(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; it is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

type Pending = { data: Extract<ImportCheck, { ok: true }>; name: string };

/** Export, import, the copy of unreadable progress, and erasing everything. */
function DataTools({ progress, now }: { progress: Progress; now: () => number }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const eraseArea = useRef<HTMLFieldSetElement>(null);
  const toggled = useRef(false);
  // The button pressed disappears when the confirmation opens or closes: focus its replacement.
  useEffect(() => {
    if (toggled.current) eraseArea.current?.querySelector<HTMLButtonElement>('button:last-of-type')?.focus();
    toggled.current = false;
  }, [confirmReset]);
  const askReset = (open: boolean) => {
    toggled.current = true;
    setConfirmReset(open);
  };
  const backup = getBackup();
  const { status } = progress;

  const say = (text: string, error = false) => setMessage({ text, error });

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setPending(null);
    if (!file) return;
    const tooBig = checkImportSize(file.size);
    const result = tooBig ?? readImport(await file.text());
    if (!result.ok) {
      say(result.message, true);
      if (fileInput.current) fileInput.current.value = '';
      return;
    }
    setMessage(null);
    setPending({ data: result, name: file.name });
  };

  const confirmImport = () => {
    if (!pending) return;
    updateProgress((current) => applyImport(current, pending.data.data, mode));
    say(
      mode === 'merge'
        ? `Merged ${pending.name} into the progress in this browser.`
        : `Replaced the progress in this browser with ${pending.name}.`,
    );
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  return (
    <section className="summary__tools" aria-labelledby="your-data">
      <h2 id="your-data">Your data</h2>
      <p>
        Your progress is stored only in this browser ({countsText(countProgress(progress))}).{' '}
        {status.persistence === 'memory' && status.problem ? storageMessage(status.problem) : 'Nothing is sent anywhere.'}
      </p>
      <p className="summary__message" role="status">
        {message && !message.error ? message.text : ''}
      </p>
      {message?.error && (
        <p className="summary__message summary__error" role="alert">
          {message.text}
        </p>
      )}

      <fieldset>
        <legend>Export</legend>
        <p>Save your progress as a file, to keep it or to continue in another browser.</p>
        <p className="row">
          <button type="button" className="button" onClick={() => download(exportText(progress, now()), exportFileName(now()))}>
            Download your progress
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            Print this summary
          </button>
        </p>
      </fieldset>

      <fieldset>
        <legend>Import</legend>
        <p>Load a file you exported here or in another browser. It is checked before anything changes.</p>
        <p className="row">
          <label htmlFor={`${id}-file`}>Progress file</label>
          <input ref={fileInput} id={`${id}-file`} type="file" accept=".json,application/json" onChange={(event) => void choose(event)} />
        </p>
        {pending && (
          <div className="summary__pending" data-import-pending>
            <p>
              {pending.name} holds {countsText(countProgress(pending.data.data))}
              {pending.data.exportedAt ? `, exported on ${DATE.format(Date.parse(pending.data.exportedAt))}` : ''}.
            </p>
            <fieldset>
              <legend>What should happen to the progress already in this browser?</legend>
              <p className="row">
                <input type="radio" id={`${id}-merge`} name={`${id}-mode`} checked={mode === 'merge'} onChange={() => setMode('merge')} />
                <label htmlFor={`${id}-merge`}>Merge: keep both, the best result of each</label>
              </p>
              <p className="row">
                <input type="radio" id={`${id}-replace`} name={`${id}-mode`} checked={mode === 'replace'} onChange={() => setMode('replace')} />
                <label htmlFor={`${id}-replace`}>Replace: keep only the file’s progress</label>
              </p>
            </fieldset>
            <p className="row">
              <button type="button" className="button button--primary" onClick={confirmImport}>
                Import
              </button>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setPending(null);
                  if (fileInput.current) fileInput.current.value = '';
                }}
              >
                Cancel
              </button>
            </p>
          </div>
        )}
      </fieldset>

      {backup && (
        <fieldset data-backup>
          <legend>Progress that could not be read</legend>
          <p>
            On {DATE.format(backup.at)} your saved progress could not be read ({backup.reason}). A copy of it as it was is
            kept in this browser: download it to keep it, or delete it.
          </p>
          <p className="row">
            <button
              type="button"
              className="button"
              onClick={() => download(backup.raw, `ami-snapshot-lab-unreadable-progress-${new Date(backup.at).toISOString().slice(0, 10)}.json`)}
            >
              Download the copy
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                discardBackup();
                say('Deleted the copy of the unreadable progress.');
              }}
            >
              Delete the copy
            </button>
          </p>
        </fieldset>
      )}

      {/* Escape answers the confirmation with its safe choice, as a dialog's Cancel would. */}
      <fieldset
        ref={eraseArea}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && confirmReset) {
            event.preventDefault();
            askReset(false);
          }
        }}
      >
        <legend>Erase</legend>
        {confirmReset ? (
          <>
            <p>
              <strong>Erase all progress in this browser?</strong> This cannot be undone; download your progress first if
              you may want it back.
            </p>
            <p className="row">
              <button
                type="button"
                className="button"
                onClick={() => {
                  resetProgress();
                  askReset(false);
                  say('All progress in this browser was erased.');
                }}
              >
                Erase everything
              </button>
              <button type="button" className="button" onClick={() => askReset(false)}>
                Keep my progress
              </button>
            </p>
          </>
        ) : (
          <p className="row">
            <button type="button" className="button" onClick={() => askReset(true)}>
              Erase all progress…
            </button>
          </p>
        )}
      </fieldset>
    </section>
  );
}
