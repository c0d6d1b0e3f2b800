/**
 * Draws a TopologyLayout as SVG. Ownership: React creates and removes every element, keyed by
 * resource id, and sets all attributes from the layout. Motion is CSS only (src/styles/lab.css),
 * so the browser's animation API can slow, pause or finish all of it (see MotionControls): nodes
 * glide to their new `transform`; a node appearing grows out of its origin (a snapshot out of its
 * volume, a launched or restored volume out of its snapshot, an AMI out of its snapshot), set as
 * CSS variables on mount; a pending snapshot's fill grows as its blocks are copied; a node whose
 * state changes flashes once; a deregistered AMI fades and lets go of its snapshots. All of it is
 * off under prefers-reduced-motion. Whatever moves, the last frame is the layout, which is the
 * model's state; `cues` are short notes the page adds for a moment (an instance's reboot).
 *
 * Nodes are buttons (Enter or Space selects, as a click does); every label is text, and states are
 * written out, never shown by colour alone.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { LayoutFrame, LayoutLink, LayoutNode, TopologyLayout } from './layout.ts';
import { fitLine, textWidth } from './textFit.ts';

export interface TopologyDiagramProps {
  layout: TopologyLayout;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Accessible name of the whole drawing. */
  label: string;
  /** A passing note shown on a node, by id (for example an instance rebooting for CreateImage). */
  cues?: ReadonlyMap<string, string>;
}

const KIND_NAMES: Record<LayoutNode['kind'], string> = {
  instance: 'Instance',
  volume: 'Volume',
  snapshot: 'Snapshot',
  image: 'AMI',
};

/**
 * A node's accessible name: its kind, then exactly the text it shows (so what a speech-input user
 * reads on screen is part of the name), then its id when the text does not show it.
 */
export function nodeDescription(node: LayoutNode, cue?: string): string {
  const shown = chipText(node) ?? [node.label, node.detail, stateText(node, cue)];
  const parts = [`${KIND_NAMES[node.kind]} ${shown.join(', ')}`];
  if (!shown.some((text) => text.includes(node.id))) parts.push(node.id);
  return parts.join(', ');
}

function stateText(node: LayoutNode, cue?: string): string {
  if (cue !== undefined) return `${node.state} · ${cue}`;
  if (node.kind === 'snapshot' && node.state === 'pending') return `pending · ${Math.round((node.progress ?? 0) * 100)}% copied`;
  // An AMI becomes available once every snapshot of its block device mapping has completed.
  if (node.kind === 'image' && node.state === 'pending') return 'pending · waits for its snapshots';
  return node.state;
}

/** The two lines of a volume drawn inside its instance, or null for a card. */
function chipText(node: LayoutNode): [string, string] | null {
  if (node.parentId === undefined) return null;
  const where = `${node.root ? 'root · ' : ''}${node.device ?? ''}${node.state === 'in-use' ? '' : ` · ${node.state}`}`;
  return [where, node.label];
}

function Frame({ frame }: { frame: LayoutFrame }) {
  const isRegion = frame.kind === 'region';
  return (
    <g className={`topo-frame topo-frame--${frame.kind}`} transform={`translate(${frame.x},${frame.y})`}>
      <rect width={frame.w} height={frame.h} rx={isRegion ? 10 : 6} />
      <text className="topo-frame__label" x={isRegion ? 10 : 8} y={isRegion ? 20 : 18}>
        {frame.label}
      </text>
      {frame.note !== undefined &&
        (frame.note.length > 30 ? (
          <>
            <FittedText className="topo-frame__note" x={8} y={32} text={frame.note.slice(0, frame.note.lastIndexOf(' ', 30))} fontPx={10} maxPx={frame.w - 14} />
            <FittedText className="topo-frame__note" x={8} y={44} text={frame.note.slice(frame.note.lastIndexOf(' ', 30) + 1)} fontPx={10} maxPx={frame.w - 14} />
          </>
        ) : (
          <FittedText className="topo-frame__note" x={8} y={32} text={frame.note} fontPx={10} maxPx={frame.w - 14} />
        ))}
    </g>
  );
}

/**
 * One line of a node's text, shortened with an ellipsis to the box's width (estimated from the font
 * size, see textFit.ts; AWS ids are never shortened). A shortened line keeps its full text as a
 * tooltip (<title>) and, undrawn, in the DOM; the node's accessible name always has it in full.
 */
function FittedText({ className, x, y, text, fontPx, maxPx, bold = false }: { className: string; x: number; y: number; text: string; fontPx: number; maxPx: number; bold?: boolean }) {
  // Server and first render use the estimate; in the browser, the real width of what is shown
  // corrects it once (most fonts are narrower than the estimate, so more of the text fits).
  const [ratio, setRatio] = useState(1);
  const ref = useRef<SVGTextElement>(null);
  const { shown, hidden, before = '' } = fitLine(text, fontPx * ratio, maxPx, bold);
  useLayoutEffect(() => {
    const el = ref.current;
    if (ratio !== 1 || el === null || typeof el.getSubStringLength !== 'function') return;
    let real = 0;
    try {
      real = el.getSubStringLength(before.length, shown.length);
    } catch {
      return;
    }
    const estimate = textWidth(shown, fontPx, bold);
    // Only ever narrower (never risk a wider guess), and only when it changes what is shown.
    if (real > 0 && estimate > 0 && real < estimate) {
      const next = Math.max(0.7, real / estimate);
      if (fitLine(text, fontPx * next, maxPx, bold).shown !== shown) setRatio(next);
    }
  }, [text, fontPx, maxPx, bold, ratio, shown, before]);
  return (
    <text ref={ref} className={className} x={x} y={y}>
      {/* Words dropped before an id stay in the DOM, undrawn, and the id is drawn back at x: the
          node's text then reads in the order of its accessible name (WCAG 2.5.3). */}
      {before !== '' && <tspan className="topo-text-rest">{before}</tspan>}
      {before !== '' ? <tspan x={x}>{shown}</tspan> : shown}
      {/* The rest of a shortened text stays in the DOM, undrawn, so the node's text is still its name. */}
      {hidden !== '' && <tspan className="topo-text-rest">{hidden}</tspan>}
      {shown !== text && <title>{text}</title>}
    </text>
  );
}

