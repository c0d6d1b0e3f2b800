import { z } from 'astro/zod';
import { kebabId } from './common';

/**
 * A goal is a named predicate over the simulated account plus its parameters, e.g.
 * `{ predicate: volume-state, params: { name: web-data, state: available } }`. Resources are named
 * by their Name tag, never by id. The predicate catalogue lives with the simulator; this schema
 * only checks the shape so that content files fail early with a readable message.
 */
export const goalSchema = z.object(
  {
    predicate: kebabId('Goal `predicate`'),
    params: z
      .record(
        z.string(),
        z.union([z.string(), z.number(), z.boolean()], {
          error: 'Each goal parameter value must be plain text, a number or true/false (not a list or a map).',
        }),
        {
          error: 'Goal `params` is a map of names to plain values (text, numbers, true/false).',
        },
      )
      .default({}),
  },
  { error: 'Each goal is an object { predicate, params }.' },
);

export type GoalData = z.infer<typeof goalSchema>;
