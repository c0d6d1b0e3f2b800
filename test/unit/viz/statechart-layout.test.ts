/** The lifecycle chart's build-time layout: every state and every transition of each machine is drawn, and nothing overlaps. */
import { describe, expect, test } from 'vitest';
import {
  attachmentLifecycle,
  fastSnapshotRestoreLifecycle,
  imageLifecycle,
  instanceLifecycle,
  snapshotLifecycle,
  volumeLifecycle,
} from '../../../src/sim/index.ts';
import { layoutStatechart, machineStates, machineTransitions } from '../../../src/viz/statechart-layout.ts';
import type { ChartEdge, ChartNode } from '../../../src/viz/statechart-layout.ts';

const MACHINES = { instanceLifecycle, volumeLifecycle, attachmentLifecycle, snapshotLifecycle, imageLifecycle, fastSnapshotRestoreLifecycle };

const inside = (inner: ChartNode, outer: ChartNode): boolean =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
const overlap = (a: ChartNode, b: ChartNode): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every coordinate of a path's data as [axis, value], for the absolute commands the layout writes (M, L, H, V, C, Q). */
function pathCoordinates(d: string): Array<['x' | 'y', number]> {
  const out: Array<['x' | 'y', number]> = [];
  for (const [, cmd, args] of d.matchAll(/([MLHVCQ])([^MLHVCQ]*)/g)) {
    const nums = (args ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);
    nums.forEach((n, i) => out.push([cmd === 'H' ? 'x' : cmd === 'V' ? 'y' : i % 2 === 0 ? 'x' : 'y', n]));
  }
  return out;
}

/** An edge label's box: 11 px monospace, about 6.8 px a character, 8 px above its baseline to 2 px below. */
function labelBox(e: ChartEdge): { x0: number; x1: number; y0: number; y1: number } {
  const w = e.event.length * 6.8;
  const x0 = e.label.anchor === 'start' ? e.label.x : e.label.anchor === 'end' ? e.label.x - w : e.label.x - w / 2;
  return { x0, x1: x0 + w, y0: e.label.y - 8, y1: e.label.y + 2 };
}

describe.each(Object.entries(MACHINES))('%s', (_, machine) => {
  const layout = layoutStatechart(machine.root, machine.id);

  test('no line leaving a node sideways runs through another edge’s label', () => {
    for (const e of layout.edges) {
      const first = /^M([\d.]+),([\d.]+) H([\d.]+)/.exec(e.d);
      if (!first) continue;
      const [x, y, h] = [Number(first[1]), Number(first[2]), Number(first[3])];
      for (const other of layout.edges.filter((o) => o !== e)) {
        const box = labelBox(other);
        const crosses = y > box.y0 && y < box.y1 && Math.min(x, h) < box.x1 && Math.max(x, h) > box.x0;
        expect(crosses, `${e.id} runs through the label ${other.event}`).toBe(false);
      }
    }
  });

  test('every state of the machine is a node, once, and nothing else is', () => {
    const ids = layout.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(machineStates(machine.root).sort());
  });

  test('every transition of the machine is an edge, once, and nothing else is', () => {
    const edges = layout.edges.map((e) => `${e.from} -${e.event}-> ${e.to}`).sort();
    const transitions = machineTransitions(machine.root).map((t) => `${t.from} -${t.event}-> ${t.to}`).sort();
    expect(transitions.length).toBeGreaterThan(0);
    expect(edges).toEqual(transitions);
    expect(new Set(layout.edges.map((e) => e.id)).size).toBe(layout.edges.length);
  });

  test('the initial state of the machine and of every compound state is marked', () => {
    const initials = layout.nodes.filter((n) => n.initial).map((n) => n.id).sort();
    expect(layout.initialMarks.map((m) => m.target).sort()).toEqual(initials);
    const compounds = layout.nodes.filter((n) => n.type === 'compound');
    expect(initials).toHaveLength(compounds.length + 1);
    expect(initials).toContain(String(machine.config.initial));
  });

  test('final states are marked final', () => {
    const finals = Object.values(machine.root.states).filter((s) => s.type === 'final').map((s) => s.key);
    expect(layout.nodes.filter((n) => n.type === 'final').map((n) => n.id)).toEqual(finals);
  });

  test('nodes sit inside the chart and inside their parent, and siblings never overlap', () => {
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.h).toBeLessThanOrEqual(layout.height);
      const parent = n.parent === null ? undefined : byId.get(n.parent);
      if (parent) expect(inside(n, parent), `${n.id} inside ${parent.id}`).toBe(true);
      for (const m of layout.nodes) if (m !== n && m.parent === n.parent) expect(overlap(n, m), `${n.id} and ${m.id}`).toBe(false);
    }
  });

  test('edges and labels stay within the chart', () => {
    for (const e of layout.edges) {
      const coordinates = pathCoordinates(e.d);
      expect(coordinates.length).toBeGreaterThanOrEqual(4);
      for (const [axis, value] of coordinates) {
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(axis === 'x' ? layout.width : layout.height);
      }
      expect(e.label.x).toBeGreaterThan(0);
      expect(e.label.x).toBeLessThan(layout.width);
      expect(e.label.y).toBeGreaterThan(0);
    }
  });
});
