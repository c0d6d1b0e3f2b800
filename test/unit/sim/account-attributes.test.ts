import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { advance, al2023, err, ok, runningInstance } from './helpers.ts';

describe('DescribeRegions / DescribeAvailabilityZones / DescribeTags', () => {
  test('two Regions with three AZs each', () => {
    const world = createWorld();
    expect(ok(world, 'DescribeRegions').out.Regions.map((r: any) => r.RegionName)).toEqual(['us-east-1', 'eu-west-1']);
    const zones = ok(world, 'DescribeAvailabilityZones', {}, 'eu-west-1').out.AvailabilityZones;
    expect(zones.map((z: any) => [z.ZoneName, z.ZoneId, z.State])).toEqual([
      ['eu-west-1a', 'euw1-az1', 'available'],
      ['eu-west-1b', 'euw1-az2', 'available'],
      ['eu-west-1c', 'euw1-az3', 'available'],
    ]);
    expect(ok(world, 'DescribeAvailabilityZones', { ZoneIds: ['use1-az2'] }).out.AvailabilityZones[0].ZoneName).toBe('us-east-1b');
    err(world, 'DescribeAvailabilityZones', { ZoneNames: ['us-east-1z'] }, 'InvalidParameterValue');
    err(world, 'DescribeRegions', { RegionNames: ['mars-1'] }, 'InvalidParameterValue');
    // CreateVolume accepts an AZ ID instead of a name.
    expect(ok(world, 'CreateVolume', { AvailabilityZoneId: 'use1-az3', Size: 1 }).out.AvailabilityZone).toBe('us-east-1c');
    err(world, 'CreateVolume', { AvailabilityZoneId: 'use1-az9', Size: 1 }, 'InvalidZone.NotFound');
  });

  test('DescribeTags lists tags of own resources with filters', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    const t = ok(world, 'CreateTags', { Resources: [instanceId, rootVolumeId], Tags: [{ Key: 'Name', Value: 'web' }] }).world;
    expect(ok(t, 'DescribeTags').out.Tags).toEqual([
      { Key: 'Name', ResourceId: instanceId, ResourceType: 'instance', Value: 'web' },
      { Key: 'Name', ResourceId: rootVolumeId, ResourceType: 'volume', Value: 'web' },
    ]);
    expect(ok(t, 'DescribeTags', { Filters: [{ Name: 'resource-type', Values: ['volume'] }] }).out.Tags).toHaveLength(1);
  });
});

