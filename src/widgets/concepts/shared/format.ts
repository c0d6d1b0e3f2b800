/** Small wording helpers shared by the block explorer and the timeline. */

/** "09:30:20" (UTC, the simulation's clock). */
export function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/** "$0.80", "$0.0125": two decimals, more only when the amount needs them (costSummary rounds to 4). */
export function usd(amount: number): string {
  const fixed = amount.toFixed(4).replace(/0{1,2}$/, '');
  return `$${fixed}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Joins words as a sentence list: "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/** Block indexes (from 0, as the simulation numbers them) with runs folded: [0, 1, 2, 3, 6] -> "blocks 0-3 and 6". */
export function blockList(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  if (sorted.length === 0) return 'no blocks';
  const runs: string[] = [];
  let start = sorted[0] as number;
  let prev = start;
  for (const n of [...sorted.slice(1), Number.NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    runs.push(start === prev ? `${start}` : `${start}-${prev}`);
    start = n;
    prev = n;
  }
  return `${sorted.length === 1 ? 'block' : 'blocks'} ${listWords(runs)}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The value of a resource's Name tag, if any. */
export function nameTag(tags: ReadonlyArray<{ Key: string; Value: string }>): string | undefined {
  return tags.find((t) => t.Key === 'Name')?.Value;
}
