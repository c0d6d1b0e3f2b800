// The block explorer's and the timeline's read-only views, checked on the reference's worked
// example (§4.2: A full, B 4 changed, C 2 added; deleting A frees 4; archiving C costs more).
import { describe, expect, test } from 'vitest';
import { archiveWhatIf, lineageBlocks, pointInTimeDiff, snapshotDeletionEffect } from '../../../src/sim/queries-blocks.ts';
import type { World } from '../../../src/sim/index.ts';
import { advance, ok, runningInstance } from './helpers.ts';

function write(world: World, instanceId: string, name: string, content: string): World {
  return ok(world, 'WriteFile', { InstanceId: instanceId, Path: `/mnt/sdf/${name}`, Content: content }).world;
}

function snapshot(world: World, volumeId: string): { world: World; id: string } {
  const s = ok(world, 'CreateSnapshot', { VolumeId: volumeId });
  return { world: advance(s.world, 600).world, id: s.out.SnapshotId as string };
}

/** A 15 GiB data volume at /dev/sdf holding 10 one-block files (file-01 .. file-10). */
function volumeOne(): { world: World; instanceId: string; volumeId: string } {
  const start = runningInstance();
  const created = ok(start.world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 15 });
  const volumeId = created.out.VolumeId as string;
  let world = advance(created.world, 5).world;
  world = advance(ok(world, 'AttachVolume', { VolumeId: volumeId, InstanceId: start.instanceId, Device: '/dev/sdf' }).world, 5).world;
  for (let n = 1; n <= 10; n++) world = write(world, start.instanceId, `file-${String(n).padStart(2, '0')}.txt`, 'v1');
  return { world, instanceId: start.instanceId, volumeId };
}

/** Steps 1 and 2 of the worked example: A of 10 blocks, then 4 blocks rewritten and B. */
function stepsOneTwo() {
  const { world: w0, instanceId, volumeId } = volumeOne();
  const a = snapshot(w0, volumeId);
  let world = a.world;
  for (let n = 1; n <= 4; n++) world = write(world, instanceId, `file-0${n}.txt`, 'v2');
  const b = snapshot(world, volumeId);
  return { world: b.world, instanceId, volumeId, a: a.id, b: b.id };
}

describe('lineageBlocks', () => {
  test('the first snapshot stores every written block; the next one only the changed ones and refers to the rest', () => {
    const { world, volumeId, a, b } = stepsOneTwo();
    const view = lineageBlocks(world, volumeId)!;
    expect(view.size).toBe(15);
    expect(view.volume.filter((c) => c !== null)).toHaveLength(10);
    expect(view.volume[0]).toMatchObject({ index: 0, files: [{ path: '/file-01.txt', content: 'v2' }] });
    expect(view.volume[4]).toMatchObject({ index: 4, files: [{ path: '/file-05.txt', content: 'v1' }] });
    expect(view.volume[10]).toBeNull();
    const [rowA, rowB] = view.snapshots;
    expect(rowA!.snapshot.SnapshotId).toBe(a);
    expect(rowA!.stored).toBe(10);
    expect(rowA!.shared).toBe(0);
    expect(rowB!.snapshot.SnapshotId).toBe(b);
    expect(rowB!.stored).toBe(4);
    expect(rowB!.shared).toBe(6);
    expect(rowB!.cells[0]).toMatchObject({ files: [{ content: 'v2' }], holder: { kind: 'self' } });
    expect(rowA!.cells[0]).toMatchObject({ files: [{ content: 'v1' }], holder: { kind: 'self' } });
    expect(rowB!.cells[5]).toMatchObject({ files: [{ content: 'v1' }], holder: { kind: 'shared', snapshotId: a } });
    expect(rowB!.cells[12]).toBeNull();
  });

  test('an unknown volume gives null', () => {
    expect(lineageBlocks(runningInstance().world, 'vol-0123456789abcdef0')).toBeNull();
  });

  test('an archived snapshot holds its full image in the archive tier', () => {
    const { world, volumeId, b } = stepsOneTwo();
    const modified = ok(world, 'ModifySnapshotTier', { SnapshotId: b, StorageTier: 'archive' });
    const archived = advance(modified.world, 7 * 3600).world;
    const rowB = lineageBlocks(archived, volumeId)!.snapshots[1]!;
    expect(rowB.cells.filter((c) => c !== null).every((c) => c!.holder.kind === 'archive')).toBe(true);
    expect(rowB.stored).toBe(0);
  });
});

