/**
 * Build-time preparation of questions for the quiz widgets (used from .astro pages, never in the
 * browser): each lab task gets its scenario's setup calls, and the lesson reference carries the
 * section headings that answers link to. Lesson quizzes, the exam and the review page share it:
 *
 *   const questions = await prepareQuestions(quiz.data.questions, (id) => getEntry('scenarios', id));
 */
import type { QuestionData as ContentQuestion } from '../../schemas/quiz';
import { sectionHeadings } from '../../schemas/lesson-body';
import { scenarioSetup } from '../lab/scenario.ts';
import type { LessonRef, QuestionData } from './types.ts';

/** Reads a scenario entry by id (the page passes getEntry('scenarios', id) from astro:content, typed as possibly undefined). */
export type ScenarioLookup = (id: string) => Promise<{ data: { title: string; script: string } } | undefined> | undefined;

interface LessonEntry {
  id: string;
  body?: string;
  data: { title: string };
}

export function lessonRef(lesson: LessonEntry): LessonRef {
  const sections = Object.fromEntries(
    sectionHeadings(lesson.body ?? '')
      .headings.filter((h) => h.depth === 2)
      .map((h) => [h.id, h.text]),
  );
  return { slug: lesson.id, title: lesson.data.title, sections };
}

export async function prepareQuestion(question: ContentQuestion, scenarios: ScenarioLookup): Promise<QuestionData> {
  if (question.kind !== 'lab-task') return question;
  const scenario = await scenarios(question.scenario.id);
  if (scenario === undefined) {
    throw new Error(`Lab task "${question.id}" names scenario "${question.scenario.id}", but content/scenarios/${question.scenario.id}.yaml does not exist.`);
  }
  const setup = scenarioSetup(scenario.data.script);
  return {
    ...question,
    lab: setup.ok
      ? { title: scenario.data.title, calls: setup.calls }
      : { title: scenario.data.title, calls: [], problem: `The scenario "${scenario.data.title}" could not be set up. ${setup.error}` },
  };
}

export const prepareQuestions = (questions: readonly ContentQuestion[], scenarios: ScenarioLookup): Promise<QuestionData[]> =>
  Promise.all(questions.map((question) => prepareQuestion(question, scenarios)));
