// parseCommandLine: one command line -> what to run, or the usage error the AWS CLI would print.
// Layered like the real CLI: global options (anywhere on the line), service, operation (or
// `wait <waiter>`), operation options, then value conversion and client-side validation.
import {
  ArgumentError,
  invalidChoiceMessage,
  parseKnownArgs,
  type ArgSpec,
  type ParsedArgs,
} from './argparse.ts';
import { getCloseMatches } from './difflib.ts';
import type { OutputFormat } from './format.ts';
import { jmespathSearch } from './jmespath.ts';
import { helpText } from './optional.ts';
import { OPERATIONS, type OperationDef, type OptionDef } from './operations.ts';
import { pyReprString } from './python.ts';
import { SIM_COMMANDS, SIM_COMMAND_BY_NAME, simUsage, type SimCommandDef } from './simcommands.ts';
import { tokenize, type ShellEnvironment } from './tokenize.ts';
import { unpackOption, validateParams, type UnpackFailure } from './unpack.ts';
import { WAITERS, WAITER_BY_CLI_NAME, type WaiterDef } from './waiters.ts';
import { AttributeBooleanValue, type Shape } from './shapes.ts';

export const REGIONS = ['us-east-1', 'eu-west-1'] as const;
export type Region = (typeof REGIONS)[number];
export const DEFAULT_REGION: Region = 'us-east-1';

export interface GlobalOptions {
  /** The --region given, or null for the default Region. */
  readonly region: Region | null;
  readonly output: OutputFormat;
  /** The --query expression, already checked to compile. */
  readonly query: string | null;
}

interface Parsed<K extends string> {
  readonly kind: K;
  readonly text: string;
}

export interface ApiCommand extends Parsed<'aws'> {
  readonly operation: OperationDef;
  readonly params: Record<string, unknown>;
  readonly globals: GlobalOptions;
}

export interface WaitCommand extends Parsed<'wait'> {
  readonly waiter: WaiterDef;
  readonly operation: OperationDef;
  readonly params: Record<string, unknown>;
  readonly globals: GlobalOptions;
}

export interface SimCommand extends Parsed<'sim'> {
  readonly command: SimCommandDef;
  readonly params: Record<string, unknown>;
  readonly globals: GlobalOptions;
}

/** Help pages and `aws --version`: text printed on stdout, nothing sent to the simulation. */
export interface TextCommand extends Parsed<'help'> {
  readonly stdout: string;
}

export type ParsedCommand = ApiCommand | WaitCommand | SimCommand | TextCommand;

export interface CliError {
  readonly Code: string;
  readonly Message: string;
  readonly Operation: string | null;
}

export interface UsageError {
  readonly kind: 'error';
  readonly text: string;
  readonly exitCode: number;
  /** Exactly what the AWS CLI writes on stderr. */
  readonly stderr: string;
  readonly error: CliError;
}

export interface ParseOptions {
  /** Simulator actions that exist (ACTION_NAMES); operations outside it are not offered. */
  readonly actions?: readonly string[];
  /** Package names for `sim install`, listed in help. */
  readonly packages?: readonly string[];
  /** Shell variables that `$NAME` expands to; none are set when absent. */
  readonly environment?: ShellEnvironment;
}

export const PARAM_VALIDATION_RC = 252;
export const CLIENT_ERROR_RC = 254;
export const GENERAL_ERROR_RC = 255;

const USAGE =
  'aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n' +
  'To see help text, you can run:\n\n' +
  '  aws help\n' +
  '  aws <command> help\n' +
  '  aws <command> <subcommand> help\n';

class CommandLineError extends Error {
  readonly exitCode: number;
  readonly stderr: string;
  readonly code: string;
  constructor(message: string, stderr: string, exitCode: number, code: string) {
    super(message);
    this.stderr = stderr;
    this.exitCode = exitCode;
    this.code = code;
  }
}

/** ArgParseException: usage, blank line, `aws: error: ...`. */
function argparseError(message: string): CommandLineError {
  return new CommandLineError(message, `\nusage: ${USAGE}\naws: error: ${message}\n\n`, PARAM_VALIDATION_RC, 'ParamValidation');
}

/** UnknownArgumentError: usage, blank line, `Unknown options: ...` (no `aws: error:`). */
function unknownOptionsError(leftover: readonly string[], known: readonly string[]): CommandLineError {
  let message = `Unknown options: ${leftover.join(', ')}`;
  const firstOption = leftover.find((w) => w.startsWith('--'));
  if (firstOption !== undefined) {
    const close = getCloseMatches(firstOption.split('=')[0] ?? firstOption, known, 3, 0.6);
    if (close.length > 0) message += `\n\nmaybe you meant:\n\n${close.map((c) => `  * ${c}`).join('\n')}`;
  }
  return new CommandLineError(message, `\nusage: ${USAGE}\n${message}\n\n`, PARAM_VALIDATION_RC, 'ParamValidation');
}

