/**
 * Build-time preparation of a concept widget's actor: a setup script (AWS CLI and `sim` commands,
 * the same language as content/scenarios) replayed on a fresh account gives the base World, and an
 * optional story script run after it, in the same shell session (its variables carry over), gives
 * calls the widget replays as ordinary history entries, so each of them is a moment the learner can
 * go back to. Run by the .astro wrappers, so the islands receive plain data.
 */
import { runScript } from '../../../cli/index.ts';
import { createWorld, execute } from '../../../sim/index.ts';
import type { SimCall, World } from '../../../sim/index.ts';

export interface WidgetSetupOptions {
  /** Builds the starting point (e.g. a scenario's script followed by the widget's own lines). */
  setup: string;
  /** Moves the clock forward after the setup to this UTC time of day ("09:00"), so the story reads like the lesson's. */
  clockAt?: string;
  /** Calls the learner can scrub through: recorded as history entries on top of the setup. */
  story?: string;
}

export type WidgetSetup = { ok: true; setupCalls: SimCall[]; storyCalls: SimCall[] } | { ok: false; error: string };

const DAY_MS = 24 * 3600 * 1000;

function firstFailure(steps: ReturnType<typeof runScript>['steps'], part: string): string | null {
  const failed = steps.find((step) => step.exitCode !== 0);
  if (failed === undefined) return null;
  const why = (failed.error?.Message ?? failed.stderr).trim().split('\n')[0] ?? '';
  return `Line ${failed.line} of the ${part} script could not be run: ${why}`;
}

/** The Advance that brings the World's clock to the next `hh:mm` UTC (none when it is already that time). */
function advanceTo(world: World, clockAt: string): SimCall | { error: string } {
  const match = /^(\d{2}):(\d{2})$/.exec(clockAt);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (match === null || hours > 23 || minutes > 59) return { error: `clockAt "${clockAt}" is not a time of day like 09:00.` };
  const target = (hours * 60 + minutes) * 60 * 1000;
  const wait = (target - (world.now % DAY_MS) + DAY_MS) % DAY_MS;
  return { action: 'Advance', params: { Seconds: Math.ceil(wait / 1000) } };
}

export function widgetSetup({ setup, clockAt, story = '' }: WidgetSetupOptions): WidgetSetup {
  const base = runScript(createWorld(), setup);
  const setupProblem = firstFailure(base.steps, 'setup');
  if (setupProblem !== null) return { ok: false, error: setupProblem };
  const setupCalls = base.steps.flatMap((step) => [...step.calls]);
  let world = base.world;
  if (clockAt !== undefined) {
    const advance = advanceTo(world, clockAt);
    if ('error' in advance) return { ok: false, error: advance.error };
    if ((advance.params?.['Seconds'] as number) > 0) {
      const moved = execute(world, advance);
      if (!moved.ok) return { ok: false, error: `${moved.error.Code}: ${moved.error.Message}` };
      world = moved.world;
      setupCalls.push(advance);
    }
  }
  const played = runScript(world, story, { environment: base.environment });
  const storyProblem = firstFailure(played.steps, 'story');
  if (storyProblem !== null) return { ok: false, error: storyProblem };
  return { ok: true, setupCalls, storyCalls: played.steps.flatMap((step) => [...step.calls]) };
}
