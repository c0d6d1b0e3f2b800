// End-to-end stories from the issue: what a learner does in the lab, checked against the reference.
import { describe, expect, test } from 'vitest';
import { accruedSnapshotStorageUSD } from '../../../src/sim/ledger.ts';
import { filesOfInstance, filesOfSnapshot } from '../../../src/sim/queries.ts';
import { costSummary, MONTH_MS } from '../../../src/sim/index.ts';
import type { World } from '../../../src/sim/index.ts';
import { advance, err, ok, runningInstance, state } from './helpers.ts';

const GiB = 1024 ** 3;

function attachNewVolume(world: World, instanceId: string, size: number, device = '/dev/sdf') {
  const v = ok(world, 'CreateVolume', { AvailabilityZone: world.instances[instanceId]!.AvailabilityZone, Size: size });
  const ready = advance(v.world, 5).world;
  const attached = advance(ok(ready, 'AttachVolume', { VolumeId: v.out.VolumeId, InstanceId: instanceId, Device: device }).world, 5).world;
  return { world: attached, volumeId: v.out.VolumeId as string };
}

function write(world: World, instanceId: string, path: string, content: string): World {
  return ok(world, 'WriteFile', { InstanceId: instanceId, Path: path, Content: content }).world;
}

describe('story 1: bake an AMI from an instance with a data volume and launch it in another AZ', () => {
  test('the new instance has the same files on both new volumes', () => {
    const base = runningInstance();
    let { world } = attachNewVolume(base.world, base.instanceId, 10);
    const id = base.instanceId;
    world = ok(world, 'InstallPackage', { InstanceId: id, Package: 'nginx' }).world;
    world = write(world, id, '/usr/share/nginx/html/index.html', '<h1>Shop v1</h1>\n');
    world = write(world, id, '/mnt/sdf/orders/2026-01.csv', 'id,total\n1,9.99\n');
    const image = ok(world, 'CreateImage', { InstanceId: id, Name: 'shop-v1' });
    // Written after the request: not part of the image (point in time, I8).
    world = write(image.world, id, '/mnt/sdf/orders/late.csv', 'too late\n');
    world = advance(world, 600).world;
    expect(state(world, image.out.ImageId)).toBe('available');

    const launch = ok(world, 'RunInstances', { ImageId: image.out.ImageId, InstanceType: 't3.micro', Placement: { AvailabilityZone: 'us-east-1c' } });
    const newId = launch.out.Instances[0].InstanceId as string;
    world = advance(launch.world, 60).world;
    const volumes = Object.values(world.volumes).filter((v) => v.Attachment?.InstanceId === newId);
    expect(volumes.map((v) => [v.Attachment!.Device, v.AvailabilityZone]).sort()).toEqual([
      ['/dev/sdf', 'us-east-1c'],
      ['/dev/xvda', 'us-east-1c'],
    ]);
    expect(ok(world, 'ReadFile', { InstanceId: newId, Path: '/usr/share/nginx/html/index.html' }).out.Content).toBe('<h1>Shop v1</h1>\n');
    expect(ok(world, 'ReadFile', { InstanceId: newId, Path: '/mnt/sdf/orders/2026-01.csv' }).out.Content).toBe('id,total\n1,9.99\n');
    err(world, 'ReadFile', { InstanceId: newId, Path: '/mnt/sdf/orders/late.csv' }, 'FileNotFound');
    const strip = (files: Array<{ MountPoint: string; Files: Array<{ Path: string; Content: string }> }>) =>
      files.map((m) => ({ mount: m.MountPoint, files: m.Files.map((f) => [f.Path, f.Content]) }));
    const original = filesOfInstance(world, id).map((m) => ({ ...m, Files: m.Files.filter((f) => f.Path !== '/orders/late.csv') }));
    expect(strip(filesOfInstance(world, newId))).toEqual(strip(original));
  });
});

