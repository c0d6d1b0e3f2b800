/**
 * The simulator actor: one per widget, all from this machine. It owns the lab's history (the World
 * is derived from it and never stored elsewhere), the clock, the last call's result, the
 * narration and the saved-lab encoding.
 *
 * Two parallel regions:
 * - `clock`: `idle` or `ticking`. The timer runs only while something is pending in the World,
 *   the clock is not paused and the cursor is at the head of the history, so an idle lab (or one
 *   being looked at in the past) schedules nothing. Each tick raises `clock.tick`, which adds a
 *   coalesced Advance to the log. Browsing the past stops the clock on purpose: a tick there
 *   would discard the redo entries.
 * - `persistence`: `idle`, `loading` (decoding a saved lab) or `exporting` (encoding the log).
 *   Both are asynchronous (CompressionStream); a load replaces the World only if every call
 *   replays, as one undoable entry, and otherwise leaves everything as it was and says why.
 *
 * Time: MODEL CHOICE. At 1x the simulated clock runs SIM_SECONDS_PER_REAL_SECOND times faster than
 * real time so a snapshot completes in seconds; the speed control multiplies that. This is a
 * teaching device, not how long AWS takes.
 */
import { assign, fromPromise, not, raise, setup } from 'xstate';
import { advanceToNextEvent, nextEventTime } from '../time.ts';
import type { Ec2Error, SimCall, SimEvent } from '../types.ts';
import { createWorld } from '../world.ts';
import { decodeLog, encodeLog } from './codec.ts';
import type { DecodeResult, EncodeResult } from './codec.ts';
import {
  advanceByTimer,
  createHistory,
  describeEntry,
  effectiveCalls,
  jumpTo,
  recordCalls,
  redo,
  replayCalls,
  restart,
  runCall,
  undo,
} from './history.ts';
import type { History, RunResult } from './history.ts';

export const SPEEDS = [1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];
/** MODEL CHOICE: simulated seconds per real second at 1x (a 2-minute snapshot takes 4 s to watch). */
export const SIM_SECONDS_PER_REAL_SECOND = 30;
/** Real milliseconds between two timer ticks. */
export const TICK_INTERVAL_MS = 200;
/** Narration items kept (the newest last); older ones have already been announced. */
export const NARRATION_LIMIT = 50;

export interface ClockState {
  mode: 'running' | 'paused';
  speed: Speed;
}

export type LastResult =
  | { ok: true; call: SimCall; output: unknown; requestId?: string }
  | { ok: false; call: SimCall; error: Ec2Error; requestId?: string };

export interface NarrationItem {
  /** Increasing number, a stable key for lists and aria-live regions. */
  seq: number;
  kind: 'event' | 'error' | 'history' | 'clock' | 'persistence';
  message: string;
  /** Simulated time of the World when it was said. */
  time: number;
}

export interface PersistenceState {
  /** Last successful export of the log at the cursor, with the cursor it was taken at. */
  exported: { encoded: string; cursor: number; entries: number } | null;
  /** Why the last load or export failed; cleared by the next successful one. */
  error: string | null;
}

export interface SimulatorContext {
  history: History;
  scenarioId: string | undefined;
  clock: ClockState;
  lastResult: LastResult | null;
  narration: NarrationItem[];
  nextSeq: number;
  persistence: PersistenceState;
}

export interface SimulatorInput {
  /** Id of the scenario the base comes from; a saved lab naming another scenario is refused. */
  scenarioId?: string;
  /** The scenario's setup, replayed on a fresh account to build the base the learner starts from. */
  scenarioCalls?: readonly SimCall[];
  /** Calls replayed on top of the base as ordinary, undoable entries (e.g. a restored session). */
  initialLog?: readonly SimCall[];
  /** Seed of the fresh account (ids depend on it); createWorld's default when absent. */
  seed?: number;
  /** Start with the clock paused. */
  paused?: boolean;
}

export type SimulatorEvent =
  | { type: 'call.run'; call: SimCall; requestId?: string }
  | { type: 'history.undo' }
  | { type: 'history.redo' }
  | { type: 'history.jump'; index: number }
  | { type: 'history.reset' }
  | { type: 'clock.tick' }
  | { type: 'clock.pause' }
  | { type: 'clock.resume' }
  | { type: 'clock.setSpeed'; speed: Speed }
  | { type: 'clock.step' }
  | { type: 'log.load'; encoded: string }
  | { type: 'log.export' };

/** Simulated seconds one tick adds at a speed. */
export function tickSeconds(speed: Speed): number {
  return (SIM_SECONDS_PER_REAL_SECOND * speed * TICK_INTERVAL_MS) / 1000;
}

function say(context: SimulatorContext, items: { kind: NarrationItem['kind']; message: string }[]): Partial<SimulatorContext> {
  if (items.length === 0) return {};
  const time = context.history.world.now;
  const added = items.map((item, i) => ({ ...item, seq: context.nextSeq + i, time }));
  return {
    narration: [...context.narration, ...added].slice(-NARRATION_LIMIT),
    nextSeq: context.nextSeq + items.length,
  };
}

