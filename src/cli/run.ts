// runCommand: one command line against a World, with everything the AWS CLI would print.
// Pure: the World and the session's shell variables come in, a new World and variables go out
// with stdout, stderr and the exit status. `aws ec2 wait` polls the describe call and moves the
// clock by the waiter's delay between polls. `NAME=$(command)` runs the command and keeps its
// output in NAME; calls are logged with the expanded values, never with variables.
import {
  ACTION_NAMES,
  PACKAGE_NAMES,
  REGIONS,
  execute,
  type SimCall,
  type SimEvent,
  type World,
} from '../sim/index.ts';
import { formatJson, formatOutput } from './format.ts';
import { jmespathSearch } from './jmespath.ts';
import {
  CLIENT_ERROR_RC,
  DEFAULT_REGION,
  GENERAL_ERROR_RC,
  parseCommandLine,
  shellUsageError,
  toSimCall,
  type CliError,
  type GlobalOptions,
  type ParsedCommand,
  type Region,
} from './parse.ts';
import { classifyLine } from './shell.ts';
import { resolveImageId } from './ssm.ts';
import { assignmentValue, splitScript, type ShellEnvironment } from './tokenize.ts';
import { runWaiter, type PollResponse } from './waiters.ts';

export interface RunResult {
  readonly world: World;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
  /** The JSON value the command printed (after --query), whatever --output said; null if it printed none. */
  readonly output: unknown;
  readonly error: CliError | null;
  /** Calls that changed the World, in order (what the lab's history records). */
  readonly calls: readonly SimCall[];
  /** What happened in the simulation, for narration. */
  readonly events: readonly SimEvent[];
  /** The shell variables after the command: the ones given, plus the one an assignment set. */
  readonly environment: ShellEnvironment;
}

export interface RunOptions {
  /** The Region used when a command has no --region (as AWS_DEFAULT_REGION would be); us-east-1 otherwise. */
  readonly defaultRegion?: Region;
  /** The session's shell variables ($NAME); none when absent. Pass each result's `environment` to the next command. */
  readonly environment?: ShellEnvironment;
}

/** What one command did, before the shell layer adds the variables. */
type Outcome = Omit<RunResult, 'environment'>;

/** The parse options that match the simulation: its actions and its packages. */
export const SIMULATION = { actions: ACTION_NAMES, packages: PACKAGE_NAMES } as const;

function failure(world: World, error: CliError, exitCode: number, stderr: string): Outcome {
  return { world, stdout: '', stderr, exitCode, output: null, error, calls: [], events: [] };
}

function serviceError(world: World, operation: string, code: string, message: string): Outcome {
  return failure(
    world,
    { Code: code, Message: message, Operation: operation },
    CLIENT_ERROR_RC,
    `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`,
  );
}

/** The simulator's ChangedBlocks lists block indexes; the CLI contract prints how many changed. */
function cliShape(action: string, output: unknown): unknown {
  if ((action === 'WriteFile' || action === 'DeleteFile' || action === 'InstallPackage') &&
    output !== null && typeof output === 'object' && Array.isArray((output as Record<string, unknown>)['ChangedBlocks'])) {
    const record = output as Record<string, unknown>;
    return { ...record, ChangedBlocks: (record['ChangedBlocks'] as unknown[]).length };
  }
  return output;
}

/**
 * Members the EC2 model types as timestamps. AWS CLI v2 parses them and prints them back in
 * Python's isoformat (`2026-01-01T00:00:00+00:00`), not in the API's wire format.
 */
const TIMESTAMP_MEMBERS = new Set(['AttachTime', 'LaunchTime', 'UsageOperationUpdateTime', 'CreateTime', 'StartTime',
  'CompletionTime', 'RestoreExpiryTime', 'TieringStartTime', 'RestoreStartTime', 'EnablingTime', 'OptimizingTime',
  'EnabledTime', 'DisablingTime', 'DisabledTime']);

const ISO_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(?:Z|[+-]00:?00)$/;

/** datetime.isoformat() of a UTC time: seconds, microseconds only when not zero, then +00:00. */
export function pythonIsoformat(wire: string): string {
  const m = ISO_TIME.exec(wire);
  if (m === null) return wire;
  const fraction = (m[2] ?? '').padEnd(6, '0');
  return `${m[1] ?? ''}${/^0*$/.test(fraction) ? '' : `.${fraction}`}+00:00`;
}

