// DryRun on every action: DryRunOperation when the call would succeed, the World unchanged.
import { describe, expect, test } from 'vitest';
import { ACTION_NAMES, execute } from '../../../src/sim/index.ts';
import type { SimCall } from '../../../src/sim/index.ts';
import { advance, al2023, ok, runningInstance } from './helpers.ts';

function richWorld() {
  const base = runningInstance();
  let world = base.world;
  const id = base.instanceId;
  const v = ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 4 });
  world = advance(ok(advance(v.world, 5).world, 'AttachVolume', { VolumeId: v.out.VolumeId, InstanceId: id, Device: '/dev/sdf' }).world, 5).world;
  world = ok(world, 'WriteFile', { InstanceId: id, Path: '/mnt/sdf/a.txt', Content: 'a' }).world;
  const spare = ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 1 });
  const snap = ok(spare.world, 'CreateSnapshot', { VolumeId: base.rootVolumeId });
  const archive = ok(snap.world, 'CreateSnapshot', { VolumeId: v.out.VolumeId });
  world = advance(archive.world, 600).world;
  world = advance(ok(world, 'ModifySnapshotTier', { SnapshotId: archive.out.SnapshotId, StorageTier: 'archive' }).world, 7 * 3600).world;
  world = advance(ok(world, 'EnableFastSnapshotRestores', { AvailabilityZones: ['us-east-1a'], SourceSnapshotIds: [snap.out.SnapshotId] }).world, 600).world;
  const image = ok(world, 'CreateImage', { InstanceId: id, Name: 'golden' });
  const disabled = ok(advance(image.world, 20).world, 'CreateImage', { InstanceId: id, Name: 'old', NoReboot: true });
  world = advance(disabled.world, 600).world;
  world = ok(world, 'DisableImage', { ImageId: disabled.out.ImageId }).world;
  return {
    world,
    id,
    rootVolumeId: base.rootVolumeId,
    spareVolumeId: spare.out.VolumeId as string,
    dataVolumeId: v.out.VolumeId as string,
    snapshotId: snap.out.SnapshotId as string,
    archivedId: archive.out.SnapshotId as string,
    imageId: image.out.ImageId as string,
    disabledImageId: disabled.out.ImageId as string,
  };
}

describe('DryRun', () => {
  test('every action answers DryRunOperation for a call that would succeed, and changes nothing', () => {
    const r = richWorld();
    const calls: Record<string, SimCall['params']> = {
      RunInstances: { ImageId: r.imageId },
      StopInstances: { InstanceIds: [r.id] },
      StartInstances: { InstanceIds: [r.id] },
      RebootInstances: { InstanceIds: [r.id] },
      TerminateInstances: { InstanceIds: [r.id] },
      ModifyInstanceAttribute: { InstanceId: r.id, DisableApiTermination: { Value: true } },
      DescribeInstances: {},
      DescribeInstanceAttribute: { InstanceId: r.id, Attribute: 'instanceType' },
      CreateVolume: { AvailabilityZone: 'us-east-1b', SnapshotId: r.snapshotId },
      AttachVolume: { VolumeId: r.spareVolumeId, InstanceId: r.id, Device: '/dev/sdg' },
      DetachVolume: { VolumeId: r.dataVolumeId },
      DeleteVolume: { VolumeId: r.spareVolumeId },
      DescribeVolumes: {},
      CreateSnapshot: { VolumeId: r.rootVolumeId },
      CreateSnapshots: { InstanceSpecification: { InstanceId: r.id } },
      DeleteSnapshot: { SnapshotId: r.archivedId },
      DescribeSnapshots: {},
      CopySnapshot: { SourceRegion: 'us-east-1', SourceSnapshotId: r.snapshotId },
      ModifySnapshotAttribute: { SnapshotId: r.snapshotId, OperationType: 'add', UserIds: ['210987654321'] },
      DescribeSnapshotAttribute: { SnapshotId: r.snapshotId, Attribute: 'createVolumePermission' },
      ModifySnapshotTier: { SnapshotId: r.snapshotId, StorageTier: 'archive' },
      RestoreSnapshotTier: { SnapshotId: r.archivedId, PermanentRestore: true },
      EnableFastSnapshotRestores: { AvailabilityZones: ['us-east-1b'], SourceSnapshotIds: [r.snapshotId] },
      DisableFastSnapshotRestores: { AvailabilityZones: ['us-east-1a'], SourceSnapshotIds: [r.snapshotId] },
      DescribeFastSnapshotRestores: {},
      CreateImage: { InstanceId: r.id, Name: 'another' },
      RegisterImage: { Name: 'registered', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: r.snapshotId } }] },
      DescribeImages: {},
      DescribeImageAttribute: { ImageId: r.imageId, Attribute: 'launchPermission' },
      DeregisterImage: { ImageId: r.imageId },
      DisableImage: { ImageId: r.imageId },
      EnableImage: { ImageId: r.disabledImageId },
      CopyImage: { SourceRegion: 'us-east-1', SourceImageId: r.imageId, Name: 'golden' },
      ModifyImageAttribute: { ImageId: r.imageId, LaunchPermission: { Add: [{ Group: 'all' }] } },
      EnableImageDeprecation: { ImageId: r.imageId, DeprecateAt: '2027-01-01T00:00:00Z' },
      DisableImageDeprecation: { ImageId: r.imageId },
      CreateTags: { Resources: [r.id], Tags: [{ Key: 'Name', Value: 'x' }] },
      DeleteTags: { Resources: [r.id] },
      DescribeTags: {},
      DescribeRegions: {},
      DescribeAvailabilityZones: {},
      Advance: { Seconds: 60 },
      WriteFile: { InstanceId: r.id, Path: '/tmp/x', Content: 'x' },
      DeleteFile: { InstanceId: r.id, Path: '/mnt/sdf/a.txt' },
      InstallPackage: { InstanceId: r.id, Package: 'docker' },
      ReadFile: { InstanceId: r.id, Path: '/etc/os-release' },
      ListFiles: { InstanceId: r.id },
      DescribeStorage: {},
    };
    expect(Object.keys(calls).sort()).toEqual([...ACTION_NAMES].sort());
    for (const [action, params] of Object.entries(calls)) {
      const region = action === 'CopyImage' ? 'eu-west-1' : undefined;
      const real = execute(r.world, { action, params, ...(region ? { region } : {}) });
      expect(real.ok ? 'ok' : `${real.error.Code}: ${real.error.Message}`, action).toBe('ok');
      const before = structuredClone(r.world);
      const dry = execute(r.world, { action, params: { ...params, DryRun: true }, ...(region ? { region } : {}) });
      expect(dry, action).toEqual({ ok: false, error: { Code: 'DryRunOperation', Message: 'Request would have succeeded, but DryRun flag is set.' } });
      expect(r.world).toEqual(before);
    }
    expect(al2023(r.world)).toMatch(/^ami-/);
  });
});
