/**
 * layoutTopology: the lab diagram's geometry as a pure function of the World.
 *
 * Each Region is a row of fixed-width columns: its Availability Zones side by side, then the
 * Region-wide snapshot store, then the AMI registry. Stacked (`{ stacked: true }`, for a column too
 * narrow for that row, such as a lesson's text), the store and the registry go in a second row
 * under the AZs, so the whole Region is three columns wide. Instances (with their attached volumes) and
 * free volumes stack in their AZ's column; snapshots and images stack in theirs. A second Region
 * appears to the right of the first once something of the learner's lives there.
 *
 * Stability: nodes are ordered within a column by the order of the previous layout (passed back
 * in as `previous`), and resources the previous layout did not have are appended after them, by
 * creation time then id. So adding a resource never moves the others, whatever their ids or
 * times; without a previous layout the order is simply creation time then id. Everything else
 * (sizes, gaps) is constant, and the result depends on nothing but its inputs.
 *
 * Links (a snapshot's from its volume, an AMI's to its snapshots) are routed after the nodes are
 * placed (routing.ts): they never cross a card that is not one of their ends, and never move a node.
 */
import type { Image, Instance, RegionName, Snapshot, Volume, World } from '../sim/index.ts';
import { AVAILABILITY_ZONES, REGIONS } from '../sim/index.ts';
import { snapshotPercent } from '../sim/format.ts';
import { channelBetween, cornerRadius, MAX_TRACK_OFFSET, roundedPath, routeAcross, simplify, TRACK_SPACING } from './routing.ts';
import type { Box, Point } from './routing.ts';

export type NodeKind = 'instance' | 'volume' | 'snapshot' | 'image';
export type FrameKind = 'region' | 'az' | 'store' | 'registry';

export interface LayoutNode {
  id: string;
  kind: NodeKind;
  region: RegionName;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Name tag, else the id. */
  label: string;
  /** Second line: what the resource is or where it comes from. */
  detail: string;
  /** The resource's state as the API names it (running, in-use, pending, available...). */
  state: string;
  /** Volumes drawn inside an instance card name that instance. */
  parentId?: string;
  /** Device name of an attached volume, and whether it is the instance's root device. */
  device?: string;
  root?: boolean;
  /** Share of a pending snapshot's work done (0..1); 1 once completed. */
  progress?: number;
  /** An image or snapshot owned by another account (the public catalogue). */
  foreign?: boolean;
  /**
   * Where the node comes from, as an offset from its own position to the centre of its source's
   * box: a snapshot's volume, a volume's snapshot, an AMI's first snapshot. A node appearing
   * grows out of there (the drawing's enter animation).
   */
  origin?: { dx: number; dy: number };
}

export interface LayoutFrame {
  id: string;
  kind: FrameKind;
  region: RegionName;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  /** A short note under the label (where the store keeps its data). */
  note?: string;
}

export interface LayoutLink {
  /** `${source}->${target}`, unique within a layout. */
  id: string;
  kind: 'snapshot-of-volume' | 'image-uses-snapshot';
  source: string;
  target: string;
  /**
   * SVG path data from the source node's edge to the target node's edge, routed around every other
   * card (routing.ts): a volume's link leaves its right edge (stacked: its left edge) and enters
   * the snapshot's left edge; an AMI's leaves its left edge and enters the snapshot's right edge.
   */
  path: string;
}

/** Column id -> ids in drawing order; feed it back as `previous` to keep positions stable. */
export type LayoutOrder = Readonly<Record<string, readonly string[]>>;

export interface TopologyLayout {
  width: number;
  height: number;
  frames: LayoutFrame[];
  nodes: LayoutNode[];
  links: LayoutLink[];
  order: LayoutOrder;
}

/** Sizes in SVG user units. */
export const METRICS = {
  margin: 8,
  regionGap: 24,
  regionHeader: 30,
  pad: 8,
  columnWidth: 200,
  columnGap: 6,
  /** Space between a column's frame and the cards in it, so a card never sits on the frame's line. */
  cardInset: 5,
  columnHeader: 54,
  nodeGap: 8,
  instanceHeader: 50,
  volumeRow: 36,
  freeVolume: 50,
  snapshot: 56,
  image: 50,
} as const;

