import { z } from 'astro/zod';
import { checkUnique, docLinkSchema, kebabId } from './common';

/**
 * Frontmatter of a lesson (content/lessons/<NN-slug>/index.mdx).
 * `reference` is Astro's `reference()` from astro:content; it is passed in so that this module
 * can be unit-tested without Astro's virtual modules (tests pass a plain string schema).
 */
export type CollectionName = 'quizzes' | 'challenges' | 'scenarios' | 'lessons';
/** Output of a reference: the entry's collection and id (Astro's `reference()` produces this shape). */
export type ReferenceFactory = (collection: CollectionName) => z.ZodType<{ collection: string; id: string }, unknown>;

export const objectiveSchema = z.object(
  {
    id: kebabId('Objective id'),
    text: z
      .string({ error: 'Each objective needs a text: what the learner will be able to do.' })
      .trim()
      .min(10, { error: 'An objective text should be a full phrase (at least 10 characters).' })
      .max(160, { error: 'Keep an objective under 160 characters; split it if it says two things.' }),
  },
  { error: 'Each objective is an object { id, text }.' },
);

export const lessonSchema = (reference: ReferenceFactory) =>
  z
    .object({
      title: z
        .string({ error: 'A lesson needs a title.' })
        .trim()
        .min(5, { error: 'The lesson title is too short (at least 5 characters).' })
        .max(80, { error: 'Keep the lesson title under 80 characters so it fits the sidebar.' }),
      description: z
        .string({ error: 'A lesson needs a one-line description (shown on the home page and in search results).' })
        .trim()
        .min(20, { error: 'The description should be one full sentence (at least 20 characters).' })
        .max(200, { error: 'Keep the description to one line (at most 200 characters).' }),
      order: z
        .number({ error: 'A lesson needs an `order`: its position in the course (1, 2, 3, ...).' })
        .int({ error: '`order` must be a whole number.' })
        .positive({ error: '`order` starts at 1.' }),
      objectives: z
        .array(objectiveSchema, { error: '`objectives` is a list of { id, text } ("You will learn").' })
        .min(3, { error: 'List 3 to 5 objectives under `objectives` ("You will learn").' })
        .max(5, { error: 'List at most 5 objectives; a lesson that teaches more should be split.' }),
      docs: z
        .array(docLinkSchema, { error: '`docs` is a list of { title, url } AWS documentation links.' })
        .min(1, { error: 'Cite at least one AWS documentation page under `docs`.' }),
      quiz: reference('quizzes').optional(),
      challenges: z.array(reference('challenges')).default([]),
      minutes: z
        .number({ error: '`minutes` must be a number of minutes.' })
        .int({ error: '`minutes` must be a whole number.' })
        .min(1, { error: '`minutes` is at least 1.' })
        .max(90, { error: '`minutes` above 90 suggests the lesson should be split.' })
        .optional()
        .describe('Overrides the reading time computed from the text.'),
    })
    .superRefine((lesson, ctx) => {
      checkUnique(
        lesson.objectives.map((o) => o.id),
        'Objective id',
        ctx,
        ['objectives'],
      );
    });

export type LessonData = z.infer<ReturnType<typeof lessonSchema>>;
