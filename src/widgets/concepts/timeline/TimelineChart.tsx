/**
 * The timeline drawing, by time: the volume's file changes on the top lane, each snapshot on a lane of
 * its own (its point in time, its pending stretch up to its CompleteAt, then completed), and a cursor
 * on the chosen moment. The x axis is the model's clock (a linear time scale per stretch of activity,
 * ticked at round clock intervals: 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1 h); a
 * long idle stretch (more than GAP_MAX) is drawn as a break marked with its length, so the seconds
 * around the snapshot stay readable. Steps made at the same time share one tick: their numbered
 * markers fan out above the axis in history order, each joined to that tick.
 *
 * The lane names sit in a column of their own outside the scrolled area, so they stay in view on a
 * narrow screen; the column is as wide as its longest name (two lines on a phone), up to a limit past
 * which a name is cut with an ellipsis and keeps its full name as a tooltip (the text twin's column
 * headers name every lane in full). Labels that would touch (two writes close in time) take the next
 * row instead, and stay inside the drawing. Labels are drawn after the cursor, on a halo of the background, so the cursor never
 * crosses text. The one effect moves the cursor (its CSS transform, set through the CSSOM so the
 * page's CSP needs no inline styles) and keeps the chosen moment scrolled into view; a ResizeObserver
 * lets the drawing fill the width it has. It never sees the actor.
 *
 * No d3 here: d3's UTC scale (with d3-time and d3-time-format) adds about 12 KB gzipped to lesson 2,
 * past its JavaScript budget; a linear map and a list of round intervals are a few lines.
 */
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useBoxWidth } from '../../lab/useBoxWidth.ts';
import type { Snapshot } from '../../../sim/index.ts';
import { clockTime } from '../shared/format.ts';
import { snapshotName, type Moment } from './moments.ts';

/** Least and greatest width of the lane-name column (outside the scrolled area): it fits the longest name in between. */
const NAMES_W = 108;
const NAMES_W_MAX = 180;
/** On a phone (the drawing's scrolled part narrower than this) the names take two lines in a narrower column. */
const NARROW = 260;
const NAMES_W_NARROW = 70;
const NAMES_W_NARROW_MAX = 110;
/** Room between a name and the column's edges. */
const NAME_PAD = 12;
/** Font size of the names and labels (concepts.css), and the least room between two labels on one row. */
const TEXT_PX = 11;
const LABEL_GAP = 10;

/** How wide a text is drawn, in px: (text, font size, bold). */
export type Measure = (text: string, px: number, bold?: boolean) => number;

/**
 * A generous estimate of a text's width in a sans-serif font, by character class (em widths rounded
 * up from wide system fonts), for the server render and a DOM without canvas; the browser measures.
 */
export const estimateWidth: Measure = (text, px, bold = false) => {
  let em = 0;
  for (const ch of text) {
    if ('mwMW@'.includes(ch)) em += 0.95;
    else if ("iljtfr.,:;!|'()[] -".includes(ch)) em += 0.4;
    else if (/[A-Z]/.test(ch)) em += 0.74;
    else em += 0.64;
  }
  return Math.ceil(em * px * (bold ? 1.1 : 1));
};

/** Measures text in the font of `ref`'s element once the browser has it (a canvas); the estimate until then. */
function useMeasure(ref: RefObject<Element | null>): Measure {
  const [measure, setMeasure] = useState<Measure>(() => estimateWidth);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    let context: CanvasRenderingContext2D | null = null;
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
    const family = getComputedStyle(el).fontFamily;
    if (context === null || family === '') return;
    const ctx = context;
    setMeasure(() => (text: string, px: number, bold = false) => {
      ctx.font = `${bold ? 600 : 400} ${px}px ${family}`;
      return Math.ceil(ctx.measureText(text).width) + 1;
    });
  }, [ref]);
  return measure;
}

