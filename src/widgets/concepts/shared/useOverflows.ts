/**
 * Whether a box is wider inside than out (its content scrolls sideways), followed on resize: a
 * .table-wrap in an island becomes a focusable, named region only while it overflows, as Base.astro
 * does for the prose tables present at page load (axe: scrollable-region-focusable), and adds no tab
 * stop when it fits. A box not laid out (closed <details>, a test DOM) does not overflow.
 */
import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export function useOverflows(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (box === null) return;
    const measure = () => setOverflows(box.scrollWidth > box.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    // The table inside grows and shrinks with its content, not always with the box.
    if (box.firstElementChild !== null) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}
