/**
 * The AMI anatomy inside the Lab's inspector, on the Lab's own actor: launching or deregistering
 * here are calls in the same log as every other call of the lab. The inspector loads this module
 * only when the learner opens the anatomy, so the lab page ships none of it up front.
 */
import type { SimulatorActor } from '../../lab/actor.ts';
import './anatomy.css';
import { AnatomyView } from './AnatomyView.tsx';

export interface LabAnatomyProps {
  actor: SimulatorActor;
  /** The AMI selected in the lab (by id: an AMI the learner just created may have no Name tag). */
  imageId: string;
  title: string;
}

export default function LabAnatomy({ actor, imageId, title }: LabAnatomyProps) {
  // h4 under the inspector's h3; the lab's Narration panel already announces each change.
  return <AnatomyView actor={actor} title={title} imageId={imageId} headingLevel={4} narration={false} />;
}
