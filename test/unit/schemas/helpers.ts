import { z } from 'astro/zod';
import type { ReferenceFactory } from '../../../src/schemas/lesson';

/** Stands in for Astro's reference(): accepts an id and outputs { collection, id } like Astro does. */
export const fakeReference: ReferenceFactory = (collection) => z.string().transform((id) => ({ collection, id }));

/** The messages of a failed parse, or [] when it succeeded. */
export function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}
