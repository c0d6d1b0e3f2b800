/**
 * The lab of a lab-task question, loaded on demand (React.lazy) so that quiz pages stay light:
 * its own simulator actor on the question's scenario, with the goals as a live checklist.
 */
import '../../styles/lab.css';
import type { GoalRef } from '../../sim/goals.ts';
import { GoalChecklist } from '../goals/GoalChecklist.tsx';
import { LabView } from '../lab/LabView.tsx';
import { useLabActor } from '../lab/useLabActor.ts';
import type { LabSetup } from './types.ts';

export interface LabTaskProps {
  lab: LabSetup;
  scenarioId: string;
  goals: GoalRef[];
  onAllMet: () => void;
}

export default function LabTask({ lab, scenarioId, goals, onAllMet }: LabTaskProps) {
  const actor = useLabActor({ scenarioId, scenarioCalls: lab.calls, scenarioProblem: lab.problem });
  return (
    <LabView
      actor={actor}
      title={lab.title}
      scenarioProblem={lab.problem}
      hide={['save']}
      task={<GoalChecklist actor={actor} goals={goals} onAllMet={onAllMet} />}
    />
  );
}
