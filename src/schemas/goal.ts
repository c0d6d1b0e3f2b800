import { z } from 'astro/zod';
import { GOAL_IDS, GOALS, validateGoal, type GoalDefinition } from '../sim/goals.ts';

/**
 * A goal of a challenge or a lab task: one of the simulation's goals (src/sim/goals.ts) and its
 * parameters, e.g. `{ id: volumeInAz, params: { volumeName: web-data, az: us-east-1a } }`.
 * Resources are named by their Name tag (AMIs by their AMI name), never by id. The goal registry
 * is the one the lab checks goals with, so a content file naming a goal that does not exist, or
 * giving it the wrong parameters, fails the build with the registry's own message.
 *
 * The parsed goal also carries `description`, the goal as the learner reads it ("The web-data
 * volume is in us-east-1a"), from the same definition that checks it.
 */
export const goalSchema = z
  .object(
    {
      id: z
        .string({ error: `Each goal needs an \`id\`, one of: ${GOAL_IDS.join(', ')}.` })
        .describe(`A goal of the simulation: ${GOAL_IDS.join(', ')}.`),
      params: z
        .record(z.string(), z.unknown(), {
          error: 'Goal `params` is a map of parameter names to values, e.g. { volumeName: web-data }.',
        })
        .default({})
        .describe("The goal's parameters, by name (see src/sim/goals.ts)."),
    },
    { error: 'Each goal is an object { id, params }.' },
  )
  .transform((goal, ctx) => {
    const checked = validateGoal(goal);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.error, input: goal });
      return z.NEVER;
    }
    const definition = GOALS[checked.goal.id as keyof typeof GOALS] as unknown as GoalDefinition;
    return { ...checked.goal, description: definition.describe(checked.goal.params) };
  });

export type GoalData = z.infer<typeof goalSchema>;
