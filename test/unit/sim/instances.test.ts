import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { advance, al2023, err, ok, runningInstance, state } from './helpers.ts';

describe('RunInstances', () => {
  test('returns the reservation shape with a pending instance and creates its root volume from the AMI', () => {
    const world = createWorld();
    const ami = al2023(world);
    const { out, world: w } = ok(world, 'RunInstances', {
      ImageId: ami,
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      Placement: { AvailabilityZone: 'us-east-1b' },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
    });
    expect(Object.keys(out).sort()).toEqual(['Groups', 'Instances', 'OwnerId', 'ReservationId']);
    expect(out.OwnerId).toBe('123456789012');
    expect(out.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    const inst = out.Instances[0];
    expect(inst).toMatchObject({
      ImageId: ami,
      InstanceType: 't3.micro',
      State: { Code: 0, Name: 'pending' },
      Placement: { AvailabilityZone: 'us-east-1b' },
      RootDeviceName: '/dev/xvda',
      RootDeviceType: 'ebs',
      Tags: [{ Key: 'Name', Value: 'web' }],
    });
    expect(inst.BlockDeviceMappings).toHaveLength(1);
    expect(inst.BlockDeviceMappings[0]).toMatchObject({ DeviceName: '/dev/xvda', Ebs: { DeleteOnTermination: true, Status: 'attached' } });
    const vol = w.volumes[inst.BlockDeviceMappings[0].Ebs.VolumeId]!;
    expect(vol).toMatchObject({ State: 'in-use', Size: 8, VolumeType: 'gp3', AvailabilityZone: 'us-east-1b' });
    expect(vol.SnapshotId).toBe(w.images[ami]!.BlockDeviceMappings[0]!.Ebs!.SnapshotId);
  });

  test('defaults: m1.small, count 1, first AZ', () => {
    const world = createWorld();
    const { out } = ok(world, 'RunInstances', { ImageId: al2023(world) });
    expect(out.Instances).toHaveLength(1);
    expect(out.Instances[0].InstanceType).toBe('m1.small');
    expect(out.Instances[0].Placement.AvailabilityZone).toBe('us-east-1a');
  });

  test('merges request mappings over the AMI: bigger root, extra data volume deleted on termination by default', () => {
    const world = createWorld();
    const { out, world: w } = ok(world, 'RunInstances', {
      ImageId: al2023(world),
      MinCount: 2,
      MaxCount: 2,
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20 } },
        { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 10, VolumeType: 'gp3' } },
      ],
    });
    expect(out.Instances).toHaveLength(2);
    for (const inst of out.Instances) {
      const vols = Object.values(w.volumes).filter((v) => v.Attachment?.InstanceId === inst.InstanceId);
      expect(vols.map((v) => [v.Attachment!.Device, v.Size, v.Attachment!.DeleteOnTermination]).sort()).toEqual([
        ['/dev/sdf', 10, true],
        ['/dev/xvda', 20, true],
      ]);
    }
  });

  test('errors', () => {
    const world = createWorld();
    const ami = al2023(world);
    err(world, 'RunInstances', {}, 'MissingParameter');
    expect(err(world, 'RunInstances', { ImageId: 'ami-12345678901234567' }, 'InvalidAMIID.NotFound')).toBe("The image id '[ami-12345678901234567]' does not exist");
    expect(err(world, 'RunInstances', { ImageId: 'not_an_ami' }, 'InvalidAMIID.Malformed')).toBe('Invalid id: "not_an_ami" (expecting "ami-...")');
    err(world, 'RunInstances', { ImageId: ami, InstanceType: 'x9.huge' }, 'InvalidParameterValue');
    err(world, 'RunInstances', { ImageId: ami, Placement: { AvailabilityZone: 'eu-west-1a' } }, 'InvalidParameterValue');
    err(world, 'RunInstances', { ImageId: ami, MinCount: 3, MaxCount: 2 }, 'InvalidParameterValue');
    expect(
      err(world, 'RunInstances', { ImageId: ami, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 4 } }] }, 'InvalidBlockDeviceMapping'),
    ).toMatch(/^Volume of size 4GB is smaller than snapshot 'snap-[0-9a-f]{17}', expect size >= 8GB$/);
    err(world, 'RunInstances', { ImageId: ami, MinCount: 21, MaxCount: 21 }, 'InstanceLimitExceeded');
    // AMIs are regional (I2): the us-east-1 id does not exist in eu-west-1.
    err(world, 'RunInstances', { ImageId: ami }, 'InvalidAMIID.NotFound', 'eu-west-1');
  });
});

