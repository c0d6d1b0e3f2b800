/**
 * A small layered layout for the lifecycle statecharts, run at build time (LifecycleChart.astro)
 * so that no graph-layout library ships to the browser: the island receives positions and paths.
 *
 * Each compound state is laid out on its own, top to bottom: a depth-first walk from its initial
 * child finds the back edges, the others rank the children by longest path, and each rank is a
 * centred row. A compound child is a box that holds its own layout. Edges between neighbouring
 * rows are straight; longer forward edges run down lanes on the right, back edges up lanes on the
 * left (nested, the longest outermost, so lanes never cross each other), self-transitions are small
 * loops. Every label is horizontal text beside its own edge.
 *
 * Input is the machine's root state node, read structurally (xstate stays out of src/viz).
 */

/** The parts of an xstate StateNode this layout reads. */
export interface StateNodeLike {
  key: string;
  path: string[];
  type: string;
  states: Record<string, StateNodeLike>;
  transitions: Map<string, ReadonlyArray<{ eventType: string; target?: ReadonlyArray<{ path: string[] }> | undefined }>>;
  initial?: { target: ReadonlyArray<{ path: string[] }> } | undefined;
}

export interface ChartNode {
  /** Dotted path from the root ('completed.archived'), the same form as the state values. */
  id: string;
  label: string;
  type: 'atomic' | 'compound' | 'final';
  /** Id of the compound state that holds it, null at the top level. */
  parent: string | null;
  /** True for the initial child of its parent (the machine's initial state at the top). */
  initial: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ChartEdge {
  /** `${from}|${event}|${to}`, unique per transition. */
  id: string;
  from: string;
  to: string;
  event: string;
  /** SVG path data, ending at the target (the arrowhead is a marker). */
  d: string;
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' };
}

export interface InitialMark {
  /** The state the mark points at. */
  target: string;
  d: string;
  dotX: number;
  dotY: number;
}

export interface StatechartLayout {
  machine: string;
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
  initialMarks: InitialMark[];
}

// Sizes in SVG user units; the chart scales to its container.
const NODE_H = 34;
const CHAR_W = 7.2; // average width of a 13px label character
const LABEL_CHAR_W = 6.8; // 11px monospace edge label
const NODE_MIN_W = 84;
const ROW_GAP = 52;
const COL_GAP = 28;
const LANE_GAP = 14;
const BOX_PAD = 14;
const BOX_TITLE = 26;
const MARGIN = 12;
const INITIAL_STUB = 22;

interface Box {
  w: number;
  h: number;
  /** Nodes and edges relative to the box's top-left corner. */
  nodes: ChartNode[];
  edges: ChartEdge[];
  marks: InitialMark[];
}

interface LevelEdge {
  from: string;
  to: string;
  event: string;
  /** Index of the child that holds the source and the target at this level. */
  s: number;
  t: number;
}

const idOf = (path: readonly string[]): string => path.join('.');
const labelWidth = (text: string): number => text.length * LABEL_CHAR_W;

/** Every transition of the machine as (source, event, target) with dotted ids. */
export function machineTransitions(root: StateNodeLike): Array<{ from: string; event: string; to: string }> {
  const out: Array<{ from: string; event: string; to: string }> = [];
  const visit = (node: StateNodeLike): void => {
    for (const [event, list] of node.transitions) {
      for (const t of list) for (const target of t.target ?? []) out.push({ from: idOf(node.path), event: t.eventType || event, to: idOf(target.path) });
    }
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(root);
  return out;
}

/** Every state of the machine (root excluded) with its dotted id. */
export function machineStates(root: StateNodeLike): string[] {
  const out: string[] = [];
  const visit = (node: StateNodeLike): void => {
    for (const child of Object.values(node.states)) {
      out.push(idOf(child.path));
      visit(child);
    }
  };
  visit(root);
  return out;
}

/** Ranks of the children: back edges found by a depth-first walk from the initial child, then longest path. */
function rank(count: number, initial: number, edges: readonly LevelEdge[]): { ranks: number[]; order: number[]; back: Set<LevelEdge> } {
  const back = new Set<LevelEdge>();
  const seen = new Array<boolean>(count).fill(false);
  const onStack = new Array<boolean>(count).fill(false);
  const order: number[] = [];
  const dfs = (v: number): void => {
    seen[v] = true;
    onStack[v] = true;
    order.push(v);
    for (const e of edges) {
      if (e.s !== v || e.t === v) continue;
      if (onStack[e.t]) back.add(e);
      else if (!seen[e.t]) dfs(e.t);
    }
    onStack[v] = false;
  };
  dfs(initial);
  for (let v = 0; v < count; v++) if (!seen[v]) dfs(v);
  const ranks = new Array<number>(count).fill(0);
  // Longest path over the forward edges: relax in discovery order until nothing changes (small graphs).
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of edges) {
      if (e.s === e.t || back.has(e)) continue;
      const r = (ranks[e.s] ?? 0) + 1;
      if (r > (ranks[e.t] ?? 0)) {
        ranks[e.t] = r;
        changed = true;
      }
    }
  }
  return { ranks, order, back };
}

