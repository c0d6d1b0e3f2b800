/**
 * A scenario's script (AWS CLI commands, content/scenarios/*.yaml) turned into the simulator calls
 * that rebuild it on a fresh account. Run at build time by the Lab wrapper, so the island receives
 * plain data; a script the CLI cannot run gives a message the Lab shows instead of the scenario.
 */
import { runScript } from '../../cli/index.ts';
import { createWorld } from '../../sim/index.ts';
import type { SimCall } from '../../sim/index.ts';

export type ScenarioSetup = { ok: true; calls: SimCall[] } | { ok: false; error: string };

export function scenarioSetup(script: string): ScenarioSetup {
  const result = runScript(createWorld(), script);
  const failed = result.steps.find((step) => step.exitCode !== 0);
  if (failed !== undefined) {
    const why = (failed.error?.Message ?? failed.stderr).trim().split('\n')[0] ?? '';
    return { ok: false, error: `Line ${failed.line} of its script could not be run: ${why}` };
  }
  return { ok: true, calls: result.steps.flatMap((step) => [...step.calls]) };
}
