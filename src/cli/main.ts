// `npm run --silent sim -- [--state FILE] [--jsonl]`: runs the commands read from standard
// input against a simulated account and prints what the AWS CLI would print (or, with --jsonl,
// one JSON object per command). The exit status is that of the last failed command, or 0.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createWorld, type World } from '../sim/index.ts';
import { runScript } from './run.ts';

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

function loadWorld(path: string | null): World | string {
  if (path === null || !existsSync(path)) return createWorld();
  try {
    const world = JSON.parse(readFileSync(path, 'utf8')) as World;
    if (world === null || typeof world !== 'object' || world.schema !== 1) return `${path} is not a saved simulator state`;
    return world;
  } catch (e) {
    return `cannot read the state file ${path}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    (args === USAGE ? process.stdout : process.stderr).write(`${args}\n`);
    return args === USAGE ? 0 : 2;
  }
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const statePath = args.state === null ? null : resolve(process.env['INIT_CWD'] ?? process.cwd(), args.state);
  const world = loadWorld(statePath);
  if (typeof world === 'string') {
    process.stderr.write(`${world}\n`);
    return 255;
  }
  const input = readFileSync(0, 'utf8');
  const result = runScript(world, input);
  for (const step of result.steps) {
    if (args.jsonl) {
      process.stdout.write(`${JSON.stringify({ command: step.command, exitCode: step.exitCode, output: step.output, error: step.error })}\n`);
    } else {
      process.stdout.write(step.stdout);
      process.stderr.write(step.stderr);
    }
  }
  if (statePath !== null) writeFileSync(statePath, `${JSON.stringify(result.world)}\n`);
  return result.exitCode;
}

process.exitCode = main();
