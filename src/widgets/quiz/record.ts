/**
 * Records answers in the progress store. The store loads on the first answer, not with the page,
 * so a lesson's quiz adds little to the JavaScript its page loads up front.
 */
import type { AnswerInput } from '../../progress/index.ts';

export async function recordAnswers(answers: readonly AnswerInput[]): Promise<void> {
  if (answers.length === 0) return;
  try {
    const { recordAnswer } = await import('../../progress/index.ts');
    for (const answer of answers) recordAnswer(answer);
  } catch {
    // The store's code could not load (offline, or a deploy replaced it): the learner keeps the
    // feedback on screen; only this record is lost.
  }
}
