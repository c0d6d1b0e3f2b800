import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { challengeSchema } from './schemas/challenge';
import { glossarySchema } from './schemas/glossary';
import { lessonSchema } from './schemas/lesson';
import { examQuestionsSchema, quizSchema } from './schemas/quiz';
import { scenarioSchema } from './schemas/scenario';

/**
 * Everything authors edit lives in the top-level content/ folder. Entry ids are file names
 * without extension; a lesson's id is its slug, with the ordering prefix ("01-") and a trailing
 * "/index" removed, so /lessons/<slug>/ does not change when lessons are reordered.
 */
const lessonId = ({ entry }: { entry: string }) =>
  entry
    .replace(/\/index\.mdx$|\.mdx$/, '')
    .split('/')
    .map((part) => part.replace(/^\d+-/, ''))
    .join('/');

const yaml = (folder: string) => glob({ pattern: '*.{yaml,yml}', base: `./content/${folder}` });

export const collections = {
  lessons: defineCollection({
    // Folders or files starting with "_" (the lesson template) are not lessons.
    loader: glob({ pattern: ['*/index.mdx', '*.mdx', '!_*/**', '!_*'], base: './content/lessons', generateId: lessonId }),
    schema: lessonSchema(reference),
  }),
  scenarios: defineCollection({ loader: yaml('scenarios'), schema: scenarioSchema }),
  challenges: defineCollection({ loader: yaml('challenges'), schema: challengeSchema(reference) }),
  quizzes: defineCollection({ loader: yaml('quizzes'), schema: quizSchema(reference) }),
  // Exam-only questions, one file per lesson: the final exam at /exam/ is made of them.
  exam: defineCollection({ loader: yaml('exam'), schema: examQuestionsSchema(reference) }),
  glossary: defineCollection({ loader: yaml('glossary'), schema: glossarySchema }),
};
