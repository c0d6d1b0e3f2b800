import { describe, expect, test } from 'vitest';
import { createWorld, execute, publicImageId } from '../../../src/sim/index.ts';
import type { SimCall, World } from '../../../src/sim/index.ts';
import { layoutTopology, METRICS, topologyWidth } from '../../../src/viz/layout.ts';
import type { LayoutNode, TopologyLayout } from '../../../src/viz/layout.ts';

function run(world: World, call: SimCall): { world: World; output: any } {
  const result = execute(world, call);
  if (!result.ok) throw new Error(`${call.action}: ${result.error.Code} ${result.error.Message}`);
  return { world: result.world, output: result.output };
}

const advance = (world: World, seconds: number): World => run(world, { action: 'Advance', params: { Seconds: seconds } }).world;

function launch(world: World, zone = 'us-east-1a', region: 'us-east-1' | 'eu-west-1' = 'us-east-1'): { world: World; instanceId: string } {
  const r = run(world, {
    action: 'RunInstances',
    region,
    params: { ImageId: publicImageId(world, region, 'al2023'), MinCount: 1, MaxCount: 1, Placement: { AvailabilityZone: zone } },
  });
  return { world: r.world, instanceId: r.output.Instances[0].InstanceId as string };
}

function rootVolume(world: World, instanceId: string): string {
  const v = Object.values(world.volumes).find((x) => x.Attachment?.InstanceId === instanceId);
  if (!v) throw new Error('no root volume');
  return v.VolumeId;
}

const readyVolumes = (w: World): string[] =>
  Object.values(w.volumes).filter((v) => v.State === 'in-use' || v.State === 'available').map((v) => v.VolumeId).sort();