function withCliTimestamps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withCliTimestamps);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, TIMESTAMP_MEMBERS.has(k) && typeof v === 'string' ? pythonIsoformat(v) : withCliTimestamps(v)]),
  );
}

/** --query then the chosen format; a query that fails at run time is a general error (255). */
function printed(
  world: World,
  operation: string,
  response: unknown,
  globals: GlobalOptions,
  calls: readonly SimCall[],
  events: readonly SimEvent[],
): Outcome {
  let data = withCliTimestamps(response);
  if (globals.query !== null) {
    try {
      data = jmespathSearch(data, globals.query);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { ...failure(world, { Code: 'GeneralError', Message: message, Operation: operation }, GENERAL_ERROR_RC, `\n${message}\n`), calls, events };
    }
  }
  const json = formatJson(data);
  return {
    world,
    stdout: formatOutput(globals.output, operation, data),
    stderr: '',
    exitCode: 0,
    output: json === '' ? null : data,
    error: null,
    calls,
    events,
  };
}

/** File commands act on an instance wherever it is; other sim commands use the Region given, if any. */
function simRegion(world: World, params: Record<string, unknown>, given: SimCall['region']): SimCall['region'] {
  const id = params['InstanceId'];
  return typeof id === 'string' ? (world.instances[id]?.Region ?? given) : given;
}

interface StorageReport {
  Snapshots: unknown[];
  TotalStoredBytes: number;
  MonthlyCostUSD: number;
}

/**
 * `sim storage` without --region reports the whole account: the simulator's DescribeStorage is
 * regional (like the EC2 API), so the CLI asks every Region and adds the reports up.
 */
function accountStorage(world: World): { ok: true; output: StorageReport } | { ok: false; code: string; message: string } {
  const total: StorageReport = { Snapshots: [], TotalStoredBytes: 0, MonthlyCostUSD: 0 };
  for (const region of REGIONS) {
    const r = execute(world, { action: 'DescribeStorage', region, params: {} });
    if (!r.ok) return { ok: false, code: r.error.Code, message: r.error.Message };
    const part = r.output as StorageReport;
    total.Snapshots.push(...part.Snapshots);
    total.TotalStoredBytes += part.TotalStoredBytes;
    total.MonthlyCostUSD = Math.round((total.MonthlyCostUSD + part.MonthlyCostUSD) * 10000) / 10000;
  }
  return { ok: true, output: total };
}

function runParsed(world: World, parsed: ParsedCommand, options: RunOptions): Outcome {
  if (parsed.kind === 'help') {
    return { world, stdout: parsed.stdout, stderr: '', exitCode: 0, output: null, error: null, calls: [], events: [] };
  }
  const parsedCall = toSimCall(parsed);
  if (parsedCall === null) throw new Error('unreachable: only help has no simulator call');
  const base = parsedCall.region === undefined && options.defaultRegion !== undefined
    ? { ...parsedCall, region: options.defaultRegion }
    : parsedCall;
  if (parsed.kind === 'wait') return runWait(world, parsed, base);
  if (parsed.kind === 'sim' && base.action === 'DescribeStorage' && base.region === undefined) {
    const report = accountStorage(world);
    if (!report.ok) return serviceError(world, base.action, report.code, report.message);
    return printed(world, base.action, report.output, parsed.globals, [], []);
  }
  const region = parsed.kind === 'sim' ? simRegion(world, parsed.params, base.region) : base.region;
  let params = base.params;
  const imageId = params['ImageId'];
  if (base.action === 'RunInstances' && typeof imageId === 'string') {
    const resolved = resolveImageId(world, region ?? DEFAULT_REGION, imageId);
    if (!resolved.ok) return serviceError(world, base.action, resolved.code, resolved.message);
    params = { ...params, ImageId: resolved.imageId };
  }
  const call: SimCall = { action: base.action, params, ...(region === undefined ? {} : { region }) };
  const result = execute(world, call);
  if (!result.ok) return serviceError(world, call.action, result.error.Code, result.error.Message);
  const changed = result.world !== world;
  return printed(result.world, call.action, cliShape(call.action, result.output), parsed.globals,
    changed ? [call] : [], result.events);
}

