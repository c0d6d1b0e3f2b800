/**
 * A challenge inside its lab (the lab's task panel): the live goal checklist, the result once every
 * goal is met (the learner's call count against the reference solution's, recorded in the progress
 * store), hints revealed one at a time, and "Show solution", which replays the reference solution
 * into the same actor one command at a time, so the lab animates each step and undo still works.
 *
 * The solution is replayed from the learner's current World when every command works there;
 * otherwise the panel names the command that fails and why, and offers to replay it from the start
 * (an undoable reset). A World reached with the solution's help is not recorded as solved.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useProgress } from '../../progress/react';
import { recordChallenge } from '../../progress/index';
import type { HistoryEntry } from '../../sim/actor/index.ts';
import type { GoalRef } from '../../sim/goals.ts';
import { checkGoals, GoalChecklist } from '../goals/GoalChecklist.tsx';
import { nextRequestId } from '../lab/actor.ts';
import type { SimulatorActor } from '../lab/actor.ts';
import { countLabCalls, entryInEffect } from './calls.ts';
import type { SolutionFailure } from './solution.ts';
import './challenge.css';

export interface ChallengeInfo {
  id: string;
  title: string;
  goals: GoalRef[];
  /** From gentle to explicit. */
  hints: string[];
  /** The reference solution: AWS CLI commands. */
  solution: string;
  /** Calls the reference solution makes from the start (computed at build time). */
  referenceCalls: number;
}

export interface ChallengePanelProps {
  actor: SimulatorActor;
  challenge: ChallengeInfo;
  /** Pause between two replayed commands, so each step can be watched; shorter under reduced motion. */
  stepDelayMs?: number;
}

type Replay =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'confirm'; failure: SolutionFailure }
  | { status: 'running'; from: 'current' | 'start'; index: number; total: number }
  | { status: 'done'; from: 'current' | 'start' }
  | { status: 'stopped'; index: number; total: number }
  | { status: 'failed'; failure: SolutionFailure }
  | { status: 'unavailable' };

interface Result {
  calls: number;
  assisted: boolean;
}

function defaultStepDelay(): number {
  const reduced = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
  return reduced ? 300 : 1200;
}

type SolutionEngine = typeof import('./solution.ts');

