import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import type { ReferenceFactory } from '../../../src/schemas/lesson';

/** Stands in for Astro's reference(): accepts an id and outputs { collection, id } like Astro does. */
export const fakeReference: ReferenceFactory = (collection) => z.string().transform((id) => ({ collection, id }));

/** The messages of a failed parse, or [] when it succeeded. */
export function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/**
 * Every fixed `error: '...'` message written in src/schemas/<file>, as the author will read it.
 * Messages built from a template with `${...}` are left out: their tests name them one by one.
 * The schema tests check that each of these is asserted by a bad entry, so a new message
 * cannot be added without a test that triggers it.
 */
export function sourceMessages(file: string): string[] {
  const source = readFileSync(new URL(`../../../src/schemas/${file}`, import.meta.url), 'utf8');
  const found: string[] = [];
  for (const match of source.matchAll(/\berror:\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
    const [, quote, text = ''] = match;
    if (quote === '`' && text.includes('${')) continue;
    found.push(text.replace(/\\(.)/g, '$1'));
  }
  return found;
}
