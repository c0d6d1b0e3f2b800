import { describe, expect, test } from 'vitest';
import { recomputeIndexes } from '../../../src/sim/indexes.ts';
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
    const start = runningInstance();
    let world = start.world;
    const instanceId = start.instanceId;
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

function completedSnapshot() {
  const base = runningInstance();
  const s = ok(base.world, 'CreateSnapshot', { VolumeId: base.rootVolumeId, TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'root' }] }] });
  return { ...base, world: advance(s.world, 600).world, snapshotId: s.out.SnapshotId as string };
}

describe('CreateSnapshots', () => {
  test('one snapshot per attached volume, narrowed by ExcludeBootVolume and ExcludeDataVolumeIds', () => {
    const base = runningInstance();
    const v = ok(base.world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 2, TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'data' }] }] });
    const w = advance(ok(advance(v.world, 5).world, 'AttachVolume', { VolumeId: v.out.VolumeId, InstanceId: base.instanceId, Device: '/dev/sdf' }).world, 5).world;
    const all = ok(w, 'CreateSnapshots', { InstanceSpecification: { InstanceId: base.instanceId }, Description: 'nightly', CopyTagsFromSource: 'volume' });
    expect(all.out.Snapshots.map((s: any) => s.VolumeId)).toEqual([v.out.VolumeId, base.rootVolumeId]);
    expect(all.out.Snapshots[0]).toMatchObject({ Description: 'nightly', State: 'pending', Tags: [{ Key: 'Name', Value: 'data' }] });
    const later = advance(all.world, 20).world;
    expect(ok(later, 'CreateSnapshots', { InstanceSpecification: { InstanceId: base.instanceId, ExcludeBootVolume: true } }).out.Snapshots.map((s: any) => s.VolumeId)).toEqual([v.out.VolumeId]);
    expect(ok(later, 'CreateSnapshots', { InstanceSpecification: { InstanceId: base.instanceId, ExcludeDataVolumeIds: [v.out.VolumeId] } }).out.Snapshots.map((s: any) => s.VolumeId)).toEqual([base.rootVolumeId]);
    err(later, 'CreateSnapshots', {}, 'MissingParameter');
    err(later, 'CreateSnapshots', { InstanceSpecification: { InstanceId: 'i-0123456789abcdef0' } }, 'InvalidInstanceID.NotFound');
    // All or nothing: one volume over its rate limit fails the whole call.
    err(all.world, 'CreateSnapshots', { InstanceSpecification: { InstanceId: base.instanceId } }, 'SnapshotCreationPerVolumeRateExceeded');
  });
});

describe('DeleteSnapshot', () => {
  test('deletes at once; unknown, already deleted and other accounts\' snapshots are not found', () => {
    const { world, snapshotId } = completedSnapshot();
    const d = ok(world, 'DeleteSnapshot', { SnapshotId: snapshotId });
    expect(d.world.snapshots[snapshotId]).toBeUndefined();
    err(d.world, 'DeleteSnapshot', { SnapshotId: snapshotId }, 'InvalidSnapshot.NotFound');
    const amazonSnap = Object.values(world.snapshots).find((s) => s.OwnerId !== world.accountId)!.SnapshotId;
    err(world, 'DeleteSnapshot', { SnapshotId: amazonSnap }, 'InvalidSnapshot.NotFound');
    err(world, 'DeleteSnapshot', {}, 'MissingParameter');
  });
});