describe('ModifyInstanceAttribute / DescribeInstanceAttribute', () => {
  test('termination and stop protection', () => {
    const { world, instanceId } = runningInstance();
    const protectedWorld = ok(world, 'ModifyInstanceAttribute', { InstanceId: instanceId, DisableApiTermination: { Value: true } }).world;
    expect(ok(protectedWorld, 'DescribeInstanceAttribute', { InstanceId: instanceId, Attribute: 'disableApiTermination' }).out).toEqual({
      InstanceId: instanceId,
      DisableApiTermination: { Value: true },
    });
    expect(err(protectedWorld, 'TerminateInstances', { InstanceIds: [instanceId] }, 'OperationNotPermitted')).toBe(
      `The instance '${instanceId}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`,
    );
    const noStop = ok(world, 'ModifyInstanceAttribute', { InstanceId: instanceId, Attribute: 'disableApiStop', Value: 'true' }).world;
    expect(err(noStop, 'StopInstances', { InstanceIds: [instanceId] }, 'OperationNotPermitted')).toBe(
      `The instance '${instanceId}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`,
    );
    const launched = ok(world, 'RunInstances', { ImageId: al2023(world), DisableApiTermination: true });
    err(launched.world, 'TerminateInstances', { InstanceIds: [launched.out.Instances[0].InstanceId] }, 'OperationNotPermitted');
  });

  test('instance type changes only when stopped; DeleteOnTermination of an attachment', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    expect(err(world, 'ModifyInstanceAttribute', { InstanceId: instanceId, InstanceType: { Value: 't3.large' } }, 'IncorrectInstanceState')).toBe(
      `The instance '${instanceId}' is not in the 'stopped' state.`,
    );
    const stopped = advance(ok(world, 'StopInstances', { InstanceIds: [instanceId] }).world, 30).world;
    const resized = ok(stopped, 'ModifyInstanceAttribute', { InstanceId: instanceId, InstanceType: { Value: 't3.large' } }).world;
    expect(ok(resized, 'DescribeInstanceAttribute', { InstanceId: instanceId, Attribute: 'instanceType' }).out.InstanceType).toEqual({ Value: 't3.large' });
    const keep = ok(world, 'ModifyInstanceAttribute', { InstanceId: instanceId, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: false } }] }).world;
    expect(keep.volumes[rootVolumeId]!.Attachment!.DeleteOnTermination).toBe(false);
    const terminated = advance(ok(keep, 'TerminateInstances', { InstanceIds: [instanceId] }).world, 60).world;
    expect(terminated.volumes[rootVolumeId]!.State).toBe('available');
    err(world, 'ModifyInstanceAttribute', { InstanceId: instanceId, BlockDeviceMappings: [{ DeviceName: '/dev/sdz', Ebs: { DeleteOnTermination: false } }] }, 'InvalidParameterValue');
    err(world, 'ModifyInstanceAttribute', { InstanceId: instanceId }, 'MissingParameter');
    err(world, 'DescribeInstanceAttribute', { InstanceId: instanceId, Attribute: 'userData' }, 'InvalidParameterValue');
  });
});

describe('limits and permissions', () => {
  test('AttachmentLimitExceeded after 28 volumes', () => {
    const start = runningInstance();
    const { instanceId } = start;
    let world = start.world;
    const letters = 'bcdefghijklmnopqrstuvwxyz';
    const devices = [...letters].map((c) => `/dev/sd${c}`).concat(['/dev/xvdb', '/dev/xvdc', '/dev/xvdd']);
    for (const device of devices.slice(0, 27)) {
      const v = ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 1 });
      world = ok(advance(v.world, 5).world, 'AttachVolume', { VolumeId: v.out.VolumeId, InstanceId: instanceId, Device: device }).world;
    }
    const last = ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 1 });
    err(advance(last.world, 5).world, 'AttachVolume', { VolumeId: last.out.VolumeId, InstanceId: instanceId, Device: devices[27] }, 'AttachmentLimitExceeded');
  });

  test('launching an AMI of another account that is not shared is AuthFailure; shared it launches', () => {
    const { world, instanceId } = runningInstance();
    const c = ok(world, 'CreateImage', { InstanceId: instanceId, Name: 'theirs' });
    const ready = advance(c.world, 600).world;
    const image = ready.images[c.out.ImageId]!;
    const foreign = { ...ready, images: { ...ready.images, [image.ImageId]: { ...image, OwnerId: '210987654321' } } };
    expect(err(foreign, 'RunInstances', { ImageId: image.ImageId }, 'AuthFailure')).toBe(`Not authorized for images: [${image.ImageId}]`);
    const shared = { ...ready, images: { ...ready.images, [image.ImageId]: { ...image, OwnerId: '210987654321', LaunchPermissions: ['123456789012'] } } };
    expect(ok(shared, 'RunInstances', { ImageId: image.ImageId }).out.Instances).toHaveLength(1);
    expect(ok(shared, 'DescribeImages', { ExecutableUsers: ['self'] }).out.Images.map((i: any) => i.ImageId)).toEqual([image.ImageId]);
  });

  test('at most 20 concurrent snapshot copies into a Region', () => {
    const { world, rootVolumeId } = runningInstance();
    const s = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId });
    let w = advance(s.world, 600).world;
    for (let n = 0; n < 20; n++) w = ok(w, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: s.out.SnapshotId }, 'eu-west-1').world;
    err(w, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: s.out.SnapshotId }, 'ResourceLimitExceeded', 'eu-west-1');
  });
});
