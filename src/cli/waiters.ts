// The EC2 waiters of `aws ec2 wait`, copied from botocore's waiters-2.json (delay, maxAttempts,
// acceptors), with botocore's Waiter.wait loop and failure messages. Waiting polls the describe
// operation and, between polls, moves the simulated clock by the waiter's delay. The waiters' names
// and the operations they poll are in waiter-names.ts (all that completion needs).
import { jmespathSearch } from './jmespath.ts';
import { WAITER_OPERATIONS, type WaiterCliName } from './waiter-names.ts';

export interface Acceptor {
  readonly state: 'success' | 'failure' | 'retry';
  readonly matcher: 'path' | 'pathAll' | 'pathAny' | 'error';
  readonly expected: string | boolean;
  readonly argument?: string;
}

export interface WaiterDef {
  /** botocore name: InstanceRunning. */
  readonly name: string;
  /** CLI name: instance-running. */
  readonly cliName: string;
  /** The CLI name of the describe operation it polls (its options are the waiter's options). */
  readonly operation: string;
  readonly delay: number;
  readonly maxAttempts: number;
  readonly acceptors: readonly Acceptor[];
}

const INSTANCE_STATE = 'Reservations[].Instances[].State.Name';
const pathAll = (argument: string, expected: string, state: Acceptor['state'] = 'success'): Acceptor =>
  ({ state, matcher: 'pathAll', argument, expected });
const pathAny = (argument: string, expected: string, state: Acceptor['state'] = 'failure'): Acceptor =>
  ({ state, matcher: 'pathAny', argument, expected });
const onError = (expected: string, state: Acceptor['state']): Acceptor => ({ state, matcher: 'error', expected });

/** Each waiter of waiter-names.ts: botocore name, delay, attempts and acceptors. */
const DEFINITIONS: Record<WaiterCliName, Omit<WaiterDef, 'cliName' | 'operation'>> = {
  'image-available': {
    name: 'ImageAvailable', delay: 15, maxAttempts: 40,
    acceptors: [pathAll('Images[].State', 'available'), pathAny('Images[].State', 'failed')],
  },
  'image-exists': {
    name: 'ImageExists', delay: 15, maxAttempts: 40,
    acceptors: [
      { state: 'success', matcher: 'path', argument: 'length(Images[]) > `0`', expected: true },
      onError('InvalidAMIID.NotFound', 'retry'),
    ],
  },
  'instance-exists': {
    name: 'InstanceExists', delay: 5, maxAttempts: 40,
    acceptors: [
      { state: 'success', matcher: 'path', argument: 'length(Reservations[]) > `0`', expected: true },
      onError('InvalidInstanceID.NotFound', 'retry'),
    ],
  },
  'instance-running': {
    name: 'InstanceRunning', delay: 15, maxAttempts: 40,
    acceptors: [
      pathAll(INSTANCE_STATE, 'running'),
      pathAny(INSTANCE_STATE, 'shutting-down'),
      pathAny(INSTANCE_STATE, 'terminated'),
      pathAny(INSTANCE_STATE, 'stopping'),
      onError('InvalidInstanceID.NotFound', 'retry'),
    ],
  },
  'instance-stopped': {
    name: 'InstanceStopped', delay: 15, maxAttempts: 40,
    acceptors: [pathAll(INSTANCE_STATE, 'stopped'), pathAny(INSTANCE_STATE, 'pending'), pathAny(INSTANCE_STATE, 'terminated')],
  },
  'instance-terminated': {
    name: 'InstanceTerminated', delay: 15, maxAttempts: 40,
    acceptors: [pathAll(INSTANCE_STATE, 'terminated'), pathAny(INSTANCE_STATE, 'pending'), pathAny(INSTANCE_STATE, 'stopping')],
  },
  'snapshot-completed': {
    name: 'SnapshotCompleted', delay: 15, maxAttempts: 40,
    acceptors: [pathAll('Snapshots[].State', 'completed'), pathAny('Snapshots[].State', 'error')],
  },
  'volume-available': {
    name: 'VolumeAvailable', delay: 15, maxAttempts: 40,
    acceptors: [pathAll('Volumes[].State', 'available'), pathAny('Volumes[].State', 'deleted')],
  },
  'volume-deleted': {
    name: 'VolumeDeleted', delay: 15, maxAttempts: 40,
    acceptors: [pathAll('Volumes[].State', 'deleted'), onError('InvalidVolume.NotFound', 'success')],
  },
  'volume-in-use': {
    name: 'VolumeInUse', delay: 15, maxAttempts: 40,
    acceptors: [pathAll('Volumes[].State', 'in-use'), pathAny('Volumes[].State', 'deleted')],
  },
};