/** `text`, cut with an ellipsis to fit `room` px. */
function ellipsize(text: string, room: number, measure: Measure): string {
  if (measure(text, TEXT_PX) <= room) return text;
  let cut = text.length - 1;
  while (cut > 1 && measure(`${text.slice(0, cut)}…`, TEXT_PX) > room) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** A lane name in at most two lines, split at the dash or space that makes the longer line shortest. */
function nameLines(text: string, measure: Measure): string[] {
  let best = [text];
  let widest = measure(text, TEXT_PX);
  for (let i = 1; i < text.length - 1; i++) {
    if (text[i] !== '-' && text[i] !== ' ') continue;
    const lines = [text.slice(0, i + 1).trim(), text.slice(i + 1).trim()];
    const w = Math.max(...lines.map((l) => measure(l, TEXT_PX)));
    if (w < widest) {
      best = lines;
      widest = w;
    }
  }
  return best;
}

interface LaneName {
  lines: string[];
  /** The whole name when a line had to be cut, for the tooltip. */
  full: string | null;
}

/** The names column: each name's lines (one, or two on a phone) and the column's width, fitted to the longest. */
function laneNames(texts: readonly string[], narrow: boolean, measure: Measure): { width: number; names: LaneName[] } {
  const [least, most] = narrow ? [NAMES_W_NARROW, NAMES_W_NARROW_MAX] : [NAMES_W, NAMES_W_MAX];
  const widthOf = (lines: readonly string[]) => Math.max(0, ...lines.map((l) => measure(l, TEXT_PX)));
  // On a phone the column is as wide as the longest name needs in two lines; a name that fits it in one keeps one.
  const split = texts.map((text) => (narrow ? nameLines(text, measure) : [text]));
  const needed = Math.max(0, ...texts.map((text, i) => Math.min(measure(text, TEXT_PX), widthOf(split[i] ?? [text]))));
  const width = Math.min(most, Math.max(least, needed + NAME_PAD));
  const room = width - NAME_PAD;
  const names = texts.map((text, i) => {
    const lines = (measure(text, TEXT_PX) <= room ? [text] : (split[i] ?? [text])).map((line) => ellipsize(line, room, measure));
    return { lines, full: lines.join('') === text || lines.join(' ') === text ? null : text };
  });
  return { width, names };
}

/**
 * Rows for labels centred on their x: each takes the first row where it clears the labels already
 * there by LABEL_GAP, its centre moved in as far as needed to stay inside the drawing.
 */
function stackLabels(items: ReadonlyArray<{ x: number; w: number }>, width: number): Array<{ x: number; row: number }> {
  const rows: Array<Array<[number, number]>> = [];
  return items.map(({ x, w }) => {
    const centre = Math.min(Math.max(x, 2 + w / 2), width - 2 - w / 2);
    const left = centre - w / 2;
    const right = centre + w / 2;
    let row = rows.findIndex((taken) => taken.every(([l, r]) => right + LABEL_GAP <= l || left >= r + LABEL_GAP));
    if (row === -1) row = rows.push([]) - 1;
    rows[row]?.push([left, right]);
    return { x: centre, row };
  });
}
const PAD = 14;
/** Idle stretches longer than this are drawn as a break. */
const GAP_MAX = 120_000;
const BREAK_W = 44;
/** Width of a stretch that is one instant; and the least pixels per second inside a stretch. */
const INSTANT_W = 24;
const MIN_PX_PER_S = 4;
const CHIP = 18;
const LINE = 13;
/** Room at each end of a stretch, for the markers of steps that fan out there. */
const EDGE = 20;
const LANE_GAP = 44;

export interface TimelineChartProps {
  moments: readonly Moment[];
  /** Snapshots of the volume at the latest moment, oldest first, one lane each. */
  snapshots: readonly Snapshot[];
  volumeName: string;
  selected: number;
}

interface Stretch {
  start: number;
  end: number;
  x0: number;
  x1: number;
}

const TICK_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600].map((s) => s * 1000);

/** Round clock times from start to end: the finest interval that gives at most `count` ticks (times are UTC ms). */
function timeTicks(start: number, end: number, count: number): number[] {
  const step = TICK_STEPS.find((ms) => (end - start) / ms <= count) ?? (TICK_STEPS[TICK_STEPS.length - 1] as number);
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  return ticks;
}

