import { z } from 'astro/zod';
import { checkUnique, cliScriptSchema, kebabId } from './common';
import { goalSchema } from './goal';
import type { ReferenceFactory } from './lesson';

/**
 * A lesson's quiz (content/quizzes/<lesson-slug>.yaml) and the exam-only questions of a lesson
 * (content/exam/<lesson-slug>.yaml). Every question names the lesson objectives it checks, so
 * results can be scored per objective, and may name the lesson section that teaches it and a
 * scenario that shows it in the lab.
 */

const QUESTION_KINDS = ['single', 'multiple', 'true-false-partly', 'order', 'lab-task'] as const;

const explanation = (what: string) =>
  z
    .string({ error: `${what} needs an \`explanation\`: why it is right or wrong, in a sentence or two.` })
    .trim()
    .min(15, { error: `${what}: the explanation should be a full sentence (at least 15 characters).` });

const questionBase = (reference: ReferenceFactory) => ({
  id: kebabId('Question id'),
  prompt: z
    .string({ error: 'Each question needs a `prompt`.' })
    .trim()
    .min(10, { error: 'The prompt is too short to be a question (at least 10 characters).' }),
  objectives: z
    .array(kebabId('Objective id'), { error: '`objectives` lists the ids of the lesson objectives this question checks.' })
    .min(1, { error: 'Name at least one lesson objective id under `objectives`, so results can be scored per objective.' }),
  section: kebabId('`section`')
    .optional()
    .describe('The id of the <h2> in the lesson that teaches this; the answer links to it.'),
  showMe: reference('scenarios')
    .optional()
    .describe('A scenario (content/scenarios/<id>.yaml) that shows the answer; the answer links to /lab/?scenario=<id>.'),
});

const optionSchema = z.object(
  {
    id: kebabId('Option id'),
    text: z.string({ error: 'Each option needs a `text`.' }).trim().min(1, { error: 'An option text cannot be empty.' }),
    correct: z.boolean({ error: '`correct` is true or false.' }).default(false),
    explanation: explanation('Each option'),
  },
  { error: 'Each option is an object { id, text, correct?, explanation }.' },
);

const options = z
  .array(optionSchema, { error: '`options` is a list of { id, text, correct?, explanation }.' })
  .min(2, { error: 'A choice question needs at least 2 options.' })
  .max(6, { error: 'Offer at most 6 options.' });

const singleQuestion = (reference: ReferenceFactory) => z.object({ kind: z.literal('single'), ...questionBase(reference), options });
const multipleQuestion = (reference: ReferenceFactory) => z.object({ kind: z.literal('multiple'), ...questionBase(reference), options });
const VERDICT_LABELS = { true: 'True', false: 'False', partly: 'Partly true' } as const;

/** Why one verdict is right or wrong for the claim; shown under that verdict once the learner has answered. */
const verdictExplanation = (verdict: keyof typeof VERDICT_LABELS) =>
  z
    .string({
      error: `A true/false/partly question needs \`explanations.${verdict}\`: why the verdict "${VERDICT_LABELS[verdict]}" is right or wrong for this claim, in a sentence or two.`,
    })
    .trim()
    .min(15, { error: `\`explanations.${verdict}\` should be a full sentence (at least 15 characters).` });

