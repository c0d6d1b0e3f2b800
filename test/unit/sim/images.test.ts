import { describe, expect, test } from 'vitest';
import { NO_REBOOT_CREATE_IMAGE_LIMIT } from '../../../src/sim/actions/images.ts';
import { createWorld } from '../../../src/sim/index.ts';
import type { World } from '../../../src/sim/index.ts';
import { advance, al2023, err, ok, runningInstance, state } from './helpers.ts';

/** A running instance with a 10 GiB data volume attached at /dev/sdf. */
function withDataVolume() {
  const base = runningInstance();
  const v = ok(base.world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 10 });
  const ready = advance(v.world, 5).world;
  const attached = advance(ok(ready, 'AttachVolume', { VolumeId: v.out.VolumeId, InstanceId: base.instanceId, Device: '/dev/sdf' }).world, 5).world;
  return { ...base, world: attached, dataVolumeId: v.out.VolumeId as string };
}

function createImage(world: World, instanceId: string, name = 'web-v1', extra: Record<string, unknown> = {}) {
  const r = ok(world, 'CreateImage', { InstanceId: instanceId, Name: name, ...extra });
  return { ...r, imageId: r.out.ImageId as string };
}

describe('CreateImage', () => {
  test('one snapshot per attached EBS volume, described as Created by CreateImage; pending until they complete', () => {
    const { world, instanceId, rootVolumeId, dataVolumeId } = withDataVolume();
    const c = createImage(world, instanceId);
    expect(c.out).toEqual({ ImageId: c.imageId });
    expect(c.events.map((e) => e.type)).toEqual(['InstanceRebooted', 'SnapshotStarted', 'SnapshotStarted', 'ImageCreating']);
    const image = c.world.images[c.imageId]!;
    expect(image).toMatchObject({ State: 'pending', SourceInstanceId: instanceId, RootDeviceName: '/dev/xvda', Architecture: 'x86_64' });
    expect(image.BlockDeviceMappings.map((m) => m.DeviceName)).toEqual(['/dev/xvda', '/dev/sdf']);
    const snaps = image.BlockDeviceMappings.map((m) => c.world.snapshots[m.Ebs!.SnapshotId!]!);
    expect(snaps.map((s) => s.VolumeId)).toEqual([rootVolumeId, dataVolumeId]);
    for (const s of snaps) expect(s.Description).toBe(`Created by CreateImage(${instanceId}) for ${c.imageId}`);
    // The data volume was attached after launch: DeleteOnTermination false is carried into the AMI (MODEL CHOICE).
    expect(image.BlockDeviceMappings.map((m) => m.Ebs!.DeleteOnTermination)).toEqual([true, false]);
    expect(state(c.world, instanceId)).toBe('running');
    const done = advance(c.world, 600);
    expect(state(done.world, c.imageId)).toBe('available');
    expect(done.events.at(-1)).toMatchObject({ type: 'ImageAvailable', resourceId: c.imageId });
    err(c.world, 'RunInstances', { ImageId: c.imageId }, 'InvalidAMIID.Unavailable');
  });

  test('NoReboot, NoDevice exclusion, added empty volume and instance store, tags on image and snapshots', () => {
    const { world, instanceId, dataVolumeId } = withDataVolume();
    const c = createImage(world, instanceId, 'trimmed', {
      NoReboot: true,
      BlockDeviceMappings: [
        { DeviceName: '/dev/sdf', NoDevice: '' },
        { DeviceName: '/dev/sdh', Ebs: { VolumeSize: 100 } },
        { DeviceName: '/dev/sdb', VirtualName: 'ephemeral1' },
      ],
      TagSpecifications: [
        { ResourceType: 'image', Tags: [{ Key: 'Name', Value: 'trimmed' }] },
        { ResourceType: 'snapshot', Tags: [{ Key: 'Backup', Value: 'yes' }] },
      ],
    });
    expect(c.events.map((e) => e.type)).not.toContain('InstanceRebooted');
    const image = c.world.images[c.imageId]!;
    expect(image.BlockDeviceMappings.map((m) => [m.DeviceName, m.Ebs?.SnapshotId ? 'snap' : m.VirtualName ?? 'empty'])).toEqual([
      ['/dev/xvda', 'snap'],
      ['/dev/sdh', 'empty'],
      ['/dev/sdb', 'ephemeral1'],
    ]);
    expect(Object.values(c.world.snapshots).filter((s) => s.VolumeId === dataVolumeId)).toEqual([]);
    expect(image.Tags).toEqual([{ Key: 'Name', Value: 'trimmed' }]);
    expect(c.world.snapshots[image.BlockDeviceMappings[0]!.Ebs!.SnapshotId!]!.Tags).toEqual([{ Key: 'Backup', Value: 'yes' }]);
  });

  test('errors', () => {
    const { world, instanceId } = withDataVolume();
    err(world, 'CreateImage', { InstanceId: 'i-0123456789abcdef0', Name: 'x-image' }, 'InvalidInstanceID.NotFound');
    err(world, 'CreateImage', { InstanceId: instanceId }, 'MissingParameter');
    err(world, 'CreateImage', { InstanceId: instanceId, Name: 'ab' }, 'InvalidAMIName.Malformed');
    err(world, 'CreateImage', { InstanceId: instanceId, Name: 'bad*name' }, 'InvalidAMIName.Malformed');
    const first = createImage(world, instanceId, 'same-name');
    expect(err(advance(first.world, 15).world, 'CreateImage', { InstanceId: instanceId, Name: 'same-name' }, 'InvalidAMIName.Duplicate')).toBe(
      `AMI name same-name is already in use by AMI ${first.imageId}`,
    );
    err(world, 'CreateImage', { InstanceId: instanceId, Name: 'tagged', TagSpecifications: [{ ResourceType: 'volume', Tags: [] }] }, 'InvalidParameterValue');
    err(world, 'CreateImage', { InstanceId: instanceId, Name: 'resize', BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 50 } }] }, 'InvalidBlockDeviceMapping');
    const pending = ok(world, 'RunInstances', { ImageId: al2023(world) });
    expect(err(pending.world, 'CreateImage', { InstanceId: pending.out.Instances[0].InstanceId, Name: 'too-early' }, 'InvalidParameterValue')).toBe(
      `Invalid value '${pending.out.Instances[0].InstanceId}' for instanceId. Instance is not in state 'running' or 'stopping' or 'stopped'`,
    );
  });
});