describe('CopySnapshot', () => {
  test('cross-Region copy is full the first time, incremental later; placeholder VolumeId; tags not copied', () => {
    const { world, snapshotId, instanceId, rootVolumeId } = completedSnapshot();
    const c = ok(world, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: snapshotId, Description: 'dr copy' }, 'eu-west-1');
    expect(c.out).toEqual({ SnapshotId: expect.stringMatching(/^snap-[0-9a-f]{17}$/) });
    const copy = c.world.snapshots[c.out.SnapshotId]!;
    expect(copy).toMatchObject({ Region: 'eu-west-1', VolumeId: 'vol-ffffffff', State: 'pending', Tags: [], Description: 'dr copy' });
    expect(copy.Owned).toHaveLength(3);
    let w = advance(c.world, 600).world;
    w = ok(w, 'WriteFile', { InstanceId: instanceId, Path: '/etc/motd', Content: 'hello\n' }).world;
    const s2 = ok(w, 'CreateSnapshot', { VolumeId: rootVolumeId });
    w = advance(s2.world, 600).world;
    const c2 = ok(w, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: s2.out.SnapshotId }, 'eu-west-1');
    const copy2 = c2.world.snapshots[c2.out.SnapshotId]!;
    expect(copy2.Owned).toHaveLength(1);
    expect(copy2.Description).toBe(`[Copied ${s2.out.SnapshotId} from us-east-1]`);
    expect(ok(c2.world, 'DescribeSnapshots', { SnapshotIds: [c2.out.SnapshotId] }, 'eu-west-1').out.Snapshots[0].VolumeId).toBe('vol-ffffffff');
    // Same Region, same key: no data moves (free).
    const local = ok(w, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: snapshotId });
    expect(local.world.snapshots[local.out.SnapshotId]!.Owned).toEqual([]);
    // Encrypting a copy starts a new lineage: full again; KmsKeyId needs Encrypted.
    const enc = ok(w, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: snapshotId, Encrypted: true });
    expect(enc.world.snapshots[enc.out.SnapshotId]).toMatchObject({ Encrypted: true, KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:alias/aws/ebs' });
    expect(enc.world.snapshots[enc.out.SnapshotId]!.Owned).toHaveLength(3);
    err(w, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: snapshotId, KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k1' }, 'InvalidParameterDependency');
  });

  test('errors: wrong source Region, unknown id, pending source', () => {
    const base = runningInstance();
    const s = ok(base.world, 'CreateSnapshot', { VolumeId: base.rootVolumeId });
    err(s.world, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: s.out.SnapshotId }, 'IncorrectState', 'eu-west-1');
    const done = advance(s.world, 600).world;
    err(done, 'CopySnapshot', { SourceRegion: 'eu-west-1', SourceSnapshotId: s.out.SnapshotId }, 'InvalidSnapshot.NotFound');
    err(done, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: 'snap-0123456789abcdef0' }, 'InvalidSnapshot.NotFound');
    err(done, 'CopySnapshot', { SourceRegion: 'ap-south-1', SourceSnapshotId: s.out.SnapshotId }, 'InvalidParameterValue');
    err(done, 'CopySnapshot', { SourceSnapshotId: s.out.SnapshotId }, 'MissingParameter');
  });
});