describe('story 2: incremental snapshots and deletion follow the worked example (§4.2)', () => {
  function tenGiBOfData() {
    const base = runningInstance();
    const { world, volumeId } = attachNewVolume(base.world, base.instanceId, 15);
    let w = world;
    for (let n = 0; n < 10; n++) w = write(w, base.instanceId, `/mnt/sdf/file${n}.dat`, `v1 of file ${n}\n`);
    return { world: w, instanceId: base.instanceId, volumeId };
  }
  const storage = (world: World) => ok(world, 'DescribeStorage').out;

  test('A stores 10, B 4, C 2 (total 16); deleting A after B leaves B storing 10 and restoring B gives all data', () => {
    const { world: w0, instanceId, volumeId } = tenGiBOfData();
    const a = ok(w0, 'CreateSnapshot', { VolumeId: volumeId });
    let w = advance(a.world, 600).world;
    for (const n of [0, 1, 2, 3]) w = write(w, instanceId, `/mnt/sdf/file${n}.dat`, `v2 of file ${n}\n`);
    const b = ok(w, 'CreateSnapshot', { VolumeId: volumeId });
    const afterB = advance(b.world, 600).world;
    const byId = (world: World, id: string) => storage(world).Snapshots.find((s: any) => s.SnapshotId === id);
    expect(byId(afterB, a.out.SnapshotId)).toEqual({ SnapshotId: a.out.SnapshotId, VolumeId: volumeId, StoredBlocks: 10, StoredBytes: 10 * GiB });
    expect(byId(afterB, b.out.SnapshotId).StoredBlocks).toBe(4);
    expect(storage(afterB).TotalStoredBytes).toBe(14 * GiB);

    // Step 3: 2 GiB added -> C stores 2, total 16.
    let w3 = write(afterB, instanceId, '/mnt/sdf/new1.dat', 'added\n');
    w3 = write(w3, instanceId, '/mnt/sdf/new2.dat', 'added\n');
    const c = ok(w3, 'CreateSnapshot', { VolumeId: volumeId });
    const afterC = advance(c.world, 600).world;
    expect(byId(afterC, c.out.SnapshotId).StoredBlocks).toBe(2);
    expect(storage(afterC).TotalStoredBytes).toBe(16 * GiB);
    expect(storage(afterC).MonthlyCostUSD).toBeCloseTo(16 * 0.05);

    // Step 4 (after step 2 instead): delete A; the 6 blocks B needs now belong to B (B4).
    const del = ok(afterB, 'DeleteSnapshot', { SnapshotId: a.out.SnapshotId });
    expect(del.out).toEqual({});
    expect(storage(del.world)).toEqual({
      Snapshots: [{ SnapshotId: b.out.SnapshotId, VolumeId: volumeId, StoredBlocks: 10, StoredBytes: 10 * GiB }],
      TotalStoredBytes: 10 * GiB,
      MonthlyCostUSD: 0.5,
    });
    err(del.world, 'DescribeSnapshots', { SnapshotIds: [a.out.SnapshotId] }, 'InvalidSnapshot.NotFound');

    // B alone restores the full volume as of its time (B3, I22).
    const restored = ok(del.world, 'CreateVolume', { AvailabilityZone: 'us-east-1b', SnapshotId: b.out.SnapshotId });
    const files = filesOfSnapshot(restored.world, b.out.SnapshotId).map((f) => [f.Path, f.Content]);
    expect(files).toHaveLength(10);
    expect(files).toContainEqual(['/file0.dat', 'v2 of file 0\n']);
    expect(files).toContainEqual(['/file9.dat', 'v1 of file 9\n']);
    expect(restored.world.volumes[restored.out.VolumeId]!.Blocks).toEqual(restored.world.snapshots[b.out.SnapshotId]!.Image);
  });

  test('writes while a snapshot is pending are not in it; deleting a pending snapshot waits for completion', () => {
    const { world, instanceId, volumeId } = tenGiBOfData();
    const s = ok(world, 'CreateSnapshot', { VolumeId: volumeId });
    const w = write(s.world, instanceId, '/mnt/sdf/file0.dat', 'changed while pending\n');
    const done = advance(w, 600).world;
    expect(filesOfSnapshot(done, s.out.SnapshotId).find((f) => f.Path === '/file0.dat')!.Content).toBe('v1 of file 0\n');
    const s2 = ok(done, 'CreateSnapshot', { VolumeId: volumeId });
    const requested = ok(s2.world, 'DeleteSnapshot', { SnapshotId: s2.out.SnapshotId }).world;
    expect(state(requested, s2.out.SnapshotId)).toBe('pending');
    expect(advance(requested, 600).world.snapshots[s2.out.SnapshotId]).toBeUndefined();
  });

  test('a volume restored from a snapshot continues its lineage (B5): its next snapshot is incremental', () => {
    const { world, volumeId } = tenGiBOfData();
    const a = ok(world, 'CreateSnapshot', { VolumeId: volumeId });
    const done = advance(a.world, 600).world;
    const v = ok(done, 'CreateVolume', { AvailabilityZone: 'us-east-1b', SnapshotId: a.out.SnapshotId });
    const ready = advance(v.world, 5).world;
    const b = ok(ready, 'CreateSnapshot', { VolumeId: v.out.VolumeId });
    expect(b.world.snapshots[b.out.SnapshotId]!.Owned).toEqual([]);
    // Encrypting on restore starts a new lineage: the first snapshot is full.
    const enc = ok(done, 'CreateVolume', { AvailabilityZone: 'us-east-1b', SnapshotId: a.out.SnapshotId, Encrypted: true });
    const encReady = advance(enc.world, 5).world;
    const e = ok(encReady, 'CreateSnapshot', { VolumeId: enc.out.VolumeId });
    expect(e.world.snapshots[e.out.SnapshotId]!.Owned).toHaveLength(10);
    expect(e.out.Encrypted).toBe(true);
  });
});

