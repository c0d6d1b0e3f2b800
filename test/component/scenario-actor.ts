/** Shared by component tests: the simulator actor of a content scenario, on a simulated clock. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createActor, SimulatedClock } from 'xstate';
import { parse } from 'yaml';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { scenarioSetup } from '../../src/widgets/lab/scenario.ts';

/** The lab of content/scenarios/<id>.yaml on a simulated clock: time moves only when a test says so. */
export function scenarioActor(id: string): SimulatorActor {
  const { script } = parse(readFileSync(resolve(import.meta.dirname, `../../content/scenarios/${id}.yaml`), 'utf8')) as { script: string };
  const setup = scenarioSetup(script);
  if (!setup.ok) throw new Error(setup.error);
  return createActor(simulatorMachine, { input: { scenarioId: id, scenarioCalls: setup.calls }, clock: new SimulatedClock() }).start();
}
