// `npm run --silent sim -- [--state FILE] [--jsonl]`: runs the commands read from standard
// input against a simulated account and prints what the AWS CLI would print (or, with --jsonl,
// one JSON object per command). The exit status is that of the last failed command, or 0; 255
// when the state file cannot be loaded (nothing runs) or saved (the file keeps its old state).
// With --state, the account is loaded from FILE when it exists and saved back at the end.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createWorld } from '../sim/index.ts';
import { runScript } from './run.ts';
import { loadState, saveState } from './state.ts';

const USAGE = 'usage: npm run --silent sim -- [--state FILE] [--jsonl] < commands.txt';

interface Args {
  state: string | null;
  jsonl: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { state: null, jsonl: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jsonl') args.jsonl = true;
    else if (a === '--state' && argv[i + 1] !== undefined) args.state = argv[++i] ?? null;
    else if (a?.startsWith('--state=') === true) args.state = a.slice('--state='.length);
    else if (a === '--help' || a === '-h') return USAGE;
    else return `unknown argument: ${a ?? ''}\n${USAGE}`;
  }
  return args;
}

const STATE_ERROR_RC = 255;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    (args === USAGE ? process.stdout : process.stderr).write(`${args}\n`);
    return args === USAGE ? 0 : 2;
  }
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const statePath = args.state === null ? null : resolve(process.env['INIT_CWD'] ?? process.cwd(), args.state);
  const loaded = statePath === null ? { ok: true as const, value: { world: createWorld(), calls: [] } } : await loadState(statePath);
  if (!loaded.ok) {
    process.stderr.write(`npm run sim: ${loaded.message}\n`);
    return STATE_ERROR_RC;
  }
  const input = readFileSync(0, 'utf8');
  const result = runScript(loaded.value.world, input);
  for (const step of result.steps) {
    if (args.jsonl) {
      process.stdout.write(`${JSON.stringify({ command: step.command, exitCode: step.exitCode, output: step.output, error: step.error })}\n`);
    } else {
      process.stdout.write(step.stdout);
      process.stderr.write(step.stderr);
    }
  }
  if (statePath !== null) {
    const calls = [...loaded.value.calls, ...result.steps.flatMap((step) => step.calls)];
    const saved = await saveState(statePath, calls, result.world);
    if (!saved.ok) {
      process.stderr.write(`npm run sim: ${saved.message}\n`);
      return STATE_ERROR_RC;
    }
  }
  return result.exitCode;
}

process.exitCode = await main();