describe('CreateImage with NoReboot: ConcurrentCreateImageNoRebootLimitExceeded', () => {
  test('one instance has at most NO_REBOOT_CREATE_IMAGE_LIMIT pending NoReboot images (the number is a MODEL CHOICE); a refused call changes nothing', () => {
    const world = createWorld();
    const n = NO_REBOOT_CREATE_IMAGE_LIMIT;
    const run = ok(world, 'RunInstances', { ImageId: al2023(world), MinCount: 2, MaxCount: 2 });
    const [busy, other] = run.out.Instances.map((i: { InstanceId: string }) => i.InstanceId) as [string, string];
    let w = advance(run.world, 60).world;
    const images: string[] = [];
    for (let k = 0; k < n; k++) {
      // A changed block keeps the image pending past the 15-second pause between snapshots of a volume.
      w = ok(w, 'WriteFile', { InstanceId: busy, Path: `/srv/release-${k}.txt`, Content: `release ${k}` }).world;
      const c = createImage(w, busy, `no-reboot-${k}`, { NoReboot: true });
      images.push(c.imageId);
      w = advance(c.world, 15).world;
    }
    expect(images.map((id) => state(w, id))).toEqual(images.map(() => 'pending'));
    expect(err(w, 'CreateImage', { InstanceId: busy, Name: 'one-more', NoReboot: true }, 'ConcurrentCreateImageNoRebootLimitExceeded')).toBe(
      'The maximum number of concurrent CreateImage requests for the instance has been reached. Wait for the current CreateImage requests to complete, and then retry your request.',
    );
    err(w, 'CreateImage', { InstanceId: busy, Name: 'one-more', NoReboot: true, DryRun: true }, 'ConcurrentCreateImageNoRebootLimitExceeded');
    // Only NoReboot calls are limited, and only per instance: a reboot, or another instance, still works.
    createImage(w, busy, 'with-reboot');
    createImage(w, other, 'other-no-reboot', { NoReboot: true });
    // A pending image that is deregistered, or one that becomes available, frees a place.
    createImage(ok(w, 'DeregisterImage', { ImageId: images[0] }).world, busy, 'one-more', { NoReboot: true });
    const later = advance(w, 600).world;
    expect(images.map((id) => state(later, id))).toEqual(images.map(() => 'available'));
    createImage(later, busy, 'one-more', { NoReboot: true });
  });
});

