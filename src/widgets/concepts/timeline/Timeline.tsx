/**
 * The point-in-time timeline island: its own simulator actor, started from the scenario's setup
 * and the lesson's story (plain data prepared at build time by SnapshotTimeline.astro). The story
 * is replayed as history entries, so each of its steps is a moment to go back to; the clock stays
 * paused, so time moves only when the learner waits.
 */
import { useActorRef } from '@xstate/react';
import type { SimCall } from '../../../sim/index.ts';
import { simulatorMachine } from '../../../sim/actor/index.ts';
import '../shared/concepts.css';
import { TimelineView } from './TimelineView.tsx';

export interface TimelineProps {
  scenarioId: string;
  setupCalls: SimCall[];
  storyCalls: SimCall[];
  volumeName: string;
  problem?: string;
}

export default function Timeline({ scenarioId, setupCalls, storyCalls, volumeName, problem }: TimelineProps) {
  const actor = useActorRef(simulatorMachine, {
    input: problem === undefined ? { scenarioId, scenarioCalls: setupCalls, initialLog: storyCalls, paused: true } : { paused: true },
  });
  return <TimelineView actor={actor} volumeName={volumeName} problem={problem} />;
}