function runWait(world: World, parsed: Extract<ParsedCommand, { kind: 'wait' }>, describe: NonNullable<ReturnType<typeof toSimCall>>): Outcome {
  let current = world;
  const calls: SimCall[] = [];
  const events: SimEvent[] = [];
  const poll = (): PollResponse => {
    const r = execute(current, describe);
    return r.ok ? { ok: true, output: r.output } : { ok: false, code: r.error.Code, message: r.error.Message };
  };
  const sleep = (seconds: number): void => {
    const advance: SimCall = { action: 'Advance', params: { Seconds: seconds } };
    const r = execute(current, advance);
    if (!r.ok) throw new Error(`Advance failed: ${r.error.Message}`);
    current = r.world;
    calls.push(advance);
    events.push(...r.events);
  };
  const outcome = runWaiter(parsed.waiter, poll, sleep);
  if (outcome.ok) return { world: current, stdout: '', stderr: '', exitCode: 0, output: null, error: null, calls, events };
  return {
    ...failure(current, { Code: 'WaiterError', Message: outcome.message, Operation: describe.action }, GENERAL_ERROR_RC, `\n${outcome.message}\n`),
    calls,
    events,
  };
}

function runOne(world: World, text: string, options: RunOptions, environment: ShellEnvironment): Outcome {
  const parsed = parseCommandLine(text, { ...SIMULATION, environment });
  if (parsed.kind === 'error') return failure(world, parsed.error, parsed.exitCode, parsed.stderr);
  return runParsed(world, parsed, options);
}

function shellFailure(world: World, text: string, message: string): Outcome {
  const refused = shellUsageError(text, message);
  return failure(world, refused.error, refused.exitCode, refused.stderr);
}

/**
 * Runs one command line: an aws or sim command, `NAME=value`, or `NAME=$(command)`. Never
 * throws; bad input gets the CLI's (or the shell's) message and exit status. A failed capture
 * leaves NAME as it was, so a later $NAME says it is not set rather than expanding to nothing.
 */
export function runCommand(world: World, text: string, options: RunOptions = {}): RunResult {
  const environment = options.environment ?? {};
  const line = classifyLine(text);
  switch (line.kind) {
    case 'command':
      return { ...runOne(world, text, options, environment), environment };
    case 'error':
      return { ...shellFailure(world, text, line.message), environment };
    case 'assign': {
      const value = assignmentValue(line.name, line.value, environment);
      if (!value.ok) return { ...shellFailure(world, text, value.message), environment };
      return {
        world, stdout: '', stderr: '', exitCode: 0, output: null, error: null, calls: [], events: [],
        environment: { ...environment, [line.name]: value.value },
      };
    }
    case 'capture': {
      const inner = runOne(world, line.command, options, environment);
      // The shell captures stdout (printing nothing) and strips its trailing newlines; stderr still shows.
      if (inner.exitCode !== 0) return { ...inner, stdout: '', environment };
      return {
        ...inner,
        stdout: '',
        output: null,
        environment: { ...environment, [line.name]: inner.stdout.replace(/\n+$/, '') },
      };
    }
  }
}

export interface ScriptStep extends RunResult {
  readonly command: string;
  readonly line: number;
}

export interface ScriptResult {
  readonly world: World;
  readonly steps: ScriptStep[];
  readonly exitCode: number;
  /** The shell variables at the end of the script. */
  readonly environment: ShellEnvironment;
}

/**
 * Runs every command of a script in order, each seeing the variables the lines before it set;
 * the exit status is that of the last failure, or 0.
 */
export function runScript(world: World, script: string, options: RunOptions = {}): ScriptResult {
  let current = world;
  let environment = options.environment ?? {};
  let exitCode = 0;
  const steps: ScriptStep[] = [];
  for (const { text, line } of splitScript(script)) {
    const result = runCommand(current, text, { ...options, environment });
    current = result.world;
    environment = result.environment;
    if (result.exitCode !== 0) exitCode = result.exitCode;
    steps.push({ ...result, command: text, line });
  }
  return { world: current, steps, exitCode, environment };
}
