import { z } from 'astro/zod';

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
    title: z.string().trim().min(3, { error: 'A documentation link needs a title of at least 3 characters.' }),
    url: z
      .url({ error: 'A documentation link needs a full https:// URL.' })
      .refine((url) => /^https:\/\/docs\.aws\.amazon\.com\//.test(url), {
        error: 'Documentation links must point at https://docs.aws.amazon.com/... (the pages the facts come from).',
      }),
  },
  { error: 'Each documentation link is an object { title, url }.' },
);

/**
 * AWS CLI commands as one multi-line string: one command per line, `\` continuations allowed,
 * blank lines and `#` comments ignored. Every command must start with `aws `.
 */
export const cliScriptSchema = (what: string) =>
  z
    .string({ error: `${what} is required: AWS CLI commands, one per line.` })
    .superRefine((script, ctx) => {
      const commands = joinContinuations(script);
      commands.forEach(({ text, line }) => {
        if (!/^([A-Z_][A-Z0-9_]*=\$\()?aws\s/.test(text)) {
          ctx.addIssue({
            code: 'custom',
            message: `${what}, line ${line}: "${truncate(text)}" is not an AWS CLI command. Each command starts with "aws " (optionally captured as NAME=$(aws ...)).`,
          });
        }
      });
    });

/** Splits a script into logical commands, joining `\` line continuations and skipping comments. */
export function joinContinuations(script: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let current = '';
  let startLine = 0;
  script.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) return;
    if (current === '') startLine = index + 1;
    if (line.endsWith('\\')) {
      current += line.slice(0, -1).trimEnd() + ' ';
      return;
    }
    out.push({ text: (current + line).trim(), line: startLine });
    current = '';
  });
  if (current.trim() !== '') out.push({ text: current.trim(), line: startLine });
  return out;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
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