describe('story 3: a deregistered AMI leaves its snapshots, which keep costing until deleted', () => {
  test('InvalidSnapshot.InUse while registered; after deregistering, snapshots remain in DescribeStorage', () => {
    const base = runningInstance();
    const image = ok(base.world, 'CreateImage', { InstanceId: base.instanceId, Name: 'golden' });
    let world = advance(image.world, 600).world;
    const snapId = world.images[image.out.ImageId]!.BlockDeviceMappings[0]!.Ebs!.SnapshotId!;
    expect(err(world, 'DeleteSnapshot', { SnapshotId: snapId }, 'InvalidSnapshot.InUse')).toBe(
      `The snapshot ${snapId} is currently in use by ${image.out.ImageId}`,
    );
    const costBefore = ok(world, 'DescribeStorage').out;
    expect(costBefore.Snapshots).toEqual([{ SnapshotId: snapId, VolumeId: base.rootVolumeId, StoredBlocks: 3, StoredBytes: 3 * GiB }]);
    world = ok(world, 'DeregisterImage', { ImageId: image.out.ImageId }).world;
    expect(ok(world, 'DescribeSnapshots', { SnapshotIds: [snapId] }).out.Snapshots[0].State).toBe('completed');
    expect(ok(world, 'DescribeStorage').out).toEqual(costBefore);
    world = ok(world, 'DeleteSnapshot', { SnapshotId: snapId }).world;
    expect(ok(world, 'DescribeStorage').out).toEqual({ Snapshots: [], TotalStoredBytes: 0, MonthlyCostUSD: 0 });
  });
});

