import { z } from 'astro/zod';
import { cliScriptSchema } from './common';

/**
 * A start state for the lab (content/scenarios/<id>.yaml), written as AWS CLI commands that are
 * replayed on a fresh simulated account, so it is valid by construction.
 */
export const scenarioSchema = z.object({
  title: z
    .string({ error: 'A scenario needs a `title`.' })
    .trim()
    .min(3, { error: 'The scenario title is too short.' })
    .max(80, { error: 'Keep the scenario title under 80 characters.' }),
  description: z
    .string({ error: 'A scenario needs a `description`: what the learner finds in the account.' })
    .trim()
    .min(20, { error: 'Describe the starting account in at least one sentence (20 characters).' }),
  script: cliScriptSchema('`script`').describe(
    'AWS CLI commands replayed from an empty account; an empty string means the empty account.',
  ),
});

export type ScenarioData = z.infer<typeof scenarioSchema>;
