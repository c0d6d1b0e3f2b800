// Public API of the AWS CLI front end: the lab terminal, `npm run sim` and the widgets use only this.
export {
  parseCommandLine,
  toSimCall,
  DEFAULT_REGION,
  REGIONS,
  PARAM_VALIDATION_RC,
  CLIENT_ERROR_RC,
  GENERAL_ERROR_RC,
} from './parse.ts';
export type {
  ParsedCommand,
  ApiCommand,
  WaitCommand,
  SimCommand,
  TextCommand,
  UsageError,
  CliError,
  GlobalOptions,
  ParseOptions,
  SimCallShape,
  Region,
} from './parse.ts';
export type { ShellEnvironment } from './tokenize.ts';
export { PUBLIC_IMAGE_PARAMETERS } from './ssm.ts';
export { runCommand, runScript, SIMULATION } from './run.ts';
export type { RunOptions, RunResult, ScriptResult, ScriptStep } from './run.ts';
export { formatCall } from './format-call.ts';
export { completeOperation, completeOption, completeResourceId, completeVariable, completeWaiter } from './complete.ts';
export { assignmentValue, splitScript, tokenize } from './tokenize.ts';
export { classifyLine } from './shell.ts';
export { formatJson, formatText, formatTable, formatOutput } from './format.ts';
export type { OutputFormat } from './format.ts';
export { OPERATIONS, OPERATION_BY_ACTION } from './operations.ts';
export type { OperationDef, OptionDef } from './operations.ts';
export { WAITERS } from './waiters.ts';
export { SIM_COMMANDS } from './simcommands.ts';
