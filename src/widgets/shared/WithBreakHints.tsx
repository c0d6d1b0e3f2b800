import { Fragment } from 'react';

/** Characters from which a token counts as long (an AMI name, an error code), not a short path. */
const LONG_TOKEN = 16;
/** After a slash or underscore, or after a dot between letters. */
const BREAK_POINTS = /(?<=[/_]|[A-Za-z]\.(?=[A-Za-z]))/;
/** Between the words of a camel-case name (InvalidBlockDeviceMapping), for a token with no other point. */
const CAMEL_CASE = /(?<=[a-z])(?=[A-Z])/;

function parts(token: string): string[] {
  if (token.length < LONG_TOKEN) return [token];
  const split = token.split(BREAK_POINTS);
  return split.length > 1 ? split : token.split(CAMEL_CASE);
}

/**
 * A long token ("ubuntu/images/hvm-ssd-gp3/…", "InvalidVolume.ZoneMismatch") that may break after
 * a slash or underscore, or after a dot between letters, as well as after a hyphen; one with none of
 * these (InvalidBlockDeviceMapping) between its camel-case words: a narrow column
 * wraps it between its parts rather than mid-word (the <wbr>s are used only when the line is full).
 * A short token (/dev/sdf) gets no hint and stays whole.
 */
export function WithBreakHints({ text }: { text: string }) {
  // Nothing at all for empty text, so a table cell stays :empty.
  if (text === '') return null;
  const pieces = [''];
  for (const token of text.split(/(\s+)/)) {
    const [first = '', ...rest] = parts(token);
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