describe('ModifySnapshotAttribute / DescribeSnapshotAttribute', () => {
  test('share with an account, make public, remove; one call adds or removes, not both', () => {
    const { world, snapshotId } = completedSnapshot();
    const shared = ok(world, 'ModifySnapshotAttribute', { SnapshotId: snapshotId, Attribute: 'createVolumePermission', OperationType: 'add', UserIds: ['210987654321'] });
    const pub = ok(shared.world, 'ModifySnapshotAttribute', { SnapshotId: snapshotId, CreateVolumePermission: { Add: [{ Group: 'all' }] } });
    expect(ok(pub.world, 'DescribeSnapshotAttribute', { SnapshotId: snapshotId, Attribute: 'createVolumePermission' }).out).toEqual({
      CreateVolumePermissions: [{ UserId: '210987654321' }, { Group: 'all' }],
      SnapshotId: snapshotId,
    });
    const removed = ok(pub.world, 'ModifySnapshotAttribute', { SnapshotId: snapshotId, OperationType: 'remove', GroupNames: ['all'] });
    expect(removed.world.snapshots[snapshotId]!.CreateVolumePermissions).toEqual(['210987654321']);
    err(world, 'ModifySnapshotAttribute', { SnapshotId: snapshotId, CreateVolumePermission: { Add: [{ Group: 'all' }], Remove: [{ UserId: '210987654321' }] } }, 'InvalidParameterCombination');
    err(world, 'ModifySnapshotAttribute', { SnapshotId: snapshotId, OperationType: 'add', GroupNames: ['everyone'] }, 'InvalidAMIAttributeItemValue');
    err(world, 'ModifySnapshotAttribute', { SnapshotId: 'snap-0123456789abcdef0', OperationType: 'add', GroupNames: ['all'] }, 'InvalidSnapshot.NotFound');
    err(world, 'DescribeSnapshotAttribute', { SnapshotId: snapshotId, Attribute: 'productCodes' }, 'InvalidParameterValue');
    expect(err(world, 'DescribeSnapshotAttribute', { SnapshotId: 'snap-0123456789abcdef0', Attribute: 'createVolumePermission' }, 'InvalidSnapshot.NotFound')).toBe(
      "The snapshot 'snap-0123456789abcdef0' does not exist.",
    );
    err(world, 'DescribeSnapshotAttribute', { SnapshotId: 'snap-nope', Attribute: 'createVolumePermission' }, 'InvalidSnapshotID.Malformed');
  });

  test('encrypted snapshots cannot be public; default-key ones cannot be shared', () => {
    const base = runningInstance();
    const v = ok(base.world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 1, Encrypted: true });
    const s = ok(advance(v.world, 5).world, 'CreateSnapshot', { VolumeId: v.out.VolumeId });
    const w = advance(s.world, 600).world;
    err(w, 'ModifySnapshotAttribute', { SnapshotId: s.out.SnapshotId, OperationType: 'add', GroupNames: ['all'] }, 'OperationNotPermitted');
    err(w, 'ModifySnapshotAttribute', { SnapshotId: s.out.SnapshotId, OperationType: 'add', UserIds: ['210987654321'] }, 'OperationNotPermitted');
  });

  test('a snapshot shared with the learner by another account is visible and usable', () => {
    const { world, snapshotId } = completedSnapshot();
    // Hand the snapshot to the other account and share it back: what the learner sees of someone else's snapshot.
    const handed = { ...world, snapshots: { ...world.snapshots, [snapshotId]: { ...world.snapshots[snapshotId]!, OwnerId: '210987654321', CreateVolumePermissions: ['123456789012'] } } };
    // An edit by hand must keep the derived indexes in step: the learner no longer pays for it.
    const foreign = { ...handed, ...recomputeIndexes(handed) };
    expect(ok(foreign, 'DescribeSnapshots', { RestorableByUserIds: ['self'], OwnerIds: ['210987654321'] }).out.Snapshots).toHaveLength(1);
    const v = ok(foreign, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: snapshotId });
    // Another account's snapshot starts a new lineage for the learner's volume (B5).
    expect(v.world.volumes[v.out.VolumeId]!.Lineage).not.toBe(world.snapshots[snapshotId]!.Lineage);
    err(foreign, 'DeleteSnapshot', { SnapshotId: snapshotId }, 'InvalidSnapshot.NotFound');
  });
});

