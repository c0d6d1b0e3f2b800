// Public entry of the simulator actor, for the widgets: create one actor per widget, read slices
// with the selectors, send SimulatorEvents. For example:
//
//   const actor = createActor(simulatorMachine, { input: { scenarioId, scenarioCalls } }).start();
//   actor.send({ type: 'call.run', call: { action: 'CreateSnapshot', params: { VolumeId } }, requestId });
//   const world = useSelector(actor, selectWorld);          // in a React island
//   const last = useSelector(actor, selectLastResult);      // { ok, output | error, requestId }
//   actor.send({ type: 'log.export' });                     // then selectPersistence(...).exported.encoded
//
// The actor never touches the DOM: the page pauses the clock when it is hidden (clock.pause /
// clock.resume on visibilitychange) and stores the exported string where it wants (URL hash,
// localStorage).
export { simulatorMachine, SPEEDS, SIM_SECONDS_PER_REAL_SECOND, TICK_INTERVAL_MS, tickSeconds } from './simulator.machine.ts';
export type {
  ClockState,
  LastResult,
  NarrationItem,
  PersistenceState,
  SimulatorContext,
  SimulatorEvent,
  SimulatorInput,
  Speed,
} from './simulator.machine.ts';
export * from './selectors.ts';
export { decodeAndReplay, decodeLog, encodeLog, LOG_FORMAT_VERSION, MAX_CALLS } from './codec.ts';
export type { DecodeResult, EncodeResult, ReplayedLogResult, SavedLog } from './codec.ts';
export { CHECKPOINT_INTERVAL, describeEntry, effectiveCalls } from './history.ts';
export type { History, HistoryEntry } from './history.ts';
