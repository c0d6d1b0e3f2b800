/**
 * The question data the quiz widgets render: a question as the content schema parses it, plus,
 * for a lab task, the lab it opens (the scenario's setup calls, prepared at build time so the
 * island receives plain data). Serialisable, so it travels as island props.
 */
import type { QuestionData as ContentQuestion } from '../../schemas/quiz';
import type { SimCall } from '../../sim/index.ts';

export interface LabSetup {
  /** The scenario's title, shown as the lab's heading. */
  title: string;
  calls: SimCall[];
  /** Why the scenario could not be set up; the lab then starts from an empty account. */
  problem?: string;
}

type LabTaskContent = Extract<ContentQuestion, { kind: 'lab-task' }>;

export type QuestionData =
  | Exclude<ContentQuestion, { kind: 'lab-task' }>
  | (LabTaskContent & {
      /** Absent when the page did not prepare the lab: the question then links to its lesson instead. */
      lab?: LabSetup;
    });

export type QuestionKind = QuestionData['kind'];
export type Verdict = 'true' | 'false' | 'partly';

export interface LessonRef {
  slug: string;
  title: string;
  /** The lesson's section headings by id (h2 id -> text), so answers can name the section they link to. */
  sections?: Record<string, string>;
}

/** What the learner has answered so far, per kind of question. */
export type Response =
  | { kind: 'single'; optionId: string | null }
  | { kind: 'multiple'; optionIds: string[] }
  | { kind: 'true-false-partly'; answer: Verdict | null }
  | { kind: 'order'; itemIds: string[] }
  | { kind: 'lab-task'; allMet: boolean };