describe('ModifySnapshotTier / RestoreSnapshotTier', () => {
  test('archive makes a full copy billed at the archive price; restore temporarily then it expires', () => {
    const { world, snapshotId, rootVolumeId, instanceId } = completedSnapshot();
    // A newer snapshot that shares the blocks: archiving the older one hands them over (B7).
    let w = ok(advance(world, 20).world, 'WriteFile', { InstanceId: instanceId, Path: '/etc/motd', Content: 'hi\n' }).world;
    const newer = ok(w, 'CreateSnapshot', { VolumeId: rootVolumeId });
    w = advance(newer.world, 600).world;
    const m = ok(w, 'ModifySnapshotTier', { SnapshotId: snapshotId, StorageTier: 'archive' });
    expect(m.out).toEqual({ SnapshotId: snapshotId, TieringStartTime: expect.any(String) });
    expect(m.world.snapshots[snapshotId]!.Tier).toBe('archiving');
    w = advance(m.world, 6 * 3600).world;
    const archived = w.snapshots[snapshotId]!;
    expect(archived).toMatchObject({ Tier: 'archived', Owned: [] });
    expect(w.snapshots[newer.out.SnapshotId]!.Owned).toHaveLength(4);
    const ledger = ok(w, 'DescribeStorage').out;
    expect(ledger.Snapshots.find((s: any) => s.SnapshotId === snapshotId).StoredBlocks).toBe(3);
    expect(ledger.MonthlyCostUSD).toBeCloseTo(4 * 0.05 + 3 * 0.0125);
    expect(ok(w, 'DescribeSnapshots', { SnapshotIds: [snapshotId] }).out.Snapshots[0].StorageTier).toBe('archive');
    err(w, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: snapshotId }, 'IncorrectState');
    err(w, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: snapshotId }, 'IncorrectState');
    err(w, 'ModifySnapshotTier', { SnapshotId: snapshotId, StorageTier: 'archive' }, 'IncorrectState');

    const r = ok(w, 'RestoreSnapshotTier', { SnapshotId: snapshotId, TemporaryRestoreDays: 2 });
    expect(r.out).toMatchObject({ SnapshotId: snapshotId, RestoreDuration: 2, IsPermanentRestore: false });
    w = advance(r.world, 24 * 3600).world;
    expect(w.snapshots[snapshotId]!.Tier).toBe('temporary-restored');
    expect(ok(w, 'DescribeSnapshots', { SnapshotIds: [snapshotId] }).out.Snapshots[0]).toMatchObject({ StorageTier: 'standard', RestoreExpiryTime: expect.any(String) });
    expect(ok(w, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: snapshotId }).out.State).toBe('creating');
    w = advance(w, 2 * 86400).world;
    expect(w.snapshots[snapshotId]!.Tier).toBe('archived');

    const p = ok(w, 'RestoreSnapshotTier', { SnapshotId: snapshotId, PermanentRestore: true });
    expect(advance(p.world, 24 * 3600).world.snapshots[snapshotId]!.Tier).toBe('standard');
  });

  test('errors', () => {
    const base = runningInstance();
    const s = ok(base.world, 'CreateSnapshot', { VolumeId: base.rootVolumeId });
    err(s.world, 'ModifySnapshotTier', { SnapshotId: s.out.SnapshotId, StorageTier: 'archive' }, 'IncorrectState');
    const w = advance(s.world, 600).world;
    err(w, 'ModifySnapshotTier', { SnapshotId: s.out.SnapshotId, StorageTier: 'glacier' }, 'InvalidParameterValue');
    err(w, 'RestoreSnapshotTier', { SnapshotId: s.out.SnapshotId, PermanentRestore: true }, 'IncorrectState');
    err(w, 'RestoreSnapshotTier', { SnapshotId: s.out.SnapshotId }, 'InvalidParameterCombination');
    const img = ok(w, 'RegisterImage', { Name: 'uses-it', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: s.out.SnapshotId } }] });
    // I24: the snapshots of an AMI that can launch can't be archived.
    expect(err(img.world, 'ModifySnapshotTier', { SnapshotId: s.out.SnapshotId, StorageTier: 'archive' }, 'IncorrectState')).toMatch(/disable it \(DisableImage\)/);
  });

  test("an AMI's snapshot can be archived once the AMI is disabled; the AMI is enabled again only after a permanent restore", () => {
    const base = runningInstance();
    const s = ok(base.world, 'CreateSnapshot', { VolumeId: base.rootVolumeId });
    const snapshotId = s.out.SnapshotId as string;
    const img = ok(advance(s.world, 600).world, 'RegisterImage', { Name: 'kept-for-audit', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshotId } }] });
    const imageId = img.out.ImageId as string;
    const disabled = ok(img.world, 'DisableImage', { ImageId: imageId }).world;
    let w = ok(disabled, 'ModifySnapshotTier', { SnapshotId: snapshotId, StorageTier: 'archive' }).world;
    // Still associated: it can't be deleted while the disabled AMI exists.
    err(w, 'DeleteSnapshot', { SnapshotId: snapshotId }, 'InvalidSnapshot.InUse');
    w = advance(w, 7 * 3600).world;
    expect(w.snapshots[snapshotId]!.Tier).toBe('archived');
    expect(err(w, 'EnableImage', { ImageId: imageId }, 'IncorrectState')).toMatch(new RegExp(`${snapshotId} \\(archived\\).*PermanentRestore`));
    // A temporary restore is not enough: the snapshot would go back to the archive.
    const temporary = advance(ok(w, 'RestoreSnapshotTier', { SnapshotId: snapshotId, TemporaryRestoreDays: 5 }).world, 25 * 3600).world;
    expect(temporary.snapshots[snapshotId]!.Tier).toBe('temporary-restored');
    err(temporary, 'EnableImage', { ImageId: imageId }, 'IncorrectState');
    const restored = advance(ok(w, 'RestoreSnapshotTier', { SnapshotId: snapshotId, PermanentRestore: true }).world, 25 * 3600).world;
    expect(restored.snapshots[snapshotId]!.Tier).toBe('standard');
    const enabled = ok(restored, 'EnableImage', { ImageId: imageId }).world;
    expect(enabled.images[imageId]!.State).toBe('available');
    ok(enabled, 'RunInstances', { ImageId: imageId, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 });
  });
});