describe('snapshotDeletionEffect', () => {
  test('deleting A frees its 4 overwritten versions and hands the 6 shared ones to B', () => {
    const { world, a, b } = stepsOneTwo();
    const effect = snapshotDeletionEffect(world, a);
    expect(effect).toEqual({ ok: true, deferred: false, freed: [0, 1, 2, 3], kept: [4, 5, 6, 7, 8, 9].map((index) => ({ index, to: b })) });
    // The preview is what the real call does.
    const after = ok(world, 'DeleteSnapshot', { SnapshotId: a }).world;
    expect(after.snapshots[b]!.Owned).toHaveLength(10);
  });

  test('deleting the newest snapshot frees only what it stores itself', () => {
    const { world, b } = stepsOneTwo();
    expect(snapshotDeletionEffect(world, b)).toEqual({ ok: true, deferred: false, freed: [0, 1, 2, 3], kept: [] });
  });

  test('a pending snapshot is deleted only when it completes', () => {
    const { world: w0, volumeId } = volumeOne();
    const pending = ok(w0, 'CreateSnapshot', { VolumeId: volumeId });
    expect(snapshotDeletionEffect(pending.world, pending.out.SnapshotId)).toEqual({ ok: true, deferred: true, freed: [], kept: [] });
  });

  test('a refused delete gives the real error', () => {
    const { world } = volumeOne();
    const effect = snapshotDeletionEffect(world, 'snap-0123456789abcdef0');
    expect(effect.ok).toBe(false);
    if (!effect.ok) expect(effect.error.Code).toBe('InvalidSnapshot.NotFound');
  });
});

describe('archiveWhatIf', () => {
  test('archiving the small incremental C costs more: $0.80 becomes $0.85 a month', () => {
    const { world: w2, instanceId, volumeId } = stepsOneTwo();
    const world = write(write(w2, instanceId, 'file-11.txt', 'v1'), instanceId, 'file-12.txt', 'v1');
    const c = snapshot(world, volumeId);
    const what = archiveWhatIf(c.world, c.id);
    expect(what.ok).toBe(true);
    if (!what.ok) return;
    expect(what.before).toMatchObject({ snapshotStandardGiB: 16, snapshotArchiveGiB: 0, snapshotMonthlyUSD: 0.8 });
    expect(what.after).toMatchObject({ snapshotStandardGiB: 14, snapshotArchiveGiB: 12, snapshotMonthlyUSD: 0.85 });
  });

  test('a pending snapshot cannot be archived: the real error', () => {
    const { world: w0, volumeId } = volumeOne();
    const pending = ok(w0, 'CreateSnapshot', { VolumeId: volumeId });
    const what = archiveWhatIf(pending.world, pending.out.SnapshotId);
    expect(what.ok).toBe(false);
    if (!what.ok) expect(what.error.Code).toBe('IncorrectState');
  });
});

describe('pointInTimeDiff', () => {
  test('a write after the snapshot started, even while it is pending, is not in it', () => {
    const { world: w0, instanceId, volumeId } = volumeOne();
    const s = ok(w0, 'CreateSnapshot', { VolumeId: volumeId });
    let world = write(s.world, instanceId, 'photo.jpg', 'jpeg');
    world = write(world, instanceId, 'file-01.txt', 'v2');
    world = ok(world, 'DeleteFile', { InstanceId: instanceId, Path: '/mnt/sdf/file-02.txt' }).world;
    expect(world.snapshots[s.out.SnapshotId]!.State).toBe('pending');
    const diff = pointInTimeDiff(world, s.out.SnapshotId)!;
    expect(diff.inSnapshot).toHaveLength(10);
    expect(diff.inSnapshot[0]).toEqual({ path: '/file-01.txt', content: 'v1' });
    expect(diff.notInSnapshot).toEqual([
      { path: '/file-01.txt', content: 'v2', change: 'changed' },
      { path: '/photo.jpg', content: 'jpeg', change: 'added' },
    ]);
    expect(diff.deletedSince).toEqual(['/file-02.txt']);
  });

  test('an unknown snapshot gives null', () => {
    expect(pointInTimeDiff(volumeOne().world, 'snap-0123456789abcdef0')).toBeNull();
  });
});