describe('RegisterImage', () => {
  test('references existing snapshots, makes none, defaults to i386/paravirtual', () => {
    const { world, rootVolumeId } = runningInstance();
    const s = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId });
    const done = advance(s.world, 600).world;
    const before = Object.keys(done.snapshots).length;
    const r = ok(done, 'RegisterImage', {
      Name: 'from-snapshot',
      RootDeviceName: '/dev/xvda',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: s.out.SnapshotId } }],
    });
    expect(Object.keys(r.world.snapshots)).toHaveLength(before);
    expect(r.world.images[r.out.ImageId]).toMatchObject({ State: 'available', Architecture: 'i386', VirtualizationType: 'paravirtual', SourceInstanceId: null });
    expect(r.world.images[r.out.ImageId]!.BlockDeviceMappings[0]!.Ebs).toMatchObject({ SnapshotId: s.out.SnapshotId, VolumeSize: 8, DeleteOnTermination: true });
    expect(err(r.world, 'DeleteSnapshot', { SnapshotId: s.out.SnapshotId }, 'InvalidSnapshot.InUse')).toBe(
      `The snapshot ${s.out.SnapshotId} is currently in use by ${r.out.ImageId}`,
    );
  });

  test('errors', () => {
    const { world, rootVolumeId } = runningInstance();
    const s = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId });
    const mapping = [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: s.out.SnapshotId } }];
    err(s.world, 'RegisterImage', { Name: 'early', RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping }, 'IncorrectState');
    const done = advance(s.world, 600).world;
    err(done, 'RegisterImage', { RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping }, 'MissingParameter');
    err(done, 'RegisterImage', { Name: 'no-root', BlockDeviceMappings: mapping }, 'MissingParameter');
    err(done, 'RegisterImage', { Name: 'no-snap', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8 } }] }, 'InvalidBlockDeviceMapping');
    err(done, 'RegisterImage', { Name: 'small', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: s.out.SnapshotId, VolumeSize: 2 } }] }, 'InvalidBlockDeviceMapping');
    err(done, 'RegisterImage', { Name: 'arch', Architecture: 'sparc', RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping }, 'InvalidParameterValue');
    err(done, 'RegisterImage', { Name: 'gone', RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-0123456789abcdef0' } }] }, 'InvalidSnapshot.NotFound');
    // Instance-store AMIs (an S3 manifest) are not simulated.
    err(done, 'RegisterImage', { Name: 'from-s3', ImageLocation: 'my-bucket/image.manifest.xml' }, 'UnsupportedOperation');
    err(done, 'RegisterImage', { Name: 'from-s3', ImageLocation: 'my-bucket/image.manifest.xml', RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping }, 'UnsupportedOperation');
    // Names: 3-128 allowed characters, unique among the account's AMIs in the Region (I21).
    err(done, 'RegisterImage', { Name: 'ab', RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping }, 'InvalidAMIName.Malformed');
    err(done, 'RegisterImage', { Name: 'bad*name', RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping }, 'InvalidAMIName.Malformed');
    err(done, 'RegisterImage', { Name: 'x'.repeat(129), RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping }, 'InvalidAMIName.Malformed');
    const first = ok(done, 'RegisterImage', { Name: 'from-snapshot', RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping });
    expect(err(first.world, 'RegisterImage', { Name: 'from-snapshot', RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping }, 'InvalidAMIName.Duplicate')).toBe(
      `AMI name from-snapshot is already in use by AMI ${first.out.ImageId}`,
    );
    // A deregistered AMI's name is free again.
    const gone = ok(first.world, 'DeregisterImage', { ImageId: first.out.ImageId }).world;
    ok(gone, 'RegisterImage', { Name: 'from-snapshot', RootDeviceName: '/dev/xvda', BlockDeviceMappings: mapping });
  });
});

