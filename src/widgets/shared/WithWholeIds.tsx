import { splitIds } from '../../sim/ids.ts';

/**
 * Text with AWS ids in it, where a line may break between words but never inside an id (a browser
 * would otherwise break "vol-" / "0d3a…" after the hyphen). One wrapping span, so a grid or flex
 * parent sees a single item, not one per piece.
 */
export function WithWholeIds({ text, className, names }: { text: string; className?: string; names?: boolean }) {
  return (
    <span className={className}>
      {splitIds(text, { names }).map((part, i) =>
        part.isId ? (
          <span key={i} className="id-text">
            {part.text}
          </span>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}