/** Errors the CLI prints on their own between blank lines (ParamError, ParamValidationError, ...). */
function plainError(message: string, exitCode: number, code: string): CommandLineError {
  return new CommandLineError(message, `\n${message}\n`, exitCode, code);
}

function notAvailable(what: string): CommandLineError {
  return plainError(
    `${what} is not available in this simulator: it simulates one AWS account in memory, with no profiles, ` +
      'endpoints, credentials or local files.',
    PARAM_VALIDATION_RC,
    'ParamValidation',
  );
}

function fromFailure(f: UnpackFailure): CommandLineError {
  return f.kind === 'param'
    ? plainError(f.message, PARAM_VALIDATION_RC, 'ParamValidation')
    : plainError(f.message, GENERAL_ERROR_RC, 'GeneralError');
}

// ---- global options ------------------------------------------------------------------------

const OUTPUT_CHOICES = ['json', 'text', 'table', 'yaml', 'yaml-stream'];

const GLOBAL_SPECS: ArgSpec[] = [
  { option: '--debug', kind: 'flag', dest: 'debug' },
  { option: '--endpoint-url', kind: 'one', dest: 'endpoint-url' },
  { option: '--no-verify-ssl', kind: 'flag', dest: 'no-verify-ssl' },
  { option: '--no-paginate', kind: 'flag', dest: 'no-paginate' },
  { option: '--output', kind: 'one', dest: 'output', choices: OUTPUT_CHOICES },
  { option: '--query', kind: 'one', dest: 'query' },
  { option: '--profile', kind: 'one', dest: 'profile' },
  { option: '--region', kind: 'one', dest: 'region' },
  { option: '--version', kind: 'flag', dest: 'version' },
  { option: '--color', kind: 'one', dest: 'color', choices: ['on', 'off', 'auto'] },
  { option: '--no-sign-request', kind: 'flag', dest: 'no-sign-request' },
  { option: '--ca-bundle', kind: 'one', dest: 'ca-bundle' },
  { option: '--cli-read-timeout', kind: 'one', dest: 'cli-read-timeout' },
  { option: '--cli-connect-timeout', kind: 'one', dest: 'cli-connect-timeout' },
  { option: '--cli-binary-format', kind: 'one', dest: 'cli-binary-format' },
  { option: '--no-cli-pager', kind: 'flag', dest: 'no-cli-pager' },
  { option: '--cli-auto-prompt', kind: 'flag', dest: 'cli-auto-prompt' },
  { option: '--no-cli-auto-prompt', kind: 'flag', dest: 'no-cli-auto-prompt' },
];
const GLOBAL_SPEC_MAP = new Map(GLOBAL_SPECS.map((s) => [s.option, s]));

/** Global options that reach outside the simulated account. */
const OUTSIDE_SIMULATION = ['debug', 'endpoint-url', 'no-verify-ssl', 'profile', 'no-sign-request', 'ca-bundle',
  'cli-read-timeout', 'cli-connect-timeout', 'cli-binary-format', 'cli-auto-prompt', 'no-cli-auto-prompt'];

/** Per-operation options of the real CLI that read files, print skeletons or page results. */
const OPERATION_OUTSIDE_SPECS: ArgSpec[] = [
  { option: '--cli-input-json', kind: 'one', dest: 'cli-input-json' },
  { option: '--cli-input-yaml', kind: 'one', dest: 'cli-input-yaml' },
  { option: '--generate-cli-skeleton', kind: 'flag', dest: 'generate-cli-skeleton' },
  { option: '--starting-token', kind: 'one', dest: 'starting-token' },
  { option: '--page-size', kind: 'one', dest: 'page-size' },
  { option: '--max-items', kind: 'one', dest: 'max-items' },
];

function stringValue(args: ParsedArgs, dest: string): string | null {
  const v = args.values.get(dest)?.value;
  return typeof v === 'string' ? v : null;
}

