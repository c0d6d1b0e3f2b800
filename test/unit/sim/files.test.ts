import { describe, expect, test } from 'vitest';
import { createWorld, PACKAGE_NAMES, publicImageId } from '../../../src/sim/index.ts';
import { advance, err, ok, runningInstance } from './helpers.ts';

describe('files on a running instance', () => {
  test('the root volume holds the AMI files; WriteFile creates folders and changes one block', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    const read = ok(world, 'ReadFile', { InstanceId: instanceId, Path: '/etc/os-release' });
    expect(read.out).toMatchObject({ Path: '/etc/os-release', VolumeId: rootVolumeId });
    expect(read.out.Content).toContain('Amazon Linux');
    const w = ok(world, 'WriteFile', { InstanceId: instanceId, Path: '/home/ec2-user/app/config.txt', Content: 'port=8080\n' });
    expect(w.out).toEqual({ InstanceId: instanceId, VolumeId: rootVolumeId, ChangedBlocks: [3] });
    const listed = ok(w.world, 'ListFiles', { InstanceId: instanceId, Path: '/home/ec2-user' }).out.Files;
    expect(listed).toEqual([
      { Path: '/home/ec2-user/.bash_profile', VolumeId: rootVolumeId, Size: expect.any(Number) },
      { Path: '/home/ec2-user/.bashrc', VolumeId: rootVolumeId, Size: expect.any(Number) },
      { Path: '/home/ec2-user/app/config.txt', VolumeId: rootVolumeId, Size: 10 },
    ]);
    // Rewriting the file rewrites its block; deleting it trims the block.
    expect(ok(w.world, 'WriteFile', { InstanceId: instanceId, Path: '/home/ec2-user/app/config.txt', Content: 'port=80\n' }).out.ChangedBlocks).toEqual([3]);
    const del = ok(w.world, 'DeleteFile', { InstanceId: instanceId, Path: '/home/ec2-user/app/config.txt' });
    expect(del.out).toEqual({ InstanceId: instanceId, VolumeId: rootVolumeId, ChangedBlocks: [3] });
    expect(del.world.volumes[rootVolumeId]!.Blocks['3']).toBeUndefined();
    expect(err(del.world, 'ReadFile', { InstanceId: instanceId, Path: '/home/ec2-user/app/config.txt' }, 'FileNotFound')).toBe('No such file: /home/ec2-user/app/config.txt');
  });

  test('a data volume is mounted at /mnt/sdX for /dev/sdX and /dev/xvdX', () => {
    const { world, instanceId } = runningInstance();
    const v = ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 4 });
    const ready = advance(v.world, 5).world;
    const attached = advance(ok(ready, 'AttachVolume', { VolumeId: v.out.VolumeId, InstanceId: instanceId, Device: '/dev/xvdg' }).world, 5).world;
    const w = ok(attached, 'WriteFile', { InstanceId: instanceId, Path: '/mnt/sdg/data.csv', Content: 'a,b\n' });
    expect(w.out).toEqual({ InstanceId: instanceId, VolumeId: v.out.VolumeId, ChangedBlocks: [0] });
    expect(w.world.volumes[v.out.VolumeId]!.Blocks['0']).toBeDefined();
    expect(ok(w.world, 'ReadFile', { InstanceId: instanceId, Path: '/mnt/sdg/data.csv' }).out).toEqual({ Path: '/mnt/sdg/data.csv', Content: 'a,b\n', VolumeId: v.out.VolumeId });
    // 4 GiB = 4 blocks: the fifth new file does not fit.
    let full = w.world;
    for (const n of [1, 2, 3]) full = ok(full, 'WriteFile', { InstanceId: instanceId, Path: `/mnt/sdg/f${n}`, Content: 'x' }).world;
    err(full, 'WriteFile', { InstanceId: instanceId, Path: '/mnt/sdg/f4', Content: 'x' }, 'VolumeFull');
  });

  test('InstallPackage writes the package files into new blocks', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    expect(PACKAGE_NAMES).toEqual(expect.arrayContaining(['nginx', 'postgresql', 'docker', 'python3', 'httpd']));
    const i = ok(world, 'InstallPackage', { InstanceId: instanceId, Package: 'postgresql' });
    expect(i.out).toEqual({ InstanceId: instanceId, VolumeId: rootVolumeId, ChangedBlocks: [3, 4] });
    expect(ok(i.world, 'ReadFile', { InstanceId: instanceId, Path: '/var/lib/pgsql/data/PG_VERSION' }).out.Content).toBe('16\n');
    // Reinstalling rewrites the same blocks.
    expect(ok(i.world, 'InstallPackage', { InstanceId: instanceId, Package: 'postgresql' }).out.ChangedBlocks).toEqual([3, 4]);
    err(world, 'InstallPackage', { InstanceId: instanceId, Package: 'emacs' }, 'InvalidParameterValue');
  });

  test('errors: unknown instance, not running, bad paths, directories', () => {
    const { world, instanceId } = runningInstance();
    err(world, 'WriteFile', { InstanceId: 'i-0123456789abcdef0', Path: '/a', Content: 'x' }, 'InvalidInstanceID.NotFound');
    err(world, 'WriteFile', { InstanceId: instanceId, Path: 'relative.txt', Content: 'x' }, 'InvalidParameterValue');
    err(world, 'WriteFile', { InstanceId: instanceId, Path: '/etc/../x', Content: 'x' }, 'InvalidParameterValue');
    err(world, 'WriteFile', { InstanceId: instanceId, Path: '/etc', Content: 'x' }, 'InvalidParameterValue');
    err(world, 'WriteFile', { InstanceId: instanceId, Path: '/etc/os-release/x', Content: 'x' }, 'InvalidParameterValue');
    err(world, 'WriteFile', { InstanceId: instanceId, Path: '/a' }, 'InvalidParameterValue');
    err(world, 'DeleteFile', { InstanceId: instanceId, Path: '/nope' }, 'FileNotFound');
    err(world, 'ListFiles', { InstanceId: instanceId, Path: '/nope' }, 'FileNotFound');
    const stopping = ok(world, 'StopInstances', { InstanceIds: [instanceId] }).world;
    expect(err(stopping, 'ReadFile', { InstanceId: instanceId, Path: '/etc/os-release' }, 'IncorrectInstanceState')).toMatch(/not in the 'running' state \(it is 'stopping'\)/);
  });
});

describe('the Ubuntu AMI', () => {
  test('boots from /dev/sda1 in eu-west-1 with its own files; the root is mounted at /', () => {
    const world = createWorld();
    const ubuntu = publicImageId(world, 'eu-west-1', 'ubuntu-24.04')!;
    const run = ok(world, 'RunInstances', { ImageId: ubuntu, Placement: { AvailabilityZone: 'eu-west-1b' } }, 'eu-west-1');
    const id = run.out.Instances[0].InstanceId;
    expect(run.out.Instances[0].RootDeviceName).toBe('/dev/sda1');
    const booted = advance(run.world, 60).world;
    expect(ok(booted, 'ReadFile', { InstanceId: id, Path: '/etc/os-release' }, 'eu-west-1').out.Content).toContain('Ubuntu 24.04');
    expect(ok(booted, 'ListFiles', { InstanceId: id, Path: '/home/ubuntu' }, 'eu-west-1').out.Files.map((f: any) => f.Path)).toEqual([
      '/home/ubuntu/.bashrc',
      '/home/ubuntu/.profile',
    ]);
    err(booted, 'ReadFile', { InstanceId: id, Path: '/etc/os-release' }, 'InvalidInstanceID.NotFound');
  });
});