function eventItems(events: readonly SimEvent[]): { kind: 'event'; message: string }[] {
  return events.map((event) => ({ kind: 'event', message: event.message }));
}

/** Context changes after a call, whichever way it went. */
function afterCall(context: SimulatorContext, call: SimCall, result: RunResult, requestId: string | undefined): Partial<SimulatorContext> {
  const id = requestId === undefined ? {} : { requestId };
  if (!result.ok) {
    return {
      lastResult: { ok: false, call, error: result.error, ...id },
      ...say(context, [{ kind: 'error', message: `${call.action} failed: ${result.error.Code}: ${result.error.Message}` }]),
    };
  }
  const next = { ...context, history: result.history };
  // Every change is narrated: a call whose effect raised no event of its own is announced by name.
  const recorded = result.history !== context.history;
  const items =
    result.events.length > 0 || !recorded
      ? eventItems(result.events)
      : [{ kind: 'event' as const, message: `${describeEntry({ kind: 'call', call })} succeeded` }];
  return { history: result.history, lastResult: { ok: true, call, output: result.output, ...id }, ...say(next, items) };
}

/** Context changes when the cursor moved or a restart was appended, narrated with the step reached. */
function moved(context: SimulatorContext, history: History, message: string): Partial<SimulatorContext> {
  if (history === context.history) return {};
  const next = { ...context, history };
  return {
    history,
    ...say(next, [{ kind: 'history', message: `${message} (step ${history.cursor} of ${history.entries.length})` }]),
  };
}

/** The label of the entry that produced the World at the cursor. */
function currentStep(history: History): string {
  const entry = history.entries[history.cursor - 1];
  return entry === undefined ? 'the starting point' : describeEntry(entry);
}

function refuseLoad(context: SimulatorContext, error: string): Partial<SimulatorContext> {
  return {
    persistence: { ...context.persistence, error },
    ...say(context, [{ kind: 'persistence', message: `The saved lab was not loaded. ${error}` }]),
  };
}

function initialContext(input: SimulatorInput): SimulatorContext {
  const fresh = createWorld(input.seed === undefined ? {} : { seed: input.seed });
  const problems: string[] = [];
  let history = createHistory(fresh);
  const setup = replayCalls(fresh, input.scenarioCalls ?? []);
  if (setup.ok) history = createHistory(setup.world);
  else problems.push(`The scenario could not be set up, so the lab starts from an empty account. ${setup.error}`);
  // The initial log is all or nothing, like a loaded saved lab: half a session would be a World
  // the learner never had.
  const restored = recordCalls(history, input.initialLog ?? []);
  if (restored.ok) history = restored.history;
  else problems.push(`The previous session could not be restored, so the lab starts from the beginning. ${restored.error}`);
  const context: SimulatorContext = {
    history,
    scenarioId: input.scenarioId,
    clock: { mode: input.paused === true ? 'paused' : 'running', speed: 1 },
    lastResult: null,
    narration: [],
    nextSeq: 1,
    persistence: { exported: null, error: problems.length > 0 ? problems.join(' ') : null },
  };
  return { ...context, ...say(context, problems.map((message) => ({ kind: 'persistence' as const, message }))) };
}

