/**
 * Spaced review: each card's schedule is its rating history replayed through ts-fsrs (FSRS-6).
 * Only the review page loads this module (ts-fsrs is about 13 KB gzipped), so text pages that
 * only mark lessons read never ship it.
 */
import { createEmptyCard, fsrs, State, type Card } from 'ts-fsrs';
import type { ReviewCard, ReviewRating } from './schema';

/**
 * No fuzz, so a replay always gives the same dates (and tests can state them). No short-term
 * steps: learners come back to a course site after days, not after the minute Anki-style
 * learning steps would wait, so a missed question is due the next day and its interval grows
 * from there.
 */
export const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

export const RATING_NAMES: Record<ReviewRating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** The FSRS card after replaying a history: its first entry is when the item was first missed. */
export function replay(log: ReviewCard['log']): Card {
  let card = createEmptyCard(new Date(log[0]?.at ?? 0));
  for (const { at, rating } of log) card = scheduler.next(card, new Date(at), rating).card;
  return card;
}

export interface ReviewItem {
  key: string;
  card: ReviewCard;
  /** When the item is next due, in ms since the epoch. */
  due: number;
  /** Answers after the first miss. */
  reviews: number;
  /** Misses after the first one. */
  lapses: number;
  /** Whether FSRS still treats the item as freshly (re)learned rather than remembered. */
  learning: boolean;
}

export function reviewItem(key: string, card: ReviewCard): ReviewItem {
  const fsrsCard = replay(card.log);
  return {
    key,
    card,
    due: fsrsCard.due.getTime(),
    reviews: card.log.length - 1,
    lapses: card.log.slice(1).filter((entry) => entry.rating === 1).length,
    learning: fsrsCard.state !== State.Review,
  };
}

/** Every card, split into due now and later, each in due order (then by key, for a stable order). */
export function reviewQueue(review: Record<string, ReviewCard>, now: number): { due: ReviewItem[]; later: ReviewItem[] } {
  const items = Object.entries(review)
    .map(([key, card]) => reviewItem(key, card))
    .sort((a, b) => a.due - b.due || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { due: items.filter((item) => item.due <= now), later: items.filter((item) => item.due > now) };
}

const DAY = 24 * 60 * 60 * 1000;

/** "now", "in 3 hours", "tomorrow", "in 5 days", "in 4 weeks", "in 3 months": how long until a due time. */
export function dueIn(due: number, now: number): string {
  const ms = due - now;
  if (ms <= 0) return 'now';
  const hours = Math.round(ms / (60 * 60 * 1000));
  if (hours < 20) return hours <= 1 ? 'in about an hour' : `in ${hours} hours`;
  const days = Math.round(ms / DAY);
  if (days <= 1) return 'tomorrow';
  if (days < 21) return `in ${days} days`;
  if (days < 90) return `in ${Math.round(days / 7)} weeks`;
  if (days < 730) return `in ${Math.round(days / 30)} months`;
  return `in ${Math.round(days / 365)} years`;
}
