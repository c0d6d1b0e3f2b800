/**
 * The Lab island: creates its own simulator actor from the scenario's setup calls (plain data
 * prepared at build time by src/components/lesson/Lab.astro) and renders the LabView.
 */
import { useActorRef } from '@xstate/react';
import { useEffect, useRef } from 'react';
import type { SimCall } from '../../sim/index.ts';
import { simulatorMachine } from '../../sim/actor/index.ts';
import '../../styles/lab.css';
import { LabView } from './LabView.tsx';
import type { OptionalPanel } from './LabView.tsx';

export interface LabProps {
  /** Scenario id (content/scenarios/<id>.yaml); absent for an empty account. */
  scenarioId?: string;
  /** Heading of the lab: the scenario's title. */
  title: string;
  /** The scenario's setup as simulator calls, replayed on a fresh account. */
  scenarioCalls?: SimCall[];
  /** Why the scenario's script could not be turned into calls; the lab then starts empty. */
  scenarioProblem?: string;
  hide?: OptionalPanel[];
}

export default function Lab({ scenarioId, title, scenarioCalls = [], scenarioProblem, hide }: LabProps) {
  const actor = useActorRef(simulatorMachine, {
    input: scenarioProblem === undefined ? { scenarioId, scenarioCalls } : {},
  });
  // The clock runs only while the page is visible (the actor never touches the DOM itself); a
  // pause the learner chose is left alone when the page comes back.
  const pausedByPage = useRef(false);
  useEffect(() => {
    const onVisibility = () => {
      const running = actor.getSnapshot().context.clock.mode === 'running';
      if (document.hidden && running) {
        pausedByPage.current = true;
        actor.send({ type: 'clock.pause' });
      } else if (!document.hidden && pausedByPage.current) {
        pausedByPage.current = false;
        actor.send({ type: 'clock.resume' });
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [actor]);
  return <LabView actor={actor} title={title} hide={hide} scenarioProblem={scenarioProblem} />;
}
