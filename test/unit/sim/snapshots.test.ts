import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { advance, err, ok, runningInstance, state } from './helpers.ts';

describe('CreateSnapshot', () => {
  test('returns the API shape, pending, and completes; incremental snapshots are faster', () => {
    const { world, rootVolumeId } = runningInstance();
    const s = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId, Description: 'before upgrade' });
    expect(Object.keys(s.out).sort()).toEqual(['Description', 'Encrypted', 'OwnerId', 'Progress', 'SnapshotId', 'StartTime', 'State', 'Tags', 'VolumeId', 'VolumeSize']);
    expect(s.out).toMatchObject({ Description: 'before upgrade', Encrypted: false, OwnerId: '123456789012', Progress: '0%', State: 'pending', VolumeId: rootVolumeId, VolumeSize: 8, Tags: [] });
    const first = s.world.snapshots[s.out.SnapshotId]!;
    // First snapshot of a volume launched from Amazon's AMI: a new lineage, so it stores all 3 written blocks (B1, B5).
    expect(first.Owned).toHaveLength(3);
    const done = advance(s.world, 600).world;
    expect(state(done, s.out.SnapshotId)).toBe('completed');
    const second = ok(done, 'CreateSnapshot', { VolumeId: rootVolumeId });
    const incr = second.world.snapshots[second.out.SnapshotId]!;
    expect(incr.Owned).toHaveLength(0);
    expect(incr.CompleteAt - incr.StartTime).toBeLessThan(first.CompleteAt - first.StartTime);
  });

  test('rate and concurrency limits', () => {
    const { world, rootVolumeId } = runningInstance();
    const s1 = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId }).world;
    expect(err(s1, 'CreateSnapshot', { VolumeId: rootVolumeId }, 'SnapshotCreationPerVolumeRateExceeded')).toMatch(/request rate has been exceeded/);
    // 15 s later a new snapshot of the same volume is accepted again.
    expect(ok(advance(s1, 15).world, 'CreateSnapshot', { VolumeId: rootVolumeId }).out.State).toBe('pending');
    err(world, 'CreateSnapshot', { VolumeId: 'vol-0123456789abcdef0' }, 'InvalidVolume.NotFound');
    err(world, 'CreateSnapshot', {}, 'MissingParameter');
  });

  test('five pending snapshots per volume at most', () => {
    let { world, rootVolumeId, instanceId } = runningInstance();
    // Make every snapshot store data so that it stays pending long enough.
    const big = ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 100 });
    world = advance(big.world, 5).world;
    world = advance(ok(world, 'AttachVolume', { VolumeId: big.out.VolumeId, InstanceId: instanceId, Device: '/dev/sdf' }).world, 5).world;
    for (let n = 0; n < 5; n++) {
      for (let f = 0; f < 10; f++) world = ok(world, 'WriteFile', { InstanceId: instanceId, Path: `/mnt/sdf/round${n}/file${f}`, Content: `${n}-${f}` }).world;
      world = ok(world, 'CreateSnapshot', { VolumeId: big.out.VolumeId }).world;
      world = advance(world, 15).world;
    }
    expect(Object.values(world.snapshots).filter((s) => s.VolumeId === big.out.VolumeId && s.State === 'pending')).toHaveLength(5);
    err(world, 'CreateSnapshot', { VolumeId: big.out.VolumeId }, 'ConcurrentSnapshotLimitExceeded');
    void rootVolumeId;
  });
});

describe('DescribeSnapshots', () => {
  test('own snapshots, progress while pending, owner filters, not found', () => {
    const { world, rootVolumeId } = runningInstance();
    const s = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId });
    const mid = advance(s.world, 20).world;
    const listed = ok(mid, 'DescribeSnapshots', { OwnerIds: ['self'] }).out.Snapshots;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ SnapshotId: s.out.SnapshotId, State: 'pending', StorageTier: 'standard' });
    expect(listed[0].Progress).toMatch(/^\d+%$/);
    expect(listed[0].Progress).not.toBe('0%');
    const done = advance(mid, 600).world;
    expect(ok(done, 'DescribeSnapshots', { SnapshotIds: [s.out.SnapshotId] }).out.Snapshots[0]).toMatchObject({
      Progress: '100%',
      State: 'completed',
      FullSnapshotSizeInBytes: 3 * 1024 ** 3,
    });
    expect(ok(done, 'DescribeSnapshots', { OwnerIds: ['amazon'] }).out.Snapshots).toEqual([]);
    expect(ok(done, 'DescribeSnapshots', { Filters: [{ Name: 'status', Values: ['pending'] }] }).out.Snapshots).toEqual([]);
    expect(err(done, 'DescribeSnapshots', { SnapshotIds: ['snap-0123456789abcdef0'] }, 'InvalidSnapshot.NotFound')).toBe(
      "The snapshot 'snap-0123456789abcdef0' does not exist.",
    );
    err(done, 'DescribeSnapshots', { OwnerIds: ['someone'] }, 'InvalidUserID.Malformed');
    // Snapshots are regional (I2).
    err(done, 'DescribeSnapshots', { SnapshotIds: [s.out.SnapshotId] }, 'InvalidSnapshot.NotFound', 'eu-west-1');
  });
});

describe('CreateVolume from a snapshot', () => {
  test('needs a completed snapshot, any AZ of the Region, size >= snapshot', () => {
    const { world, rootVolumeId } = runningInstance();
    const s = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId });
    expect(err(s.world, 'CreateVolume', { AvailabilityZone: 'us-east-1c', SnapshotId: s.out.SnapshotId }, 'IncorrectState')).toBe(
      'Snapshot is in invalid state - pending',
    );
    const done = advance(s.world, 600).world;
    expect(err(done, 'CreateVolume', { AvailabilityZone: 'us-east-1c', SnapshotId: s.out.SnapshotId, Size: 4 }, 'InvalidParameterValue')).toBe(
      `Volume of size 4GB is smaller than snapshot '${s.out.SnapshotId}', expect size >= 8GB`,
    );
    const v = ok(done, 'CreateVolume', { AvailabilityZone: 'us-east-1c', SnapshotId: s.out.SnapshotId });
    expect(v.out).toMatchObject({ Size: 8, SnapshotId: s.out.SnapshotId, AvailabilityZone: 'us-east-1c', State: 'creating' });
    expect(v.world.volumes[v.out.VolumeId]!.Blocks).toEqual(done.volumes[rootVolumeId]!.Blocks);
  });
});