/**
 * Node text fits its box (FittedText); the clipPath is only a guard against a font far wider than
 * the estimate.
 */
function Node({ node, selected, onSelect, clipId, cue }: { node: LayoutNode; selected: boolean; onSelect: (id: string) => void; clipId: string; cue?: string }) {
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(node.id);
    }
  };
  const chip = node.parentId !== undefined;
  const classes = [
    'topo-node',
    `topo-node--${node.kind}`,
    `topo-state--${node.state.replace(/[^a-z-]/g, '-')}`,
    chip ? 'topo-node--chip' : '',
    node.foreign ? 'topo-node--foreign' : '',
    selected ? 'is-selected' : '',
    cue !== undefined ? 'has-cue' : '',
  ].filter(Boolean);
  const chipLines = chipText(node);
  // Where the enter animation starts, set once when the node appears. Set through the CSSOM, not
  // a style attribute: server-rendered style attributes would be blocked by the site's CSP.
  const body = useRef<SVGGElement>(null);
  const origin = useRef(node.origin);
  // The state it was first drawn in: each later state gets a one-off flash (a new keyed element).
  const firstState = useRef(node.state);
  useLayoutEffect(() => {
    const el = body.current;
    if (el === null || origin.current === undefined) return;
    el.style.setProperty('--enter-dx', `${origin.current.dx}px`);
    el.style.setProperty('--enter-dy', `${origin.current.dy}px`);
  }, []);
  return (
    <g
      className={classes.join(' ')}
      transform={`translate(${node.x},${node.y})`}
      data-id={node.id}
      role="button"
      tabIndex={0}
      aria-label={nodeDescription(node, cue)}
      aria-pressed={selected}
      onClick={(event) => {
        event.stopPropagation();
        onSelect(node.id);
      }}
      onKeyDown={onKeyDown}
    >
      <g className="topo-node__body" ref={body}>
        <rect className="topo-node__box" width={node.w} height={node.h} rx={chip ? 4 : 6} />
        {node.state !== firstState.current && <rect key={node.state} className="topo-node__flash" width={node.w} height={node.h} rx={chip ? 4 : 6} />}
        {node.kind === 'snapshot' && (
          <rect className="topo-node__fill" x={0} y={node.h - 6} width={node.w * (node.progress ?? 1)} height={6} />
        )}
        <clipPath id={clipId}>
          <rect x={2} y={0} width={node.w - 6} height={node.h} />
        </clipPath>
        <g clipPath={`url(#${clipId})`}>
          {chipLines !== null ? (
            <>
              <FittedText className="topo-node__detail" x={6} y={12} text={chipLines[0]} fontPx={10} maxPx={node.w - 11} />
              {/* A space between the lines keeps the node's text content readable as words. */}{' '}
              <FittedText className="topo-node__label" x={6} y={26} text={chipLines[1]} fontPx={11} bold maxPx={node.w - 11} />
            </>
          ) : (
            <>
              <FittedText className="topo-node__label" x={7} y={15} text={node.label} fontPx={11} bold maxPx={node.w - 12} />{' '}
              <FittedText className="topo-node__detail" x={7} y={29} text={node.detail} fontPx={10} maxPx={node.w - 12} />{' '}
              <FittedText className="topo-node__state" x={7} y={43} text={stateText(node, cue)} fontPx={10} bold maxPx={node.w - 12} />
            </>
          )}
        </g>
      </g>
    </g>
  );
}

function Link({ link }: { link: LayoutLink }) {
  return <path className={`topo-link topo-link--${link.kind}`} d={link.path} data-link={link.id} />;
}

export function TopologyDiagram({ layout, selectedId, onSelect, label, cues }: TopologyDiagramProps) {
  // Unique per diagram, so two labs on one page never share clipPath ids.
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const clipId = (id: string) => `topo-${uid}-${id}`;
  // Chips (volumes inside instance cards) are drawn after the cards so they stay clickable.
  const cards = layout.nodes.filter((n) => n.parentId === undefined);
  const chips = layout.nodes.filter((n) => n.parentId !== undefined);
  return (
    <svg
      className="topo"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role="group"
      aria-label={label}
    >
      <g className="topo-frames" aria-hidden="true">
        {layout.frames.map((f) => (
          <Frame key={f.id} frame={f} />
        ))}
      </g>
      <g className="topo-links" aria-hidden="true">
        {layout.links.map((l) => (
          <Link key={l.id} link={l} />
        ))}
      </g>
      <g className="topo-nodes">
        {cards.map((n) => (
          <Node key={n.id} node={n} selected={n.id === selectedId} onSelect={onSelect} clipId={clipId(n.id)} cue={cues?.get(n.id)} />
        ))}
        {chips.map((n) => (
          <Node key={n.id} node={n} selected={n.id === selectedId} onSelect={onSelect} clipId={clipId(n.id)} />
        ))}
      </g>
    </svg>
  );
}
