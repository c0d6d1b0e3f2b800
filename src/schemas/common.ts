import { z } from 'astro/zod';
// The CLI's own shell layer tells NAME=value and NAME=$(command) from commands, as the lab's runCommand does.
import { assignmentValue, classifyLine, parseCommandLine, SIMULATION, splitScript } from '../cli/index.ts';

/**
 * Pieces shared by several content schemas. Messages speak to the author of the content file,
 * not to a programmer: they say which value is wrong and how to fix it.
 */

/** Lower-case words joined by single hyphens, e.g. `explain-az-scope`. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const kebabId = (what: string) =>
  z
    .string({ error: `${what} is required (a short kebab-case id such as "root-volume").` })
    .regex(KEBAB_ID, {
      error: (issue) =>
        `${what} "${String(issue.input)}" must be kebab-case: lower-case letters and digits joined by single hyphens, e.g. "root-volume".`,
    });

/** A link to an AWS documentation page; the course cites AWS's own pages only. */
export const docLinkSchema = z.object(
  {
    title: z
      .string({ error: 'A documentation link needs a title of at least 3 characters.' })
      .trim()
      .min(3, { error: 'A documentation link needs a title of at least 3 characters.' }),
    url: z
      .url({ error: 'A documentation link needs a full https:// URL.' })
      .refine((url) => /^https:\/\/docs\.aws\.amazon\.com\//.test(url), {
        error: 'Documentation links must point at https://docs.aws.amazon.com/... (the pages the facts come from).',
      }),
  },
  { error: 'Each documentation link is an object { title, url }.' },
);

/**
 * Shell variables a script captures with NAME=$(aws ...) hold that command's output, which is
 * only known when the script runs. For the check they stand for a neutral word that every option
 * type accepts (a number is also a valid string), so a command is judged on its own syntax.
 */
const CAPTURED_PLACEHOLDER = '1';

/** The line of the CLI's stderr that says what is wrong (the usage banner above it is noise here). */
function cliComplaint(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const named = lines.find((line) => /^(aws: error:|Error parsing|Parameter validation failed)/.test(line)) ?? lines.at(-1) ?? '';
  const complaint = named
    .replace(/^aws: error: /, '')
    .replace(/^Error parsing command line: /, '')
    .replace(/, valid choices are:$/, ' (not a command of the simulated AWS CLI)');
  return complaint.length > 220 ? `${complaint.slice(0, 217)}...` : complaint;
}

/**
 * What is wrong with a script, as the terminal of the lab would report it, or [] when every line
 * would run. The check asks the simulator's own CLI (src/cli): it splits the script as the lab
 * does (`\` continuations, quoted JSON over several lines, blank and `#` lines skipped), and
 * accepts exactly the lines the CLI accepts: `aws ec2 ...` and `sim ...` commands of the
 * simulated operations, `NAME=value`, `NAME=$(command)`, `$NAME` / `${NAME}` of variables set
 * on an earlier line, and `resolve:ssm:` image ids. It does not run the commands: whether they
 * succeed against the account is the content tests' job (test/content).
 */
export function cliScriptProblems(script: string): { line: number; command: string; message: string }[] {
  const problems: { line: number; command: string; message: string }[] = [];
  const environment: Record<string, string> = {};
  const parse = (text: string) => parseCommandLine(text, { ...SIMULATION, environment });
  for (const { text, line } of splitScript(script)) {
    const report = (message: string) => problems.push({ line, command: text, message });
    const shell = classifyLine(text);
    if (shell.kind === 'error') {
      report(shell.message);
    } else if (shell.kind === 'assign') {
      const value = assignmentValue(shell.name, shell.value, environment);
      if (value.ok) environment[shell.name] = value.value;
      else report(value.message);
    } else {
      const parsed = parse(shell.kind === 'capture' ? shell.command : shell.text);
      if (parsed.kind === 'error') report(cliComplaint(parsed.stderr));
      else if (parsed.kind === 'help') report('prints help and changes nothing; leave it out of the script');
      if (shell.kind === 'capture') environment[shell.name] = CAPTURED_PLACEHOLDER;
    }
  }
  return problems;
}

/**
 * AWS CLI commands as one multi-line string, one command per line, checked by the simulator's
 * CLI (see cliScriptProblems): what the lab's terminal runs, the script may contain.
 */
export const cliScriptSchema = (what: string) =>
  z
    .string({ error: `${what} is required: AWS CLI commands, one per line.` })
    .superRefine((script, ctx) => {
      for (const { line, command, message } of cliScriptProblems(script)) {
        ctx.addIssue({ code: 'custom', message: `${what}, line ${line}: "${truncate(command)}": ${message}` });
      }
    });

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** Reports every value that appears more than once, with the author-facing label. */
export function checkUnique(values: readonly string[], label: string, ctx: z.RefinementCtx, path: PropertyKey[]) {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) {
      ctx.addIssue({ code: 'custom', path, message: `${label} "${value}" appears more than once; each must be unique.` });
    }
    seen.add(value);
  }
}
