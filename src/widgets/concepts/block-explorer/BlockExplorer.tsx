/**
 * The block explorer island: its own simulator actor, started from the widget's setup calls (plain
 * data prepared at build time by src/components/lesson/BlockExplorer.astro).
 */
import type { SimCall } from '../../../sim/index.ts';
import { useLabActor } from '../../lab/useLabActor.ts';
import '../shared/concepts.css';
import { BlockExplorerView } from './BlockExplorerView.tsx';

export interface BlockExplorerProps {
  setupCalls: SimCall[];
  volumeName: string;
  /** Why the setup could not be turned into calls (the widget then says so). */
  problem?: string;
}

export default function BlockExplorer({ setupCalls, volumeName, problem }: BlockExplorerProps) {
  const actor = useLabActor(problem === undefined ? { scenarioCalls: setupCalls } : { scenarioProblem: problem });
  return <BlockExplorerView actor={actor} volumeName={volumeName} problem={problem} />;
}
