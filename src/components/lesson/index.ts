/**
 * The lesson vocabulary. Every lesson imports what it uses with one line:
 *   import { Aside, Figure, Lab, Recap, Term, YouWillLearn } from '~/components/lesson';
 * Interactive widgets are added here as .astro wrappers that carry their own client:* directive,
 * so lessons never write one.
 */
export { default as AmiAnatomy } from './AmiAnatomy.astro';
export { default as Aside } from './Aside.astro';
export { default as BlockExplorer } from './BlockExplorer.astro';
export { default as Figure } from './Figure.astro';
export { default as Lab } from './Lab.astro';
export { default as LifecycleChart } from './LifecycleChart.astro';
export { default as Recap } from './Recap.astro';
export { default as ScenarioPicker } from './ScenarioPicker.astro';
export { default as SnapshotTimeline } from './SnapshotTimeline.astro';
export { default as Term } from './Term.astro';
export { default as YouWillLearn } from './YouWillLearn.astro';
