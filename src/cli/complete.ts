// Tab completion for the lab terminal: operation names, option names of an operation (and the
// global options), waiter names, the ids of resources that exist in the World, and the
// session's shell variables.
import { ACTION_NAMES } from '../sim/index.ts';
import type { World } from '../sim/index.ts';
import { OPERATIONS } from './operations.ts';
import type { ShellEnvironment } from './tokenize.ts';
import { WAITER_OPERATIONS, type WaiterCliName } from './waiter-names.ts';

const GLOBAL_OPTIONS = ['--output', '--query', '--region'];

function sorted(values: Iterable<string>, prefix: string): string[] {
  return [...new Set(values)].filter((v) => v.startsWith(prefix)).sort();
}

/** Operation names of `aws ec2` (and `wait`) starting with `prefix`. */
export function completeOperation(prefix: string): string[] {
  const ops = [...OPERATIONS.values()].filter((o) => (ACTION_NAMES as readonly string[]).includes(o.action)).map((o) => o.name);
  return sorted([...ops, 'wait'], prefix);
}

/** Waiter names of `aws ec2 wait` starting with `prefix`. */
export function completeWaiter(prefix: string): string[] {
  return sorted(Object.keys(WAITER_OPERATIONS), prefix);
}

/**
 * Options of an operation (or of a waiter: its describe operation's options) starting with
 * `prefix`, including both forms of boolean options and the global options.
 */
export function completeOption(operation: string, prefix: string): string[] {
  const waiter = Object.hasOwn(WAITER_OPERATIONS, operation) ? WAITER_OPERATIONS[operation as WaiterCliName] : undefined;
  const op = OPERATIONS.get(waiter ?? operation);
  if (op === undefined) return sorted(GLOBAL_OPTIONS, prefix);
  const names = op.options.flatMap((o) => [`--${o.name}`, ...(o.negative === undefined ? [] : [`--${o.negative}`])]);
  return sorted([...names, ...GLOBAL_OPTIONS], prefix);
}

/** Ids of instances, volumes, snapshots and images in the World starting with `prefix`. */
export function completeResourceId(world: World, prefix: string): string[] {
  return sorted(
    [
      ...Object.keys(world.instances),
      ...Object.keys(world.volumes),
      ...Object.keys(world.snapshots),
      ...Object.keys(world.images),
    ],
    prefix,
  );
}

/** `$NAME` references to the session's variables starting with `prefix` (which includes the `$`). */
export function completeVariable(environment: ShellEnvironment, prefix: string): string[] {
  return sorted(Object.keys(environment).map((name) => `$${name}`), prefix);
}