describe('DescribeImages', () => {
  test('owners, executable users, name wildcards, tags, not found and malformed ids', () => {
    const { world, instanceId } = withDataVolume();
    const c = createImage(world, instanceId, 'web-v1', { TagSpecifications: [{ ResourceType: 'image', Tags: [{ Key: 'Team', Value: 'blue' }] }] });
    const w = advance(c.world, 600).world;
    const names = (params: Record<string, unknown>) => ok(w, 'DescribeImages', params).out.Images.map((i: any) => i.Name);
    expect(names({ Owners: ['self'] })).toEqual(['web-v1']);
    expect(names({ Owners: ['amazon'] })).toEqual(['al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64']);
    expect(names({ Owners: ['099720109477'] })).toHaveLength(1);
    expect(names({ Filters: [{ Name: 'name', Values: ['al2023-ami-*'] }] })).toHaveLength(1);
    expect(names({ Filters: [{ Name: 'tag:Team', Values: ['blue'] }] })).toEqual(['web-v1']);
    expect(names({ Filters: [{ Name: 'tag-key', Values: ['Team'] }] })).toEqual(['web-v1']);
    expect(names({ Filters: [{ Name: 'state', Values: ['pending'] }] })).toEqual([]);
    expect(names({ ExecutableUsers: ['all'] })).toHaveLength(2);
    expect(names({ Owners: ['self'] }).length).toBe(1);
    const image = ok(w, 'DescribeImages', { ImageIds: [c.imageId] }).out.Images[0];
    expect(image).toMatchObject({ ImageId: c.imageId, State: 'available', Public: false, OwnerId: '123456789012', ImageType: 'machine', RootDeviceType: 'ebs' });
    expect(err(w, 'DescribeImages', { ImageIds: ['ami-12345678901234567', 'ami-12345678901234568'] }, 'InvalidAMIID.NotFound')).toBe(
      "The image ids '[ami-12345678901234567, ami-12345678901234568]' do not exist",
    );
    expect(err(w, 'DescribeImages', { ImageIds: ['not_an_ami_id', 'also_bad'] }, 'InvalidAMIID.Malformed')).toBe('Invalid id: "not_an_ami_id" (expecting "ami-...")');
  });
});

