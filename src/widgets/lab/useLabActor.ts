/**
 * The simulator actor of one lab (the Lab island, a challenge, a lab-task question): started from
 * the scenario's setup calls, stopped with the component, and with its clock paused while the page
 * is hidden (the actor never touches the DOM itself).
 */
import { useActorRef } from '@xstate/react';
import { useEffect, useRef } from 'react';
import type { SimCall } from '../../sim/index.ts';
import { simulatorMachine } from '../../sim/actor/index.ts';
import type { SimulatorActor } from './actor.ts';

export interface LabActorOptions {
  /** Scenario id (content/scenarios/<id>.yaml); absent for an empty account. */
  scenarioId?: string;
  /** The scenario's setup as simulator calls, replayed on a fresh account. */
  scenarioCalls?: SimCall[];
  /** Why the scenario's script could not be turned into calls: the actor then starts empty. */
  scenarioProblem?: string;
}

export function useLabActor({ scenarioId, scenarioCalls = [], scenarioProblem }: LabActorOptions): SimulatorActor {
  const actor = useActorRef(simulatorMachine, {
    input: scenarioProblem === undefined ? { scenarioId, scenarioCalls } : {},
  });
  // A pause the learner chose is left alone when the page comes back.
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
  return actor;
}
