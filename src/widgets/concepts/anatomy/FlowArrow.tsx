/**
 * The arrow between two cells of a mapping row. This effect owns everything inside the SVG (from a ref):
 * when `drawKey` changes (a new volume appeared for the entry), the arrow is drawn again and grows
 * from its tail, instantly under prefers-reduced-motion; the tweens stop on unmount.
 */
import { useEffect, useRef } from 'react';
import { tween } from '../../../viz/tween.ts';

const DRAW_MS = 600;
const SHAFT = 'M2,12 H20';
const HEAD = 'M14,6 L21,12 L14,18';
const LENGTH = 18;

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function appendPath(svg: SVGSVGElement, d: string): SVGPathElement {
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('class', 'anat-arrow__line');
  path.setAttribute('d', d);
  svg.append(path);
  return path;
}

export function FlowArrow({ drawKey = null }: { drawKey?: string | null }) {
  const ref = useRef<SVGSVGElement>(null);
  const first = useRef(true);
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    svg.replaceChildren();
    const animate = !first.current && drawKey !== null && !prefersReducedMotion();
    first.current = false;
    const shaft = appendPath(svg, SHAFT);
    const head = appendPath(svg, HEAD);
    if (!animate) return;
    shaft.setAttribute('stroke-dasharray', String(LENGTH));
    shaft.setAttribute('stroke-dashoffset', String(LENGTH));
    head.setAttribute('opacity', '0');
    const stopShaft = tween(DRAW_MS, (t) => shaft.setAttribute('stroke-dashoffset', String(LENGTH * (1 - t))));
    const stopHead = tween(DRAW_MS * 0.3, (t) => head.setAttribute('opacity', String(t)), DRAW_MS * 0.7);
    return () => {
      stopShaft();
      stopHead();
    };
  }, [drawKey]);
  return <svg ref={ref} className={`anat-arrow${drawKey === null ? '' : ' is-drawn'}`} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false" />;
}
