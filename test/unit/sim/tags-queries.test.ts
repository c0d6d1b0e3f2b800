import { describe, expect, test } from 'vitest';
import { actionChecks, costSummary, filesOfImage, possibleActions } from '../../../src/sim/index.ts';
import { advance, al2023, err, ok, runningInstance } from './helpers.ts';

describe('CreateTags / DeleteTags', () => {
  test('tags any resource kind; DeleteTags by key, by key and value, or all', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    const t = ok(world, 'CreateTags', { Resources: [instanceId, rootVolumeId], Tags: [{ Key: 'Name', Value: 'web' }, { Key: 'Env', Value: 'prod' }] });
    expect(t.out).toEqual({});
    expect(t.world.instances[instanceId]!.Tags).toEqual([{ Key: 'Name', Value: 'web' }, { Key: 'Env', Value: 'prod' }]);
    const overwrite = ok(t.world, 'CreateTags', { Resources: [instanceId], Tags: [{ Key: 'Name', Value: 'api' }] });
    expect(overwrite.world.instances[instanceId]!.Tags).toEqual([{ Key: 'Name', Value: 'api' }, { Key: 'Env', Value: 'prod' }]);
    expect(ok(t.world, 'DeleteTags', { Resources: [instanceId], Tags: [{ Key: 'Env', Value: 'dev' }] }).world.instances[instanceId]!.Tags).toHaveLength(2);
    expect(ok(t.world, 'DeleteTags', { Resources: [instanceId], Tags: [{ Key: 'Env' }] }).world.instances[instanceId]!.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    expect(ok(t.world, 'DeleteTags', { Resources: [rootVolumeId] }).world.volumes[rootVolumeId]!.Tags).toEqual([]);
    expect(ok(t.world, 'DescribeInstances', { Filters: [{ Name: 'tag:Name', Values: ['web'] }] }).out.Reservations).toHaveLength(1);
    err(world, 'CreateTags', { Resources: ['bogus-123'], Tags: [{ Key: 'a', Value: 'b' }] }, 'InvalidID');
    err(world, 'CreateTags', { Resources: ['vol-0123456789abcdef0'], Tags: [{ Key: 'a', Value: 'b' }] }, 'InvalidVolume.NotFound');
    err(world, 'CreateTags', { Resources: [instanceId], Tags: [{ Key: 'aws:x', Value: 'b' }] }, 'InvalidParameterValue');
    err(world, 'CreateTags', { Resources: [instanceId] }, 'MissingParameter');
    err(world, 'CreateTags', { Resources: [al2023(world)], Tags: [{ Key: 'a', Value: 'b' }] }, 'UnauthorizedOperation');
  });
});

describe('queries', () => {
  test('possibleActions follows the rules execute() enforces', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    expect(possibleActions(world, instanceId)).toEqual(['StopInstances', 'RebootInstances', 'TerminateInstances', 'CreateImage', 'CreateSnapshots', 'WriteFile', 'InstallPackage', 'ListFiles', 'CreateTags']);
    expect(possibleActions(world, rootVolumeId)).toEqual(['CreateSnapshot', 'CreateTags']);
    const stopped = advance(ok(world, 'StopInstances', { InstanceIds: [instanceId] }).world, 30).world;
    expect(possibleActions(stopped, instanceId)).toEqual(['StartInstances', 'TerminateInstances', 'CreateImage', 'CreateSnapshots', 'CreateTags']);
    expect(possibleActions(stopped, rootVolumeId)).toEqual(['DetachVolume', 'CreateSnapshot', 'CreateTags']);
    const why = actionChecks(world, rootVolumeId).find((c) => c.action === 'DetachVolume')!;
    expect(why).toMatchObject({ ok: false, error: { Code: 'IncorrectState' } });
    // Anything the account owns can be tagged; a public AMI of another account cannot.
    expect(possibleActions(world, al2023(world))).toEqual(['RunInstances', 'CopyImage']);
    expect(actionChecks(world, al2023(world)).find((c) => c.action === 'CreateTags')).toMatchObject({ ok: false, error: { Code: 'UnauthorizedOperation' } });
    const created = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId, TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: 'backup' }] }] });
    const snapshotId = (created.out as { SnapshotId: string }).SnapshotId;
    const tagged = advance(created.world, 3600).world;
    expect(tagged.snapshots[snapshotId]?.State).toBe('completed');
    expect(possibleActions(tagged, snapshotId)).toContain('CreateTags');
    expect(actionChecks(tagged, snapshotId).find((c) => c.action === 'CreateTags')?.call).toEqual({
      action: 'CreateTags',
      region: 'us-east-1',
      params: { Resources: [snapshotId], Tags: [{ Key: 'Name', Value: 'backup' }] },
    });
    expect(possibleActions(world, 'vol-0123456789abcdef0')).toEqual([]);
  });

  test('a volume with no instance in its AZ lists AttachVolume as refused, with the zone mismatch as the reason', () => {
    const { world, instanceId } = runningInstance();
    const created = ok(world, 'CreateVolume', { AvailabilityZone: 'us-east-1b', Size: 8 });
    const volumeId = (created.out as { VolumeId: string }).VolumeId;
    const ready = advance(created.world, 60).world;
    expect(actionChecks(ready, volumeId).find((c) => c.action === 'AttachVolume')).toMatchObject({
      ok: false,
      call: { params: { VolumeId: volumeId, InstanceId: instanceId } },
      error: { Code: 'InvalidVolume.ZoneMismatch' },
    });
  });

  test('filesOfImage and costSummary', () => {
    const world = runningInstance().world;
    const files = filesOfImage(world, al2023(world));
    expect(files).toHaveLength(1);
    expect(files[0]!.DeviceName).toBe('/dev/xvda');
    expect(files[0]!.Files.map((f) => f.Path)).toContain('/etc/os-release');
    expect(costSummary(world)).toEqual({ snapshotStandardGiB: 0, snapshotArchiveGiB: 0, volumeProvisionedGiB: 8, snapshotMonthlyUSD: 0, volumeMonthlyUSD: 0.64, snapshotSpentUSD: 0 });
  });
});
