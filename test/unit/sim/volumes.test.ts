import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { advance, err, ok, runningInstance, state } from './helpers.ts';

function newVolume(world = createWorld(), params: Record<string, unknown> = { AvailabilityZone: 'us-east-1a', Size: 10 }) {
  const r = ok(world, 'CreateVolume', params);
  return { ...r, volumeId: r.out.VolumeId as string };
}

describe('CreateVolume', () => {
  test('returns a creating volume (gp2 default) that becomes available', () => {
    const { out, world, volumeId } = newVolume();
    expect(out).toEqual({
      AvailabilityZone: 'us-east-1a',
      CreateTime: '2026-01-01T00:00:00.000Z',
      Encrypted: false,
      Size: 10,
      SnapshotId: '',
      State: 'creating',
      VolumeId: volumeId,
      Iops: 100,
      VolumeType: 'gp2',
      MultiAttachEnabled: false,
      Tags: [],
    });
    expect(state(advance(world, 5).world, volumeId)).toBe('available');
  });

  test('encryption: KmsKeyId needs Encrypted; Encrypted uses the default key', () => {
    const world = createWorld();
    expect(err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 1, KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/abc' }, 'InvalidParameterDependency')).toBe(
      'The parameter KmsKeyId requires the parameter Encrypted to be set.',
    );
    const { out } = newVolume(world, { AvailabilityZone: 'us-east-1a', Size: 1, Encrypted: true });
    expect(out).toMatchObject({ Encrypted: true, KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:alias/aws/ebs' });
  });

  test('errors', () => {
    const world = createWorld();
    err(world, 'CreateVolume', { Size: 10 }, 'MissingParameter');
    err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a' }, 'MissingParameter');
    err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1z', Size: 10 }, 'InvalidZone.NotFound');
    err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 0 }, 'InvalidParameterValue');
    err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'st1' }, 'InvalidParameterValue');
    err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'io2' }, 'MissingParameter');
    expect(ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'io2', Iops: 1000 }).out.Iops).toBe(1000);
    err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 'ten' }, 'InvalidParameterValue');
    expect(err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: 'snap-0123456789abcdef0' }, 'InvalidSnapshot.NotFound')).toBe(
      "The snapshot 'snap-0123456789abcdef0' does not exist.",
    );
    err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: 'snap-nope' }, 'InvalidSnapshotID.Malformed');
  });
});

