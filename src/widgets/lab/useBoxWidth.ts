/**
 * The width of an element's box (or of its parent's), followed on resize: for drawings whose layout
 * depends on the room they have. Null until measured; a box not laid out (hidden, or a test DOM
 * without layout) reports 0 and leaves the last width in place.
 */
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export function useBoxWidth(ref: RefObject<HTMLElement | null>, of: 'self' | 'parent' = 'self'): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = of === 'self' ? ref.current : ref.current?.parentElement;
    if (el === null || el === undefined) return;
    const measure = () => {
      if (el.clientWidth > 0) setWidth(Math.floor(el.clientWidth));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, of]);
  return width;
}
