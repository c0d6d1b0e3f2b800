/**
 * The challenge island of /challenges/<id>/: the lab started from the challenge's scenario, with the
 * challenge panel (goal checklist, result, hints, solution) as its task. Until it runs in the
 * browser (and with JavaScript off) it renders the goals, every hint and the reference solution as
 * plain text, so the page is complete without the lab.
 *
 * The lab's state is kept between visits in the progress store (saveLabLog('challenge:<id>')): a
 * reload reopens the lab where the learner left it, as one undoable "loaded" step.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useState } from 'react';
import { loadLabLog, saveLabLog } from '../../progress/index';
import { selectCursor, selectHistoryEntries, selectPersistence } from '../../sim/actor/index.ts';
import type { SimCall } from '../../sim/index.ts';
import '../../styles/lab.css';
import type { SimulatorActor } from '../lab/actor.ts';
import { LabView } from '../lab/LabView.tsx';
import { HASH_PREFIX } from '../lab/SavePanel.tsx';
import { useLabActor } from '../lab/useLabActor.ts';
import { ChallengePanel } from './ChallengePanel.tsx';
import type { ChallengeInfo } from './ChallengePanel.tsx';

export interface ChallengeLabProps {
  challenge: ChallengeInfo;
  /** The goals as the learner reads them, for the page without the lab. */
  goalDescriptions: string[];
  scenarioId: string;
  scenarioTitle: string;
  scenarioCalls: SimCall[];
  /** Why the scenario could not be set up at build time; the lab then starts empty and says so. */
  scenarioProblem?: string;
}

/** Quiet time after the last change before the lab is saved (clock ticks change it several times a second). */
const SAVE_AFTER_MS = 1500;

function useSavedLab(actor: SimulatorActor, key: string): void {
  // Reopen the lab where it was left, unless a permalink (#lab=...) asks for another state.
  useEffect(() => {
    if (window.location.hash.startsWith(HASH_PREFIX)) return;
    const saved = loadLabLog(key);
    if (saved !== undefined) actor.send({ type: 'log.load', encoded: saved });
  }, [actor, key]);

  const entries = useSelector(actor, selectHistoryEntries);
  const cursor = useSelector(actor, selectCursor);
  useEffect(() => {
    const timer = setTimeout(() => actor.send({ type: 'log.export' }), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [actor, entries, cursor]);

  const persistence = useSelector(actor, selectPersistence);
  useEffect(() => {
    const exported = persistence.exported;
    if (exported !== null && exported.cursor === actor.getSnapshot().context.history.cursor) saveLabLog(key, exported.encoded);
  }, [actor, key, persistence]);
}

function LiveChallenge({ challenge, scenarioId, scenarioTitle, scenarioCalls, scenarioProblem }: ChallengeLabProps) {
  const actor = useLabActor({ scenarioId, scenarioCalls, scenarioProblem });
  useSavedLab(actor, `challenge:${challenge.id}`);
  return (
    <LabView
      actor={actor}
      title={scenarioTitle}
      scenarioProblem={scenarioProblem}
      task={<ChallengePanel actor={actor} challenge={challenge} />}
    />
  );
}

function StaticChallenge({ challenge, goalDescriptions }: ChallengeLabProps) {
  return (
    <div className="challenge-static">
      <h2>Goals</h2>
      <ul>
        {goalDescriptions.map((description, i) => (
          <li key={i}>{description}</li>
        ))}
      </ul>
      <p className="muted">With JavaScript on, this page opens the lab from the starting point above and checks these goals as you work.</p>
      <h2>Hints</h2>
      <details>
        <summary>Show the hints, from gentle to explicit</summary>
        <ol>
          {challenge.hints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      </details>
      <h2>Reference solution</h2>
      <details>
        <summary>Show the reference solution</summary>
        <pre>
          <code>{challenge.solution.trim()}</code>
        </pre>
      </details>
    </div>
  );
}

export default function ChallengeLab(props: ChallengeLabProps) {
  // The server (and a browser without JavaScript) gets the text version; the lab replaces it once running.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  return live ? <LiveChallenge {...props} /> : <StaticChallenge {...props} />;
}
