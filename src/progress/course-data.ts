/**
 * What the progress views need to know about the course, read from the content collections at
 * build time (imports astro:content: only .astro pages import this, never browser code).
 */
import { getCollection, getEntry } from 'astro:content';
import { getLessons, type Lesson } from '~/components/site/course';
import { answerKey } from '~/progress/schema';
import type { QuestionData as ContentQuestion } from '~/schemas/quiz';
import { DIFFICULTY_LABELS } from '~/widgets/challenge/track';
import { lessonRef, prepareQuestions } from '~/widgets/quiz/prepare';
import type { LessonRef, QuestionData } from '~/widgets/quiz/types';

export interface BankQuestion {
  /** Where the question is asked: a lesson's quiz or the final exam. */
  bank: 'quiz' | 'exam';
  lesson: LessonRef;
  question: QuestionData;
}

/** The lesson's quiz questions, in quiz order. */
export async function quizQuestions(lesson: Lesson): Promise<ContentQuestion[]> {
  if (!lesson.data.quiz) return [];
  const quiz = await getEntry('quizzes', lesson.data.quiz.id);
  return quiz?.data.questions ?? [];
}

/** The lesson's exam questions (content/exam/<lesson>.yaml), in file order. */
export async function examQuestions(lesson: Lesson): Promise<ContentQuestion[]> {
  const files = await getCollection('exam', (entry) => entry.data.lesson.id === lesson.id);
  return files.flatMap((file) => file.data.questions);
}

/**
 * Every question a learner can answer, keyed as the store keys answers (`<lesson>/<question>`),
 * prepared for QuestionView (lab tasks carry their scenario's setup). The store tells a lesson's
 * questions apart by id alone, so a quiz and an exam question of one lesson sharing an id would
 * share their answers: that fails the build.
 */
export async function questionBank(lessons?: Lesson[]): Promise<Map<string, BankQuestion>> {
  const bank = new Map<string, BankQuestion>();
  for (const lesson of lessons ?? (await getLessons())) {
    const ref = lessonRef(lesson);
    const sources = [
      ['quiz', await quizQuestions(lesson)],
      ['exam', await examQuestions(lesson)],
    ] as const;
    for (const [where, questions] of sources) {
      for (const question of await prepareQuestions(questions, async (id) => getEntry('scenarios', id))) {
        const key = answerKey(lesson.id, question.id);
        const other = bank.get(key);
        if (other) {
          throw new Error(
            `Lesson "${lesson.id}": question id "${question.id}" is used by its ${other.bank} and its ${where}; progress is kept per id, so give each question its own id.`,
          );
        }
        bank.set(key, { bank: where, lesson: ref, question });
      }
    }
  }
  return bank;
}

export interface ChallengeSummary {
  id: string;
  title: string;
  /** The difficulty as the challenge track names it ("Beginner"). */
  difficulty: string;
  brief: string;
  href: string;
}

export const challengeHref = (id: string) => `/challenges/${id}/`;

/** Every challenge, in track order. */
export async function challengeList(): Promise<ChallengeSummary[]> {
  const entries = (await getCollection('challenges')).sort((a, b) => a.data.order - b.data.order);
  return entries.map((entry) => ({
    id: entry.id,
    title: entry.data.title,
    difficulty: DIFFICULTY_LABELS[entry.data.difficulty],
    brief: entry.data.brief,
    href: challengeHref(entry.id),
  }));
}