const node = (layout: TopologyLayout, id: string): LayoutNode => {
  const n = layout.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

const positions = (layout: TopologyLayout): Record<string, [number, number]> =>
  Object.fromEntries(layout.nodes.map((n) => [n.id, [n.x, n.y]]));

describe('layoutTopology', () => {
  test('a fresh account shows one Region with three AZs, the snapshot store and the public AMIs', () => {
    const layout = layoutTopology(createWorld());
    expect(layout.frames.filter((f) => f.kind === 'region').map((f) => f.label)).toEqual(['Region us-east-1']);
    expect(layout.frames.filter((f) => f.kind === 'az').map((f) => f.label)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    const store = layout.frames.find((f) => f.kind === 'store');
    expect(store?.note).toMatch(/S3.*replicated across the Region/);
    // The Region is drawn first (beneath), then its AZs side by side, the store and the registry.
    expect(layout.frames[0]?.kind).toBe('region');
    const xs = layout.frames.filter((f) => f.kind !== 'region').map((f) => f.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const images = layout.nodes.filter((n) => n.kind === 'image');
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((n) => n.foreign === true)).toBe(true);
    expect(layout.links).toEqual([]);
  });

  test('an instance sits in its AZ with its root volume inside it, marked root with its device name', () => {
    const { world, instanceId } = launch(createWorld(), 'us-east-1b');
    const layout = layoutTopology(world);
    const az = layout.frames.find((f) => f.id === 'us-east-1b');
    const inst = node(layout, instanceId);
    expect(inst.kind).toBe('instance');
    expect(inst.state).toBe('pending');
    expect(inst.x).toBeGreaterThanOrEqual(az?.x ?? -1);
    expect(inst.x + inst.w).toBeLessThanOrEqual((az?.x ?? 0) + (az?.w ?? 0));
    const vol = node(layout, rootVolume(world, instanceId));
    expect(vol).toMatchObject({ kind: 'volume', parentId: instanceId, root: true, device: '/dev/xvda' });
    // The volume is drawn inside the instance card.
    expect(vol.y).toBeGreaterThan(inst.y);
    expect(vol.y + vol.h).toBeLessThanOrEqual(inst.y + inst.h);
  });

  test('a snapshot is linked to its source volume and fills as it progresses; an AMI links to its snapshots', () => {
    const launched = launch(createWorld());
    const instanceId = launched.instanceId;
    let world = advance(launched.world, 60);
    const volumeId = rootVolume(world, instanceId);
    const snap = run(world, { action: 'CreateSnapshot', params: { VolumeId: volumeId } });
    world = snap.world;
    const snapshotId = snap.output.SnapshotId as string;
    let layout = layoutTopology(world);
    expect(node(layout, snapshotId)).toMatchObject({ kind: 'snapshot', state: 'pending', progress: 0 });
    // It grows out of its volume: its origin is the volume's centre.
    const snapNode = node(layout, snapshotId);
    const volNode = node(layout, volumeId);
    expect(snapNode.x + snapNode.w / 2 + (snapNode.origin?.dx ?? NaN)).toBe(volNode.x + volNode.w / 2);
    expect(snapNode.y + snapNode.h / 2 + (snapNode.origin?.dy ?? NaN)).toBe(volNode.y + volNode.h / 2);
    expect(layout.links).toContainEqual(expect.objectContaining({ kind: 'snapshot-of-volume', source: volumeId, target: snapshotId }));
    const s = world.snapshots[snapshotId]!;
    world = advance(world, Math.floor((s.CompleteAt - s.StartTime) / 2000));
    const half = node(layoutTopology(world), snapshotId).progress ?? 0;
    expect(half).toBeGreaterThan(0.3);
    expect(half).toBeLessThan(0.7);
    world = advance(world, 600);
    layout = layoutTopology(world);
    expect(node(layout, snapshotId)).toMatchObject({ state: 'completed', progress: 1 });

    const image = run(world, { action: 'CreateImage', params: { InstanceId: instanceId, Name: 'web-v1' } });
    world = advance(image.world, 900);
    layout = layoutTopology(world);
    const imageId = image.output.ImageId as string;
    expect(node(layout, imageId)).toMatchObject({ kind: 'image', state: 'available' });
    const imageLinks = layout.links.filter((l) => l.source === imageId);
    expect(imageLinks).toHaveLength(1);
    expect(world.images[imageId]?.BlockDeviceMappings[0]?.Ebs?.SnapshotId).toBe(imageLinks[0]?.target);
    expect(imageLinks[0]?.path).toMatch(/^M/);
  });

  test('adding resources never moves the ones already drawn', () => {
    let world = createWorld();
    let layout = layoutTopology(world);
    const steps: Array<(w: World) => World> = [
      (w) => launch(w, 'us-east-1a').world,
      (w) => run(w, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 4 } }).world,
      (w) => launch(w, 'us-east-1a').world,
      (w) => advance(w, 60),
      (w) => run(w, { action: 'CreateSnapshot', params: { VolumeId: readyVolumes(w)[0] } }).world,
      (w) => run(w, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 2 } }).world,
      (w) => run(w, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1c', Size: 2 } }).world,
      (w) => run(w, { action: 'CreateSnapshot', params: { VolumeId: readyVolumes(w)[1] } }).world,
      (w) => launch(w, 'eu-west-1b', 'eu-west-1').world,
    ];
    for (const step of steps) {
      world = step(world);
      const next = layoutTopology(world, layout.order);
      const before = positions(layout);
      const after = positions(next);
      for (const [id, at] of Object.entries(before)) expect(after[id], id).toEqual(at);
      expect(Object.keys(after).length).toBeGreaterThanOrEqual(Object.keys(before).length);
      layout = next;
    }
    expect(layout.nodes.filter((n) => n.foreign !== true)).toHaveLength(11); // 3 instances, their 3 root volumes, 3 free volumes, 2 snapshots
    // The second Region appeared to the right of the first.
    const regions = layout.frames.filter((f) => f.kind === 'region');
    expect(regions.map((r) => r.label)).toEqual(['Region us-east-1', 'Region eu-west-1']);
    expect(regions[1]!.x).toBeGreaterThanOrEqual(regions[0]!.x + regions[0]!.w);
  });

  test('is deterministic, keyed by id, and every node lies inside the drawing', () => {
    let { world } = launch(createWorld());
    world = run(world, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', Size: 8 } }).world;
    const a = layoutTopology(world);
    expect(layoutTopology(structuredClone(world))).toEqual(a);
    expect(new Set(a.nodes.map((n) => n.id)).size).toBe(a.nodes.length);
    for (const n of a.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w).toBeLessThanOrEqual(a.width);
      expect(n.y + n.h).toBeLessThanOrEqual(a.height);
    }
    const free = a.nodes.find((n) => n.kind === 'volume' && n.parentId === undefined);
    expect(free?.h).toBe(METRICS.freeVolume);
  });

  test('a deregistered AMI stays drawn as deregistered, unlinked, while its snapshot stays in the store', () => {
    const launched = launch(createWorld());
    const instanceId = launched.instanceId;
    let world = advance(launched.world, 60);
    const image = run(world, { action: 'CreateImage', params: { InstanceId: instanceId, Name: 'web-v1' } });
    world = advance(image.world, 900);
    const imageId = image.output.ImageId as string;
    const snapshotId = world.images[imageId]!.BlockDeviceMappings[0]!.Ebs!.SnapshotId!;
    world = run(world, { action: 'DeregisterImage', params: { ImageId: imageId } }).world;
    const layout = layoutTopology(world);
    expect(node(layout, snapshotId).state).toBe('completed');
    const img = layout.nodes.find((n) => n.id === imageId);
    if (img) expect(img.state).toBe('deregistered');
    // It no longer holds the snapshot, so nothing links them.
    expect(layout.links.filter((l) => l.source === imageId)).toEqual([]);
  });
});

