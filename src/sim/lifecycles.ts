// The legal states and transitions of each resource kind, as xstate machine definitions.
// Actions never run these machines: they ask `nextState` (xstate's pure `transition`) whether an
// event is accepted in a state and where it leads, so the picture drawn by the lifecycle widget and
// the rules enforced by the simulation are one definition. Event names: UPPER_SNAKE, one per cause.
import { setup, transition, type AnyStateMachine, type StateValue } from 'xstate';

export const instanceLifecycle = setup({}).createMachine({
  id: 'instance',
  initial: 'pending',
  states: {
    pending: { on: { BOOTED: 'running', TERMINATE: 'shutting-down' } },
    running: { on: { STOP: 'stopping', REBOOT: 'running', TERMINATE: 'shutting-down' } },
    stopping: { on: { STOPPED: 'stopped', TERMINATE: 'shutting-down' } },
    stopped: { on: { START: 'pending', TERMINATE: 'shutting-down' } },
    'shutting-down': { on: { TERMINATED: 'terminated' } },
    terminated: { type: 'final' },
  },
});

export const volumeLifecycle = setup({}).createMachine({
  id: 'volume',
  initial: 'creating',
  states: {
    creating: { on: { CREATED: 'available' } },
    available: { on: { ATTACH: 'in-use', DELETE: 'deleting' } },
    'in-use': { on: { DETACHED: 'available' } },
    deleting: { on: { DELETED: 'deleted' } },
    deleted: { type: 'final' },
  },
});

export const attachmentLifecycle = setup({}).createMachine({
  id: 'attachment',
  initial: 'attaching',
  states: {
    attaching: { on: { ATTACHED: 'attached' } },
    attached: { on: { DETACH: 'detaching' } },
    detaching: { on: { DETACHED: 'detached' } },
    detached: { type: 'final' },
  },
});

/** A snapshot is pending then completed; a completed snapshot moves between storage tiers. */
export const snapshotLifecycle = setup({}).createMachine({
  id: 'snapshot',
  initial: 'pending',
  states: {
    pending: { on: { COMPLETE: 'completed' } },
    completed: {
      initial: 'standard',
      states: {
        standard: { on: { ARCHIVE: 'archiving' } },
        archiving: { on: { ARCHIVED: 'archived' } },
        archived: { on: { RESTORE: 'restoring' } },
        restoring: { on: { RESTORED_TEMPORARY: 'temporary-restored', RESTORED_PERMANENT: 'standard' } },
        'temporary-restored': {
          on: { RESTORE_EXPIRED: 'archived', MAKE_PERMANENT: 'standard', EXTEND_RESTORE: 'temporary-restored' },
        },
      },
    },
  },
});

export const imageLifecycle = setup({}).createMachine({
  id: 'image',
  initial: 'pending',
  states: {
    pending: { on: { SNAPSHOTS_COMPLETED: 'available', DEREGISTER: 'deregistered' } },
    available: { on: { DISABLE: 'disabled', DEREGISTER: 'deregistered' } },
    disabled: { on: { ENABLE: 'available', DEREGISTER: 'deregistered' } },
    deregistered: { type: 'final' },
  },
});

/** Fast snapshot restore of a snapshot in one AZ (reference §2.19); disabled means the record is gone. */
export const fastSnapshotRestoreLifecycle = setup({}).createMachine({
  id: 'fastSnapshotRestore',
  initial: 'enabling',
  states: {
    enabling: { on: { OPTIMIZE: 'optimizing', DISABLE: 'disabling' } },
    optimizing: { on: { OPTIMIZED: 'enabled', DISABLE: 'disabling' } },
    enabled: { on: { DISABLE: 'disabling' } },
    disabling: { on: { DISABLED: 'disabled' } },
    disabled: { type: 'final' },
  },
});

const cache = new Map<AnyStateMachine, Map<string, StateValue | null>>();

/**
 * The state value reached from `value` on `eventType`, or null when the machine does not accept the
 * event there. Pure; results are cached per machine, state and event because resolving an xstate
 * snapshot costs far more than a Map lookup and actions ask this on every call.
 */
export function nextState(machine: AnyStateMachine, value: StateValue, eventType: string): StateValue | null {
  let table = cache.get(machine);
  if (!table) {
    table = new Map();
    cache.set(machine, table);
  }
  const key = `${JSON.stringify(value)}|${eventType}`;
  const hit = table.get(key);
  if (hit !== undefined) return hit;
  let result: StateValue | null = null;
  try {
    const from = machine.resolveState({ value, context: {} });
    const [to] = transition(machine, from, { type: eventType });
    if (from.can({ type: eventType })) result = to.value as StateValue;
  } catch {
    // A value the machine does not define has no transitions.
    result = null;
  }
  table.set(key, result);
  return result;
}

/** nextState for flat machines whose values are plain strings. */
export function nextFlatState(machine: AnyStateMachine, value: string, eventType: string): string | null {
  const to = nextState(machine, value, eventType);
  return typeof to === 'string' ? to : null;
}

/** The snapshot machine's value for a snapshot record's State and Tier. */
export function snapshotStateValue(state: 'pending' | 'completed', tier: string): StateValue {
  return state === 'pending' ? 'pending' : { completed: tier };
}

/** The tier a snapshot reaches on `eventType`, or null when not allowed. */
export function nextTier(tier: string, eventType: string): string | null {
  const to = nextState(snapshotLifecycle, { completed: tier }, eventType);
  return to !== null && typeof to === 'object' && typeof to['completed'] === 'string' ? to['completed'] : null;
}
