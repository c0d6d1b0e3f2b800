import { Fragment } from 'react';

/**
 * A long token ("ubuntu/images/hvm-ssd-gp3/…", "InvalidVolume.ZoneMismatch") that may break after
 * a slash or underscore, or after a dot between letters, as well as after a hyphen: a narrow column
 * wraps it between its parts rather than mid-word (the <wbr>s are used only when the line is full).
 */
export function WithBreakHints({ text }: { text: string }) {
  // Nothing at all for empty text, so a table cell stays :empty.
  if (text === '') return null;
  return text.split(/(?<=[/_]|[A-Za-z]\.(?=[A-Za-z]))/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
