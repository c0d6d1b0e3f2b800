/** Inline code in lessons keeps its names, options and error codes whole when a line wraps (src/integrations/whole-inline-code.mjs). */
import { expect, test } from 'vitest';
import { LONG_TOKEN, wholeCode, wholeCodeHtml } from '../../../src/integrations/whole-inline-code.mjs';

const pieces = (text: string) => {
  const kept = wholeCode(text);
  if (!Array.isArray(kept)) return kept;
  return kept.map((node) => (node.tagName === 'wbr' ? '|' : node.children[0]!.value)).join('');
};

test('a short space-free token never wraps; code with spaces wraps between its words as usual', () => {
  expect(wholeCode('web-server')).toBe('class');
  expect(wholeCode('--volume-id')).toBe('class');
  expect(wholeCode('x'.repeat(LONG_TOKEN))).toBe('class');
  expect(wholeCode('aws ec2 create-snapshot')).toBeNull();
});

test('a long token wraps only between its parts: after / _ . or - between letters, and between camel-case words', () => {
  expect(pieces('SnapshotCreationPerVolumeRateExceeded')).toBe('Snapshot|Creation|Per|Volume|Rate|Exceeded');
  expect(pieces('InvalidSnapshotID.Malformed')).toBe('Invalid|Snapshot|ID.|Malformed');
  expect(pieces('/usr/share/nginx/html/index.html')).toBe('/usr/|share/|nginx/|html/|index.|html');
  // Never right after an option's leading dashes.
  expect(pieces('--delete-associated-snapshots')).toBe('--delete-|associated-|snapshots');
});

test('hand-written HTML (the cheat sheet) gets the same treatment, with a shorter limit for narrow cells', () => {
  expect(wholeCodeHtml('refused (<code>InvalidSnapshot.InUse</code>) unless <code>--no-reboot</code>', 12)).toBe(
    'refused (<code><span class="whole">Invalid</span><wbr><span class="whole">Snapshot.</span><wbr><span class="whole">InUse</span></code>) unless <code class="whole">--no-reboot</code>',
  );
  expect(wholeCodeHtml('<code>create-volume --snapshot-id</code>')).toBe('<code>create-volume --snapshot-id</code>');
  expect(wholeCodeHtml('<code>delete-snapshot</code>', 12)).toBe('<code><span class="whole">delete-</span><wbr><span class="whole">snapshot</span></code>');
});
