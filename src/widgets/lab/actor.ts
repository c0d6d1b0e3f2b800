/** The Lab's handle on the simulator actor: one per Lab, created by the island or injected by tests. */
import type { ActorRefFrom } from 'xstate';
import type { simulatorMachine } from '../../sim/actor/index.ts';

export type SimulatorActor = ActorRefFrom<typeof simulatorMachine>;

let requests = 0;
/** A fresh id to recognise the result of a call this view sent (LastResult.requestId). */
export function nextRequestId(source: string): string {
  requests += 1;
  return `${source}-${requests}`;
}
