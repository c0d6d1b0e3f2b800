/**
 * Grading, without React: the starting response of each question, whether a response can be
 * checked yet (and what is missing), and whether it is right. The widgets and the tests share it.
 */
import type { QuestionData, Response, Verdict } from './types.ts';

const NUMBER_WORDS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX'] as const;

export const VERDICTS: Record<Verdict, string> = { true: 'True', false: 'False', partly: 'Partly true' };

/** How many options a multiple-choice question wants, as exam questions say it ("Select TWO."). */
export function selectHowMany(question: Extract<QuestionData, { kind: 'multiple' }>): string {
  const n = question.options.filter((o) => o.correct).length;
  return `Select ${NUMBER_WORDS[n] ?? String(n)}.`;
}

/** A small string hash, so a question's starting order is the same on the server and in the browser. */
function seed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The order question's items in a stable scrambled order that is never the answer itself
 * (a Fisher-Yates shuffle driven by the question id, rotated by one if it came out right).
 */
export function scrambledOrder(questionId: string, itemIds: readonly string[]): string[] {
  const ids = [...itemIds];
  let state = seed(questionId) || 1;
  for (let i = ids.length - 1; i > 0; i--) {
    state = Math.imul(state ^ (state >>> 15), 2246822507) >>> 0;
    const j = state % (i + 1);
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  if (ids.length > 1 && ids.every((id, i) => id === itemIds[i])) ids.push(ids.shift() as string);
  return ids;
}

export function emptyResponse(question: QuestionData): Response {
  switch (question.kind) {
    case 'single':
      return { kind: 'single', optionId: null };
    case 'multiple':
      return { kind: 'multiple', optionIds: [] };
    case 'true-false-partly':
      return { kind: 'true-false-partly', answer: null };
    case 'order':
      return { kind: 'order', itemIds: scrambledOrder(question.id, question.items.map((i) => i.id)) };
    case 'lab-task':
      return { kind: 'lab-task', allMet: false };
  }
}

/** Whether the learner has given an answer at all (an order question always has one). */
export function hasAnswer(response: Response): boolean {
  switch (response.kind) {
    case 'single':
      return response.optionId !== null;
    case 'multiple':
      return response.optionIds.length > 0;
    case 'true-false-partly':
      return response.answer !== null;
    case 'order':
      return true;
    case 'lab-task':
      return response.allMet;
  }
}

/** Why the response cannot be checked yet, or null when it can. */
export function notReady(question: QuestionData, response: Response): string | null {
  if (response.kind === 'single' || response.kind === 'true-false-partly') {
    return hasAnswer(response) ? null : 'Choose an answer first.';
  }
  if (response.kind === 'multiple' && question.kind === 'multiple') {
    const wanted = question.options.filter((o) => o.correct).length;
    const chosen = response.optionIds.length;
    if (chosen === wanted) return null;
    return `${selectHowMany(question)} You selected ${chosen === 0 ? 'none' : chosen}.`;
  }
  return null;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function isCorrect(question: QuestionData, response: Response): boolean {
  switch (question.kind) {
    case 'single':
      return response.kind === 'single' && question.options.some((o) => o.correct && o.id === response.optionId);
    case 'multiple':
      return (
        response.kind === 'multiple' &&
        sameSet(
          response.optionIds,
          question.options.filter((o) => o.correct).map((o) => o.id),
        )
      );
    case 'true-false-partly':
      return response.kind === 'true-false-partly' && response.answer === question.answer;
    case 'order':
      return response.kind === 'order' && response.itemIds.every((id, i) => question.items[i]?.id === id);
    case 'lab-task':
      return response.kind === 'lab-task' && response.allMet;
  }
}

/** Moves one item of an order response by one place; a move past either end changes nothing. */
export function moveItem(itemIds: readonly string[], id: string, by: -1 | 1): string[] {
  const from = itemIds.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= itemIds.length) return [...itemIds];
  const next = [...itemIds];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}
