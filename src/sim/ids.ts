// Deterministic AWS-like ids: prefix + 17 lower-case hex digits from a seeded xorshift32 generator
// whose state lives in the World, so the same calls from the same seed always give the same ids.

export type IdPrefix = 'i' | 'vol' | 'snap' | 'ami' | 'r';

export function seedState(seed: number): number {
  // xorshift32 must never be 0; mix the seed so small seeds still spread.
  const mixed = (Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0) || 0x6d2b79f5;
  return mixed;
}

export function nextRandom(state: number): number {
  let x = state >>> 0;
  x ^= x << 13;
  x >>>= 0;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

/** Returns the new id and the generator state after it. */
export function generateId(prefix: IdPrefix, state: number): { id: string; state: number } {
  let s = state;
  let hex = '';
  while (hex.length < 17) {
    s = nextRandom(s);
    hex += s.toString(16).padStart(8, '0');
  }
  return { id: `${prefix}-${hex.slice(0, 17)}`, state: s };
}

const ID_PATTERN: Record<IdPrefix, RegExp> = {
  i: /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  vol: /^vol-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  snap: /^snap-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  ami: /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
  r: /^r-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
};

/** AWS accepts the old 8-hex and the current 17-hex forms (reference §1.1). */
export function isWellFormedId(prefix: IdPrefix, value: string): boolean {
  return ID_PATTERN[prefix].test(value);
}

/** Where instance, volume, snapshot and image ids stand in a text (a relation, a diagram label), in order. */
export function resourceIdsIn(text: string): Array<{ id: string; index: number }> {
  return [...text.matchAll(/\b(?:i|vol|snap|ami)-(?:[0-9a-f]{17}|[0-9a-f]{8})\b/g)].map((m) => ({ id: m[0], index: m.index }));
}

export function prefixOf(id: string): IdPrefix | null {
  for (const prefix of Object.keys(ID_PATTERN) as IdPrefix[]) {
    if (isWellFormedId(prefix, id)) return prefix;
  }
  return null;
}

/** The longest hyphenated name kept on one line: longer ones may still wrap at their hyphens on a phone. */
const LONGEST_WHOLE_NAME = 24;

/**
 * Text cut into plain pieces and AWS ids (and Region and AZ codes, which have hyphens too), so a
 * view can keep each on one line (a browser would otherwise break "vol-" / "0d3a…" or "us-east-" /
 * "1a") while the text still wraps between words. With `names`, hyphenated names such as
 * web-data-backup-2 and options such as --volume-id are kept whole too (in prose; a table's narrow cell
 * wants them to wrap).
 */
export function splitIds(text: string, { names = false }: { names?: boolean } = {}): Array<{ text: string; isId: boolean }> {
  const marked = [
    ...resourceIdsIn(text),
    ...[...text.matchAll(/\b[a-z]{2}(?:-gov)?-[a-z]+-\d[a-z]?\b/g)].map((m) => ({ id: m[0], index: m.index })),
  ];
  const overlapsMarked = (index: number, length: number) => marked.some((w) => index < w.index + w.id.length && w.index < index + length);
  const hyphenated = names
    ? [...text.matchAll(/(?:--[a-z0-9]+(?:-[a-z0-9]+)*|\b[a-z0-9]+(?:-[a-z0-9]+)+)\b/g)]
        .map((m) => ({ id: m[0], index: m.index }))
        .filter((m) => m.id.length <= LONGEST_WHOLE_NAME && !overlapsMarked(m.index, m.id.length))
    : [];
  const whole = [...marked, ...hyphenated].sort((a, b) => a.index - b.index);
  const parts: Array<{ text: string; isId: boolean }> = [];
  let last = 0;
  for (const { id, index } of whole) {
    if (index > last) parts.push({ text: text.slice(last, index), isId: false });
    parts.push({ text: id, isId: true });
    last = index + id.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), isId: false });
  return parts;
}
