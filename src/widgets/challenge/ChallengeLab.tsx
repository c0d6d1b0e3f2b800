/**
 * The challenge island of /challenges/<id>/: the lab started from the challenge's scenario, with the
 * challenge panel (goal checklist, result, hints, solution) as its task. Until it runs in the
 * browser (and with JavaScript off) it renders the goals, every hint and the reference solution as
 * plain text, so the page is complete without the lab.
 *
 * The lab's state is kept between visits (useSavedLab, key 'challenge:<id>').
 */
import { useEffect, useState } from 'react';
import type { SimCall } from '../../sim/index.ts';
import '../../styles/lab.css';
import { LabView } from '../lab/LabView.tsx';
import { useLabActor } from '../lab/useLabActor.ts';
import { useSavedLab } from '../lab/useSavedLab.ts';
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