describe('DeregisterImage, DisableImage, EnableImage, deprecation', () => {
  test('deregister keeps snapshots by default; a second deregister is Unavailable; instances keep running (I12)', () => {
    const { world, instanceId } = withDataVolume();
    const c = createImage(world, instanceId);
    const w = advance(c.world, 600).world;
    const launched = advance(ok(w, 'RunInstances', { ImageId: c.imageId }).world, 60).world;
    const d = ok(launched, 'DeregisterImage', { ImageId: c.imageId });
    expect(d.out).toEqual({ Return: true });
    const snapIds = w.images[c.imageId]!.BlockDeviceMappings.map((m) => m.Ebs!.SnapshotId!);
    for (const id of snapIds) expect(d.world.snapshots[id]).toBeDefined();
    expect(ok(d.world, 'DescribeImages', { ImageIds: [c.imageId] }).out.Images).toEqual([]);
    err(d.world, 'DeregisterImage', { ImageId: c.imageId }, 'InvalidAMIID.Unavailable');
    err(d.world, 'RunInstances', { ImageId: c.imageId }, 'InvalidAMIID.Unavailable');
    expect(Object.values(d.world.instances).filter((i) => i.State === 'running')).toHaveLength(2);
    err(w, 'DeregisterImage', { ImageId: 'ami-12345678901234567' }, 'InvalidAMIID.NotFound');
    err(w, 'DeregisterImage', { ImageId: al2023(w) }, 'AuthFailure');
  });

  test('DeleteAssociatedSnapshots deletes them, skipping snapshots another AMI uses', () => {
    const { world, instanceId } = withDataVolume();
    const c = createImage(world, instanceId);
    const w = advance(c.world, 600).world;
    const rootSnap = w.images[c.imageId]!.BlockDeviceMappings.find((m) => m.DeviceName === '/dev/xvda')!.Ebs!.SnapshotId!;
    const dataSnap = w.images[c.imageId]!.BlockDeviceMappings.find((m) => m.DeviceName === '/dev/sdf')!.Ebs!.SnapshotId!;
    const other = ok(w, 'RegisterImage', { Name: 'other', RootDeviceName: '/dev/xvda', Architecture: 'x86_64', VirtualizationType: 'hvm', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: rootSnap } }] });
    const d = ok(other.world, 'DeregisterImage', { ImageId: c.imageId, DeleteAssociatedSnapshots: true });
    expect(d.out).toEqual({
      Return: true,
      DeleteSnapshotResults: [
        { SnapshotId: rootSnap, ReturnCode: 'skipped' },
        { SnapshotId: dataSnap, ReturnCode: 'success' },
      ],
    });
    expect(d.world.snapshots[dataSnap]).toBeUndefined();
    expect(d.world.snapshots[rootSnap]).toBeDefined();
  });

  test('disable hides, blocks launch and sharing, removes permissions; enable does not restore them', () => {
    const { world, instanceId } = runningInstance();
    const c = createImage(world, instanceId);
    const w = advance(c.world, 600).world;
    const shared = ok(w, 'ModifyImageAttribute', { ImageId: c.imageId, LaunchPermission: { Add: [{ UserId: '210987654321' }] } }).world;
    const d = ok(shared, 'DisableImage', { ImageId: c.imageId });
    expect(d.out).toEqual({ Return: true });
    expect(d.world.images[c.imageId]).toMatchObject({ State: 'disabled', LaunchPermissions: [], Public: false });
    expect(ok(d.world, 'DescribeImages', { Owners: ['self'] }).out.Images).toEqual([]);
    expect(ok(d.world, 'DescribeImages', { Owners: ['self'], IncludeDisabled: true }).out.Images[0].State).toBe('disabled');
    err(d.world, 'RunInstances', { ImageId: c.imageId }, 'InvalidAMIID.Unavailable');
    err(d.world, 'DeleteSnapshot', { SnapshotId: w.images[c.imageId]!.BlockDeviceMappings[0]!.Ebs!.SnapshotId! }, 'InvalidSnapshot.InUse');
    err(d.world, 'ModifyImageAttribute', { ImageId: c.imageId, LaunchPermission: { Add: [{ Group: 'all' }] } }, 'IncorrectState');
    err(d.world, 'DisableImage', { ImageId: c.imageId }, 'IncorrectState');
    const e = ok(d.world, 'EnableImage', { ImageId: c.imageId });
    expect(e.world.images[c.imageId]).toMatchObject({ State: 'available', LaunchPermissions: [] });
    err(e.world, 'EnableImage', { ImageId: c.imageId }, 'IncorrectState');
  });

  test('Disable/EnableImage: unknown ids are not found; an AMI the account does not own is refused (owner only, reference §2.17)', () => {
    const { world } = runningInstance();
    for (const action of ['DisableImage', 'EnableImage']) {
      expect(err(world, action, { ImageId: 'ami-12345678901234567' }, 'InvalidAMIID.NotFound')).toBe("The image id '[ami-12345678901234567]' does not exist");
      err(world, action, { ImageId: 'not-an-ami' }, 'InvalidAMIID.Malformed');
      err(world, action, {}, 'MissingParameter');
      // A public AMI of another account: visible, but only its owner may disable or enable it.
      expect(err(world, action, { ImageId: al2023(world) }, 'AuthFailure')).toBe(`Not authorized for image:${al2023(world)}`);
    }
    // Another account's AMI that is not shared with the learner looks like an unknown id.
    const id = al2023(world);
    const hidden = { ...world, images: { ...world.images, [id]: { ...world.images[id]!, Public: false } } };
    err(hidden, 'DisableImage', { ImageId: id }, 'InvalidAMIID.NotFound');
    err(hidden, 'EnableImage', { ImageId: id }, 'InvalidAMIID.NotFound');
  });

  test('EnableImageDeprecation hides the AMI from others but not from its owner or by id', () => {
    const world = createWorld();
    const { world: w, instanceId } = runningInstance(world);
    const c = createImage(w, instanceId);
    const ready = advance(c.world, 600).world;
    expect(ok(ready, 'EnableImageDeprecation', { ImageId: c.imageId, DeprecateAt: '2026-01-02T00:00:00Z' }).out).toEqual({ Return: true });
    err(ready, 'EnableImageDeprecation', { ImageId: c.imageId, DeprecateAt: '2025-01-01T00:00:00Z' }, 'InvalidParameterValue');
    err(ready, 'EnableImageDeprecation', { ImageId: c.imageId }, 'MissingParameter');
    const dep = advance(ok(ready, 'EnableImageDeprecation', { ImageId: c.imageId, DeprecateAt: '2026-01-02T00:00:00Z' }).world, 86400).world;
    expect(ok(dep, 'DescribeImages', { Owners: ['self'] }).out.Images[0].DeprecationTime).toBe('2026-01-02T00:00:00.000Z');
    expect(ok(dep, 'DisableImageDeprecation', { ImageId: c.imageId }).world.images[c.imageId]!.DeprecationTime).toBeNull();
  });
});

