import { Fragment } from 'react';

/** Characters from which a token counts as long (an AMI name, an error code), not a short path. */
const LONG_TOKEN = 16;
/** After a slash or underscore, or after a dot between letters. */
const BREAK_POINTS = /(?<=[/_]|[A-Za-z]\.(?=[A-Za-z]))/;

/**
 * A long token ("ubuntu/images/hvm-ssd-gp3/…", "InvalidVolume.ZoneMismatch") that may break after
 * a slash or underscore, or after a dot between letters, as well as after a hyphen: a narrow column
 * wraps it between its parts rather than mid-word (the <wbr>s are used only when the line is full).
 * A short token (/dev/sdf) gets no hint and stays whole.
 */
export function WithBreakHints({ text }: { text: string }) {
  // Nothing at all for empty text, so a table cell stays :empty.
  if (text === '') return null;
  const pieces = [''];
  for (const token of text.split(/(\s+)/)) {
    const [first = '', ...rest] = token.length < LONG_TOKEN ? [token] : token.split(BREAK_POINTS);
    pieces[pieces.length - 1] += first;
    pieces.push(...rest);
  }
  return pieces.map((piece, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {piece}
    </Fragment>
  ));
}