/** The x of every time: stretches of activity laid out left to right, with a break between them. */
function layout(times: readonly number[], available: number) {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  const groups: Array<{ start: number; end: number }> = [];
  for (const t of sorted) {
    const g = groups[groups.length - 1];
    if (g !== undefined && t - g.end <= GAP_MAX) g.end = t;
    else groups.push({ start: t, end: t });
  }
  const span = groups.reduce((sum, g) => sum + (g.end - g.start) / 1000, 0);
  const fixed = 2 * PAD + groups.length * 2 * EDGE + (groups.length - 1) * BREAK_W + groups.filter((g) => g.end === g.start).length * INSTANT_W;
  const pxPerS = span === 0 ? 0 : Math.max(MIN_PX_PER_S, (available - fixed) / span);
  const stretches: Stretch[] = [];
  let x = PAD;
  for (const g of groups) {
    const inner = g.end === g.start ? INSTANT_W : ((g.end - g.start) / 1000) * pxPerS;
    const x0 = x + EDGE;
    stretches.push({ start: g.start, end: g.end, x0, x1: x0 + inner });
    x = x0 + inner + EDGE + BREAK_W;
  }
  const width = Math.max(available, x - BREAK_W + PAD);
  const scales = stretches.map((s) => (s.end === s.start ? null : (t: number) => s.x0 + ((t - s.start) / (s.end - s.start)) * (s.x1 - s.x0)));
  const xOf = (t: number): number => {
    const i = stretches.findIndex((s) => t <= s.end);
    const s = stretches[i === -1 ? stretches.length - 1 : i] as Stretch;
    if (t <= s.start) return s.start === s.end ? (s.x0 + s.x1) / 2 : s.x0;
    return scales[i]?.(t) ?? (s.x0 + s.x1) / 2;
  };
  const ticks = stretches.flatMap((s, i) => {
    const scale = scales[i];
    if (scale === null || scale === undefined) return [s.start];
    return timeTicks(s.start, s.end, Math.max(2, Math.floor((s.x1 - s.x0) / 84)));
  });
  return { stretches, xOf, ticks, width };
}