describe('ModifyImageAttribute / DescribeImageAttribute', () => {
  test('launch permissions add and remove idempotently; bad items fail the whole call', () => {
    const { world, instanceId } = runningInstance();
    const c = createImage(world, instanceId);
    const w = advance(c.world, 600).world;
    const add = ok(w, 'ModifyImageAttribute', { ImageId: c.imageId, LaunchPermission: { Add: [{ Group: 'all' }, { UserId: '210987654321' }] } });
    const twice = ok(add.world, 'ModifyImageAttribute', { ImageId: c.imageId, LaunchPermission: { Add: [{ Group: 'all' }] } });
    expect(ok(twice.world, 'DescribeImageAttribute', { ImageId: c.imageId, Attribute: 'launchPermission' }).out).toEqual({
      ImageId: c.imageId,
      LaunchPermissions: [{ Group: 'all' }, { UserId: '210987654321' }],
    });
    expect(twice.world.images[c.imageId]!.Public).toBe(true);
    const removed = ok(twice.world, 'ModifyImageAttribute', { ImageId: c.imageId, OperationType: 'remove', UserGroups: ['all'] });
    expect(removed.world.images[c.imageId]!.Public).toBe(false);
    err(w, 'ModifyImageAttribute', { ImageId: c.imageId, LaunchPermission: { Add: [{ Group: 'everyone' }] } }, 'InvalidAMIAttributeItemValue');
    err(w, 'ModifyImageAttribute', { ImageId: c.imageId, LaunchPermission: { Add: [{ UserId: '1234' }, { Group: 'all' }] } }, 'InvalidAMIAttributeItemValue');
    err(w, 'ModifyImageAttribute', { ImageId: 'ami-12345678901234567', LaunchPermission: { Add: [{ Group: 'all' }] } }, 'InvalidAMIID.NotFound');
    const described = ok(w, 'ModifyImageAttribute', { ImageId: c.imageId, Description: { Value: 'golden' } }).world;
    expect(ok(described, 'DescribeImageAttribute', { ImageId: c.imageId, Attribute: 'description' }).out.Description).toEqual({ Value: 'golden' });
    err(w, 'DescribeImageAttribute', { ImageId: c.imageId, Attribute: 'kernel' }, 'InvalidParameterValue');
    expect(err(w, 'DescribeImageAttribute', { ImageId: 'ami-12345678901234567', Attribute: 'launchPermission' }, 'InvalidAMIID.NotFound')).toBe(
      "The image id '[ami-12345678901234567]' does not exist",
    );
    err(w, 'DescribeImageAttribute', { ImageId: 'ami-nope', Attribute: 'launchPermission' }, 'InvalidAMIID.Malformed');
  });
});

