/** The shared text helpers that decide where a narrow column may break AWS names. */
import { render } from '@testing-library/react';
import { expect, test } from 'vitest';
import { WithBreakHints } from '../../src/widgets/shared/WithBreakHints.tsx';
import { WithWholeIds } from '../../src/widgets/shared/WithWholeIds.tsx';

test('WithWholeIds wraps the text in one span and each id or AZ code in an unbreakable one', () => {
  const { container } = render(<WithWholeIds text="of vol-0123456789abcdef0 in us-east-1b" />);
  expect(container.children).toHaveLength(1);
  expect([...container.querySelectorAll('.id-text')].map((s) => s.textContent)).toEqual(['vol-0123456789abcdef0', 'us-east-1b']);
  expect(container.textContent).toBe('of vol-0123456789abcdef0 in us-east-1b');
});

test('WithBreakHints lets a long name break after a slash, an underscore or a dot between letters; short tokens and other text get no hint', () => {
  const html = (text: string) => render(<WithBreakHints text={text} />).container.innerHTML;
  expect(html('ubuntu/images/hvm_ssd')).toBe('ubuntu/<wbr>images/<wbr>hvm_<wbr>ssd');
  expect(html('InvalidVolume.ZoneMismatch')).toBe('InvalidVolume.<wbr>ZoneMismatch');
  // A camel-case name with no other break point breaks between its words, never mid-word.
  expect(html('fails with InvalidBlockDeviceMapping, because')).toBe('fails with Invalid<wbr>Block<wbr>Device<wbr>Mapping, because');
  expect(html('2.5 GiB, then stop.')).toBe('2.5 GiB, then stop.');
  expect(html('attached at /dev/sdf, then /dev/sdg')).toBe('attached at /dev/sdf, then /dev/sdg');
  expect(html('see ubuntu/images/hvm_ssd now')).toBe('see ubuntu/<wbr>images/<wbr>hvm_<wbr>ssd now');
  expect(html('')).toBe('');
});