const trueFalsePartlyQuestion = (reference: ReferenceFactory) => z.object({
  kind: z.literal('true-false-partly'),
  ...questionBase(reference),
  answer: z.enum(['true', 'false', 'partly'], { error: '`answer` must be one of: true, false, partly.' }),
  explanations: z
    .object(
      { true: verdictExplanation('true'), false: verdictExplanation('false'), partly: verdictExplanation('partly') },
      {
        error:
          'A true/false/partly question needs `explanations`, one per verdict: { true, false, partly }, each saying why that verdict is right or wrong for this claim.',
      },
    )
    .describe('Why each verdict is right or wrong for this claim, keyed true, false, partly; each is shown under its verdict after answering.'),
});
const orderQuestion = (reference: ReferenceFactory) => z.object({
  kind: z.literal('order'),
  ...questionBase(reference),
  items: z
    .array(
      z.object({
        id: kebabId('Item id'),
        text: z.string().trim().min(1, { error: 'An item text cannot be empty.' }),
      }),
      { error: '`items` is a list of { id, text } written in the correct order.' },
    )
    .min(3, { error: 'An order question needs at least 3 items.' }),
  explanation: explanation('An order question'),
});
const labTaskQuestion = (reference: ReferenceFactory) =>
  z.object({
    kind: z.literal('lab-task'),
    ...questionBase(reference),
    scenario: reference('scenarios'),
    goals: z.array(goalSchema).min(1, { error: 'A lab task needs at least one goal to check.' }),
    // The content test replays it from the scenario to prove the goals are reachable; teachers read it.
    solution: cliScriptSchema('`solution`').refine((s) => s.trim() !== '', {
      error: 'A lab task needs a `solution`: the AWS CLI commands that reach its goals from the scenario.',
    }),
    explanation: explanation('A lab task'),
  });

export const questionSchema = (reference: ReferenceFactory) =>
  z
    .discriminatedUnion(
      'kind',
      [
        singleQuestion(reference),
        multipleQuestion(reference),
        trueFalsePartlyQuestion(reference),
        orderQuestion(reference),
        labTaskQuestion(reference),
      ],
      { error: `Each question needs a \`kind\`, one of: ${QUESTION_KINDS.join(', ')}.` },
    )
    .superRefine((question, ctx) => {
      if (question.kind === 'single' || question.kind === 'multiple') {
        checkUnique(
          question.options.map((o) => o.id),
          `Question "${question.id}": option id`,
          ctx,
          ['options'],
        );
        const correct = question.options.filter((o) => o.correct).length;
        if (question.kind === 'single' && correct !== 1) {
          ctx.addIssue({
            code: 'custom',
            path: ['options'],
            message: `Question "${question.id}" is "single" and must have exactly one option with correct: true (found ${correct}). Use kind "multiple" for several.`,
          });
        }
        if (question.kind === 'multiple' && (correct < 2 || correct === question.options.length)) {
          ctx.addIssue({
            code: 'custom',
            path: ['options'],
            message: `Question "${question.id}" is "multiple" ("Select TWO.") and needs at least two options with correct: true and at least one without (found ${correct} of ${question.options.length}). Use kind "single" for one.`,
          });
        }
      }
      if (question.kind === 'order') {
        checkUnique(
          question.items.map((i) => i.id),
          `Question "${question.id}": item id`,
          ctx,
          ['items'],
        );
      }
    });

const questionList = (reference: ReferenceFactory) => z.array(questionSchema(reference), { error: '`questions` is a list of questions.' });

const uniqueQuestionIds = (bank: { questions: { id: string }[] }, ctx: z.RefinementCtx) =>
  checkUnique(
    bank.questions.map((q) => q.id),
    'Question id',
    ctx,
    ['questions'],
  );

export const quizSchema = (reference: ReferenceFactory) =>
  z
    .object({
      lesson: reference('lessons').describe('Slug of the lesson this quiz belongs to.'),
      questions: questionList(reference)
        .min(5, { error: 'A lesson quiz has 5 to 8 questions (found fewer than 5).' })
        .max(8, { error: 'A lesson quiz has 5 to 8 questions (found more than 8); move extras to the final exam.' }),
    })
    .superRefine(uniqueQuestionIds);

/** Exam-only questions about one lesson (content/exam/<lesson-slug>.yaml); the exam also never shows them in the lesson. */
export const examQuestionsSchema = (reference: ReferenceFactory) =>
  z
    .object({
      lesson: reference('lessons').describe('Slug of the lesson whose objectives these questions check.'),
      questions: questionList(reference).min(1, { error: 'An exam file needs at least one question.' }),
    })
    .superRefine(uniqueQuestionIds);

export type QuizData = z.infer<ReturnType<typeof quizSchema>>;
export type ExamQuestionsData = z.infer<ReturnType<typeof examQuestionsSchema>>;
export type QuestionData = QuizData['questions'][number];
