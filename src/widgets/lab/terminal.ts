/**
 * The Lab's use of the AWS CLI (src/cli), kept out of React: running typed text, completing the
 * word before the caret, and formatCall for the command behind every click. Loaded on demand
 * through cli.ts.
 */
import {
  completeOperation,
  completeOption,
  completeResourceId,
  completeWaiter,
  runScript,
  SIM_COMMANDS,
} from '../../cli/index.ts';
import type { ShellEnvironment } from '../../cli/index.ts';
import type { SimCall, World } from '../../sim/index.ts';

export { formatCall } from '../../cli/index.ts';
// JMESPath and the help text load only for commands that use them (see src/cli/optional.ts).
export { prepareFor } from '../../cli/optional.ts';

export interface TerminalEntry {
  /** Increasing number, the entry's key. */
  seq: number;
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The AWS error of a refused command (code and operation), for the plain-language explanation. */
  error: { Code: string; Message: string; Operation: string | null } | null;
}

export interface TypedRun {
  entries: Omit<TerminalEntry, 'seq'>[];
  /** The calls that changed the World, in order, for the lab's log (consecutive clock moves merged). */
  calls: SimCall[];
  /** The shell variables after the text ran (NAME=value, NAME=$(aws ...)), for the next command. */
  environment: ShellEnvironment;
}

function isAdvance(call: SimCall | undefined): boolean {
  return call?.action === 'Advance' && call.region === undefined;
}

/**
 * A waiter polls and moves the clock many times; the log keeps one clock move for it, so one typed
 * command is one undo step (MODEL CHOICE of the Lab: Advance of a+b seconds equals Advance a then b).
 */
export function mergeAdvances(calls: readonly SimCall[]): SimCall[] {
  const out: SimCall[] = [];
  for (const call of calls) {
    const last = out[out.length - 1];
    if (isAdvance(call) && last !== undefined && isAdvance(last)) {
      const seconds = Number(last.params?.['Seconds']) + Number(call.params?.['Seconds']);
      out[out.length - 1] = { action: 'Advance', params: { Seconds: seconds } };
    } else out.push(call);
  }
  return out;
}

/** Runs one or more command lines (a pasted script) against the World, as the CLI would, in a shell session. */
export function runTyped(world: World, text: string, environment: ShellEnvironment = {}): TypedRun {
  const script = runScript(world, text, { environment });
  const entries = script.steps.map((step) => ({
    command: step.command,
    stdout: step.stdout,
    stderr: step.stderr,
    exitCode: step.exitCode,
    error: step.error === null ? null : { Code: step.error.Code, Message: step.error.Message, Operation: step.error.Operation },
  }));
  return { entries, calls: mergeAdvances(script.steps.flatMap((step) => [...step.calls])), environment: script.environment };
}

export interface Completion {
  /** Where the word being completed starts and ends in the text. */
  start: number;
  end: number;
  candidates: string[];
}

const ID_PREFIX = /^(i|vol|snap|ami)-/;

/**
 * Candidates for the word ending at the caret: `aws`/`sim` first, then operation or sim command
 * names, waiter names after `wait`, option names after an operation, resource ids elsewhere.
 */
export function complete(world: World, text: string, caret: number): Completion {
  const before = text.slice(0, caret);
  const start = before.search(/\S*$/);
  const word = before.slice(start);
  // Words of the current command only: a backslash-newline continues it, a plain newline ends it.
  const line = before.slice(0, start).replace(/\\\n/g, ' ').split('\n').pop() ?? '';
  const words = line.trim() === '' ? [] : line.trim().split(/\s+/);
  const result = (candidates: string[]): Completion => ({ start, end: caret, candidates });
  if (words.length === 0) return result(['aws', 'sim'].filter((w) => w.startsWith(word)));
  if (words[0] === 'sim') {
    if (words.length === 1) return result(SIM_COMMANDS.map((c) => c.name).filter((n) => n.startsWith(word)));
    return result(completeResourceId(world, word).filter((id) => id.startsWith('i-')));
  }
  if (words[0] !== 'aws') return result([]);
  if (words.length === 1) return result('ec2'.startsWith(word) ? ['ec2'] : []);
  if (words[1] !== 'ec2') return result([]);
  if (words.length === 2) return result(completeOperation(word));
  const waiter = words[2] === 'wait';
  if (waiter && words.length === 3) return result(completeWaiter(word));
  const operation = waiter ? (words[3] ?? '') : (words[2] ?? '');
  if (word.startsWith('-')) return result(completeOption(operation, word));
  if (word === '' || ID_PREFIX.test(word) || /^(i|v|vo|s|sn|sna|a|am)$/.test(word)) return result(completeResourceId(world, word));
  return result([]);
}

/** The longest text every candidate starts with. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0] as string;
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