function readGlobals(args: ParsedArgs): GlobalOptions {
  for (const dest of OUTSIDE_SIMULATION) {
    const used = args.values.get(dest);
    if (used !== undefined) throw notAvailable(used.option);
  }
  const output = stringValue(args, 'output') ?? 'json';
  if (output === 'yaml' || output === 'yaml-stream') throw notAvailable(`--output ${output}`);
  const query = stringValue(args, 'query');
  if (query !== null) {
    try {
      jmespathSearch({}, query);
    } catch (e) {
      // Only syntax errors count here; a valid query may still fail on the real response.
      if (e instanceof Error && (e.name === 'ParserError' || e.name === 'LexerError')) {
        throw plainError(`Bad value for --query ${query}: ${e.message}`, GENERAL_ERROR_RC, 'GeneralError');
      }
    }
  }
  const region = stringValue(args, 'region');
  if (region !== null && !(REGIONS as readonly string[]).includes(region)) {
    throw plainError(
      `The simulated account has the Regions ${REGIONS.join(' and ')} only; Region '${region}' is not available here.`,
      GENERAL_ERROR_RC,
      'GeneralError',
    );
  }
  return { region: region as Region | null, output: output as OutputFormat, query };
}

// ---- operations ----------------------------------------------------------------------------

function specsFor(op: OperationDef): Map<string, ArgSpec> {
  const specs = new Map<string, ArgSpec>();
  for (const o of op.options) {
    if (o.shape.type === 'boolean') {
      specs.set(`--${o.name}`, { option: `--${o.name}`, kind: 'flag', dest: o.name, flagValue: true });
      if (o.negative !== undefined) {
        specs.set(`--${o.negative}`, { option: `--${o.negative}`, kind: 'flag', dest: o.name, flagValue: false });
      }
    } else {
      specs.set(`--${o.name}`, { option: `--${o.name}`, kind: o.shape.type === 'list' ? 'many' : 'one', dest: o.name });
    }
  }
  for (const s of OPERATION_OUTSIDE_SPECS) specs.set(s.option, s);
  return specs;
}

function countParams(value: string): Record<string, number> {
  const parts = value.split(':');
  const valid = parts.length <= 2 && parts.every((p) => /^\s*[-+]?\d+\s*$/.test(p));
  if (!valid) throw plainError('count parameter should be of form min[:max] (e.g. 1 or 1:10)', PARAM_VALIDATION_RC, 'ParamValidation');
  const [min, max] = [Number(parts[0]), Number(parts[1] ?? parts[0])];
  return { MinCount: min, MaxCount: max };
}

/**
 * Parses an operation's words into API parameters, or 'help' when the word `help` is among them
 * (the CLI shows help once argparse is satisfied, whatever other options were given).
 */
function operationParams(op: OperationDef, words: readonly string[]): Record<string, unknown> | 'help' {
  const specs = specsFor(op);
  const args = parseKnownArgs(words, specs);
  const missing = op.options.filter((o) => o.required && !args.values.has(o.name)).map((o) => `--${o.name}`);
  if (missing.length > 0) {
    // argparse reports the missing option first; when a mistyped one is the cause, say which.
    const typo = args.extras.map((w) => w.split('=')[0] ?? w).find((w) => getCloseMatches(w, missing, 1, 0.6).length > 0);
    const hint = typo === undefined
      ? ''
      : `\n\nUnknown option: ${pyReprString(typo)}, maybe you meant:\n\n${getCloseMatches(typo, missing, 3, 0.6).map((c) => `  * ${c}`).join('\n')}`;
    throw argparseError(`the following arguments are required: ${missing.join(', ')}${hint}`);
  }
  for (const s of OPERATION_OUTSIDE_SPECS) {
    const used = args.values.get(s.dest);
    if (used !== undefined) throw notAvailable(used.option);
  }
  const [firstPositional, ...otherPositionals] = args.positionals;
  if (firstPositional === 'help') return 'help';
  const leftover = [...args.extras, ...otherPositionals, ...(firstPositional === undefined ? [] : [firstPositional])];
  if (leftover.length > 0) throw unknownOptionsError(leftover, [...specs.keys()].filter((k) => !k.startsWith('--cli-')));

  const params: Record<string, unknown> = {};
  const shapes = new Map<string, Shape>();
  for (const o of op.options) {
    const given = args.values.get(o.name);
    if (given === undefined) continue;
    if (o.custom === 'count') {
      Object.assign(params, countParams(String(given.value)));
      continue;
    }
    shapes.set(o.param, o.wrap === 'Value' ? AttributeBooleanValue : o.shape);
    if (typeof given.value === 'boolean') {
      params[o.param] = o.wrap === 'Value' ? { Value: given.value } : given.value;
      continue;
    }
    const words = Array.isArray(given.value) ? given.value : [given.value];
    const unpacked = unpackOption(`--${o.name}`, o.shape, words);
    if (!unpacked.ok) throw fromFailure(unpacked.failure);
    params[o.param] = unpacked.value;
  }
  if (op.options.some((o) => o.custom === 'count')) {
    // awscli's set_default_count: --count defaults to 1 instance.
    params['MinCount'] ??= 1;
    params['MaxCount'] ??= 1;
  }
  const invalid = validateParams(params, shapes);
  if (invalid !== null) throw plainError(invalid, PARAM_VALIDATION_RC, 'ParamValidation');
  return params;
}

