/**
 * Fitting a line of SVG text into a box without measuring it in a browser (the diagram is rendered
 * on the server too, and must come out the same everywhere). Widths are estimated per character in
 * em, on the generous side (DejaVu Sans, wider than the system-ui fonts), so an estimated fit is a
 * real fit in the fonts the site's stack picks.
 */
import { resourceIdsIn } from '../sim/ids.ts';

/** Advances in em, rounded up from DejaVu Sans (the widest font the site's stack falls back to). */
const GROUPS: ReadonlyArray<[string, number]> = [
  ["ijlI'|!", 0.28],
  ['.,:;· ', 0.34],
  ['f-', 0.37],
  ['tr()[]/', 0.42],
  ['cszkvxy_', 0.6],
  ['w', 0.82],
  ['mMW@%…', 1.0],
];
const EM = new Map(GROUPS.flatMap(([chars, em]) => [...chars].map((ch) => [ch, em] as const)));

/** Estimated advance of one character, in em. */
function charEm(ch: string): number {
  const em = EM.get(ch);
  if (em !== undefined) return em;
  if (ch >= 'A' && ch <= 'Z') return 0.78;
  return 0.64;
}

/** Estimated width in px of `text` at `fontPx` (bold text is about a tenth wider). */
export function textWidth(text: string, fontPx: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontPx * (bold ? 1.1 : 1);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The longest start of `text` that, followed by an ellipsis, fits in `maxPx`, cut between words
 * (letters and digits are never split): what is shown is then whole words of the accessible name,
 * as speech-input users and axe's label-content-name-mismatch expect. '' if no word fits.
 */
function cutEnd(text: string, fontPx: number, bold: boolean, maxPx: number): string {
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const splitsWord = WORD_CHAR.test(chars[n - 1] as string) && WORD_CHAR.test(chars[n] as string);
    if (splitsWord) continue;
    const head = chars.slice(0, n).join('').trimEnd();
    if (head !== '' && textWidth(`${head}…`, fontPx, bold) <= maxPx) return head;
  }
  return '';
}

export interface FittedLine {
  /** What to draw: the text, or a start of it that ends in an ellipsis, or its id and what follows. */
  shown: string;
  /** Where `shown` ends in an ellipsis, the text it stands for (to keep in the DOM, undrawn). */
  hidden: string;
  /** Words dropped before an id (kept in the DOM ahead of `shown`, undrawn), else absent. */
  before?: string;
}

/**
 * `text` if it fits in `maxPx`, else shortened, between words, with an ellipsis. An AWS id in the
 * text is kept whole: the words before it are dropped (they are the less telling part: "t3.micro ·"
 * of "t3.micro · ami-…"), or the words after it shortened.
 */
export function fitLine(text: string, fontPx: number, maxPx: number, bold = false): FittedLine {
  if (textWidth(text, fontPx, bold) <= maxPx) return { shown: text, hidden: '' };
  // An AWS resource id in the text is never shortened.
  const id = resourceIdsIn(text)[0]?.id;
  const from = id === undefined ? 0 : text.indexOf(id);
  const rest = text.slice(from);
  const dropped = from > 0 ? { before: text.slice(0, from) } : {};
  if (id !== undefined && textWidth(rest, fontPx, bold) <= maxPx) return { shown: rest, hidden: '', ...dropped };
  const head = cutEnd(rest, fontPx, bold, maxPx);
  // The id itself is kept even where the (generous) estimate says it is a little too wide: an id
  // is at most 21 characters, and every box drawn with one is wide enough for it in real fonts.
  if (id !== undefined && head.length < id.length) {
    return id === rest ? { shown: rest, hidden: '', ...dropped } : { shown: `${id}…`, hidden: rest.slice(id.length), ...dropped };
  }
  if (head === '') return { shown: '…', hidden: rest, ...dropped };
  return { shown: `${head}…`, hidden: rest.slice(head.length), ...dropped };
}

/** fitLine's text as drawn. */
export function fitText(text: string, fontPx: number, maxPx: number, bold = false): string {
  return fitLine(text, fontPx, maxPx, bold).shown;
}
