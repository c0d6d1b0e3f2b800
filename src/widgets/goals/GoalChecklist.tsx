/**
 * The live goal checklist of a challenge or a lab task: each goal's description, whether it is met
 * (icon and words, never colour alone) and why, from the simulation's own goal definitions
 * (src/sim/goals.ts), re-checked whenever the lab's World changes.
 *
 * Screen readers hear only what changes meaning, through one polite status line ("Goal met: ...",
 * "All 3 goals are met"); the reasons themselves update silently, because a pending snapshot's
 * progress changes on every clock tick and announcing each would drown the lab's own narration.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { selectWorld } from '../../sim/actor/index.ts';
import { evaluateGoal } from '../../sim/goals.ts';
import type { GoalRef } from '../../sim/goals.ts';
import type { World } from '../../sim/index.ts';
import type { SimulatorActor } from '../lab/actor.ts';
import { WithWholeIds } from '../shared/WithWholeIds.tsx';
import './goals.css';

export interface GoalChecklistProps {
  actor: SimulatorActor;
  goals: readonly GoalRef[];
  /** Called each time the goals go from not all met to all met (and at once if they start met). */
  onAllMet?: () => void;
  /** Heading of the list; "Goals" when absent. */
  heading?: string;
}

export interface GoalRow {
  key: string;
  description: string;
  met: boolean;
  because: string;
}

/** Each goal checked on a World; a goal the registry rejects is shown as unmet with the reason. */
export function checkGoals(world: World, goals: readonly GoalRef[]): GoalRow[] {
  return goals.map((goal, i) => {
    const evaluated = evaluateGoal(world, goal);
    const key = `${i}-${goal.id}`;
    if (!evaluated.ok) return { key, description: `Goal ${goal.id}`, met: false, because: `it cannot be checked: ${evaluated.error}` };
    const { description, met, because } = evaluated.status;
    return { key, description, met, because };
  });
}

/** What the status line says after a change, or null when nothing changed meaning. */
function announcement(before: readonly GoalRow[] | null, now: readonly GoalRow[]): string | null {
  if (before === null) return null;
  const changed = now.filter((row, i) => before[i] !== undefined && before[i].met !== row.met);
  if (changed.length === 0) return null;
  const parts = changed.map((row) => `${row.met ? 'Goal met' : 'Goal no longer met'}: ${row.description}.`);
  const metCount = now.filter((row) => row.met).length;
  parts.push(metCount === now.length ? `All ${now.length} goals are met.` : `${metCount} of ${now.length} goals met.`);
  return parts.join(' ');
}

export function GoalChecklist({ actor, goals, onAllMet, heading = 'Goals' }: GoalChecklistProps) {
  const world = useSelector(actor, selectWorld);
  const rows = useMemo(() => checkGoals(world, goals), [world, goals]);
  const metCount = rows.filter((row) => row.met).length;
  const allMet = rows.length > 0 && metCount === rows.length;
  const id = useId();

  const [status, setStatus] = useState('');
  const previous = useRef<readonly GoalRow[] | null>(null);
  useEffect(() => {
    const said = announcement(previous.current, rows);
    if (said !== null) setStatus(said);
    previous.current = rows;
  }, [rows]);

  // The latest callback without re-running the effect when a parent passes a new function each render.
  const allMetCallback = useRef(onAllMet);
  allMetCallback.current = onAllMet;
  useEffect(() => {
    if (allMet) allMetCallback.current?.();
  }, [allMet]);

  return (
    <div className={`goal-checklist${allMet ? ' goal-checklist--done' : ''}`} aria-labelledby={`${id}-title`} role="group">
      <h3 id={`${id}-title`}>
        {heading}{' '}
        <span className="goal-checklist__count">
          ({metCount} of {rows.length} met)
        </span>
      </h3>
      <ul className="goal-checklist__list">
        {rows.map((row) => (
          <li key={row.key} className={`goal ${row.met ? 'goal--met' : 'goal--unmet'}`} data-met={row.met}>
            <span className="goal__icon" aria-hidden="true">
              {row.met ? '✓' : '○'}
            </span>
            <span className="goal__text">
              <strong className="goal__state">{row.met ? 'Met:' : 'Not met:'}</strong> <WithWholeIds text={row.description} names />
              <WithWholeIds className="goal__why" text={`Because ${row.because}.`} names />
            </span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
