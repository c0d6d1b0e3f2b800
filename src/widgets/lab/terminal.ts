/**
 * The Lab's command runner (the AWS CLI's parser and runner, src/cli), kept out of React: it runs
 * typed text against the World. Loaded through cli.ts when the learner first runs a command.
 */
import { runScript } from '../../cli/run.ts';
import type { ShellEnvironment } from '../../cli/tokenize.ts';
import type { SimCall, World } from '../../sim/index.ts';

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