export const simulatorMachine = setup({
  types: {
    context: {} as SimulatorContext,
    events: {} as SimulatorEvent,
    input: {} as SimulatorInput,
  },
  actors: {
    decodeSavedLab: fromPromise<DecodeResult, { encoded: string }>(({ input }) => decodeLog(input.encoded)),
    encodeSavedLab: fromPromise<EncodeResult, { scenario: string | undefined; calls: SimCall[] }>(({ input }) =>
      encodeLog(input.scenario === undefined ? { calls: input.calls } : { scenario: input.scenario, calls: input.calls }),
    ),
  },
  guards: {
    timerShouldRun: ({ context }) =>
      context.clock.mode === 'running' &&
      context.history.cursor === context.history.entries.length &&
      nextEventTime(context.history.world) !== null,
    hasPendingWork: ({ context }) => nextEventTime(context.history.world) !== null,
  },
  delays: {
    tick: TICK_INTERVAL_MS,
  },
  actions: {
    runCall: assign(({ context, event }) => {
      if (event.type !== 'call.run') return {};
      return afterCall(context, event.call, runCall(context.history, event.call), event.requestId);
    }),
    tick: assign(({ context }) => {
      const seconds = tickSeconds(context.clock.speed);
      const result = advanceByTimer(context.history, seconds);
      if (!result.ok) return afterCall(context, { action: 'Advance', params: { Seconds: seconds } }, result, undefined);
      return { history: result.history, ...say({ ...context, history: result.history }, eventItems(result.events)) };
    }),
    step: assign(({ context }) => {
      const call = advanceToNextEvent(context.history.world);
      if (call === null) return {};
      return afterCall(context, call, runCall(context.history, call), undefined);
    }),
    undo: assign(({ context }) => moved(context, undo(context.history), `Undid ${currentStep(context.history)}`)),
    redo: assign(({ context }) => {
      const history = redo(context.history);
      return moved(context, history, `Redid ${currentStep(history)}`);
    }),
    jump: assign(({ context, event }) => {
      if (event.type !== 'history.jump') return {};
      const history = jumpTo(context.history, event.index);
      return moved(context, history, history.cursor === 0 ? 'Now showing the starting point' : `Now showing the lab after ${currentStep(history)}`);
    }),
    reset: assign(({ context }) => {
      // Resetting a World that already is the starting point would only add an empty step.
      if (effectiveCalls(context.history).length === 0) return {};
      const result = restart(context.history, 'reset');
      if (!result.ok) return {};
      return moved(context, result.history, currentStep(result.history));
    }),
    pause: assign(({ context }) => ({
      clock: { ...context.clock, mode: 'paused' as const },
      ...say(context, [{ kind: 'clock', message: 'Clock paused' }]),
    })),
    resume: assign(({ context }) => ({
      clock: { ...context.clock, mode: 'running' as const },
      ...say(context, [{ kind: 'clock', message: 'Clock running' }]),
    })),
    setSpeed: assign(({ context, event }) => {
      if (event.type !== 'clock.setSpeed' || !SPEEDS.includes(event.speed) || event.speed === context.clock.speed) return {};
      return {
        clock: { ...context.clock, speed: event.speed },
        ...say(context, [{ kind: 'clock', message: `Clock speed ${event.speed}x` }]),
      };
    }),
  },
}).createMachine({
  id: 'simulator',
  type: 'parallel',
  context: ({ input }) => initialContext(input),
  on: {
    'call.run': { actions: 'runCall' },
    'history.undo': { actions: 'undo' },
    'history.redo': { actions: 'redo' },
    'history.jump': { actions: 'jump' },
    'history.reset': { actions: 'reset' },
    'clock.tick': { guard: 'timerShouldRun', actions: 'tick' },
    'clock.step': { guard: 'hasPendingWork', actions: 'step' },
    'clock.pause': { guard: ({ context }) => context.clock.mode === 'running', actions: 'pause' },
    'clock.resume': { guard: ({ context }) => context.clock.mode === 'paused', actions: 'resume' },
    'clock.setSpeed': { actions: 'setSpeed' },
  },
  states: {
    clock: {
      initial: 'idle',
      states: {
        idle: {
          always: { guard: 'timerShouldRun', target: 'ticking' },
        },
        ticking: {
          always: { guard: not('timerShouldRun'), target: 'idle' },
          after: {
            tick: { target: 'ticking', reenter: true, actions: raise({ type: 'clock.tick' }) },
          },
        },
      },
    },
    persistence: {
      initial: 'idle',
      // The newest load wins, even over an export in progress; an export asked for during a load is
      // dropped (the view asks again once the load has settled).
      on: { 'log.load': { target: '.loading', reenter: true } },
      states: {
        idle: {
          on: { 'log.export': 'exporting' },
        },
        loading: {
          invoke: {
            src: 'decodeSavedLab',
            input: ({ event }) => ({ encoded: event.type === 'log.load' ? event.encoded : '' }),
            onDone: {
              target: 'idle',
              actions: assign(({ context, event }) => {
                const decoded = event.output;
                const refuse = (error: string): Partial<SimulatorContext> => refuseLoad(context, error);
                if (!decoded.ok) return refuse(decoded.error);
                if (decoded.log.scenario !== context.scenarioId) {
                  return refuse(
                    `It was saved from ${decoded.log.scenario === undefined ? 'an empty account' : `the scenario "${decoded.log.scenario}"`}, ` +
                      `but this lab starts from ${context.scenarioId === undefined ? 'an empty account' : `the scenario "${context.scenarioId}"`}. ` +
                      'Open it in the lab it was saved from.',
                  );
                }
                const result = restart(context.history, 'load', decoded.log.calls);
                if (!result.ok) return refuse(result.error);
                return {
                  ...moved(context, result.history, currentStep(result.history)),
                  persistence: { ...context.persistence, error: null },
                };
              }),
            },
            // decodeLog never rejects; this only guards against a platform failure of the streams.
            onError: {
              target: 'idle',
              actions: assign(({ context, event }) => refuseLoad(context, `It could not be read (${String(event.error)}).`)),
            },
          },
        },
        exporting: {
          invoke: {
            src: 'encodeSavedLab',
            input: ({ context }) => ({ scenario: context.scenarioId, calls: effectiveCalls(context.history) }),
            onDone: {
              target: 'idle',
              actions: assign(({ context, event }) => {
                const encoded = event.output;
                if (!encoded.ok) {
                  return {
                    persistence: { ...context.persistence, error: encoded.error },
                    ...say(context, [{ kind: 'persistence', message: `The lab could not be saved. ${encoded.error}` }]),
                  };
                }
                return {
                  persistence: {
                    error: null,
                    exported: { encoded: encoded.encoded, cursor: context.history.cursor, entries: context.history.entries.length },
                  },
                };
              }),
            },
            onError: {
              target: 'idle',
              actions: assign(({ context, event }) => ({
                persistence: { ...context.persistence, error: `The lab could not be saved: ${String(event.error)}` },
              })),
            },
          },
          on: { 'log.export': { target: 'exporting', reenter: true } },
        },
      },
    },
  },
});