describe('Stop / Start / Reboot / Terminate', () => {
  test('stop then start goes through stopping, stopped, pending, running and keeps volumes attached', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    const stop = ok(world, 'StopInstances', { InstanceIds: [instanceId] });
    expect(stop.out).toEqual({
      StoppingInstances: [{ InstanceId: instanceId, CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }],
    });
    const stopped = advance(stop.world, 30).world;
    expect(state(stopped, instanceId)).toBe('stopped');
    expect(state(stopped, rootVolumeId)).toBe('in-use');
    const again = ok(stopped, 'StopInstances', { InstanceIds: [instanceId] });
    expect(again.out.StoppingInstances[0].CurrentState.Name).toBe('stopped');
    const start = ok(stopped, 'StartInstances', { InstanceIds: [instanceId] });
    expect(start.out.StartingInstances[0]).toMatchObject({ CurrentState: { Code: 0, Name: 'pending' }, PreviousState: { Code: 80, Name: 'stopped' } });
    expect(state(advance(start.world, 60).world, instanceId)).toBe('running');
  });

  test('state errors', () => {
    const world = createWorld();
    const run = ok(world, 'RunInstances', { ImageId: al2023(world) });
    const id = run.out.Instances[0].InstanceId;
    expect(err(run.world, 'StopInstances', { InstanceIds: [id] }, 'IncorrectInstanceState')).toBe(
      `Instance '${id}' cannot be stopped as it has never reached the 'running' state.`,
    );
    const running = advance(run.world, 60).world;
    const stopping = ok(running, 'StopInstances', { InstanceIds: [id] }).world;
    expect(err(stopping, 'StartInstances', { InstanceIds: [id] }, 'IncorrectInstanceState')).toBe(
      `The instance '${id}' is not in a state from which it can be started.`,
    );
    const term = advance(ok(running, 'TerminateInstances', { InstanceIds: [id] }).world, 60).world;
    expect(state(term, id)).toBe('terminated');
    expect(err(term, 'StopInstances', { InstanceIds: [id] }, 'IncorrectInstanceState')).toBe(
      `This instance '${id}' is not in a state from which it can be stopped.`,
    );
    expect(err(term, 'StartInstances', { InstanceIds: [id] }, 'IncorrectInstanceState')).toBe(
      `The instance '${id}' is not in a state from which it can be started.`,
    );
    err(world, 'StopInstances', {}, 'MissingParameter');
  });

  test('start without a root volume fails with the VM Import message', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    const stopped = advance(ok(world, 'StopInstances', { InstanceIds: [instanceId] }).world, 30).world;
    const detached = advance(ok(stopped, 'DetachVolume', { VolumeId: rootVolumeId }).world, 10).world;
    expect(err(detached, 'StartInstances', { InstanceIds: [instanceId] }, 'InvalidParameterValue')).toBe(
      `Invalid value '${instanceId}' for instanceId. Instance does not have a volume attached at root (/dev/xvda).`,
    );
  });

  test('reboot keeps the instance running; terminated instances are ignored', () => {
    const { world, instanceId } = runningInstance();
    const r = ok(world, 'RebootInstances', { InstanceIds: [instanceId] });
    expect(r.out).toEqual({});
    expect(state(r.world, instanceId)).toBe('running');
    expect(r.events.map((e) => e.type)).toEqual(['InstanceRebooted']);
  });

  test('terminate deletes DeleteOnTermination volumes and frees the rest (I19); unknown ids fail the whole batch', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    const created = advance(ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 5 }).world, 10);
    const dataId = Object.keys(created.world.volumes).find((id) => id !== rootVolumeId)!;
    const attached = advance(ok(created.world, 'AttachVolume', { VolumeId: dataId, InstanceId: instanceId, Device: '/dev/sdf' }).world, 10).world;
    const missing = 'i-0123456789abcdef0';
    expect(err(attached, 'TerminateInstances', { InstanceIds: [instanceId, missing, 'i-0123456789abcdef1'] }, 'InvalidInstanceID.NotFound')).toBe(
      `The instance IDs '${missing}, i-0123456789abcdef1' do not exist`,
    );
    const t = ok(attached, 'TerminateInstances', { InstanceIds: [instanceId] });
    expect(t.out.TerminatingInstances[0]).toMatchObject({ CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 16, Name: 'running' } });
    const done = advance(t.world, 22).world;
    expect(state(done, instanceId)).toBe('terminated');
    expect(state(done, dataId)).toBe('available');
    expect(state(done, rootVolumeId)).toBe('deleting');
    const gone = advance(done, 10).world;
    expect(gone.volumes[rootVolumeId]).toBeUndefined();
    // Terminating again succeeds (idempotent), and terminated instances stay listed for an hour.
    expect(ok(gone, 'TerminateInstances', { InstanceIds: [instanceId] }).out.TerminatingInstances[0].CurrentState.Name).toBe('terminated');
    expect(advance(gone, 3600).world.instances[instanceId]).toBeUndefined();
  });

  test('DescribeInstances groups by reservation and filters', () => {
    const { world, instanceId } = runningInstance();
    const all = ok(world, 'DescribeInstances', {}).out;
    expect(all.Reservations).toHaveLength(1);
    expect(all.Reservations[0].Instances[0].State).toEqual({ Code: 16, Name: 'running' });
    expect(ok(world, 'DescribeInstances', { Filters: [{ Name: 'instance-state-name', Values: ['stopped'] }] }).out.Reservations).toEqual([]);
    expect(ok(world, 'DescribeInstances', { InstanceIds: [instanceId] }).out.Reservations[0].Instances[0].InstanceId).toBe(instanceId);
    expect(err(world, 'DescribeInstances', { InstanceIds: ['i-0123456789abcdef0'] }, 'InvalidInstanceID.NotFound')).toBe("The instance ID 'i-0123456789abcdef0' does not exist");
    err(world, 'DescribeInstances', { InstanceIds: ['i-xyz'] }, 'InvalidInstanceID.Malformed');
    err(world, 'DescribeInstances', { Filters: [{ Name: 'bogus', Values: ['x'] }] }, 'InvalidParameterValue');
  });
});
