import { expect, test } from 'vitest';
import { fitLine, fitText, textWidth } from '../../../src/viz/textFit.ts';

// A diagram card: 190 px wide, text from x=7 to 5 px before the right edge.
const CARD = 190 - 12;

test('text that fits is left alone', () => {
  expect(fitText('web-server', 11, CARD, true)).toBe('web-server');
  expect(fitText('running', 10, CARD, true)).toBe('running');
});

test('long text ends in an ellipsis and fits the card', () => {
  const name = 'al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64';
  const shown = fitText(name, 11, CARD, true);
  expect(shown.endsWith('…')).toBe(true);
  expect(name.startsWith(shown.slice(0, -1))).toBe(true);
  expect(textWidth(shown, 11, true)).toBeLessThanOrEqual(CARD);
});

test('an AWS id (at most 21 characters) is never shortened: the words before it go', () => {
  for (const [text, id] of [
    ['t3.micro · ami-f5f97dea92ce49c82', 'ami-f5f97dea92ce49c82'],
    ['20 GiB · of vol-d0a34c4f9c74eb9a0', 'vol-d0a34c4f9c74eb9a0'],
    ['snap-664f5c2334a42206a', 'snap-664f5c2334a42206a'],
  ] as const) {
    for (const [font, bold] of [[10, false], [11, true]] as const) {
      const shown = fitText(text, font, CARD, bold);
      expect(shown.endsWith(id), `${text} at ${font}px`).toBe(true);
      expect(textWidth(shown, font, bold)).toBeLessThanOrEqual(CARD);
    }
  }
  // A volume chip inside an instance card is narrower.
  expect(fitText('vol-19357cdd637e76ca1', 11, 174 - 11, true)).toBe('vol-19357cdd637e76ca1');
});

test('a text is cut between words, and the rest is kept (undrawn) so the node still reads as its name', () => {
  const name = 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250115';
  const line = fitLine(name, 11, CARD, true);
  expect(line.shown.endsWith('…')).toBe(true);
  expect(`${line.shown.slice(0, -1)}${line.hidden}`).toBe(name);
  // Never inside a word: the character before the cut or after it is not a letter or digit.
  const head = line.shown.slice(0, -1);
  expect(/[a-z0-9]$/i.test(head) && /^[a-z0-9]/i.test(line.hidden)).toBe(false);
  expect(fitLine('web-server', 11, CARD, true)).toEqual({ shown: 'web-server', hidden: '' });
});

test('the estimate is generous: wider than DejaVu Sans, the widest font the stack may fall back to', () => {
  // DejaVu Sans advances, in em: digits 0.636, a 0.613, m 0.974, i 0.278, '-' 0.361.
  expect(textWidth('0123456789', 10)).toBeGreaterThanOrEqual(63.6);
  expect(textWidth('ami-', 10)).toBeGreaterThanOrEqual(22.2);
  expect(textWidth('t3.micro · ami-f5f97dea92ce49c82', 10)).toBeGreaterThanOrEqual(173.6);
});

test('words dropped before an id are kept ahead of it (undrawn), so the text still reads in the order of its name', () => {
  const detail = '20 GiB · of vol-d0a34c4f9c74eb9a2';
  const line = fitLine(detail, 10, textWidth('vol-d0a34c4f9c74eb9a2', 10) + 2);
  expect(line).toEqual({ shown: 'vol-d0a34c4f9c74eb9a2', hidden: '', before: '20 GiB · of ' });
  expect(`${line.before}${line.shown}`).toBe(detail);
});
