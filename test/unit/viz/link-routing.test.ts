// No link of the topology diagram passes through a card that is not one of its ends (issue #5: at
// custom-ami-with-instances, web-server's root volume's link to golden-image-root ran under web-2's
// card). Checked on the path data the drawing gets, for every scenario's world (and every world on
// the way there, laid out as the lab does, each layout fed the previous one's order), wide and
// stacked, and on random worlds.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runScript } from '../../../src/cli/run.ts';
import { createWorld, execute, publicImageId } from '../../../src/sim/index.ts';
import type { SimCall, World } from '../../../src/sim/index.ts';
import { layoutTopology } from '../../../src/viz/layout.ts';
import type { LayoutLink, LayoutNode, LayoutOrder, TopologyLayout } from '../../../src/viz/layout.ts';

type Point = [number, number];

/** The path data as a polyline: M, L, H, V, Q and C (absolute, as layout.ts writes them), curves sampled finely. */
export function flatten(d: string): Point[] {
  const tokens = d.match(/[MLHVQC]|-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? [];
  const points: Point[] = [];
  let i = 0;
  let command = '';
  let at: Point = [0, 0];
  const num = (): number => {
    const t = tokens[i++];
    if (t === undefined || Number.isNaN(Number(t))) throw new Error(`bad path data: ${d}`);
    return Number(t);
  };
  const sample = (f: (t: number) => Point): void => {
    for (let s = 1; s <= 48; s++) points.push(f(s / 48));
  };
  while (i < tokens.length) {
    if (/^[A-Za-z]$/.test(tokens[i] ?? '')) command = tokens[i++] ?? '';
    if (command !== command.toUpperCase()) throw new Error(`relative commands are not expected: ${d}`);
    const from = at;
    switch (command) {
      case 'M':
      case 'L':
        at = [num(), num()];
        points.push(at);
        break;
      case 'H':
        at = [num(), from[1]];
        points.push(at);
        break;
      case 'V':
        at = [from[0], num()];
        points.push(at);
        break;
      case 'Q': {
        const c: Point = [num(), num()];
        at = [num(), num()];
        const to = at;
        sample((t) => [0, 1].map((k) => (1 - t) ** 2 * from[k]! + 2 * (1 - t) * t * c[k]! + t ** 2 * to[k]!) as Point);
        break;
      }
      case 'C': {
        const c1: Point = [num(), num()];
        const c2: Point = [num(), num()];
        at = [num(), num()];
        const to = at;
        sample((t) => [0, 1].map((k) => (1 - t) ** 3 * from[k]! + 3 * (1 - t) ** 2 * t * c1[k]! + 3 * (1 - t) * t ** 2 * c2[k]! + t ** 3 * to[k]!) as Point);
        break;
      }
      default:
        throw new Error(`unexpected command ${command} in ${d}`);
    }
  }
  return points;
}

/** Whether the segment p-q enters the rectangle's interior (Liang-Barsky; touching an edge is not entering). */
export function segmentEntersRect(p: Point, q: Point, r: { x: number; y: number; w: number; h: number }, inset = 0.5): boolean {
  const [x0, y0] = p;
  const dx = q[0] - x0;
  const dy = q[1] - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: Array<[number, number]> = [
    [-dx, x0 - (r.x + inset)],
    [dx, r.x + r.w - inset - x0],
    [-dy, y0 - (r.y + inset)],
    [dy, r.y + r.h - inset - y0],
  ];
  for (const [pp, qq] of edges) {
    if (pp === 0) {
      if (qq <= 0) return false;
      continue;
    }
    const t = qq / pp;
    if (pp < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

/** "link crosses node" for every link that passes through a node other than its ends and the cards holding them. */
function crossings(layout: TopologyLayout): string[] {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const found: string[] = [];
  for (const link of layout.links) {
    const ends = new Set<string>();
    for (const id of [link.source, link.target]) {
      ends.add(id);
      const parent = byId.get(id)?.parentId;
      if (parent !== undefined) ends.add(parent);
    }
    const line = flatten(link.path);
    for (const n of layout.nodes) {
      if (ends.has(n.id)) continue;
      for (let k = 1; k < line.length; k++) {
        if (segmentEntersRect(line[k - 1]!, line[k]!, n)) {
          found.push(`${describeLink(link, byId)} crosses ${describeNode(n)}`);
          break;
        }
      }
    }
  }
  return found;
}

const describeNode = (n: LayoutNode): string => `${n.kind} ${n.label === n.id ? n.id : `${n.label} (${n.id})`}`;
const describeLink = (l: LayoutLink, byId: Map<string, LayoutNode>): string =>
  `link ${[l.source, l.target].map((id) => (byId.get(id) ? describeNode(byId.get(id)!) : id)).join(' -> ')}`;

/** Links start and end on their nodes' edges. */
function endsOnEdges(layout: TopologyLayout): string[] {
  const byId = new Map(layout.nodes.map((n) => [n.id, n]));
  const onEdge = ([x, y]: Point, n: LayoutNode): boolean => {
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;
    const inX = x >= n.x - 1e-6 && x <= n.x + n.w + 1e-6;
    const inY = y >= n.y - 1e-6 && y <= n.y + n.h + 1e-6;
    return ((near(x, n.x) || near(x, n.x + n.w)) && inY) || ((near(y, n.y) || near(y, n.y + n.h)) && inX);
  };
  const bad: string[] = [];
  for (const l of layout.links) {
    const line = flatten(l.path);
    if (!onEdge(line[0]!, byId.get(l.source)!) || !onEdge(line[line.length - 1]!, byId.get(l.target)!)) bad.push(l.id);
  }
  return bad;
}

const FOLDER = resolve(import.meta.dirname, '../../../content/scenarios');
const scenarios = readdirSync(FOLDER)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((file) => {
    const { script } = parse(readFileSync(join(FOLDER, file), 'utf8')) as { script: string };
    return { name: file.replace(/\.ya?ml$/, ''), script };
  });

const MODES = [
  { name: 'wide', options: {} },
  { name: 'stacked', options: { stacked: true } },
] as const;

describe('no link passes through a card that is not one of its ends', () => {
  for (const { name, script } of scenarios) {
    for (const mode of MODES) {
      test(`${name} (${mode.name})`, () => {
        const result = runScript(createWorld(), script);
        expect(result.exitCode).toBe(0);
        // The scenario's world, laid out fresh.
        const final = layoutTopology(result.world, undefined, mode.options);
        expect(crossings(final)).toEqual([]);
        expect(endsOnEdges(final)).toEqual([]);
        // And every world on the way, laid out as the lab does (each with the previous order).
        let order: LayoutOrder | undefined;
        for (const step of result.steps) {
          const layout = layoutTopology(step.world, order, mode.options);
          expect(crossings(layout), step.command).toEqual([]);
          order = layout.order;
        }
      });
    }
  }

  test('custom-ami-with-instances: the link from web-server’s root volume does not run under web-2', () => {
    const script = scenarios.find((s) => s.name === 'custom-ami-with-instances')?.script ?? '';
    const { world } = runScript(createWorld(), script);
    const layout = layoutTopology(world);
    const named = (name: string) => layout.nodes.find((n) => n.label === name)!;
    const web2 = named('web-2');
    const link = layout.links.find((l) => l.target === named('golden-image-root').id && l.kind === 'snapshot-of-volume')!;
    expect(layout.nodes.find((n) => n.id === link.source)?.parentId).toBe(named('web-server').id);
    const line = flatten(link.path);
    expect(line.some((p, k) => k > 0 && segmentEntersRect(line[k - 1]!, p, web2))).toBe(false);
  });
});

describe('random worlds', () => {
  const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'eu-west-1a', 'eu-west-1c'];
  const step = fc.record({ kind: fc.constantFrom('run', 'run', 'volume', 'attach', 'snapshot', 'snapshot', 'image', 'terminate', 'advance'), a: fc.nat(50), b: fc.nat(50) });

  function apply(world: World, s: { kind: string; a: number; b: number }): World {
    const zone = ZONES[s.a % ZONES.length]!;
    const region = zone.slice(0, -1) as 'us-east-1' | 'eu-west-1';
    const volumes = Object.values(world.volumes);
    const instances = Object.values(world.instances);
    let call: SimCall;
    switch (s.kind) {
      case 'run':
        call = { action: 'RunInstances', region, params: { ImageId: publicImageId(world, region, 'al2023'), MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: zone } } };
        break;
      case 'volume':
        call = { action: 'CreateVolume', region, params: { AvailabilityZone: zone, Size: 2 } };
        break;
      case 'attach': {
        const v = volumes.filter((x) => x.State === 'available')[s.a % Math.max(1, volumes.length)];
        const i = instances.filter((x) => x.AvailabilityZone === v?.AvailabilityZone && x.State === 'running')[s.b % Math.max(1, instances.length)];
        if (v === undefined || i === undefined) return world;
        call = { action: 'AttachVolume', region: v.Region, params: { VolumeId: v.VolumeId, InstanceId: i.InstanceId, Device: `/dev/sd${'fghij'[s.b % 5]}` } };
        break;
      }
      case 'snapshot': {
        const v = volumes[s.b % Math.max(1, volumes.length)];
        if (v === undefined) return world;
        call = { action: 'CreateSnapshot', region: v.Region, params: { VolumeId: v.VolumeId } };
        break;
      }
      case 'image': {
        const i = instances[s.b % Math.max(1, instances.length)];
        if (i === undefined) return world;
        call = { action: 'CreateImage', region: i.Region, params: { InstanceId: i.InstanceId, Name: `img-${s.a}-${s.b}` } };
        break;
      }
      case 'terminate': {
        const i = instances[s.b % Math.max(1, instances.length)];
        if (i === undefined) return world;
        call = { action: 'TerminateInstances', region: i.Region, params: { InstanceIds: [i.InstanceId] } };
        break;
      }
      default:
        call = { action: 'Advance', params: { Seconds: 30 + s.a * 20 } };
    }
    const result = execute(world, call);
    return result.ok ? result.world : world;
  }

  test('no link crosses a card, wide or stacked, as resources are added', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        let world = createWorld();
        const orders: Record<string, LayoutOrder | undefined> = {};
        for (const s of steps) {
          world = apply(world, s);
          for (const mode of MODES) {
            const layout = layoutTopology(world, orders[mode.name], mode.options);
            expect(crossings(layout)).toEqual([]);
            expect(endsOnEdges(layout)).toEqual([]);
            orders[mode.name] = layout.order;
          }
        }
      }),
      { numRuns: 150, seed: 5 },
    );
  });
});

test('the checker sees a crossing: a straight line through a card', () => {
  expect(segmentEntersRect([0, 50], [300, 50], { x: 100, y: 0, w: 50, h: 100 })).toBe(true);
  expect(segmentEntersRect([0, 0], [100, 0], { x: 100, y: 0, w: 50, h: 100 })).toBe(false);
  expect(segmentEntersRect([0, 120], [300, 120], { x: 100, y: 0, w: 50, h: 100 })).toBe(false);
  // A curve that bulges into the card is seen once sampled.
  const line = flatten('M0,0C200,0,200,200,0,200');
  expect(line.some((p, k) => k > 0 && segmentEntersRect(line[k - 1]!, p, { x: 140, y: 90, w: 20, h: 20 }))).toBe(true);
});