const M = METRICS;

function nameOf(tags: ReadonlyArray<{ Key: string; Value: string }>): string | undefined {
  return tags.find((t) => t.Key === 'Name')?.Value;
}

/** Keeps the previous order of ids still present, then appends new ones by (time, id). */
function stableOrder(previous: readonly string[] | undefined, items: ReadonlyArray<{ id: string; time: number }>): string[] {
  const present = new Set(items.map((i) => i.id));
  const kept = (previous ?? []).filter((id) => present.has(id));
  const seen = new Set(kept);
  const added = items
    .filter((i) => !seen.has(i.id))
    .sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((i) => i.id);
  return [...kept, ...added];
}

/** Regions drawn: the first always, the others once they hold something of the learner's. */
export function visibleRegions(world: World): RegionName[] {
  const used = new Set<RegionName>([REGIONS[0] as RegionName]);
  for (const i of Object.values(world.instances)) used.add(i.Region);
  for (const v of Object.values(world.volumes)) used.add(v.Region);
  for (const s of Object.values(world.snapshots)) if (s.OwnerId === world.accountId) used.add(s.Region);
  for (const img of Object.values(world.images)) if (img.OwnerId === world.accountId) used.add(img.Region);
  return REGIONS.filter((r) => used.has(r));
}

function sortedVolumes(instance: Instance, volumes: readonly Volume[]): Volume[] {
  return volumes
    .filter((v) => v.Attachment?.InstanceId === instance.InstanceId)
    .sort((a, b) => {
      const ar = a.Attachment?.Device === instance.RootDeviceName ? 0 : 1;
      const br = b.Attachment?.Device === instance.RootDeviceName ? 0 : 1;
      const ad = a.Attachment?.Device ?? '';
      const bd = b.Attachment?.Device ?? '';
      return ar - br || (ad < bd ? -1 : ad > bd ? 1 : 0);
    });
}

export interface LayoutOptions {
  /** The snapshot store and the AMI registry under the AZs instead of beside them. */
  stacked?: boolean;
}

function regionWidth(zoneCount: number, stacked: boolean): number {
  const columnCount = stacked ? Math.max(zoneCount, 2) : zoneCount + 2;
  return 2 * M.pad + columnCount * M.columnWidth + (columnCount - 1) * M.columnGap;
}

/** The width layoutTopology(world, _, options) has, without laying anything out. */
export function topologyWidth(world: World, options: LayoutOptions = {}): number {
  const regions = visibleRegions(world);
  const sum = regions.reduce((w, r) => w + regionWidth(AVAILABILITY_ZONES[r].length, options.stacked === true), 0);
  return 2 * M.margin + sum + (regions.length - 1) * M.regionGap;
}

