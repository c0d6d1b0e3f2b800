/**
 * Link routing for the topology diagram: pure geometry, no DOM.
 *
 * A link never crosses a card that is not one of its ends. It runs in the free space the layout
 * leaves: the channels between columns (and between the outer columns and the Region's edge),
 * which no card ever occupies; the gaps between the cards of a column, which it uses to cross a
 * column it has to pass; and, when the store and the registry are stacked under the AZs, the gap
 * between the two rows. A route is a list of points joined by horizontal and vertical runs, drawn
 * with rounded corners that stay inside the channel they turn in.
 */

export type Point = [number, number];

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Corner radius on a channel's middle track. */
export const CORNER_RADIUS = 5;

/**
 * Links sharing a channel run on tracks this far apart (less when there are many), at most
 * MAX_TRACK_OFFSET either side of the channel's middle, which leaves 3.5 units to a card's edge
 * in a channel between columns (14 units from card to card).
 */
export const TRACK_SPACING = 2.5;
export const MAX_TRACK_OFFSET = 3.5;
const HALF_CHANNEL = 7;

/** The corner radius on a track `offset` from the channel's middle: its corners stay out of the cards beside it. */
export function cornerRadius(offset: number): number {
  return Math.min(CORNER_RADIUS, HALF_CHANNEL - Math.abs(offset));
}

/** How far a link crossing a column keeps from the cards above and below it. */
export const LANE_CLEARANCE = 3;

const round = (n: number): number => Math.round(n * 100) / 100;

/** Drops repeated points and the middle one of three on a line, so every point left is a corner. */
export function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === p[0] && last[1] === p[1]) continue;
    const before = out[out.length - 2];
    if (before !== undefined && last !== undefined) {
      const straight = (before[0] === last[0] && last[0] === p[0]) || (before[1] === last[1] && last[1] === p[1]);
      if (straight) out.pop();
    }
    out.push(p);
  }
  return out;
}

/**
 * SVG path data through the points (horizontal and vertical runs), each corner rounded with a
 * quadratic curve of radius at most `radius` and at most half of either run beside it, so the curve
 * stays within the two runs' reach of the corner.
 */
export function roundedPath(points: readonly Point[], radius = CORNER_RADIUS): string {
  const p = simplify(points);
  const first = p[0];
  if (first === undefined) return '';
  const parts = [`M${round(first[0])},${round(first[1])}`];
  for (let i = 1; i < p.length - 1; i++) {
    const [ax, ay] = p[i - 1] as Point;
    const [bx, by] = p[i] as Point;
    const [cx, cy] = p[i + 1] as Point;
    const inLength = Math.hypot(bx - ax, by - ay);
    const outLength = Math.hypot(cx - bx, cy - by);
    const r = Math.min(radius, inLength / 2, outLength / 2);
    const from: Point = [bx - ((bx - ax) / inLength) * r, by - ((by - ay) / inLength) * r];
    const to: Point = [bx + ((cx - bx) / outLength) * r, by + ((cy - by) / outLength) * r];
    parts.push(`L${round(from[0])},${round(from[1])}`, `Q${round(bx)},${round(by)},${round(to[0])},${round(to[1])}`);
  }
  const last = p[p.length - 1] as Point;
  if (p.length > 1) parts.push(`L${round(last[0])},${round(last[1])}`);
  return parts.join('');
}

/** Whether a horizontal line at y keeps `clearance` away from every card. */
export function clearOf(cards: readonly Box[], y: number, clearance = LANE_CLEARANCE): boolean {
  return cards.every((c) => y <= c.y - clearance || y >= c.y + c.h + clearance);
}

/**
 * The height at which a link now at `y`, heading for `toward`, crosses a column holding `cards`:
 * `y` itself when that is clear of them (no bend), else the middle of a gap between two cards or
 * just under the last one, whichever makes the shortest way to `toward` (then the nearest to `y`,
 * then the higher). Never above the first card: that is the column's header, with its text.
 */
export function laneThrough(cards: readonly Box[], y: number, toward: number, gap: number): number {
  const sorted = [...cards].sort((a, b) => a.y - b.y);
  const firstTop = sorted[0]?.y ?? -Infinity;
  if (clearOf(sorted, y) && y >= firstTop) return y;
  const candidates: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const above = sorted[i - 1] as Box;
    const below = sorted[i] as Box;
    const top = above.y + above.h;
    if (below.y - top >= 2 * LANE_CLEARANCE) candidates.push((top + below.y) / 2);
  }
  const lowest = Math.max(...sorted.map((c) => c.y + c.h));
  // A full gap under the last card: closer, the line reads as part of that card.
  candidates.push(lowest + Math.max(LANE_CLEARANCE, gap));
  const cost = (c: number): [number, number, number] => [Math.abs(y - c) + Math.abs(c - toward), Math.abs(y - c), c];
  candidates.sort((a, b) => {
    const ca = cost(a);
    const cb = cost(b);
    return ca[0] - cb[0] || ca[1] - cb[1] || ca[2] - cb[2];
  });
  return candidates[0] as number;
}

/** The middle of the free space between two side-by-side frames (in either order). */
export function channelBetween(a: Box, b: Box): number {
  const [left, right] = a.x <= b.x ? [a, b] : [b, a];
  return (left.x + left.w + right.x) / 2;
}

/**
 * A route from `start` (on the source's left or right edge) to `end` (on the target's edge facing
 * the way it comes), through the side-by-side frames in `frames` (the source's first, the target's
 * last): it turns only in the channels between them, and crosses each frame in between at a lane
 * clear of that frame's cards (`cardsIn`). `offset` moves its runs in the channels off their
 * middle, onto the link's own track.
 */
export function routeAcross(
  start: Point,
  end: Point,
  frames: readonly Box[],
  cardsIn: (frame: Box) => readonly Box[],
  gap: number,
  offset = 0,
): Point[] {
  const points: Point[] = [start];
  let y = start[1];
  for (let i = 1; i < frames.length; i++) {
    const channel = channelBetween(frames[i - 1] as Box, frames[i] as Box) + offset;
    const isLast = i === frames.length - 1;
    const next = isLast ? end[1] : laneThrough(cardsIn(frames[i] as Box), y, end[1], gap);
    if (next !== y) {
      points.push([channel, y], [channel, next]);
      y = next;
    }
  }
  points.push(end);
  return simplify(points);
}
