/**
 * The AMI anatomy island: its own simulator actor from a scenario (plain data prepared at build time
 * by src/components/lesson/AmiAnatomy.astro), and the view.
 */
import type { SimCall } from '../../../sim/index.ts';
import '../../../styles/lab.css';
import { useLabActor } from '../../lab/useLabActor.ts';
import './anatomy.css';
import { AnatomyView } from './AnatomyView.tsx';

export interface AmiAnatomyProps {
  title: string;
  scenarioId?: string;
  scenarioCalls?: SimCall[];
  scenarioProblem?: string;
  /** Name tag or AMI name of the AMI to open first. */
  image?: string;
}

export default function AmiAnatomy({ title, scenarioId, scenarioCalls, scenarioProblem, image }: AmiAnatomyProps) {
  const actor = useLabActor({ scenarioId, scenarioCalls, scenarioProblem });
  return (
    <>
      {scenarioProblem !== undefined && <p className="anat-problem">{scenarioProblem}</p>}
      <AnatomyView actor={actor} title={title} {...(image === undefined ? {} : { image })} />
    </>
  );
}