function layoutLevel(node: StateNodeLike, parent: string | null): Box {
  const children = Object.values(node.states);
  const index = new Map(children.map((c, i) => [idOf(c.path), i]));
  const initialTarget = node.initial?.target[0];
  const initialIndex = initialTarget ? (index.get(idOf(initialTarget.path.slice(0, node.path.length + 1))) ?? 0) : 0;

  // Each child is a box: an atomic state is a pill, a compound one holds its own layout.
  const inner = children.map((c) => (c.type === 'compound' ? layoutLevel(c, idOf(c.path)) : null));
  const sizes = children.map((c, i) => {
    const box = inner[i];
    const title = Math.max(NODE_MIN_W, c.key.length * CHAR_W + 28);
    return box ? { w: Math.max(box.w + 2 * BOX_PAD, title), h: box.h + BOX_TITLE + BOX_PAD } : { w: title, h: NODE_H };
  });

  // Transitions whose source and target both sit under this node, mapped to the children holding them.
  const depth = node.path.length;
  const levelEdges: LevelEdge[] = [];
  for (const t of machineTransitions(node)) {
    const s = index.get(t.from.split('.').slice(0, depth + 1).join('.'));
    const tt = index.get(t.to.split('.').slice(0, depth + 1).join('.'));
    if (s === undefined || tt === undefined) continue;
    if (inner[s] && s === tt) continue; // inside a compound child: that child's own layout draws it
    levelEdges.push({ ...t, s, t: tt });
  }
  const { ranks, order, back } = rank(children.length, initialIndex, levelEdges);

  // Rows: nodes of one rank side by side, in discovery order, centred.
  const rowCount = Math.max(...ranks) + 1;
  const rows: number[][] = Array.from({ length: rowCount }, () => []);
  for (const v of order) rows[ranks[v] ?? 0]?.push(v);
  const rowW = rows.map((row) => row.reduce((sum, v) => sum + (sizes[v]?.w ?? 0), 0) + COL_GAP * Math.max(0, row.length - 1));
  const rowH = rows.map((row) => Math.max(...row.map((v) => sizes[v]?.h ?? 0)));
  const coreW = Math.max(...rowW);

  // Lanes: long forward edges on the right, back edges spanning more than one row on the left.
  const span = (e: LevelEdge): number => Math.abs((ranks[e.t] ?? 0) - (ranks[e.s] ?? 0));
  const rightEdges = levelEdges.filter((e) => !back.has(e) && e.s !== e.t && span(e) > 1).sort((a, b) => span(a) - span(b));
  const leftEdges = levelEdges.filter((e) => back.has(e) && span(e) > 1).sort((a, b) => span(a) - span(b));
  const selfEdges = levelEdges.filter((e) => e.s === e.t);
  const rightLabel = Math.max(0, ...rightEdges.map((e) => labelWidth(e.event)), ...selfEdges.map((e) => labelWidth(e.event) + 18));
  const leftLabel = Math.max(0, ...leftEdges.map((e) => labelWidth(e.event)));
  const leftW = leftEdges.length > 0 ? leftLabel + 12 + LANE_GAP * leftEdges.length : 0;
  const top = parent === null ? INITIAL_STUB + 6 : INITIAL_STUB;

  const pos: Array<{ x: number; y: number; w: number; h: number }> = new Array(children.length);
  let y = top;
  rows.forEach((row, r) => {
    let x = leftW + (coreW - (rowW[r] ?? 0)) / 2;
    for (const v of row) {
      const size = sizes[v] ?? { w: NODE_MIN_W, h: NODE_H };
      pos[v] = { x, y: y + ((rowH[r] ?? 0) - size.h) / 2, w: size.w, h: size.h };
      x += size.w + COL_GAP;
    }
    y += (rowH[r] ?? 0) + ROW_GAP;
  });
  // Labels of edges between neighbouring rows stand right of their midpoint: lanes start beyond them.
  const centre = (v: number): number => (pos[v]?.x ?? 0) + (pos[v]?.w ?? 0) / 2;
  const shortLabelEnd = Math.max(
    0,
    ...levelEdges.filter((e) => e.s !== e.t && span(e) === 1).map((e) => (centre(e.s) + centre(e.t)) / 2 + 15 + labelWidth(e.event)),
  );
  const laneBase = Math.max(leftW + coreW + rightLabel + 12, shortLabelEnd + 8);
  const width = Math.max(
    shortLabelEnd,
    rightEdges.length > 0 ? laneBase + LANE_GAP * (rightEdges.length - 1) + 2 : leftW + coreW + (selfEdges.length > 0 ? rightLabel + 12 : 0),
  );
  const height = y - ROW_GAP;

  const nodes: ChartNode[] = [];
  const edges: ChartEdge[] = [];
  const marks: InitialMark[] = [];
  children.forEach((c, i) => {
    const p = pos[i];
    if (!p) return;
    const id = idOf(c.path);
    nodes.push({ id, label: c.key, type: c.type === 'final' ? 'final' : c.type === 'compound' ? 'compound' : 'atomic', parent, initial: i === initialIndex, ...p });
    const box = inner[i];
    if (box) {
      const dx = p.x + (p.w - box.w) / 2;
      const dy = p.y + BOX_TITLE;
      nodes.push(...box.nodes.map((n) => ({ ...n, x: n.x + dx, y: n.y + dy })));
      edges.push(...box.edges.map((e) => ({ ...e, d: shift(e.d, dx, dy), label: { ...e.label, x: e.label.x + dx, y: e.label.y + dy } })));
      marks.push(...box.marks.map((m) => ({ ...m, d: shift(m.d, dx, dy), dotX: m.dotX + dx, dotY: m.dotY + dy })));
    }
  });
  const start = pos[initialIndex];
  const startChild = children[initialIndex];
  if (start && startChild) {
    const cx = start.x + start.w / 2;
    marks.push({ target: idOf(startChild.path), d: `M${r1(cx)},${r1(start.y - INITIAL_STUB + 4)} V${r1(start.y)}`, dotX: r1(cx), dotY: r1(start.y - INITIAL_STUB + 4) });
  }

  // Pairs of opposite edges between neighbouring rows sit side by side.
  const pairKey = (a: number, b: number): string => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const shortPairs = new Map<string, number>();
  for (const e of levelEdges) if (e.s !== e.t && span(e) <= 1) shortPairs.set(pairKey(e.s, e.t), (shortPairs.get(pairKey(e.s, e.t)) ?? 0) + 1);
  // Several lane edges ending at one node arrive at different heights.
  const arrivals = new Map<string, number>();
  const arrival = (side: string, v: number, h: number): number => {
    const key = `${side}${v}`;
    const k = arrivals.get(key) ?? 0;
    arrivals.set(key, k + 1);
    return (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * Math.min(12, h / 3);
  };

  const departures: Array<{ key: string; edge: number; sy: number }> = [];
  for (const e of levelEdges) {
    const a = pos[e.s];
    const b = pos[e.t];
    if (!a || !b) continue;
    const id = `${e.from}|${e.event}|${e.to}`;
    if (e.s === e.t) {
      // A loop over the top-right corner, or the bottom-right one when lanes leave from the right side.
      const low = rightEdges.some((r) => r.s === e.s || r.t === e.s);
      const x0 = a.x + a.w - 22;
      const y0 = low ? a.y + a.h : a.y;
      const x1 = a.x + a.w;
      const y1 = low ? a.y + a.h - 10 : a.y + 10;
      const bulge = low ? 22 : -22;
      edges.push({
        id,
        from: e.from,
        to: e.to,
        event: e.event,
        d: `M${r1(x0)},${r1(y0)} C${r1(x0)},${r1(y0 + bulge)} ${r1(x1 + 22)},${r1(y1)} ${r1(x1)},${r1(y1)}`,
        label: { x: r1(x1 + 16), y: r1(low ? y0 + 14 : y0 - 8), anchor: 'start' },
      });
      continue;
    }
    const rs = ranks[e.s] ?? 0;
    const rt = ranks[e.t] ?? 0;
    if (rs === rt) {
      const leftToRight = a.x < b.x;
      const sx = leftToRight ? a.x + a.w : a.x;
      const tx = leftToRight ? b.x : b.x + b.w;
      const yy = a.y + a.h / 2;
      edges.push({ id, from: e.from, to: e.to, event: e.event, d: `M${r1(sx)},${r1(yy)} H${r1(tx)}`, label: { x: r1((sx + tx) / 2), y: r1(yy - 6), anchor: 'middle' } });
      continue;
    }
    if (span(e) === 1) {
      const down = rt > rs;
      const paired = (shortPairs.get(pairKey(e.s, e.t)) ?? 0) > 1;
      const off = paired ? (down ? 9 : -9) : 0;
      const sx = a.x + a.w / 2 + off;
      const sy = down ? a.y + a.h : a.y;
      const tx = b.x + b.w / 2 + off;
      const ty = down ? b.y : b.y + b.h;
      const my = (sy + ty) / 2;
      // Straight, so a pair of opposite edges stays two parallel lines; labels on the outer sides.
      const anchor = paired ? (down ? 'start' : 'end') : tx < sx - 1 ? 'end' : 'start';
      edges.push({
        id,
        from: e.from,
        to: e.to,
        event: e.event,
        d: `M${r1(sx)},${r1(sy)} L${r1(tx)},${r1(ty)}`,
        label: { x: r1((sx + tx) / 2 + (anchor === 'end' ? -6 : 6)), y: r1(my + 4), anchor },
      });
      continue;
    }
    // A lane: out of the side of the source, along the lane, into the same side of the target.
    const right = !back.has(e);
    const lane = right ? rightEdges.indexOf(e) : leftEdges.indexOf(e);
    const laneX = right ? laneBase + LANE_GAP * lane : leftW - leftLabel - 12 - LANE_GAP * lane;
    const sx = right ? a.x + a.w : a.x;
    const tx = right ? b.x + b.w : b.x;
    const sy = a.y + a.h / 2 + arrival(right ? 'r' : 'l', e.s, a.h);
    const ty = b.y + b.h / 2 + arrival(right ? 'r' : 'l', e.t, b.h);
    const dir = ty > sy ? 1 : -1;
    const bend = 6;
    const sgn = right ? 1 : -1;
    departures.push({ key: `${right ? 'r' : 'l'}${e.s}`, edge: edges.length, sy });
    edges.push({
      id,
      from: e.from,
      to: e.to,
      event: e.event,
      d:
        `M${r1(sx)},${r1(sy)} H${r1(laneX - sgn * bend)} Q${r1(laneX)},${r1(sy)} ${r1(laneX)},${r1(sy + dir * bend)} ` +
        `V${r1(ty - dir * bend)} Q${r1(laneX)},${r1(ty)} ${r1(laneX - sgn * bend)},${r1(ty)} H${r1(tx)}`,
      label: { x: r1(sx + sgn * 6), y: r1(sy - 5), anchor: right ? 'start' : 'end' },
    });
  }
  // Lane edges leaving one side of one node run a line apart, closer than a label is tall: the top one
  // keeps its label above its line, the others take theirs below, so no line runs through a label.
  for (const d of departures) {
    const topmost = Math.min(...departures.filter((other) => other.key === d.key).map((other) => other.sy));
    const edge = edges[d.edge];
    if (edge && d.sy > topmost) edge.label = { ...edge.label, y: r1(d.sy + 13) };
  }
  return { w: width, h: height, nodes, edges, marks };
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

/** Moves every coordinate pair of a path made by this module (absolute M, L, H, V, C, Q commands). */
function shift(d: string, dx: number, dy: number): string {
  return d.replace(/([MLHVCQ])([^MLHVCQ]*)/g, (_, cmd: string, args: string) => {
    const nums = args.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (cmd === 'H') return `H${r1((nums[0] ?? 0) + dx)} `;
    if (cmd === 'V') return `V${r1((nums[0] ?? 0) + dy)} `;
    const pairs: string[] = [];
    for (let i = 0; i + 1 < nums.length; i += 2) pairs.push(`${r1((nums[i] ?? 0) + dx)},${r1((nums[i + 1] ?? 0) + dy)}`);
    return `${cmd}${pairs.join(' ')} `;
  }).trim();
}

/** The chart of a machine: pass `machine.root`. */
export function layoutStatechart(root: StateNodeLike, machine: string): StatechartLayout {
  const box = layoutLevel(root, null);
  const move = (n: number, by: number): number => r1(n + by);
  return {
    machine,
    width: Math.ceil(box.w + 2 * MARGIN),
    height: Math.ceil(box.h + 2 * MARGIN),
    nodes: box.nodes.map((n) => ({ ...n, x: move(n.x, MARGIN), y: move(n.y, MARGIN), w: r1(n.w), h: r1(n.h) })),
    edges: box.edges.map((e) => ({ ...e, d: shift(e.d, MARGIN, MARGIN), label: { ...e.label, x: move(e.label.x, MARGIN), y: move(e.label.y, MARGIN) } })),
    initialMarks: box.marks.map((m) => ({ ...m, d: shift(m.d, MARGIN, MARGIN), dotX: move(m.dotX, MARGIN), dotY: move(m.dotY, MARGIN) })),
  };
}