export function TimelineChart({ moments, snapshots, volumeName, selected }: TimelineChartProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<SVGLineElement>(null);
  const namesRef = useRef<SVGSVGElement>(null);
  const measure = useMeasure(namesRef);
  // The width of the whole drawing (names column and scrolled part), as laid out.
  const outer = useBoxWidth(scrollRef, 'parent') ?? 668;

  // The names column narrows on a phone (names in two lines); the drawing gets the width it gives up.
  const narrow = outer - NAMES_W < NARROW;
  const laneTexts = [volumeName, ...snapshots.map(snapshotName), 'steps', 'clock (UTC)'];
  const { width: namesW, names: laneLines } = laneNames(laneTexts, narrow, measure);
  const available = Math.max(160, outer - namesW - 1);
  const last = moments.length - 1;
  const completedAtEnd = (s: Snapshot) => moments[last]?.world.snapshots[s.SnapshotId]?.State === 'completed';
  const times = [...moments.map((m) => m.time), ...snapshots.filter(completedAtEnd).map((s) => s.CompleteAt)];
  const { stretches, xOf, ticks, width } = layout(times, available);
  const end = (stretches[stretches.length - 1]?.x1 ?? PAD) + EDGE;

  // Steps at the same time: their markers fan out around that time, in history order.
  const sameTime = new Map<number, number[]>();
  for (const m of moments) sameTime.set(m.time, [...(sameTime.get(m.time) ?? []), m.step]);
  const chipX = (m: Moment): number => {
    const group = sameTime.get(m.time) ?? [m.step];
    return xOf(m.time) + (group.indexOf(m.step) - (group.length - 1) / 2) * CHIP;
  };

  // File changes: their names above the lane, "not in" notes below; labels that would touch (the same
  // time, or writes close in time) take the next row.
  const changes = moments.flatMap((m) => m.changes.map((c) => ({ m, c })));
  const nameOf = (c: (typeof changes)[number]['c']) => (c.change === 'deleted' ? `${c.path.slice(1)} deleted` : c.path.slice(1));
  const notIn = (c: (typeof changes)[number]['c']) =>
    `not in ${c.pendingSnapshots
      .map((id) => snapshots.find((s) => s.SnapshotId === id))
      .map((s) => (s ? snapshotName(s) : ''))
      .join(', ')}`;
  const aboveRows = stackLabels(
    changes.map(({ m, c }) => ({ x: xOf(m.time), w: measure(nameOf(c), TEXT_PX) })),
    width,
  );
  const lateChanges = changes.filter(({ c }) => c.pendingSnapshots.length > 0);
  const belowRows = stackLabels(
    lateChanges.map(({ m, c }) => ({ x: xOf(m.time), w: measure(notIn(c), TEXT_PX, true) })),
    width,
  );
  const placed = changes.map(({ m, c }, i) => {
    const late = c.pendingSnapshots.length > 0;
    const below = late ? belowRows[lateChanges.findIndex((l) => l.c === c)] : undefined;
    return { m, c, late, above: aboveRows[i] as { x: number; row: number }, below };
  });
  const maxAbove = Math.max(1, ...aboveRows.map((r) => r.row + 1));
  const maxBelow = Math.max(0, ...belowRows.map((r) => r.row + 1));
  const volumeY = 14 + maxAbove * LINE;
  const laneTop = volumeY + 22 + maxBelow * LINE + 14;
  const laneY = (i: number) => laneTop + i * LANE_GAP;
  const chipsY = laneTop + snapshots.length * LANE_GAP + 2;
  const axisY = chipsY + 18;
  // Room below the axis for its name ("clock (UTC)"), in two lines on a phone.
  const height = axisY + 22 + ((laneLines[laneLines.length - 1]?.lines.length ?? 1) - 1) * 11;

  const requestTime = (id: string) => moments.find((m) => m.requested.includes(id))?.time;
  const cursorX = moments[selected] === undefined ? PAD : xOf((moments[selected] as Moment).time);

  useEffect(() => {
    const line = cursorRef.current;
    if (line === null) return;
    line.style.transform = `translateX(${cursorX}px)`;
    // First placement: shown only now, and without easing in from the left edge.
    if (!line.hasAttribute('data-placed')) {
      line.getBoundingClientRect();
      line.setAttribute('data-placed', '');
    }
    // On a narrow screen the drawing scrolls: keep the chosen moment in view.
    const scroller = scrollRef.current;
    if (scroller !== null && scroller.scrollWidth > scroller.clientWidth) {
      if (cursorX < scroller.scrollLeft + 40 || cursorX > scroller.scrollLeft + scroller.clientWidth - 40) {
        scroller.scrollLeft = Math.max(0, cursorX - scroller.clientWidth / 2);
      }
    }
  });

  const laneYs = [volumeY, ...snapshots.map((_, i) => laneY(i)), chipsY, axisY + 14];

  return (
    <div className="cw-tl__drawing">
      {/* The lane names, outside the scrolled area so they stay in view. */}
      <svg ref={namesRef} className="cw-tl__names" viewBox={`0 0 ${namesW} ${height}`} width={namesW} height={height} aria-hidden="true">
        {laneLines.map((n, k) => {
          const y = laneYs[k] ?? 0;
          return (
            <text key={k} x={namesW - 6} y={y + 4 - (n.lines.length - 1) * 5.5} textAnchor="end">
              {n.full !== null && <title>{n.full}</title>}
              {n.lines.map((line, i) => (
                <tspan key={i} x={namesW - 6} dy={i === 0 ? 0 : 11}>
                  {line}
                </tspan>
              ))}
            </text>
          );
        })}
      </svg>
      {/* Focusable so keyboard users can scroll a timeline wider than the screen. */}
      <div ref={scrollRef} className="cw-tl__scroll" tabIndex={0} role="region" aria-label="Timeline drawing (scrolls sideways)">
        <svg
          className="cw-tl__svg"
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-label={`Timeline of ${volumeName} by the clock: file writes and snapshots, each snapshot from its point in time to when it completed; long idle stretches are shortened. The table below lists the same moments.`}
        >
          <line className="cw-tl__lane" x1={PAD / 2} x2={end} y1={volumeY} y2={volumeY} />
          {snapshots.map((s, i) => (
            <line key={s.SnapshotId} className="cw-tl__lane" x1={PAD / 2} x2={end} y1={laneY(i)} y2={laneY(i)} />
          ))}
          {snapshots.map((s, i) => {
            const from = requestTime(s.SnapshotId);
            if (from === undefined) return null;
            const y = laneY(i);
            const x0 = xOf(from);
            const done = completedAtEnd(s);
            const x1 = done ? Math.max(xOf(s.CompleteAt), x0 + 4) : end;
            return (
              <g key={s.SnapshotId} data-snapshot={snapshotName(s)}>
                <line className="cw-tl__moment-line" x1={x0} x2={x0} y1={volumeY + 8} y2={y + 7} />
                <rect className="cw-tl__pending" x={x0} y={y - 7} width={x1 - x0} height={14} rx={3} />
                {done && <rect className="cw-tl__completed" x={x1} y={y - 3} width={Math.max(end - x1, 0)} height={6} rx={2} />}
                {done && <line className="cw-tl__complete-tick" x1={x1} x2={x1} y1={y - 10} y2={y + 10} />}
              </g>
            );
          })}
          {placed.map(({ m, c, late }) => (
            <circle key={`${m.step}-${c.path}`} data-step={m.step} className={late ? 'cw-tl__write cw-tl__write--late' : 'cw-tl__write'} cx={xOf(m.time)} cy={volumeY} r={6} />
          ))}

          <g className="cw-tl__axis">
            <line x1={PAD / 2} x2={end} y1={axisY} y2={axisY} />
            {stretches.slice(1).map((s, i) => {
              const prev = stretches[i] as Stretch;
              const mid = (prev.x1 + EDGE + s.x0 - EDGE) / 2;
              const minutes = Math.round((s.start - prev.end) / 60_000);
              return (
                <g key={s.start} className="cw-tl__break">
                  <rect x={mid - 10} y={axisY - 6} width={20} height={12} />
                  <line x1={mid - 7} x2={mid - 1} y1={axisY + 6} y2={axisY - 6} />
                  <line x1={mid + 1} x2={mid + 7} y1={axisY + 6} y2={axisY - 6} />
                  <text x={mid} y={axisY - 10} textAnchor="middle">
                    {minutes >= 1 ? `${minutes} min` : `${Math.round((s.start - prev.end) / 1000)} s`}
                  </text>
                </g>
              );
            })}
            {ticks.map((t) => (
              <g key={t} transform={`translate(${xOf(t)} ${axisY})`}>
                <line y1={0} y2={5} />
                <text y={17} textAnchor="middle">
                  {clockTime(t)}
                </text>
              </g>
            ))}
          </g>
          {moments.map((m) => (
            <line key={m.step} className="cw-tl__chip-link" x1={chipX(m)} x2={xOf(m.time)} y1={chipsY + 7} y2={axisY} />
          ))}

          <line ref={cursorRef} className="cw-tl__cursor" x1={0} x2={0} y1={4} y2={axisY} />

          {/* Labels last, on a halo of the background: the cursor never crosses their text. */}
          <g className="cw-tl__labels">
            {placed.map(({ m, c, above, below }) => (
              <g key={`${m.step}-${c.path}`}>
                <text x={above.x} y={volumeY - 12 - above.row * LINE} textAnchor="middle">
                  {nameOf(c)}
                </text>
                {below !== undefined && (
                  <text className="cw-tl__late-label" x={below.x} y={volumeY + 20 + below.row * LINE} textAnchor="middle">
                    {notIn(c)}
                  </text>
                )}
              </g>
            ))}
            {snapshots.map((s, i) => {
              const from = requestTime(s.SnapshotId);
              if (from === undefined) return null;
              const x0 = xOf(from);
              const text = `requested ${clockTime(s.StartTime)} (its point in time), ${completedAtEnd(s) ? `completed ${clockTime(s.CompleteAt)}` : 'pending'}`;
              // From the snapshot's point in time, moved left as far as needed to end inside the drawing.
              const textWidth = measure(text, TEXT_PX);
              const x = Math.max(2, Math.min(x0 + 2, width - 4 - textWidth));
              // On a card of the background: the cursor usually stops right by the completion time, and a
              // halo alone lets its line show between the digits.
              return (
                <g key={s.SnapshotId}>
                  <rect className="cw-tl__label-card" x={x - 2} y={laneY(i) + 11} width={textWidth + 4} height={15} />
                  <text data-snapshot-label={snapshotName(s)} x={x} y={laneY(i) + 22}>
                    {text}
                  </text>
                </g>
              );
            })}
            {moments.map((m) => (
              <g
                key={m.step}
                className={m.step === selected ? 'cw-tl__chip cw-tl__chip--selected' : 'cw-tl__chip'}
                data-step={m.step}
                data-x={xOf(m.time)}
                transform={`translate(${chipX(m)} ${chipsY})`}
              >
                <circle r={8} />
                <text y={3.5} textAnchor="middle">
                  {m.step}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
    </div>
  );
}