describe('layoutTopology stacked (a narrow column)', () => {
  const busyWorld = (): { world: World; volumeId: string; snapshotId: string; imageId: string } => {
    const launched = launch(createWorld(), 'us-east-1c');
    let world = advance(launched.world, 60);
    const volumeId = rootVolume(world, launched.instanceId);
    const image = run(world, { action: 'CreateImage', params: { InstanceId: launched.instanceId, Name: 'web-v1' } });
    world = advance(image.world, 5);
    const imageId = image.output.ImageId as string;
    const snapshotId = world.images[imageId]!.BlockDeviceMappings[0]!.Ebs!.SnapshotId!;
    return { world, volumeId, snapshotId, imageId };
  };

  test('puts the snapshot store and the AMI registry in a second row under the AZs, three columns wide', () => {
    const { world, volumeId, snapshotId, imageId } = busyWorld();
    const wide = layoutTopology(world);
    const stacked = layoutTopology(world, undefined, { stacked: true });
    expect(topologyWidth(world)).toBe(wide.width);
    expect(topologyWidth(world, { stacked: true })).toBe(stacked.width);
    expect(stacked.width).toBe(2 * METRICS.margin + 2 * METRICS.pad + 3 * METRICS.columnWidth + 2 * METRICS.columnGap);
    expect(stacked.width).toBeLessThanOrEqual(644); // a lesson's text column at 1280 px
    const frame = (kind: string) => stacked.frames.find((f) => f.kind === kind)!;
    const azs = stacked.frames.filter((f) => f.kind === 'az');
    expect(frame('store').y).toBeGreaterThanOrEqual(azs[0]!.y + azs[0]!.h);
    expect(frame('store').x).toBe(azs[0]!.x);
    expect(frame('registry').x).toBe(azs[1]!.x);
    expect(frame('registry').y).toBe(frame('store').y);
    // Same nodes, same order in each column; only the positions differ.
    expect(stacked.order).toEqual(wide.order);
    expect(stacked.nodes.map((n) => n.id).sort()).toEqual(wide.nodes.map((n) => n.id).sort());
    for (const n of stacked.nodes) {
      const f = stacked.frames.find((x) => x.kind !== 'region' && n.x >= x.x && n.x + n.w <= x.x + x.w && n.y >= x.y && n.y + n.h <= x.y + x.h);
      expect(f, n.id).toBeDefined();
      expect(n.y + n.h).toBeLessThanOrEqual(stacked.height);
    }
    // The volume's link leaves its left edge, goes down beside the AZs and the store, and enters the
    // snapshot's left edge; the AMI's goes left, into the snapshot's right edge.
    const v = node(stacked, volumeId);
    const s = node(stacked, snapshotId);
    const down = stacked.links.find((l) => l.id === `${volumeId}->${snapshotId}`)?.path ?? '';
    expect(down.startsWith(`M${v.x},${v.y + v.h / 2}L`)).toBe(true);
    expect(down.endsWith(`L${s.x},${s.y + s.h / 2}`)).toBe(true);
    const i = node(stacked, imageId);
    const left = stacked.links.find((l) => l.id === `${imageId}->${snapshotId}`)?.path ?? '';
    expect(left.startsWith(`M${i.x},${i.y + i.h / 2}L`)).toBe(true);
    expect(left.endsWith(`L${s.x + s.w},${s.y + s.h / 2}`)).toBe(true);
  });

  test('is deterministic, and keeps nodes in place as resources are added', () => {
    const { world } = busyWorld();
    const a = layoutTopology(world, undefined, { stacked: true });
    expect(layoutTopology(structuredClone(world), undefined, { stacked: true })).toEqual(a);
    const next = layoutTopology(run(world, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', Size: 2 } }).world, a.order, { stacked: true });
    const before = positions(a);
    const after = positions(next);
    for (const [id, at] of Object.entries(before)) {
      // Only the second row moves down when the AZs' row grows; here it does not (1b was empty and is shorter than 1c).
      expect(after[id], id).toEqual(at);
    }
  });
});
