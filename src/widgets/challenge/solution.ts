/**
 * A challenge's reference solution (AWS CLI commands) run through the lab's CLI engine: checked
 * against a World before it is replayed, then run one command at a time into the lab's actor, and
 * counted the way the learner's own work is counted. Loaded on demand by the challenge panel (it
 * pulls in the CLI engine); the challenge page also uses it at build time for the reference count.
 */
import { runCommand, runScript, splitScript } from '../../cli/index.ts';
import type { ShellEnvironment } from '../../cli/index.ts';
import { prepareFor } from '../../cli/optional.ts';
import { createWorld } from '../../sim/index.ts';
import type { SimCall, World } from '../../sim/index.ts';
import { mergeAdvances } from '../lab/terminal.ts';
import { countCalls } from './calls.ts';

export interface SolutionFailure {
  line: number;
  command: string;
  /** What the CLI said, in one line ("InvalidSnapshot.NotFound: The snapshot 'snap-…' does not exist."). */
  message: string;
}

/** The first line of what a failed command printed, or its exit status. */
function complaint(step: { stderr: string; exitCode: number; error: { Code: string; Message: string } | null }): string {
  if (step.error !== null && step.error.Code !== 'WaiterError') return `${step.error.Code}: ${step.error.Message}`;
  const said = step.stderr.split('\n').map((line) => line.trim()).find((line) => line !== '');
  return said ?? `it failed with exit status ${step.exitCode}`;
}

/** Loads the parts of the CLI the solution needs (JMESPath for --query and waiters): call it before running it in a browser. */
export function prepareSolution(solution: string): Promise<void> {
  return prepareFor(solution);
}

/** Whether the whole solution runs from this World; if not, the first command that fails and why. */
export function checkSolution(world: World, solution: string): { ok: true; world: World; calls: SimCall[] } | { ok: false; failure: SolutionFailure } {
  const result = runScript(world, solution);
  const failed = result.steps.find((step) => step.exitCode !== 0);
  if (failed !== undefined) return { ok: false, failure: { line: failed.line, command: failed.command, message: complaint(failed) } };
  return { ok: true, world: result.world, calls: result.steps.flatMap((step) => [...step.calls]) };
}

/** The solution's commands, one per entry (continuation lines joined), as the replay runs them. */
export function solutionCommands(solution: string): { line: number; text: string }[] {
  return splitScript(solution);
}

export interface ReplayStep {
  ok: boolean;
  /** The calls to send to the actor, clock moves merged so one command is one undo step. */
  calls: SimCall[];
  environment: ShellEnvironment;
  failure: SolutionFailure | null;
}

/** Runs one command of the solution against the lab's current World, as the terminal would. */
export function runSolutionCommand(world: World, command: { line: number; text: string }, environment: ShellEnvironment): ReplayStep {
  const result = runCommand(world, command.text, { environment });
  if (result.exitCode !== 0) {
    return { ok: false, calls: [], environment, failure: { line: command.line, command: command.text, message: complaint(result) } };
  }
  return { ok: true, calls: mergeAdvances(result.calls), environment: result.environment, failure: null };
}

/**
 * The number of calls the reference solution makes from the challenge's start (its scenario's
 * script replayed on a fresh account), or why it cannot be counted.
 */
export function referenceCallCount(scenarioScript: string, solution: string): { ok: true; calls: number } | { ok: false; error: string } {
  const start = runScript(createWorld(), scenarioScript);
  const broken = start.steps.find((step) => step.exitCode !== 0);
  if (broken !== undefined) return { ok: false, error: `the scenario fails at line ${broken.line}: ${complaint(broken)}` };
  const solved = checkSolution(start.world, solution);
  if (!solved.ok) return { ok: false, error: `the reference solution fails at line ${solved.failure.line} (${solved.failure.command}): ${solved.failure.message}` };
  return { ok: true, calls: countCalls(solved.calls) };
}