describe('B4 hand-over details', () => {
  test('ownership moves to the oldest newer snapshot, else back to an older one (after an archive round trip)', () => {
    const base = runningInstance();
    const { world: w0, volumeId } = attachNewVolume(base.world, base.instanceId, 8);
    let w = write(w0, base.instanceId, '/mnt/sdf/a', 'a');
    const a = ok(w, 'CreateSnapshot', { VolumeId: volumeId });
    w = advance(a.world, 600).world;
    const b = ok(w, 'CreateSnapshot', { VolumeId: volumeId });
    w = advance(b.world, 600).world;
    const c = ok(w, 'CreateSnapshot', { VolumeId: volumeId });
    w = advance(c.world, 600).world;
    const owned = (world: World) => Object.fromEntries([a, b, c].map((s) => [s.out.SnapshotId, world.snapshots[s.out.SnapshotId]?.Owned.length]));
    expect(owned(w)).toEqual({ [a.out.SnapshotId]: 1, [b.out.SnapshotId]: 0, [c.out.SnapshotId]: 0 });
    const withoutA = ok(w, 'DeleteSnapshot', { SnapshotId: a.out.SnapshotId }).world;
    expect(owned(withoutA)).toEqual({ [a.out.SnapshotId]: undefined, [b.out.SnapshotId]: 1, [c.out.SnapshotId]: 0 });

    // Archive A (B takes the block), restore A permanently (B still stores it), then delete B and C: A stores it again.
    let r = advance(ok(w, 'ModifySnapshotTier', { SnapshotId: a.out.SnapshotId, StorageTier: 'archive' }).world, 7 * 3600).world;
    expect(owned(r)[b.out.SnapshotId]).toBe(1);
    r = advance(ok(r, 'RestoreSnapshotTier', { SnapshotId: a.out.SnapshotId, PermanentRestore: true }).world, 25 * 3600).world;
    expect(owned(r)[a.out.SnapshotId]).toBe(0);
    r = ok(r, 'DeleteSnapshot', { SnapshotId: c.out.SnapshotId }).world;
    r = ok(r, 'DeleteSnapshot', { SnapshotId: b.out.SnapshotId }).world;
    expect(owned(r)[a.out.SnapshotId]).toBe(1);
    expect(filesOfSnapshot(r, a.out.SnapshotId).map((f) => [f.Path, f.Content])).toEqual([['/a', 'a']]);
  });
});

describe('cost ledger', () => {
  test('snapshot storage accrues with the clock; archive restores and early exits are charged', () => {
    const base = runningInstance();
    const s = ok(base.world, 'CreateSnapshot', { VolumeId: base.rootVolumeId });
    let w = advance(s.world, 45).world;
    const start = w.ledger.StandardBlockMs;
    w = advance(w, MONTH_MS / 1000).world;
    // 3 GiB stored for one billing month at $0.05, counted exactly in block-milliseconds.
    expect(w.ledger.StandardBlockMs - start).toBe(3 * MONTH_MS);
    expect(accruedSnapshotStorageUSD({ ...w.ledger, StandardBlockMs: w.ledger.StandardBlockMs - start })).toBeCloseTo(0.15, 12);
    w = advance(ok(w, 'ModifySnapshotTier', { SnapshotId: s.out.SnapshotId, StorageTier: 'archive' }).world, 7 * 3600).world;
    const restored = ok(w, 'RestoreSnapshotTier', { SnapshotId: s.out.SnapshotId, PermanentRestore: true });
    const charges = restored.world.ledger.Charges.map((c) => [c.Kind, c.USD]);
    expect(charges[0]).toEqual(['archive-early-exit', expect.any(Number)]);
    // Archived for 1 hour of its 90 days: almost 3 months of 3 GiB at $0.0125 are still due.
    expect(charges[0]![1]).toBeCloseTo((3 * 0.0125 * (90 * 86400_000 - 3600_000)) / MONTH_MS, 3);
    expect(charges[1]).toEqual(['archive-restore', 0.09]);
    // Deleting it while the permanent restore runs does not charge the minimum twice.
    const deleted = ok(restored.world, 'DeleteSnapshot', { SnapshotId: s.out.SnapshotId }).world;
    expect(deleted.ledger.Charges).toHaveLength(2);
    expect(costSummary(deleted).snapshotSpentUSD).toBeGreaterThan(0.15 + 0.09);
  });
});
