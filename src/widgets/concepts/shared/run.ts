/** Sending one call to a concept widget's actor and reading back its own result. */
import type { LastResult } from '../../../sim/actor/index.ts';
import type { SimCall } from '../../../sim/index.ts';
import { nextRequestId, type SimulatorActor } from '../../lab/actor.ts';

/** Runs the call (the actor handles it synchronously) and returns its result, or null if another result replaced it. */
export function runCall(actor: SimulatorActor, source: string, call: SimCall): LastResult | null {
  const requestId = nextRequestId(source);
  actor.send({ type: 'call.run', call, requestId });
  const last = actor.getSnapshot().context.lastResult;
  return last?.requestId === requestId ? last : null;
}
