/**
 * The timeline drawing: one slot per moment (step) of the history, the volume's file changes on the
 * top lane, each snapshot on a lane of its own (its point in time, its pending and completed
 * stretches), and a cursor on the chosen moment. React draws everything from the data it is given;
 * the one effect moves the cursor (its CSS transform, set through the CSSOM so the page's CSP needs
 * no inline styles) and keeps it scrolled into view. The cursor eases by a CSS transition, which
 * concepts.css switches off under prefers-reduced-motion. It never sees the actor.
 *
 * No d3 here: a slot per step is one multiplication, and d3-scale, d3-axis and d3-transition
 * would add about 14 KB gzipped to lesson 2, past its JavaScript budget.
 */
import { useEffect, useRef } from 'react';
import type { Snapshot } from '../../../sim/index.ts';
import { clockTime } from '../shared/format.ts';
import { snapshotName, type Moment } from './moments.ts';

const SLOT = 60;
const LEFT = 112;
const RIGHT = 40;
const VOLUME_Y = 40;
const LANE_TOP = 96;
const LANE_GAP = 36;

export interface TimelineChartProps {
  moments: readonly Moment[];
  /** Snapshots of the volume at the latest moment, oldest first, one lane each. */
  snapshots: readonly Snapshot[];
  volumeName: string;
  selected: number;
}

export function TimelineChart({ moments, snapshots, volumeName, selected }: TimelineChartProps) {
  const last = moments.length - 1;
  const width = LEFT + Math.max(last, 1) * SLOT + RIGHT;
  const height = LANE_TOP + snapshots.length * LANE_GAP + 34;
  const at = (step: number): number => LEFT + step * SLOT;
  /** A time between two moments (a completion during an Advance), placed proportionally between their slots. */
  const xOfTime = (time: number): number => {
    const k = moments.findIndex((m) => m.time >= time);
    if (k <= 0) return k === 0 ? at(0) : at(last);
    const a = moments[k - 1] as Moment;
    const b = moments[k] as Moment;
    const frac = b.time === a.time ? 1 : (time - a.time) / (b.time - a.time);
    return at(a.step) + frac * (at(b.step) - at(a.step));
  };

  const scrollRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<SVGLineElement>(null);
  useEffect(() => {
    const line = cursorRef.current;
    if (line === null) return;
    const to = at(selected);
    line.style.transform = `translateX(${to}px)`;
    // First placement: shown only now, and without easing in from the left edge.
    if (!line.hasAttribute('data-placed')) {
      line.getBoundingClientRect();
      line.setAttribute('data-placed', '');
    }
    // On a narrow screen the drawing scrolls: keep the chosen moment in view.
    const scroller = scrollRef.current;
    if (scroller !== null && scroller.scrollWidth > scroller.clientWidth) {
      const scale = scroller.scrollWidth / width;
      const target = to * scale;
      if (target < scroller.scrollLeft + 40 || target > scroller.scrollLeft + scroller.clientWidth - 40) {
        scroller.scrollLeft = Math.max(0, target - scroller.clientWidth / 2);
      }
    }
  });

  const laneY = (i: number) => LANE_TOP + i * LANE_GAP;
  const requestStep = (id: string) => moments.find((m) => m.requested.includes(id))?.step;
  const end = at(last) + RIGHT / 2;

  return (
    // Focusable so keyboard users can scroll a timeline wider than the screen.
    <div ref={scrollRef} className="cw-tl__scroll" tabIndex={0} role="region" aria-label="Timeline drawing (scrolls sideways)">
      <svg
        className="cw-tl__svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={`Timeline of ${volumeName}: file writes and snapshots, one slot per step (not to scale). The table below lists the same moments.`}
      >
        <text x={8} y={VOLUME_Y + 4}>
          {volumeName}
        </text>
        <line className="cw-tl__lane" x1={LEFT - 10} x2={end} y1={VOLUME_Y} y2={VOLUME_Y} />
        {moments.map((m) =>
          m.changes.map((c, i) => {
            const late = c.pendingSnapshots.length > 0;
            const y = VOLUME_Y - 14 - i * 12;
            return (
              <g key={`${m.step}-${c.path}`} data-step={m.step}>
                <circle className={late ? 'cw-tl__write cw-tl__write--late' : 'cw-tl__write'} cx={at(m.step)} cy={VOLUME_Y} r={6} />
                <text x={at(m.step)} y={y} textAnchor="middle">
                  {c.change === 'deleted' ? `${c.path.slice(1)} deleted` : c.path.slice(1)}
                </text>
                {late && (
                  <text className="cw-tl__late-label" x={at(m.step)} y={VOLUME_Y + 20 + i * 12} textAnchor="middle">
                    not in {c.pendingSnapshots.map((id) => snapshots.find((s) => s.SnapshotId === id)).map((s) => (s ? snapshotName(s) : '')).join(', ')}
                  </text>
                )}
              </g>
            );
          }),
        )}
        {snapshots.map((s, i) => {
          const from = requestStep(s.SnapshotId);
          if (from === undefined) return null;
          const y = laneY(i);
          const x0 = at(from);
          const completedBy = moments[last]?.world.snapshots[s.SnapshotId]?.State === 'completed';
          const x1 = completedBy ? Math.max(xOfTime(s.CompleteAt), x0 + 4) : end;
          return (
            <g key={s.SnapshotId} data-snapshot={snapshotName(s)}>
              <text x={8} y={y + 4}>
                {snapshotName(s).slice(0, 17)}
              </text>
              <line className="cw-tl__moment-line" x1={x0} x2={x0} y1={VOLUME_Y + 8} y2={y + 7} />
              <rect className="cw-tl__pending" x={x0} y={y - 7} width={x1 - x0} height={14} rx={3} />
              {completedBy && <rect className="cw-tl__completed" x={x1} y={y - 3} width={Math.max(end - x1, 0)} height={6} rx={2} />}
              {/* Right-aligned when it would run past the end of the drawing. */}
              <text x={x0 + 230 > width ? width - 6 : x0 + 4} y={y + 20} textAnchor={x0 + 230 > width ? 'end' : 'start'}>
                point in time {clockTime(s.StartTime)}{completedBy ? `, completed ${clockTime(s.CompleteAt)}` : ', pending'}
              </text>
            </g>
          );
        })}
        <g className="cw-tl__axis" transform={`translate(0 ${height - 28})`}>
          <line x1={LEFT - 10} x2={end} y1={0} y2={0} />
          {moments.map((m) => (
            <g key={m.step} transform={`translate(${at(m.step)} 0)`}>
              <line y1={0} y2={5} />
              <text y={17} textAnchor="middle">
                {clockTime(m.time)}
              </text>
            </g>
          ))}
        </g>
        <line ref={cursorRef} className="cw-tl__cursor" x1={0} x2={0} y1={6} y2={height - 30} />
      </svg>
    </div>
  );
}
