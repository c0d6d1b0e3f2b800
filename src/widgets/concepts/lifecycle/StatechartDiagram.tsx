/**
 * Draws a StatechartLayout (computed at build time) as SVG. React creates every node, edge and
 * label from the layout; the token layer is this effect's own: when the resource takes a transition, a
 * token travels along that edge's path (read from the DOM, never written). The taken edge and the
 * current state are classes React sets, so the last frame is always the model's state; the token
 * is skipped under prefers-reduced-motion, and stops and goes away on unmount.
 */
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { StatechartLayout } from '../../../viz/statechart-layout.ts';
import { tween } from '../../../viz/tween.ts';

export interface TakenEdge {
  edgeId: string;
  /** Increases with every transition taken, so the same edge taken twice animates twice. */
  seq: number;
}

export interface StatechartDiagramProps {
  layout: StatechartLayout;
  /** Id of the current (leaf) state, null when the resource has no state in this machine. */
  current: string | null;
  taken: TakenEdge | null;
  /** Accessible name of the drawing. */
  label: string;
}

const TOKEN_MS = 700;

/**
 * The chart shrinks to its box down to this scale (edge labels, 11 px, stay >= 10 px); in a
 * narrower box it keeps this scale and its box scrolls sideways (LifecycleView).
 */
export const MIN_CHART_SCALE = 10 / 11;

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function StatechartDiagram({ layout, current, taken, label }: StatechartDiagramProps) {
  const svgRef = useRef<SVGSVGElement>(null);
  const tokenRef = useRef<SVGGElement>(null);
  const arrow = `${useId().replace(/:/g, '')}-arrow`;
  // A compound state is "current" while one of its children is.
  const active = (id: string): boolean => current !== null && (current === id || current.startsWith(`${id}.`));

  // The smallest width, as a CSS variable set through the CSSOM (the site's CSP blocks style attributes).
  useLayoutEffect(() => {
    svgRef.current?.style.setProperty('--lc-min-width', `${Math.ceil(layout.width * MIN_CHART_SCALE)}px`);
  }, [layout.width]);

  useEffect(() => {
    const layer = tokenRef.current;
    const svg = svgRef.current;
    if (!layer || !svg || taken === null) return;
    const path = Array.from(svg.querySelectorAll<SVGPathElement>('path[data-edge]')).find((p) => p.dataset['edge'] === taken.edgeId);
    if (!path || typeof path.getTotalLength !== 'function' || prefersReducedMotion()) return;
    const length = path.getTotalLength();
    const start = path.getPointAtLength(0);
    const token = document.createElementNS('http://www.w3.org/2000/svg', 'circle');
    token.setAttribute('class', 'lc-token');
    token.setAttribute('r', '6');
    token.setAttribute('transform', `translate(${start.x},${start.y})`);
    layer.append(token);
    const stop = tween(TOKEN_MS, (t) => {
      const p = path.getPointAtLength(t * length);
      token.setAttribute('transform', `translate(${p.x},${p.y})`);
      if (t === 1) token.remove();
    });
    return () => {
      stop();
      token.remove();
    };
  }, [taken]);

  return (
    <svg
      ref={svgRef}
      className="lc-chart"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role="img"
      aria-label={label}
    >
      <defs>
        <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="lc-arrowhead" />
        </marker>
      </defs>
      {layout.nodes
        .filter((n) => n.type === 'compound')
        .map((n) => (
          <g key={n.id} className={`lc-state lc-state--compound${active(n.id) ? ' is-current' : ''}`} data-state={n.id}>
            <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={10} />
            <text x={n.x + n.w / 2} y={n.y + 18} textAnchor="middle" className="lc-state__label">
              {n.label}
            </text>
          </g>
        ))}
      {layout.initialMarks.map((m) => (
        <g key={`initial-${m.target}`} className="lc-initial">
          <circle cx={m.dotX} cy={m.dotY} r={4} />
          <path d={m.d} markerEnd={`url(#${arrow})`} />
        </g>
      ))}
      {layout.edges.map((e) => (
        <g key={e.id} className={`lc-edge${taken?.edgeId === e.id ? ' is-taken' : ''}`}>
          <path d={e.d} data-edge={e.id} markerEnd={`url(#${arrow})`} />
          <text x={e.label.x} y={e.label.y} textAnchor={e.label.anchor} className="lc-edge__label">
            {e.event}
          </text>
        </g>
      ))}
      {layout.nodes
        .filter((n) => n.type !== 'compound')
        .map((n) => (
          <g key={n.id} className={`lc-state lc-state--${n.type}${active(n.id) ? ' is-current' : ''}`} data-state={n.id}>
            <rect x={n.x} y={n.y} width={n.w} height={n.h} rx={n.h / 2} />
            {n.type === 'final' && <rect className="lc-state__final" x={n.x + 3} y={n.y + 3} width={n.w - 6} height={n.h - 6} rx={(n.h - 6) / 2} />}
            <text x={n.x + n.w / 2} y={n.y + n.h / 2 + 4.5} textAnchor="middle" className="lc-state__label">
              {active(n.id) ? `▶ ${n.label}` : n.label}
            </text>
          </g>
        ))}
      <g ref={tokenRef} className="lc-tokens" aria-hidden="true" />
    </svg>
  );
}
