/**
 * The Lab island: creates its own simulator actor from the scenario's setup calls (plain data
 * prepared at build time by src/components/lesson/Lab.astro) and renders the LabView. With a
 * `saveKey`, its state is kept between visits (useSavedLab).
 */
import type { SimCall } from '../../sim/index.ts';
import '../../styles/lab.css';
import { LabView } from './LabView.tsx';
import type { OptionalPanel } from './LabView.tsx';
import { useLabActor } from './useLabActor.ts';
import { useSavedLab } from './useSavedLab.ts';

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
  /** Progress-store key under which this lab's state is kept, e.g. 'lesson:snapshots:server-with-two-snapshots'. */
  saveKey?: string;
}

export default function Lab({ scenarioId, title, scenarioCalls = [], scenarioProblem, hide, saveKey }: LabProps) {
  const actor = useLabActor({ scenarioId, scenarioCalls, scenarioProblem });
  useSavedLab(actor, saveKey);
  return <LabView actor={actor} title={title} hide={hide} scenarioProblem={scenarioProblem} />;
}
