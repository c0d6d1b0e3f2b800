/**
 * The completion summary: saved progress measured against the course as built (lessons, their
 * objectives, every quiz and exam question, every challenge). Questions are mapped to objectives
 * by the content, not by what was saved, so a renamed objective is scored correctly.
 */
import { answerKey, type ProgressData } from './schema';

export interface SummaryLesson {
  slug: string;
  title: string;
  href: string;
  objectives: { id: string; text: string }[];
  questions: { id: string; objectives: string[] }[];
}

export interface SummaryChallenge {
  id: string;
  title: string;
  difficulty: string;
  href: string;
}

export interface Score {
  /** Questions that check it. */
  total: number;
  answered: number;
  /** Answered right at the latest try. */
  correct: number;
}

export interface LessonSummary {
  lesson: SummaryLesson;
  readAt?: number;
  questions: Score;
  objectives: { id: string; text: string; score: Score }[];
}

export type ChallengeStatus =
  | { state: 'solved'; bestCalls: number; referenceCalls: number; solvedAt: number }
  | { state: 'tried'; lastAt: number }
  | { state: 'new' };

export interface CourseSummary {
  lessons: LessonSummary[];
  lessonsRead: number;
  questions: Score;
  challenges: { challenge: SummaryChallenge; status: ChallengeStatus }[];
  challengesSolved: number;
}

function score(progress: ProgressData, lesson: string, questionIds: readonly string[]): Score {
  const answers = questionIds.map((id) => progress.answers[answerKey(lesson, id)]).filter((a) => a !== undefined);
  return { total: questionIds.length, answered: answers.length, correct: answers.filter((a) => a.last.correct).length };
}

export function summarize(progress: ProgressData, lessons: readonly SummaryLesson[], challenges: readonly SummaryChallenge[]): CourseSummary {
  const lessonSummaries = lessons.map((lesson): LessonSummary => {
    const readAt = progress.lessons[lesson.slug]?.readAt;
    const summary: LessonSummary = {
      lesson,
      questions: score(progress, lesson.slug, lesson.questions.map((q) => q.id)),
      objectives: lesson.objectives.map(({ id, text }) => ({
        id,
        text,
        score: score(progress, lesson.slug, lesson.questions.filter((q) => q.objectives.includes(id)).map((q) => q.id)),
      })),
    };
    if (readAt !== undefined) summary.readAt = readAt;
    return summary;
  });
  const challengeSummaries = challenges.map((challenge) => {
    const record = progress.challenges[challenge.id];
    const status: ChallengeStatus =
      record === undefined
        ? { state: 'new' }
        : record.solved && record.bestCalls !== undefined && record.solvedAt !== undefined
          ? { state: 'solved', bestCalls: record.bestCalls, referenceCalls: record.referenceCalls, solvedAt: record.solvedAt }
          : { state: 'tried', lastAt: record.lastAt };
    return { challenge, status };
  });
  const sum = (key: keyof Score) => lessonSummaries.reduce((total, l) => total + l.questions[key], 0);
  return {
    lessons: lessonSummaries,
    lessonsRead: lessonSummaries.filter((l) => l.readAt !== undefined).length,
    questions: { total: sum('total'), answered: sum('answered'), correct: sum('correct') },
    challenges: challengeSummaries,
    challengesSolved: challengeSummaries.filter((c) => c.status.state === 'solved').length,
  };
}
