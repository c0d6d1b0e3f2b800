/**
 * Two large parts of the CLI that most commands never use, loaded apart so a web page does not
 * download them up front: the JMESPath engine (jmespath.ts: --query and the waiters' acceptors)
 * and the help text (`aws help`, `aws ec2 <op> help`, a lone `sim`).
 *
 * In Node (npm run sim, the site build, tests) both load with the CLI, so it stays synchronous
 * there. A browser calls prepareFor(text) before running typed text: it loads what that text may
 * need (the bundler makes each part a separate chunk).
 */
import { loadJmespath } from './jmespath.ts';

type Help = typeof import('./help.ts');

let help: Help | null = null;

export async function loadHelp(): Promise<void> {
  help ??= await import('./help.ts');
}

if (globalThis.process?.versions?.node !== undefined) await loadHelp();

/** Loads the parts a command line (or a pasted script) may need: a mention is enough, the parser decides. */
export async function prepareFor(text: string): Promise<void> {
  await Promise.all([
    /--query|\bwait\b/.test(text) ? loadJmespath() : undefined,
    /\bhelp\b|^\s*sim\s*$/m.test(text) ? loadHelp() : undefined,
  ]);
}

/** The help text module; it must be loaded (prepareFor does it in a browser). */
export function helpText(): Help {
  if (help === null) throw new Error("The CLI's help text is not loaded: call prepareFor(text) before running the command.");
  return help;
}