describe('AttachVolume / DetachVolume / DeleteVolume', () => {
  test('attach: attaching then attached, in-use, DeleteOnTermination false', () => {
    const { world, instanceId } = runningInstance();
    const v = newVolume(world);
    const ready = advance(v.world, 5).world;
    const a = ok(ready, 'AttachVolume', { VolumeId: v.volumeId, InstanceId: instanceId, Device: '/dev/sdf' });
    expect(a.out).toEqual({ AttachTime: '2026-01-01T00:01:05.000Z', Device: '/dev/sdf', InstanceId: instanceId, State: 'attaching', VolumeId: v.volumeId });
    expect(state(a.world, v.volumeId)).toBe('in-use');
    expect(err(a.world, 'DetachVolume', { VolumeId: v.volumeId }, 'IncorrectState')).toBe(
      `Volume '${v.volumeId}' is still attaching to ${instanceId}; detach it once it is attached.`,
    );
    const attached = advance(a.world, 5).world;
    expect(attached.volumes[v.volumeId]!.Attachment).toMatchObject({ State: 'attached', DeleteOnTermination: false });
    const d = ok(attached, 'DetachVolume', { VolumeId: v.volumeId });
    expect(d.out).toMatchObject({ State: 'detaching', Device: '/dev/sdf', InstanceId: instanceId });
    expect(err(d.world, 'DetachVolume', { VolumeId: v.volumeId }, 'IncorrectState')).toBe(`Volume '${v.volumeId}' is already detaching from ${instanceId}.`);
    const detached = advance(d.world, 5).world;
    expect(state(detached, v.volumeId)).toBe('available');
    const del = ok(detached, 'DeleteVolume', { VolumeId: v.volumeId });
    expect(del.out).toEqual({});
    expect(state(del.world, v.volumeId)).toBe('deleting');
    const gone = advance(del.world, 5).world;
    expect(gone.volumes[v.volumeId]).toBeUndefined();
    err(gone, 'DescribeVolumes', { VolumeIds: [v.volumeId] }, 'InvalidVolume.NotFound');
    err(gone, 'DeleteVolume', { VolumeId: v.volumeId }, 'InvalidVolume.NotFound');
  });

  test('attach errors use the reference messages', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    const creating = newVolume(world);
    expect(err(creating.world, 'AttachVolume', { VolumeId: creating.volumeId, InstanceId: instanceId, Device: '/dev/sdf' }, 'IncorrectState')).toBe(
      `${creating.volumeId} is not 'available'.`,
    );
    const ready = advance(creating.world, 5).world;
    expect(err(ready, 'AttachVolume', { VolumeId: rootVolumeId, InstanceId: instanceId, Device: '/dev/sdg' }, 'VolumeInUse')).toBe(
      `${rootVolumeId} is already attached to an instance`,
    );
    expect(err(ready, 'AttachVolume', { VolumeId: creating.volumeId, InstanceId: instanceId, Device: '/dev/xvda' }, 'InvalidParameterValue')).toBe(
      "Invalid value '/dev/xvda' for unixDevice. Attachment point /dev/xvda is already in use",
    );
    const other = newVolume(ready, { AvailabilityZone: 'us-east-1b', Size: 1 });
    const otherReady = advance(other.world, 5).world;
    expect(err(otherReady, 'AttachVolume', { VolumeId: other.volumeId, InstanceId: instanceId, Device: '/dev/sdf' }, 'InvalidVolume.ZoneMismatch')).toBe(
      `The volume '${other.volumeId}' is not in the same availability zone as instance '${instanceId}'`,
    );
    err(otherReady, 'AttachVolume', { VolumeId: creating.volumeId, InstanceId: 'i-0123456789abcdef0', Device: '/dev/sdf' }, 'InvalidInstanceID.NotFound');
    err(otherReady, 'AttachVolume', { VolumeId: 'vol-0123456789abcdef0', InstanceId: instanceId, Device: '/dev/sdf' }, 'InvalidVolume.NotFound');
    err(otherReady, 'AttachVolume', { VolumeId: creating.volumeId, InstanceId: instanceId }, 'MissingParameter');
  });

  test('attach to a pending instance is IncorrectState', () => {
    const world = createWorld();
    const v = newVolume(world);
    const run = ok(advance(v.world, 5).world, 'RunInstances', { ImageId: Object.values(world.images)[0]!.ImageId });
    const id = run.out.Instances[0].InstanceId;
    expect(err(run.world, 'AttachVolume', { VolumeId: v.volumeId, InstanceId: id, Device: '/dev/sdf' }, 'IncorrectState')).toBe(`Instance '${id}' is not 'running'.`);
  });

  test('detach and delete errors', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    expect(err(world, 'DetachVolume', { VolumeId: rootVolumeId }, 'IncorrectState')).toBe(
      `Unable to detach root volume '${rootVolumeId}' from instance '${instanceId}'`,
    );
    expect(err(world, 'DeleteVolume', { VolumeId: rootVolumeId }, 'VolumeInUse')).toBe(`Volume ${rootVolumeId} is currently attached to ${instanceId}`);
    expect(err(world, 'DetachVolume', { VolumeId: rootVolumeId, Device: '/dev/sdf' }, 'InvalidAttachment.NotFound')).toBe(
      `The volume ${rootVolumeId} is not attached to instance ${instanceId} as device /dev/sdf`,
    );
    const v = newVolume(world);
    const ready = advance(v.world, 5).world;
    expect(err(ready, 'DetachVolume', { VolumeId: v.volumeId }, 'IncorrectState')).toBe(`Volume '${v.volumeId}' is in the 'available' state.`);
    err(ready, 'DetachVolume', { VolumeId: v.volumeId, InstanceId: 'i-0123456789abcdef0' }, 'InvalidInstanceID.NotFound');
  });
});

describe('DescribeVolumes', () => {
  test('lists, filters by tag and reports every unknown id', () => {
    const a = newVolume(createWorld(), { AvailabilityZone: 'us-east-1a', Size: 1, TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: 'logs' }] }] });
    const b = newVolume(a.world, { AvailabilityZone: 'us-east-1b', Size: 2 });
    expect(ok(b.world, 'DescribeVolumes').out.Volumes).toHaveLength(2);
    expect(ok(b.world, 'DescribeVolumes', { Filters: [{ Name: 'tag:Name', Values: ['lo*'] }] }).out.Volumes.map((v: any) => v.VolumeId)).toEqual([a.volumeId]);
    expect(ok(b.world, 'DescribeVolumes', { Filters: [{ Name: 'availability-zone', Values: ['us-east-1b'] }] }).out.Volumes[0].Size).toBe(2);
    expect(ok(b.world, 'DescribeVolumes', {}, 'eu-west-1').out.Volumes).toEqual([]);
    expect(err(b.world, 'DescribeVolumes', { VolumeIds: ['vol-0123456789abcdef0', 'vol-0123456789abcdef1'] }, 'InvalidVolume.NotFound')).toBe(
      "The volumes 'vol-0123456789abcdef0, vol-0123456789abcdef1' do not exist.",
    );
  });
});
