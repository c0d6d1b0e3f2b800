import { z } from 'astro/zod';
import { cliScriptSchema } from './common';
import { goalSchema } from './goal';
import type { ReferenceFactory } from './lesson';

/** A goal-checked lab level (content/challenges/<id>.yaml). */
export const challengeSchema = (reference: ReferenceFactory) =>
  z.object({
    title: z
      .string({ error: 'A challenge needs a `title`.' })
      .trim()
      .min(5, { error: 'The challenge title is too short (at least 5 characters).' })
      .max(80, { error: 'Keep the challenge title under 80 characters.' }),
    difficulty: z.enum(['beginner', 'intermediate', 'advanced'], {
      error: '`difficulty` must be one of: beginner, intermediate, advanced.',
    }),
    order: z
      .number({ error: '`order` is required: the challenge\'s place in the track (1 = the first one).' })
      .int({ error: '`order` must be a whole number (1 = the first challenge of the track).' })
      .positive({ error: '`order` must be 1 or more (1 = the first challenge of the track).' })
      .describe('Place in the challenge track, from the first beginner task to the last advanced one.'),
    scenario: reference('scenarios').describe('Id of the scenario the lab starts from.'),
    brief: z
      .string({ error: 'A challenge needs a `brief`: the task as the learner reads it.' })
      .trim()
      .min(20, { error: 'The brief should state the task in at least one sentence.' }),
    goals: z
      .array(goalSchema, { error: '`goals` is a list of { id, params }.' })
      .min(1, { error: 'A challenge needs at least one goal, otherwise it cannot be checked.' }),
    hints: z
      .array(z.string().trim().min(10, { error: 'A hint should be a full sentence (at least 10 characters).' }), {
        error: '`hints` is a list of sentences, from gentle to explicit.',
      })
      .min(1, { error: 'Give at least one hint.' }),
    solution: cliScriptSchema('`solution`').refine((s) => s.trim() !== '', {
      error: '`solution` must contain the reference AWS CLI commands that reach the goals.',
    }),
  });

export type ChallengeData = z.infer<ReturnType<typeof challengeSchema>>;