describe('fast snapshot restore', () => {
  test('enabling -> optimizing -> enabled; volumes created there are FastRestored; deleting the snapshot disables it', () => {
    const { world, snapshotId } = completedSnapshot();
    const e = ok(world, 'EnableFastSnapshotRestores', { AvailabilityZones: ['us-east-1a', 'us-east-1b'], SourceSnapshotIds: [snapshotId] });
    expect(e.out.Successful.map((r: any) => [r.AvailabilityZone, r.State])).toEqual([
      ['us-east-1a', 'enabling'],
      ['us-east-1b', 'enabling'],
    ]);
    expect(e.out.Unsuccessful).toEqual([]);
    let w = advance(e.world, 61).world;
    expect(ok(w, 'DescribeFastSnapshotRestores').out.FastSnapshotRestores[0].State).toBe('optimizing');
    w = advance(w, 120).world;
    expect(ok(w, 'DescribeFastSnapshotRestores', { Filters: [{ Name: 'state', Values: ['enabled'] }] }).out.FastSnapshotRestores).toHaveLength(2);
    expect(ok(w, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: snapshotId }).out.FastRestored).toBe(true);
    expect(ok(w, 'CreateVolume', { AvailabilityZone: 'us-east-1c', SnapshotId: snapshotId }).out.FastRestored).toBe(false);
    const d = ok(w, 'DisableFastSnapshotRestores', { AvailabilityZones: ['us-east-1a'], SourceSnapshotIds: [snapshotId] });
    expect(d.out.Successful[0].State).toBe('disabling');
    expect(Object.keys(advance(d.world, 60).world.fastSnapshotRestores)).toEqual([`${snapshotId}:us-east-1b`]);
    expect(ok(w, 'DeleteSnapshot', { SnapshotId: snapshotId }).world.fastSnapshotRestores).toEqual({});
  });

  test('credits: an 8 GiB snapshot gives 10 fast-restored volumes, then one more every 6 minutes', () => {
    const { world, snapshotId } = completedSnapshot();
    let w = advance(ok(world, 'EnableFastSnapshotRestores', { AvailabilityZones: ['us-east-1a'], SourceSnapshotIds: [snapshotId] }).world, 600).world;
    const fast: boolean[] = [];
    for (let n = 0; n < 11; n++) {
      const v = ok(w, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: snapshotId });
      fast.push(v.out.FastRestored);
      w = v.world;
    }
    expect(fast).toEqual([...Array(10).fill(true), false]);
    w = advance(w, 360).world;
    expect(ok(w, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: snapshotId }).out.FastRestored).toBe(true);
  });

  test('pending snapshots fail per item; bad zones and ids fail the call', () => {
    const base = runningInstance();
    const s = ok(base.world, 'CreateSnapshot', { VolumeId: base.rootVolumeId });
    const e = ok(s.world, 'EnableFastSnapshotRestores', { AvailabilityZones: ['us-east-1a'], SourceSnapshotIds: [s.out.SnapshotId] });
    expect(e.out).toEqual({
      Successful: [],
      Unsuccessful: [{ SnapshotId: s.out.SnapshotId, FastSnapshotRestoreStateErrors: [{ AvailabilityZone: 'us-east-1a', Error: { Code: 'IncorrectState', Message: 'Snapshot is in invalid state - pending' } }] }],
    });
    err(s.world, 'EnableFastSnapshotRestores', { AvailabilityZones: ['eu-west-1a'], SourceSnapshotIds: [s.out.SnapshotId] }, 'InvalidZone.NotFound');
    err(s.world, 'EnableFastSnapshotRestores', { AvailabilityZones: ['us-east-1a'], SourceSnapshotIds: ['snap-0123456789abcdef0'] }, 'InvalidSnapshot.NotFound');
    err(s.world, 'EnableFastSnapshotRestores', { SourceSnapshotIds: [s.out.SnapshotId] }, 'MissingParameter');
    const off = ok(s.world, 'DisableFastSnapshotRestores', { AvailabilityZones: ['us-east-1a'], SourceSnapshotIds: [s.out.SnapshotId] });
    expect(off.out.Unsuccessful[0].FastSnapshotRestoreStateErrors[0].Error.Code).toBe('IncorrectState');
  });
});
