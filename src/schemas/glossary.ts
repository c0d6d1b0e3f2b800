import { z } from 'astro/zod';
import { kebabId } from './common';

/** One glossary term (content/glossary/<term-id>.yaml). The file name is the anchor on /glossary/. */
export const glossarySchema = z.object({
  term: z
    .string({ error: 'A glossary entry needs a `term` (the words as they appear in AWS documentation).' })
    .trim()
    .min(2, { error: 'The term is too short.' }),
  definition: z
    .string({ error: 'A glossary entry needs a `definition` of one or two sentences.' })
    .trim()
    .min(20, { error: 'The definition is too short to be useful (at least 20 characters).' })
    .max(400, { error: 'Keep the definition to one or two sentences (at most 400 characters).' })
    .refine((text) => (text.match(/[.!?](\s|$)/g) ?? []).length <= 2, {
      error: 'Keep the definition to one or two sentences; details belong in the lesson.',
    }),
  lesson: z.object(
    {
      slug: kebabId('`lesson.slug`'),
      section: kebabId('`lesson.section`').optional().describe('Heading id in that lesson, without #.'),
    },
    { error: 'A glossary entry needs `lesson: { slug, section? }`: where the term is taught.' },
  ),
  aliases: z.array(z.string().trim().min(2, { error: 'An alias needs at least 2 characters.' })).default([]),
});

export type GlossaryData = z.infer<typeof glossarySchema>;
