/**
 * The lifecycle chart island: its own simulator actor from a scenario (plain data prepared at build
 * time by src/components/lesson/LifecycleChart.astro, with the chart's layout), and the view.
 */
import type { SimCall } from '../../../sim/index.ts';
import type { StatechartLayout } from '../../../viz/statechart-layout.ts';
import { useLabActor } from '../../lab/useLabActor.ts';
import './lifecycle.css';
import { LifecycleView } from './LifecycleView.tsx';
import type { LifecycleKind } from './resources.ts';

export interface LifecycleChartProps {
  kind: LifecycleKind;
  layout: StatechartLayout;
  title: string;
  scenarioId?: string;
  scenarioCalls?: SimCall[];
  scenarioProblem?: string;
  resource?: string;
}

export default function LifecycleChart({ kind, layout, title, scenarioId, scenarioCalls, scenarioProblem, resource }: LifecycleChartProps) {
  const actor = useLabActor({ scenarioId, scenarioCalls, scenarioProblem });
  return (
    <>
      {scenarioProblem !== undefined && <p className="lc-problem">{scenarioProblem}</p>}
      <LifecycleView actor={actor} kind={kind} layout={layout} title={title} {...(resource === undefined ? {} : { resource })} />
    </>
  );
}