export const WAITERS: readonly WaiterDef[] = (Object.keys(WAITER_OPERATIONS) as WaiterCliName[]).map((cliName) => ({
  ...DEFINITIONS[cliName],
  cliName,
  operation: WAITER_OPERATIONS[cliName],
}));

export const WAITER_BY_CLI_NAME: ReadonlyMap<string, WaiterDef> = new Map(WAITERS.map((w) => [w.cliName, w]));

/** botocore AcceptorConfig.explanation. */
export function explanation(a: Acceptor): string {
  switch (a.matcher) {
    case 'path':
      return `For expression "${a.argument}" we matched expected path: "${String(a.expected)}"`;
    case 'pathAll':
      return `For expression "${a.argument}" all members matched expected path: "${String(a.expected)}"`;
    case 'pathAny':
      return `For expression "${a.argument}" we matched expected path: "${String(a.expected)}" at least once`;
    case 'error':
      return `Matched expected service error code: ${String(a.expected)}`;
  }
}

/** awscli's WaiterStateDocBuilder description, used by `aws ec2 wait <waiter> help`. */
export function waiterDescription(w: WaiterDef): string {
  const success = w.acceptors.find((a) => a.state === 'success');
  let text = 'Wait until ';
  if (success !== undefined) {
    const templates: Record<Acceptor['matcher'], string> = {
      error: '%s is thrown ',
      path: '%s ',
      pathAll: '%s for all elements ',
      pathAny: '%s for any element ',
    };
    const prefix = success.matcher === 'error' ? '' : `JMESPath query ${success.argument ?? ''} returns `;
    text += prefix + templates[success.matcher].replace('%s', pythonValue(success.expected));
  }
  text += `when polling with \`\`${w.operation}\`\`.`;
  return `${text} It will poll every ${w.delay} seconds until a successful state has been reached. ` +
    `This will exit with a return code of 255 after ${w.maxAttempts} failed checks.`;
}

function pythonValue(v: string | boolean): string {
  return typeof v === 'boolean' ? (v ? 'True' : 'False') : v;
}

export type PollResponse = { ok: true; output: unknown } | { ok: false; code: string; message: string };

function matches(a: Acceptor, response: PollResponse): boolean {
  if (a.matcher === 'error') return !response.ok && response.code === a.expected;
  if (!response.ok) return false;
  const result: unknown = jmespathSearch(response.output, a.argument ?? '@');
  if (a.matcher === 'path') return result === a.expected;
  if (!Array.isArray(result) || result.length === 0) return false;
  return a.matcher === 'pathAll' ? result.every((x) => x === a.expected) : result.some((x) => x === a.expected);
}

export type WaitOutcome = { ok: true; attempts: number } | { ok: false; attempts: number; message: string };

/**
 * botocore's Waiter.wait: poll, match acceptors in order, stop on success or failure, and
 * otherwise sleep `delay` seconds, up to `maxAttempts` polls. `sleep` moves the simulated clock.
 */
export function runWaiter(w: WaiterDef, poll: () => PollResponse, sleep: (seconds: number) => void): WaitOutcome {
  let state: Acceptor['state'] | 'waiting' = 'waiting';
  let lastMatched: Acceptor | null = null;
  let attempts = 0;
  for (;;) {
    const response = poll();
    attempts++;
    // Python keeps the for-loop variable: after a full loop without a match it is the last acceptor.
    let acceptor = w.acceptors[w.acceptors.length - 1] as Acceptor;
    let matched = false;
    for (const a of w.acceptors) {
      acceptor = a;
      if (matches(a, response)) {
        lastMatched = a;
        state = a.state;
        matched = true;
        break;
      }
    }
    if (!matched && !response.ok) {
      return { ok: false, attempts, message: `Waiter ${w.name} failed: An error occurred (${response.code}): ${response.message}` };
    }
    if (state === 'success') return { ok: true, attempts };
    if (state === 'failure') {
      return {
        ok: false,
        attempts,
        message: `Waiter ${w.name} failed: Waiter encountered a terminal failure state: ${explanation(acceptor)}`,
      };
    }
    if (attempts >= w.maxAttempts) {
      const reason = lastMatched === null
        ? 'Max attempts exceeded'
        : `Max attempts exceeded. Previously accepted state: ${explanation(acceptor)}`;
      return { ok: false, attempts, message: `Waiter ${w.name} failed: ${reason}` };
    }
    sleep(w.delay);
  }
}