describe('CopyImage', () => {
  test('copies to another Region with new snapshot copies; independent of the source (I23)', () => {
    const { world, instanceId } = withDataVolume();
    const c = createImage(world, instanceId);
    const w = advance(c.world, 600).world;
    const copy = ok(w, 'CopyImage', { SourceRegion: 'us-east-1', SourceImageId: c.imageId, Name: 'web-v1-eu' }, 'eu-west-1');
    const img = copy.world.images[copy.out.ImageId]!;
    expect(img).toMatchObject({ Region: 'eu-west-1', State: 'pending', SourceImageId: c.imageId, SourceRegion: 'us-east-1', LaunchPermissions: [] });
    for (const m of img.BlockDeviceMappings) {
      const s = copy.world.snapshots[m.Ebs!.SnapshotId!]!;
      expect(s.Region).toBe('eu-west-1');
      expect(s.Description).toMatch(new RegExp(`^Copied for DestinationAmi ${copy.out.ImageId} from SourceAmi ${c.imageId}`));
    }
    const ready = advance(copy.world, 600).world;
    expect(state(ready, copy.out.ImageId)).toBe('available');
    const dereg = ok(ready, 'DeregisterImage', { ImageId: c.imageId }).world;
    expect(state(dereg, copy.out.ImageId)).toBe('available');
    expect(ok(dereg, 'RunInstances', { ImageId: copy.out.ImageId, Placement: { AvailabilityZone: 'eu-west-1b' } }, 'eu-west-1').out.Instances).toHaveLength(1);
    err(w, 'CopyImage', { SourceRegion: 'eu-west-1', SourceImageId: c.imageId, Name: 'wrong' }, 'InvalidAMIID.NotFound');
    err(w, 'CopyImage', { SourceRegion: 'us-east-1', SourceImageId: c.imageId }, 'MissingParameter');
  });
});

describe('encryption is one-way (I18)', () => {
  test('an AMI from an encrypted snapshot launches encrypted volumes; copies stay encrypted; encrypted AMIs cannot be public', () => {
    const { world, rootVolumeId } = runningInstance();
    const s = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId });
    let w = advance(s.world, 600).world;
    const enc = ok(w, 'CopySnapshot', { SourceRegion: 'us-east-1', SourceSnapshotId: s.out.SnapshotId, Encrypted: true, KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k1' });
    w = advance(enc.world, 600).world;
    expect(w.snapshots[enc.out.SnapshotId]).toMatchObject({ Encrypted: true, KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k1' });
    const v = ok(w, 'CreateVolume', { AvailabilityZone: 'us-east-1a', SnapshotId: enc.out.SnapshotId, Encrypted: false });
    expect(v.out).toMatchObject({ Encrypted: true, KmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k1' });
    const img = ok(w, 'RegisterImage', {
      Name: 'encrypted', RootDeviceName: '/dev/xvda', Architecture: 'x86_64', VirtualizationType: 'hvm',
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: enc.out.SnapshotId, Encrypted: false } }],
    });
    const launched = ok(img.world, 'RunInstances', { ImageId: img.out.ImageId });
    const root = Object.values(launched.world.volumes).find((x) => x.Attachment?.InstanceId === launched.out.Instances[0].InstanceId)!;
    expect(root.Encrypted).toBe(true);
    const copy = ok(img.world, 'CopyImage', { SourceRegion: 'us-east-1', SourceImageId: img.out.ImageId, Name: 'encrypted-eu' }, 'eu-west-1');
    for (const m of copy.world.images[copy.out.ImageId]!.BlockDeviceMappings) expect(copy.world.snapshots[m.Ebs!.SnapshotId!]!.Encrypted).toBe(true);
    err(img.world, 'ModifyImageAttribute', { ImageId: img.out.ImageId, LaunchPermission: { Add: [{ Group: 'all' }] } }, 'OperationNotPermitted');
    // Sharing with one account is fine with a customer managed key.
    ok(img.world, 'ModifyImageAttribute', { ImageId: img.out.ImageId, LaunchPermission: { Add: [{ UserId: '210987654321' }] } });
  });
});