function availableOperations(options: ParseOptions): OperationDef[] {
  const ops = [...OPERATIONS.values()];
  const actions = options.actions;
  return actions === undefined ? ops : ops.filter((op) => actions.includes(op.action));
}

function operationChoices(ops: readonly OperationDef[]): string[] {
  // The CLI lists operations in the service model's order (API names sorted), then wait and help.
  const sorted = [...ops].sort((a, b) => (a.action < b.action ? -1 : a.action > b.action ? 1 : 0));
  return [...sorted.map((o) => o.name), 'wait', 'help'];
}

function parseWait(text: string, words: readonly string[], globals: GlobalOptions, ops: readonly OperationDef[]): ParsedCommand {
  const [name, ...rest] = words;
  if (name === undefined || name.startsWith('-')) {
    throw plainError('usage: aws [options] ec2 wait <subcommand> [parameters]\naws: error: too few arguments',
      PARAM_VALIDATION_RC, 'ParamValidation');
  }
  if (name === 'help' && rest.length === 0) return { kind: 'help', text, stdout: helpText().waitHelp() };
  const available = WAITERS.filter((w) => ops.some((o) => o.name === w.operation));
  const waiter = WAITER_BY_CLI_NAME.get(name);
  if (waiter === undefined || !available.includes(waiter)) {
    throw argparseError(invalidChoiceMessage('subcommand', name, available.map((w) => w.cliName)));
  }
  const operation = OPERATIONS.get(waiter.operation) as OperationDef;
  const params = rest.length === 1 && rest[0] === 'help' ? 'help' : operationParams(operation, rest);
  if (params === 'help') return { kind: 'help', text, stdout: helpText().waiterHelp(waiter, operation) };
  return { kind: 'wait', text, waiter, operation, params, globals };
}

function parseAws(text: string, words: readonly string[], options: ParseOptions): ParsedCommand {
  const main = parseKnownArgs(words, GLOBAL_SPEC_MAP);
  if (main.values.has('version')) {
    return { kind: 'help', text, stdout: 'aws-cli/2 (AMI & Snapshot Lab simulator: Amazon EC2 in a simulated account)\n' };
  }
  const globals = readGlobals(main);
  const [service, ...afterService] = main.rest;
  if (service === undefined) throw argparseError('the following arguments are required: command');
  if (service === 'help') return { kind: 'help', text, stdout: helpText().topHelp(options.packages ?? []) };
  if (service !== 'ec2') throw argparseError(invalidChoiceMessage('command', service, ['ec2']));
  const ops = availableOperations(options);
  const [operationName, ...rest] = afterService;
  if (operationName === undefined) throw argparseError('the following arguments are required: operation');
  if (operationName === 'help') return { kind: 'help', text, stdout: helpText().serviceHelp(ops) };
  if (operationName === 'wait') return parseWait(text, rest, globals, ops);
  const operation = ops.find((o) => o.name === operationName);
  if (operation === undefined) throw argparseError(invalidChoiceMessage('operation', operationName, operationChoices(ops)));
  // A lone `help` skips argparse entirely (so required options are not asked for).
  const params = rest.length === 1 && rest[0] === 'help' ? 'help' : operationParams(operation, rest);
  if (params === 'help') return { kind: 'help', text, stdout: helpText().operationHelp(operation) };
  return { kind: 'aws', text, operation, params, globals };
}

// ---- sim commands --------------------------------------------------------------------------

const SIM_USAGE = 'usage: sim <command> [arguments]\nTo see help text, you can run:\n\n  sim help\n';

function simError(message: string): CommandLineError {
  return new CommandLineError(message, `\n${SIM_USAGE}\nsim: error: ${message}\n\n`, PARAM_VALIDATION_RC, 'ParamValidation');
}

const SIM_GLOBAL_SPECS = new Map(
  GLOBAL_SPECS.filter((s) => ['--output', '--query', '--region'].includes(s.option)).map((s) => [s.option, s]),
);

