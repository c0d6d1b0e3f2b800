/**
 * Draws a TopologyLayout as SVG. Ownership: React creates and removes every element, keyed by
 * resource id, and sets all attributes from the layout. Motion is CSS only (src/styles/lab.css):
 * nodes glide to their new `transform` and fade in when they appear, a pending snapshot's fill
 * grows with its progress, and all of it is switched off under prefers-reduced-motion. Whatever
 * moves, the last frame is the layout, which is the model's state.
 *
 * Nodes are buttons (Enter or Space selects, as a click does); every label is text, and states are
 * written out, never shown by colour alone.
 */
import type { KeyboardEvent } from 'react';
import type { LayoutFrame, LayoutLink, LayoutNode, TopologyLayout } from './layout.ts';

export interface TopologyDiagramProps {
  layout: TopologyLayout;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Accessible name of the whole drawing. */
  label: string;
}

const KIND_NAMES: Record<LayoutNode['kind'], string> = {
  instance: 'Instance',
  volume: 'Volume',
  snapshot: 'Snapshot',
  image: 'AMI',
};

/** Keeps SVG text inside its box: the layout's columns are a fixed width. */
function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function nodeDescription(node: LayoutNode): string {
  const parts = [`${KIND_NAMES[node.kind]} ${node.label}`];
  if (node.label !== node.id) parts.push(node.id);
  if (node.device) parts.push(`${node.root ? 'root device' : 'device'} ${node.device}`);
  parts.push(node.state);
  if (node.kind === 'snapshot' && node.state === 'pending' && node.progress !== undefined) {
    parts.push(`${Math.round(node.progress * 100)}% copied`);
  }
  return parts.join(', ');
}

function Frame({ frame }: { frame: LayoutFrame }) {
  const isRegion = frame.kind === 'region';
  return (
    <g className={`topo-frame topo-frame--${frame.kind}`} transform={`translate(${frame.x},${frame.y})`}>
      <rect width={frame.w} height={frame.h} rx={isRegion ? 10 : 6} />
      <text className="topo-frame__label" x={isRegion ? 10 : 8} y={isRegion ? 20 : 18}>
        {frame.label}
      </text>
      {frame.note !== undefined && (
        <text className="topo-frame__note" x={8} y={32}>
          {frame.note.length > 30 ? (
            <>
              <tspan x={8}>{frame.note.slice(0, frame.note.lastIndexOf(' ', 30))}</tspan>
              <tspan x={8} dy={12}>
                {clip(frame.note.slice(frame.note.lastIndexOf(' ', 30) + 1), 32)}
              </tspan>
            </>
          ) : (
            frame.note
          )}
        </text>
      )}
    </g>
  );
}

function Node({ node, selected, onSelect }: { node: LayoutNode; selected: boolean; onSelect: (id: string) => void }) {
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
  ].filter(Boolean);
  const maxChars = Math.floor((node.w - 16) / 6.6);
  return (
    <g
      className={classes.join(' ')}
      transform={`translate(${node.x},${node.y})`}
      data-id={node.id}
      role="button"
      tabIndex={0}
      aria-label={nodeDescription(node)}
      aria-pressed={selected}
      onClick={(event) => {
        event.stopPropagation();
        onSelect(node.id);
      }}
      onKeyDown={onKeyDown}
    >
      <g className="topo-node__body">
        <rect className="topo-node__box" width={node.w} height={node.h} rx={chip ? 4 : 6} />
        {node.kind === 'snapshot' && (
          <rect
            className="topo-node__fill"
            x={0}
            y={node.h - 6}
            width={node.w}
            height={6}
            style={{ transform: `scaleX(${node.progress ?? 1})` }}
          />
        )}
        {chip ? (
          <text className="topo-node__label" x={6} y={17}>
            {node.root ? 'root ' : ''}
            {clip(`${node.device ?? ''} ${node.label}`, maxChars - (node.root ? 5 : 0))}
          </text>
        ) : (
          <>
            <text className="topo-node__label" x={8} y={17}>
              {clip(node.label, maxChars)}
            </text>
            <text className="topo-node__detail" x={8} y={32}>
              {clip(node.detail, maxChars + 4)}
            </text>
            <text className="topo-node__state" x={node.w - 6} y={17} textAnchor="end">
              {node.kind === 'snapshot' && node.state === 'pending' ? `${Math.round((node.progress ?? 0) * 100)}%` : clip(node.state, 12)}
            </text>
          </>
        )}
      </g>
    </g>
  );
}

function Link({ link }: { link: LayoutLink }) {
  return <path className={`topo-link topo-link--${link.kind}`} d={link.path} data-link={link.id} />;
}

export function TopologyDiagram({ layout, selectedId, onSelect, label }: TopologyDiagramProps) {
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
          <Node key={n.id} node={n} selected={n.id === selectedId} onSelect={onSelect} />
        ))}
        {chips.map((n) => (
          <Node key={n.id} node={n} selected={n.id === selectedId} onSelect={onSelect} />
        ))}
      </g>
    </svg>
  );
}
