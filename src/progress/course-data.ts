/**
 * What the progress views need to know about the course, read from the content collections at
 * build time (imports astro:content: only .astro pages import this, never browser code).
 */
import { getCollection, getEntry } from 'astro:content';
import { getLessons, type Lesson } from '~/components/site/course';
import type { QuestionData } from '~/schemas/quiz';

export interface BankQuestion {
  /** 'quiz' or 'exam': where the question is asked. */
  bank: 'quiz' | 'exam';
  lesson: { slug: string; title: string };
  question: QuestionData;
}

/** The lesson's quiz questions, in quiz order. */
export async function quizQuestions(lesson: Lesson): Promise<QuestionData[]> {
  if (!lesson.data.quiz) return [];
  const quiz = await getEntry('quizzes', lesson.data.quiz.id);
  return quiz?.data.questions ?? [];
}

/**
 * Every question a learner can answer, keyed as the store keys answers (`<lesson>/<question>`).
 * Exam questions join here once an `exam` collection exists in src/content.config.ts.
 */
export async function questionBank(lessons?: Lesson[]): Promise<Map<string, BankQuestion>> {
  const bank = new Map<string, BankQuestion>();
  for (const lesson of lessons ?? (await getLessons())) {
    for (const question of await quizQuestions(lesson)) {
      bank.set(`${lesson.id}/${question.id}`, { bank: 'quiz', lesson: { slug: lesson.id, title: lesson.data.title }, question });
    }
  }
  return bank;
}

export interface ChallengeSummary {
  id: string;
  title: string;
  difficulty: string;
  brief: string;
  href: string;
}

export const challengeHref = (id: string) => `/challenges/${id}/`;

const DIFFICULTY_ORDER = ['beginner', 'intermediate', 'advanced'];

/** Every challenge, easiest first, then by title. */
export async function challengeList(): Promise<ChallengeSummary[]> {
  const entries = await getCollection('challenges');
  return entries
    .map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      difficulty: entry.data.difficulty,
      brief: entry.data.brief,
      href: challengeHref(entry.id),
    }))
    .sort(
      (a, b) =>
        DIFFICULTY_ORDER.indexOf(a.difficulty) - DIFFICULTY_ORDER.indexOf(b.difficulty) || a.title.localeCompare(b.title),
    );
}