function parseSim(text: string, words: readonly string[], options: ParseOptions): ParsedCommand {
  const args = parseKnownArgs(words, SIM_GLOBAL_SPECS);
  const globals = readGlobals(args);
  const [name, ...positional] = args.rest;
  if (name === undefined || name === 'help') return { kind: 'help', text, stdout: helpText().simHelp(options.packages ?? []) };
  const command = SIM_COMMAND_BY_NAME.get(name);
  if (command === undefined) {
    throw simError(invalidChoiceMessage('command', name, [...SIM_COMMANDS.map((c) => c.name), 'help']));
  }
  if (positional.length === 1 && positional[0] === 'help') return { kind: 'help', text, stdout: helpText().simHelp(options.packages ?? []) };
  const stray = positional.find((w) => w.startsWith('--'));
  if (stray !== undefined) throw simError(`unrecognized arguments: ${stray} (usage: ${simUsage(command)})`);
  const needed = command.args.filter((a) => a.optional !== true);
  if (positional.length < needed.length) {
    const missing = needed.slice(positional.length).map((a) => a.label);
    throw simError(`the following arguments are required: ${missing.join(', ')} (usage: ${simUsage(command)})`);
  }
  if (positional.length > command.args.length) {
    const extra = positional.slice(command.args.length);
    const hint = command.name === 'write' ? '; put quotes around text that contains spaces' : '';
    throw simError(`unrecognized arguments: ${extra.join(' ')} (usage: ${simUsage(command)}${hint})`);
  }
  const params: Record<string, unknown> = {};
  command.args.forEach((a, i) => {
    const value = positional[i];
    if (value !== undefined) params[a.param] = value;
  });
  if (command.action === 'Advance') {
    const raw = String(params['Seconds']);
    const seconds = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(seconds) || seconds < 0) {
      throw simError(`argument <seconds>: invalid value ${JSON.stringify(raw)} (expected a number of seconds, e.g. 60)`);
    }
    params['Seconds'] = seconds;
  }
  return { kind: 'sim', text, command, params, globals };
}

// ---- entry points --------------------------------------------------------------------------

function toUsageError(text: string, e: CommandLineError, operation: string | null): UsageError {
  return { kind: 'error', text, exitCode: e.exitCode, stderr: e.stderr, error: { Code: e.code, Message: e.message, Operation: operation } };
}

/** A line the shell layer refuses (quotes, variables, shell features), before the CLI sees it. */
export function shellUsageError(text: string, message: string): UsageError {
  return toUsageError(text, plainError(`Error parsing command line: ${message}`, PARAM_VALIDATION_RC, 'ParamValidation'), null);
}

/** The API operation a command line names, if any, for error reports. */
function operationOf(words: readonly string[]): string | null {
  const i = words.indexOf('ec2');
  const name = i === -1 ? undefined : words[i + 1];
  if (name === 'wait') return WAITER_BY_CLI_NAME.get(words[i + 2] ?? '')?.name ?? null;
  return (name !== undefined && OPERATIONS.get(name)?.action) || null;
}

/**
 * Parses one command (continuations already allowed inside it). Never throws: every mistake
 * comes back as a UsageError carrying the CLI's stderr text and exit status.
 */
export function parseCommandLine(text: string, options: ParseOptions = {}): ParsedCommand | UsageError {
  const tokens = tokenize(text, options.environment);
  if (!tokens.ok) return shellUsageError(text, tokens.message);
  const [program, ...words] = tokens.words;
  try {
    if (program === 'aws') return parseAws(text, words, options);
    if (program === 'sim') return parseSim(text, words, options);
    if (program === 'help' && words.length === 0) return { kind: 'help', text, stdout: helpText().topHelp(options.packages ?? []) };
    const shown = program ?? '';
    return toUsageError(
      text,
      plainError(`${shown}: command not found. This terminal runs aws and sim commands; type help for the list.`,
        PARAM_VALIDATION_RC, 'ParamValidation'),
      null,
    );
  } catch (e) {
    if (e instanceof CommandLineError) return toUsageError(text, e, operationOf(words));
    if (e instanceof ArgumentError) return toUsageError(text, argparseError(e.message), operationOf(words));
    throw e;
  }
}

export interface SimCallShape {
  readonly action: string;
  readonly region?: Region;
  readonly params: Record<string, unknown>;
}

/** The simulator call a parsed command makes (for `wait`, the describe call it polls); null for help. */
export function toSimCall(parsed: ParsedCommand): SimCallShape | null {
  switch (parsed.kind) {
    case 'aws':
    case 'wait':
      return {
        action: parsed.operation.action,
        ...(parsed.globals.region === null ? {} : { region: parsed.globals.region }),
        params: parsed.params,
      };
    case 'sim':
      return {
        action: parsed.command.action,
        ...(parsed.globals.region === null ? {} : { region: parsed.globals.region }),
        params: parsed.params,
      };
    case 'help':
      return null;
  }
}

export type { OptionDef };
