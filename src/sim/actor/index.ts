// Public entry of the simulator actor, for the widgets: create one actor per widget with
// createActor(simulatorMachine, { input }), read slices with the selectors, send SimulatorEvents.
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
