/**
 * The Lab, given its simulator actor: diagram, text twin, narration, inspector, terminal, history
 * and cost meter in one React root. Tests inject an actor; the island (Lab.tsx) creates one.
 */
import { useSelector } from '@xstate/react';
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { selectWorld } from '../../sim/actor/index.ts';
import type { SimulatorActor } from './actor.ts';
import { Inspector } from './Inspector.tsx';
import { CostMeter, DiagramPanel, HistoryBar, Narration, ResourceTable } from './panels.tsx';
import { SavePanel } from './SavePanel.tsx';
import { Terminal } from './Terminal.tsx';
import { useFocusRescue } from '../shared/useFocusRescue.ts';

/** Panels a lesson may leave out; the resource table (the text twin) and the inspector always stay. */
export const OPTIONAL_PANELS = ['diagram', 'terminal', 'history', 'cost', 'save'] as const;
export type OptionalPanel = (typeof OPTIONAL_PANELS)[number];

export interface LabViewProps {
  actor: SimulatorActor;
  /** What the lab starts from, shown as its heading. */
  title: string;
  hide?: readonly OptionalPanel[];
  /** Why the requested scenario could not be set up (the lab then starts from an empty account). */
  scenarioProblem?: string;
  /** The lab's task (a challenge's goal checklist, a question's instructions), shown as its first panel. */
  task?: ReactNode;
}

export function LabView({ actor, title, hide = [], scenarioProblem, task }: LabViewProps) {
  const world = useSelector(actor, selectWorld);
  // A scenario whose calls did not replay is reported by the actor when it starts; read once.
  const [startProblem] = useState(() => actor.getSnapshot().context.persistence.error);
  // Which resource is selected is UI state; the resource itself is always read from the World.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const shown = (panel: OptionalPanel) => !hide.includes(panel);
  const problem = scenarioProblem ?? startProblem;
  const root = useRef<HTMLDivElement>(null);
  useFocusRescue(root);
  return (
    // The first pointer or focus inside the lab fetches the CLI engine (see cli.ts).
    <div className="widget lab" data-lab-ready="" ref={root}>
      <header className="lab__header">
        <p className="lab__title" tabIndex={-1} data-focus-home="">
          <strong>Lab:</strong> {title}
        </p>
        {shown('cost') && <CostMeter world={world} />}
      </header>
      {problem !== null && problem !== undefined && (
        <div className="lab-notice" role="note">
          <p>
            <strong>This lab could not start from its scenario,</strong> so it starts from an empty account instead. Everything else works as usual.
          </p>
          <p className="muted">{problem}</p>
        </div>
      )}
      {task !== undefined && (
        <section className="lab-panel lab-task" aria-label="Task">
          {task}
        </section>
      )}
      {shown('history') && <HistoryBar actor={actor} />}
      {shown('diagram') && <DiagramPanel world={world} selectedId={selectedId} onSelect={setSelectedId} />}
      <Narration actor={actor} />
      <div className="lab__work">
        <Inspector actor={actor} world={world} selectedId={selectedId} />
        {shown('terminal') && <Terminal actor={actor} />}
      </div>
      <ResourceTable world={world} selectedId={selectedId} onSelect={setSelectedId} />
      {shown('save') && <SavePanel actor={actor} />}
    </div>
  );
}