export function layoutTopology(world: World, previous?: LayoutOrder, options: LayoutOptions = {}): TopologyLayout {
  const stacked = options.stacked === true;
  const frames: LayoutFrame[] = [];
  const nodes: LayoutNode[] = [];
  const order: Record<string, string[]> = {};
  const volumes = Object.values(world.volumes);
  const columns = AVAILABILITY_ZONES;
  let regionX = M.margin;
  let height = 0;

  for (const region of visibleRegions(world)) {
    const zones = columns[region];
    const regionW = regionWidth(zones.length, stacked);
    const top = M.margin + M.regionHeader;
    const columnX = (index: number): number => regionX + M.pad + index * (M.columnWidth + M.columnGap);
    let bottom = top + M.columnHeader;
    // The Region's own frame goes before its columns' frames, so it is drawn beneath them.
    const regionFrameIndex = frames.length;

    zones.forEach((zone, index) => {
      const x = columnX(index);
      const instances = Object.values(world.instances).filter((i) => i.Region === region && i.AvailabilityZone === zone);
      const free = volumes.filter((v) => v.Region === region && v.AvailabilityZone === zone && v.Attachment === null);
      const ids = stableOrder(previous?.[zone], [
        ...instances.map((i) => ({ id: i.InstanceId, time: i.LaunchTime })),
        ...free.map((v) => ({ id: v.VolumeId, time: v.CreateTime })),
      ]);
      order[zone] = ids;
      let y = top + M.columnHeader;
      for (const id of ids) {
        const instance = world.instances[id];
        if (instance !== undefined) {
          const attached = sortedVolumes(instance, volumes);
          const h = M.instanceHeader + attached.length * M.volumeRow + (attached.length > 0 ? 4 : 0);
          nodes.push({
            id,
            kind: 'instance',
            region,
            x: x + M.cardInset,
            y,
            w: M.columnWidth - 2 * M.cardInset,
            h,
            label: nameOf(instance.Tags) ?? id,
            detail: `${instance.InstanceType} · ${instance.ImageId}`,
            state: instance.State,
          });
          attached.forEach((v, row) => {
            const device = v.Attachment?.Device ?? '';
            nodes.push({
              id: v.VolumeId,
              kind: 'volume',
              region,
              x: x + M.cardInset + 8,
              y: y + M.instanceHeader + row * M.volumeRow,
              w: M.columnWidth - 2 * (M.cardInset + 8),
              h: M.volumeRow - 4,
              label: nameOf(v.Tags) ?? v.VolumeId,
              detail: `${v.Size} GiB ${v.VolumeType}`,
              state: v.Attachment?.State === 'attached' ? v.State : (v.Attachment?.State ?? v.State),
              parentId: id,
              device,
              root: device === instance.RootDeviceName,
            });
          });
          y += h + M.nodeGap;
          continue;
        }
        const v = world.volumes[id] as Volume;
        nodes.push({
          id,
          kind: 'volume',
          region,
          x: x + M.cardInset,
          y,
          w: M.columnWidth - 2 * M.cardInset,
          h: M.freeVolume,
          label: nameOf(v.Tags) ?? id,
          detail: `${v.Size} GiB ${v.VolumeType}${v.SnapshotId ? ` · from ${v.SnapshotId}` : ''}`,
          state: v.State,
        });
        y += M.freeVolume + M.nodeGap;
      }
      bottom = Math.max(bottom, y);
      frames.push({ id: zone, kind: 'az', region, x, y: top, w: M.columnWidth, h: 0, label: zone, note: 'Availability Zone' });
    });

    // Stacked, the store and the registry start a second row under the AZs' columns.
    const azBottom = bottom + M.pad;
    const storeTop = stacked ? azBottom + M.pad : top;
    const storeColumn = stacked ? 0 : zones.length;
    const registryColumn = storeColumn + 1;
    let storeBottom = storeTop + M.columnHeader;
    const stackColumn = <T,>(
      key: string,
      index: number,
      items: readonly T[],
      idOf: (t: T) => string,
      timeOf: (t: T) => number,
      size: number,
      make: (t: T, x: number, y: number) => LayoutNode,
    ): void => {
      const x = columnX(index);
      const byId = new Map(items.map((t) => [idOf(t), t]));
      const ids = stableOrder(previous?.[key], items.map((t) => ({ id: idOf(t), time: timeOf(t) })));
      order[key] = ids;
      let y = storeTop + M.columnHeader;
      for (const id of ids) {
        nodes.push(make(byId.get(id) as T, x + M.cardInset, y));
        y += size + M.nodeGap;
      }
      storeBottom = Math.max(storeBottom, y);
    };

    const snapshots = Object.values(world.snapshots).filter((s) => s.Region === region && s.OwnerId === world.accountId);
    stackColumn(`${region}:snapshots`, storeColumn, snapshots, (s) => s.SnapshotId, (s) => s.StartTime, M.snapshot, (s, x, y) => ({
      id: s.SnapshotId,
      kind: 'snapshot',
      region,
      x,
      y,
      w: M.columnWidth - 2 * M.cardInset,
      h: M.snapshot,
      label: nameOf(s.Tags) ?? s.SnapshotId,
      detail: `${s.VolumeSize} GiB · of ${s.CopiedFrom ?? s.VolumeId}`,
      state: s.State === 'completed' && s.Tier !== 'standard' ? `completed, ${s.Tier}` : s.State,
      progress: snapshotPercent(world, s) / 100,
    }));
    frames.push({
      id: `${region}:snapshots`,
      kind: 'store',
      region,
      x: columnX(storeColumn),
      y: storeTop,
      w: M.columnWidth,
      h: 0,
      label: 'Snapshots',
      note: 'Stored by AWS in Amazon S3, replicated across the Region’s AZs',
    });

    const images = Object.values(world.images).filter((img: Image) => img.Region === region);
    stackColumn(`${region}:images`, registryColumn, images, (img) => img.ImageId, (img) => img.CreationDate, M.image, (img, x, y) => ({
      id: img.ImageId,
      kind: 'image',
      region,
      x,
      y,
      w: M.columnWidth - 2 * M.cardInset,
      h: M.image,
      label: img.OwnerId === world.accountId ? (nameOf(img.Tags) ?? img.Name) : img.Name,
      detail: img.OwnerId === world.accountId ? img.ImageId : `public · ${img.ImageOwnerAlias ?? img.OwnerId}`,
      state: img.State,
      ...(img.OwnerId === world.accountId ? {} : { foreign: true }),
    }));
    frames.push({
      id: `${region}:images`,
      kind: 'registry',
      region,
      x: columnX(registryColumn),
      y: storeTop,
      w: M.columnWidth,
      h: 0,
      label: 'AMIs',
      note: 'Registered images: launch templates pointing at snapshots',
    });

    const columnsBottom = stacked ? storeBottom + M.pad : Math.max(bottom, storeBottom) + M.pad;
    for (const f of frames) {
      if (f.region !== region || f.kind === 'region') continue;
      f.h = (stacked && f.kind === 'az' ? azBottom : columnsBottom) - f.y;
    }
    frames.splice(regionFrameIndex, 0, {
      id: region,
      kind: 'region',
      region,
      x: regionX,
      y: M.margin,
      w: regionW,
      h: columnsBottom + M.pad - M.margin,
      label: `Region ${region}`,
    });
    height = Math.max(height, columnsBottom + M.pad + M.margin);
    regionX += regionW + M.regionGap;
  }

  const byId = new Map(nodes.map((n) => [n.id, n]));
  const originFrom = (node: LayoutNode, sourceId: string | null | undefined): void => {
    const source = sourceId ? byId.get(sourceId) : undefined;
    if (source === undefined) return;
    node.origin = { dx: source.x + source.w / 2 - (node.x + node.w / 2), dy: source.y + source.h / 2 - (node.y + node.h / 2) };
  };
  for (const n of nodes) {
    if (n.kind === 'snapshot') originFrom(n, world.snapshots[n.id]?.VolumeId);
    else if (n.kind === 'volume') originFrom(n, world.volumes[n.id]?.SnapshotId);
    else if (n.kind === 'image') originFrom(n, world.images[n.id]?.BlockDeviceMappings.find((m) => m.Ebs?.SnapshotId)?.Ebs?.SnapshotId);
  }
  // Links are routed around the cards (routing.ts): none crosses a card that is not one of its ends.
  const frameOf = (n: LayoutNode): LayoutFrame | undefined =>
    frames.find((f) => f.kind !== 'region' && f.region === n.region && n.x >= f.x && n.x + n.w <= f.x + f.w && n.y >= f.y && n.y + n.h <= f.y + f.h);
  const cards = nodes.filter((n) => n.parentId === undefined);
  const cardsIn = (f: Box): LayoutNode[] => cards.filter((n) => n.x >= f.x && n.x + n.w <= f.x + f.w && n.y >= f.y && n.y + n.h <= f.y + f.h);

  // The links to draw, in node order: a snapshot's from its volume, an AMI's to each of its snapshots.
  const wanted: Array<{ kind: LayoutLink['kind']; source: LayoutNode; target: LayoutNode }> = [];
  for (const n of nodes) {
    if (n.kind === 'snapshot') {
      const source = byId.get((world.snapshots[n.id] as Snapshot).VolumeId);
      if (source !== undefined) wanted.push({ kind: 'snapshot-of-volume', source, target: n });
    }
    // A deregistered AMI no longer holds its snapshots (they can be deleted now): no link.
    if (n.kind === 'image' && n.state !== 'deregistered') {
      const seen = new Set<string>();
      for (const m of (world.images[n.id] as Image).BlockDeviceMappings) {
        const target = m.Ebs?.SnapshotId ? byId.get(m.Ebs.SnapshotId) : undefined;
        if (target === undefined || seen.has(target.id)) continue;
        seen.add(target.id);
        wanted.push({ kind: 'image-uses-snapshot', source: n, target });
      }
    }
  }
  // Links of one kind in one Region share channels; each gets its own track there, so two links
  // never run on top of each other. Ranked by where they end (the highest snapshot's link nearest
  // the cards) so that, going down a channel, they peel off without crossing.
  const groups = new Map<string, typeof wanted>();
  for (const w of wanted) {
    const key = `${w.source.region}:${w.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const track = new Map<(typeof wanted)[number], number>();
  for (const group of groups.values()) {
    const ranked = [...group].sort(
      (a, b) => a.target.y - b.target.y || a.source.y - b.source.y || a.source.x - b.source.x || (a.source.id < b.source.id ? -1 : 1),
    );
    const spacing = ranked.length > 1 ? Math.min(TRACK_SPACING, (2 * MAX_TRACK_OFFSET) / (ranked.length - 1)) : 0;
    ranked.forEach((w, rank) => track.set(w, ((ranked.length - 1) / 2 - rank) * spacing));
  }

  const volumeRoute = (source: LayoutNode, target: LayoutNode, offset: number): Point[] | undefined => {
    const from = frameOf(source);
    const to = frameOf(target);
    const region = frames.find((f) => f.kind === 'region' && f.id === source.region);
    if (from === undefined || to === undefined || region === undefined) return undefined;
    const sy = source.y + source.h / 2;
    const ty = target.y + target.h / 2;
    const end: Point = [target.x, ty];
    const zones = frames.filter((f) => f.kind === 'az' && f.region === source.region).sort((a, b) => a.x - b.x);
    if (!stacked) {
      // Right, across the AZs between (each at a gap between its cards), into the snapshot's left edge.
      const between = zones.filter((f) => f.x > from.x && f.x < to.x);
      return routeAcross([source.x + source.w, sy], end, [from, ...between, to], cardsIn, M.nodeGap, offset);
    }
    // Stacked: out of the volume's left edge into the channel left of its AZ, down to the gap between
    // the rows, left to the Region's edge, down to the snapshot and into its left edge.
    const leftOf = zones.filter((f) => f.x < from.x).pop();
    const channel = (leftOf === undefined ? (region.x + from.x) / 2 : channelBetween(leftOf, from)) + offset;
    const edge = (region.x + to.x) / 2 + offset;
    const rows = (Math.max(...zones.map((f) => f.y + f.h)) + to.y) / 2 + offset;
    const points: Point[] = [[source.x, sy], [channel, sy]];
    if (channel !== edge) points.push([channel, rows], [edge, rows]);
    points.push([edge, ty], end);
    return simplify(points);
  };
  const links: LayoutLink[] = [];
  for (const w of wanted) {
    const { kind, source, target } = w;
    const offset = track.get(w) ?? 0;
    let route: Point[] | undefined;
    if (kind === 'snapshot-of-volume') route = volumeRoute(source, target, offset);
    else {
      // Left out of the AMI, along the channel between the registry and the store, into the snapshot's right edge.
      const registry = frameOf(source);
      const store = frameOf(target);
      if (registry !== undefined && store !== undefined) {
        route = routeAcross([source.x, source.y + source.h / 2], [target.x + target.w, target.y + target.h / 2], [registry, store], cardsIn, M.nodeGap, offset);
      }
    }
    if (route === undefined) continue;
    links.push({ id: `${source.id}->${target.id}`, kind, source: source.id, target: target.id, path: roundedPath(route, cornerRadius(offset)) });
  }

  return { width: regionX - M.regionGap + M.margin, height, frames, nodes, links, order };
}
