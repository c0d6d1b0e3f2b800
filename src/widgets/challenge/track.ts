/** The challenge track's vocabulary, shared by the challenge pages. */
export type Difficulty = 'beginner' | 'intermediate' | 'advanced';

export const DIFFICULTIES: readonly Difficulty[] = ['beginner', 'intermediate', 'advanced'];

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};