/** The CLI engine with what the solution needs loaded, or null when it cannot be downloaded (offline). */
async function loadEngine(solution: string): Promise<SolutionEngine | null> {
  try {
    const engine = await import('./solution.ts');
    await engine.prepareSolution(solution);
    return engine;
  } catch {
    return null;
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An AWS message as the end of a sentence: some end with a full stop, some do not. */
const sentence = (message: string) => (/[.!?]$/.test(message) ? message : `${message}.`);

const callsText = (n: number) => `${n} ${n === 1 ? 'call' : 'calls'}`;

export function ChallengePanel({ actor, challenge, stepDelayMs }: ChallengePanelProps) {
  const { id: challengeId, goals, hints, solution, referenceCalls } = challenge;
  const allMet = useSelector(actor, (s) => checkGoals(s.context.history.world, goals).every((row) => row.met));
  const progress = useProgress();
  const record = progress.challenges[challengeId];
  const domId = useId();

  const [hintsShown, setHintsShown] = useState(0);
  const lastHint = useRef<HTMLLIElement>(null);
  const [solutionShown, setSolutionShown] = useState(false);
  const [replay, setReplay] = useState<Replay>({ status: 'idle' });
  const [result, setResult] = useState<Result | null>(null);
  // The solution's commands with their first line, once the CLI engine has split the script.
  const [steps, setSteps] = useState<{ line: number; text: string }[] | null>(null);

  // The first history entry the replay added: while it is in effect, the World owes the solution.
  const assistedEntry = useRef<HistoryEntry | null>(null);
  const recorded = useRef<{ solved: boolean; assisted: boolean }>({ solved: false, assisted: false });
  const stop = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const onAllMet = () => {
    const history = actor.getSnapshot().context.history;
    const last = history.entries[history.cursor - 1];
    const calls = countLabCalls(history);
    const assisted = assistedEntry.current !== null && entryInEffect(history, assistedEntry.current);
    setResult({ calls, assisted });
    // A lab restored from a previous visit was recorded when it was solved then.
    if (last?.kind === 'restart' && last.reason === 'load') return;
    if (assisted ? recorded.current.assisted || recorded.current.solved : recorded.current.solved) return;
    recorded.current = assisted ? { ...recorded.current, assisted: true } : { ...recorded.current, solved: true };
    recordChallenge({ challengeId, solved: !assisted, calls, referenceCalls });
  };

  useEffect(() => {
    if (hintsShown > 0) lastHint.current?.focus();
  }, [hintsShown]);

  const runReplay = async (from: 'current' | 'start') => {
    const engine = await loadEngine(solution);
    if (engine === null) {
      setReplay({ status: 'unavailable' });
      return;
    }
    if (from === 'start') actor.send({ type: 'history.reset' });
    const commands = engine.solutionCommands(solution);
    const delay = stepDelayMs ?? defaultStepDelay();
    stop.current = false;
    assistedEntry.current = null;
    let environment = {};
    for (const [index, command] of commands.entries()) {
      if (!mounted.current) return;
      if (stop.current) {
        setReplay({ status: 'stopped', index, total: commands.length });
        return;
      }
      setReplay({ status: 'running', from, index, total: commands.length });
      const step = engine.runSolutionCommand(actor.getSnapshot().context.history.world, command, environment);
      if (!step.ok && step.failure !== null) {
        setReplay({ status: 'failed', failure: step.failure });
        return;
      }
      environment = step.environment;
      for (const call of step.calls) actor.send({ type: 'call.run', call, requestId: nextRequestId('solution') });
      if (assistedEntry.current === null && step.calls.length > 0) {
        const history = actor.getSnapshot().context.history;
        assistedEntry.current = history.entries[history.cursor - 1] ?? null;
      }
      if (index < commands.length - 1 && delay > 0) await wait(delay);
    }
    if (mounted.current) setReplay({ status: 'done', from });
  };

  const showSolution = async () => {
    setSolutionShown(true);
    setReplay({ status: 'checking' });
    const engine = await loadEngine(solution);
    if (engine === null) {
      setReplay({ status: 'unavailable' });
      return;
    }
    setSteps(engine.solutionCommands(solution));
    const checked = engine.checkSolution(actor.getSnapshot().context.history.world, solution);
    if (checked.ok) await runReplay('current');
    else setReplay({ status: 'confirm', failure: checked.failure });
  };

  const running = replay.status === 'running' || replay.status === 'checking';
  const commands = solution.trim();

  return (
    <div className="challenge-panel">
      <GoalChecklist actor={actor} goals={goals} onAllMet={onAllMet} />

      {allMet && result !== null && (
        <div className={`challenge-result${result.assisted ? ' challenge-result--assisted' : ''}`} role="status">
          {result.assisted ? (
            <p>
              <strong>Every goal is met, with the reference solution's help.</strong> Reset the lab and solve it yourself to mark the
              challenge solved.
            </p>
          ) : (
            <p>
              <strong>Challenge solved!</strong> You made {callsText(result.calls)} that changed the account; the reference solution makes{' '}
              {callsText(referenceCalls)}.
              {result.calls <= referenceCalls ? ' As few as the reference: well done.' : ' Compare with the reference solution below.'}
            </p>
          )}
        </div>
      )}
      {record?.solved === true && !(allMet && result !== null && !result.assisted) && (
        <p className="challenge-panel__record">
          <span aria-hidden="true">✓ </span>You solved this challenge before
          {record.bestCalls === undefined ? '' : `, in ${callsText(record.bestCalls)} at best (reference: ${callsText(record.referenceCalls)})`}.
        </p>
      )}

      <section className="challenge-hints" aria-labelledby={`${domId}-hints`}>
        <h3 id={`${domId}-hints`}>Hints</h3>
        {hintsShown > 0 && (
          <ol className="challenge-hints__list">
            {hints.slice(0, hintsShown).map((hint, i) => (
              <li key={hint} ref={i === hintsShown - 1 ? lastHint : undefined} tabIndex={-1}>
                {hint}
              </li>
            ))}
          </ol>
        )}
        {hintsShown < hints.length ? (
          <button type="button" className="button" onClick={() => setHintsShown((n) => Math.min(n + 1, hints.length))}>
            {hintsShown === 0 ? `Show a hint (1 of ${hints.length})` : `Show the next hint (${hintsShown + 1} of ${hints.length})`}
          </button>
        ) : (
          <p className="muted">That was the last hint.</p>
        )}
      </section>

      <section className="challenge-solution" aria-labelledby={`${domId}-solution`}>
        <h3 id={`${domId}-solution`}>Reference solution</h3>
        {!solutionShown ? (
          <>
            <p className="muted" id={`${domId}-solution-note`}>
              Replays the reference solution in this lab, one command at a time: {callsText(referenceCalls)} that{' '}
              {referenceCalls === 1 ? 'changes' : 'change'} the account. Undo takes you back.
            </p>
            <button type="button" className="button" aria-describedby={`${domId}-solution-note`} onClick={() => void showSolution()}>
              Show solution
            </button>
          </>
        ) : (
          <>
            {steps === null ? (
              <pre className="challenge-solution__code" tabIndex={0} aria-label="Reference solution commands">
                <code>{commands}</code>
              </pre>
            ) : (
              <SolutionSteps solution={solution} steps={steps} replay={replay} />
            )}
            <ReplayStatus
              replay={replay}
              onConfirm={() => void runReplay('start')}
              onCancel={() => setReplay({ status: 'idle' })}
              onStop={() => {
                stop.current = true;
              }}
            />
            {!running && replay.status !== 'confirm' && (
              <button type="button" className="button" onClick={() => void showSolution()}>
                Replay it again
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}

/** Where each command stands in the replay: done, running now, or still to come. */
function stepState(replay: Replay, index: number): 'done' | 'running' | 'todo' {
  if (replay.status === 'done') return 'done';
  if (replay.status === 'running' || replay.status === 'stopped') {
    if (index < replay.index) return 'done';
    return index === replay.index && replay.status === 'running' ? 'running' : 'todo';
  }
  return 'todo';
}

const STEP_MARKS = { done: ['✓', 'done'], running: ['▶', 'running now'], todo: ['', ''] } as const;

/** The solution as the author wrote it (continuation lines and all), one block per command, the replay's progress marked. */
function SolutionSteps({ solution, steps, replay }: { solution: string; steps: { line: number; text: string }[]; replay: Replay }) {
  const lines = solution.split('\n');
  const blockOf = (i: number): string => {
    const end = (steps[i + 1]?.line ?? lines.length + 1) - 1;
    const block = lines.slice((steps[i]?.line ?? 1) - 1, end);
    while (block.length > 0 && /^\s*(#.*)?$/.test(block.at(-1) ?? '')) block.pop();
    return block.join('\n');
  };
  return (
    <ol className="challenge-steps" aria-label="Reference solution commands">
      {steps.map((step, i) => {
        const state = stepState(replay, i);
        const [mark, words] = STEP_MARKS[state];
        return (
          <li key={step.line} className={`challenge-step challenge-step--${state}`} aria-current={state === 'running' ? 'step' : undefined}>
            <span className="challenge-step__mark" aria-hidden="true">
              {mark}
            </span>
            <pre tabIndex={0}>
              <code>{blockOf(i)}</code>
            </pre>
            {words !== '' && <span className="visually-hidden">({words})</span>}
          </li>
        );
      })}
    </ol>
  );
}

function ReplayStatus({ replay, onConfirm, onCancel, onStop }: { replay: Replay; onConfirm: () => void; onCancel: () => void; onStop: () => void }) {
  switch (replay.status) {
    case 'idle':
      return null;
    case 'checking':
      return <p role="status">Checking the solution against your lab…</p>;
    case 'unavailable':
      return (
        <p className="lab-error" role="alert">
          The AWS CLI could not be loaded (are you offline?), so the solution cannot be replayed. The commands are shown above.
        </p>
      );
    case 'confirm':
      return (
        <div className="challenge-confirm" role="alert">
          <p>
            The reference solution does not work from where your lab is now: line {replay.failure.line} (<code>{replay.failure.command}</code>) fails
            with {sentence(replay.failure.message)}
          </p>
          <p>Replay it from the start of the challenge instead? The reset is one step in the history, so undo brings your work back.</p>
          <div className="challenge-confirm__actions">
            <button type="button" className="button" onClick={onConfirm}>
              Replay from the start
            </button>
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </div>
      );
    case 'running':
      return (
        <div className="challenge-replay" role="status">
          <p>
            Replaying {replay.from === 'start' ? 'from the start' : 'from your current lab'}: command {replay.index + 1} of {replay.total}.
          </p>
          <button type="button" className="button" onClick={onStop}>
            Stop the replay
          </button>
        </div>
      );
    case 'stopped':
      return (
        <p role="status">
          Replay stopped after command {replay.index} of {replay.total}.
        </p>
      );
    case 'done':
      return <p role="status">The reference solution was replayed {replay.from === 'start' ? 'from the start' : 'from your current lab'}. Undo steps back through it.</p>;
    case 'failed':
      return (
        <p className="lab-error" role="alert">
          The replay stopped at line {replay.failure.line} (<code>{replay.failure.command}</code>): {sentence(replay.failure.message)}
        </p>
      );
  }
}
