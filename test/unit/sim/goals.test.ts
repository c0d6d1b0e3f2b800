import { describe, expect, test } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import type { SimCall, World } from '../../../src/sim/index.ts';
import { evaluateGoal, GOAL_IDS, GOALS, validateGoal } from '../../../src/sim/goals.ts';
import { advance, al2023, build, nameTag, run } from './actor-helpers.ts';

function status(world: World, id: string, params: Record<string, unknown>): { description: string; met: boolean; because: string } {
  const result = evaluateGoal(world, { id, params });
  if (!result.ok) throw new Error(result.error);
  const { description, met, because } = result.status;
  return { description, met, because };
}

const volume = (name: string, zone = 'us-east-1a', size = 4): SimCall => ({
  action: 'CreateVolume',
  params: { AvailabilityZone: zone, Size: size, ...nameTag('volume', name) },
});

/** A running instance named `name` (al2023), and its id. */
function webServer(name = 'web', world = createWorld()): { world: World; instanceId: string } {
  const launched = run(world, { action: 'RunInstances', params: { ImageId: al2023(world), InstanceType: 't3.micro', ...nameTag('instance', name) } });
  const instanceId = (launched.output['Instances'] as Array<{ InstanceId: string }>)[0]?.InstanceId ?? '';
  return { world: run(launched.world, advance(30)).world, instanceId };
}

describe('snapshotCompleted', () => {
  test('by volume name: no volume, no snapshot, pending with progress, completed', () => {
    const goal = (world: World) => status(world, 'snapshotCompleted', { volumeName: 'data' });
    expect(goal(createWorld())).toEqual({ description: 'A completed snapshot of the data volume exists', met: false, because: 'no volume is named data' });

    let world = build([volume('data'), advance(10)]).world;
    const volumeId = Object.keys(world.volumes)[0] ?? '';
    expect(goal(world).because).toBe(`${volumeId} (data) has no snapshot yet`);

    const snap = run(world, { action: 'CreateSnapshot', params: { VolumeId: volumeId } });
    const snapshotId = String(snap.output['SnapshotId']);
    world = snap.world;
    const completeAt = world.snapshots[snapshotId]?.CompleteAt ?? 0;
    world = run(world, advance((completeAt - world.now) / 2000)).world;
    expect(goal(world)).toMatchObject({ met: false, because: `no snapshot of ${volumeId} (data) is completed yet: ${snapshotId} is still pending (50%)` });

    world = run(world, advance(600)).world;
    expect(goal(world)).toMatchObject({ met: true, because: `${snapshotId} of ${volumeId} (data) is completed` });
    expect(status(world, 'snapshotCompleted', { volumeName: 'data', region: 'eu-west-1' })).toMatchObject({
      description: 'A completed snapshot of the data volume exists in eu-west-1',
      met: false,
      because: `${volumeId} (data) has no snapshot in eu-west-1 yet`,
    });
  });

  test('by snapshot name', () => {
    let world = build([volume('data'), advance(10)]).world;
    const volumeId = Object.keys(world.volumes)[0] ?? '';
    const goal = (w: World) => status(w, 'snapshotCompleted', { snapshotName: 'nightly' });
    expect(goal(world)).toEqual({ description: 'The nightly snapshot exists and is completed', met: false, because: 'no snapshot is named nightly' });
    const snap = run(world, { action: 'CreateSnapshot', params: { VolumeId: volumeId, ...nameTag('snapshot', 'nightly') } });
    world = snap.world;
    expect(goal(world)).toMatchObject({ met: false, because: `${String(snap.output['SnapshotId'])} (nightly) is still pending (0%)` });
    world = run(world, advance(600)).world;
    expect(goal(world)).toMatchObject({ met: true, because: `${String(snap.output['SnapshotId'])} (nightly) is completed` });
  });
});

describe('volumeInAz', () => {
  test('moving a volume to another AZ through a snapshot', () => {
    let world = build([volume('data', 'us-east-1a'), advance(10)]).world;
    const sourceId = Object.keys(world.volumes)[0] ?? '';
    const goal = (w: World) => status(w, 'volumeInAz', { volumeName: 'data', az: 'us-east-1b' });
    expect(goal(world)).toEqual({ description: 'The data volume is in us-east-1b', met: false, because: `${sourceId} (data) is in us-east-1a, not us-east-1b` });
    const snap = run(world, { action: 'CreateSnapshot', params: { VolumeId: sourceId } });
    world = run(snap.world, advance(600)).world;
    const moved = run(world, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', SnapshotId: snap.output['SnapshotId'], ...nameTag('volume', 'data') } });
    const movedId = String(moved.output['VolumeId']);
    expect(goal(moved.world)).toMatchObject({ met: false, because: `${movedId} (data) is in us-east-1b but still creating` });
    expect(goal(run(moved.world, advance(10)).world)).toMatchObject({ met: true, because: `${movedId} (data) is available in us-east-1b` });
  });
});

describe('AMIs: imageAvailable, instanceRunningFromImage, imageDeregistered, noOrphanedSnapshots, fileOnInstance', () => {
  test('the life of an AMI, each goal explaining itself at every step', () => {
    const web = webServer('web');
    let world = run(web.world, { action: 'WriteFile', params: { InstanceId: web.instanceId, Path: '/var/www/index.html', Content: 'hello v1\n' } }).world;
    expect(status(world, 'fileOnInstance', { instanceName: 'web', path: '/var/www/index.html', content: 'hello v1' })).toEqual({
      description: 'The web instance has /var/www/index.html containing "hello v1"',
      met: true,
      because: `/var/www/index.html on ${web.instanceId} (web) contains "hello v1"`,
    });
    expect(status(world, 'fileOnInstance', { instanceName: 'web', path: '/var/www/index.html', content: 'hello v2' })).toMatchObject({
      met: false,
      because: `/var/www/index.html on ${web.instanceId} (web) contains "hello v1", not "hello v2"`,
    });
    expect(status(world, 'fileOnInstance', { instanceName: 'web', path: '/srv/missing.txt' })).toMatchObject({ met: false, because: `${web.instanceId} (web) has no file /srv/missing.txt` });

    const available = (w: World) => status(w, 'imageAvailable', { imageName: 'web-v1' });
    expect(available(world)).toEqual({ description: 'The web-v1 AMI is available', met: false, because: 'no AMI of yours is named web-v1' });
    const created = run(world, { action: 'CreateImage', params: { InstanceId: web.instanceId, Name: 'web-v1' } });
    const imageId = String(created.output['ImageId']);
    world = created.world;
    const rootSnapshot = world.images[imageId]?.BlockDeviceMappings[0]?.Ebs?.SnapshotId ?? '';
    expect(available(world)).toMatchObject({ met: false, because: `${imageId} (web-v1) is still pending: it waits for its snapshot ${rootSnapshot} at 0%` });
    world = run(world, advance(600)).world;
    expect(available(world)).toMatchObject({ met: true, because: `${imageId} (web-v1) is available in us-east-1` });
    expect(status(world, 'imageAvailable', { imageName: 'web-v1', region: 'eu-west-1' })).toMatchObject({
      met: false,
      because: `no AMI of yours is named web-v1 in eu-west-1 (${imageId} has that name in us-east-1)`,
    });

    const fromImage = (w: World) => status(w, 'instanceRunningFromImage', { imageName: 'web-v1', instanceName: 'web-2' });
    expect(fromImage(world)).toMatchObject({ description: 'The web-2 instance launched from the web-v1 AMI is running', met: false, because: 'no instance is named web-2' });
    const second = run(world, { action: 'RunInstances', params: { ImageId: imageId, ...nameTag('instance', 'web-2') } });
    const secondId = (second.output['Instances'] as Array<{ InstanceId: string }>)[0]?.InstanceId ?? '';
    expect(fromImage(second.world)).toMatchObject({ met: false, because: `${secondId} (web-2), launched from ${imageId} (web-v1), is pending` });
    world = run(second.world, advance(30)).world;
    expect(fromImage(world)).toMatchObject({ met: true, because: `${secondId} (web-2) is running from ${imageId} (web-v1)` });
    expect(status(world, 'instanceRunningFromImage', { imageName: 'web-v1', instanceName: 'web' })).toMatchObject({
      met: false,
      because: `${web.instanceId} (web) was launched from ${al2023(world)} (al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64), not from web-v1`,
    });
    // The point of an AMI: the new instance starts with the file the first one had when the image was made.
    expect(status(world, 'fileOnInstance', { instanceName: 'web-2', path: '/var/www/index.html', content: 'hello v1' })).toMatchObject({ met: true });

    const deregistered = (w: World) => status(w, 'imageDeregistered', { imageName: 'web-v1' });
    const orphans = (w: World) => status(w, 'noOrphanedSnapshots', {});
    expect(deregistered(world)).toMatchObject({ met: false, because: `${imageId} (web-v1) is still available` });
    expect(orphans(world)).toMatchObject({ met: true, because: 'your only snapshot is still used by an AMI or still has its source' });
    world = run(world, { action: 'DeregisterImage', params: { ImageId: imageId } }).world;
    expect(deregistered(world)).toMatchObject({ met: true, because: `${imageId} (web-v1) is deregistered` });
    expect(orphans(world)).toMatchObject({ met: false, because: `${rootSnapshot} belonged to the deregistered AMI ${imageId} (web-v1) and nothing uses it now` });
    // I12: deregistering never touches instances already launched.
    expect(fromImage(world).met).toBe(true);
    world = run(world, { action: 'DeleteSnapshot', params: { SnapshotId: rootSnapshot } }).world;
    expect(orphans(world)).toMatchObject({ met: true, because: 'you have no snapshots' });
  });

  test('a snapshot whose volume was deleted is orphaned; a snapshot of a live volume is not', () => {
    let world = build([volume('scratch'), volume('data'), advance(10)]).world;
    const [scratchId, dataId] = ['scratch', 'data'].map((n) => Object.values(world.volumes).find((v) => v.Tags[0]?.Value === n)?.VolumeId ?? '');
    const scratchSnap = run(world, { action: 'CreateSnapshot', params: { VolumeId: scratchId, ...nameTag('snapshot', 'scratch-backup') } });
    world = run(run(scratchSnap.world, { action: 'CreateSnapshot', params: { VolumeId: dataId } }).world, advance(600)).world;
    expect(status(world, 'noOrphanedSnapshots', {}).met).toBe(true);
    world = run(run(world, { action: 'DeleteVolume', params: { VolumeId: scratchId } }).world, advance(10)).world;
    expect(status(world, 'noOrphanedSnapshots', {})).toEqual({
      description: 'No orphaned snapshots are left',
      met: false,
      because: `${String(scratchSnap.output['SnapshotId'])} (scratch-backup) is of ${scratchId}, which no longer exists, and no AMI uses it`,
    });
    expect(status(world, 'noOrphanedSnapshots', { region: 'eu-west-1' })).toMatchObject({ met: true, because: 'you have no snapshots in eu-west-1' });
  });
});

describe('copies and deletions in progress', () => {
  test('a cross-Region copy is not orphaned while its source exists; a pending snapshot being deleted is not gone yet', () => {
    let world = build([volume('data'), advance(10)]).world;
    const volumeId = Object.keys(world.volumes)[0] ?? '';
    const source = run(world, { action: 'CreateSnapshot', params: { VolumeId: volumeId, ...nameTag('snapshot', 'data-backup') } });
    const sourceId = String(source.output['SnapshotId']);
    world = run(source.world, advance(600)).world;
    const copy = run(world, { action: 'CopySnapshot', region: 'eu-west-1', params: { SourceRegion: 'us-east-1', SourceSnapshotId: sourceId, ...nameTag('snapshot', 'data-dr') } });
    const copyId = String(copy.output['SnapshotId']);
    world = run(copy.world, advance(1200)).world;
    expect(status(world, 'snapshotCompleted', { snapshotName: 'data-dr', region: 'eu-west-1' })).toMatchObject({ met: true, because: `${copyId} (data-dr) is completed` });
    expect(status(world, 'noOrphanedSnapshots', {}).met).toBe(true);
    world = run(world, { action: 'DeleteSnapshot', params: { SnapshotId: sourceId } }).world;
    expect(status(world, 'noOrphanedSnapshots', {})).toMatchObject({
      met: false,
      because: `${copyId} (data-dr) is a copy of ${sourceId}, which no longer exists, and no AMI uses it`,
    });

    const pending = run(world, { action: 'CreateSnapshot', params: { VolumeId: volumeId, ...nameTag('snapshot', 'temp') } });
    world = run(pending.world, { action: 'DeleteSnapshot', params: { SnapshotId: pending.output['SnapshotId'] } }).world;
    expect(status(world, 'snapshotDeleted', { snapshotName: 'temp' })).toMatchObject({
      met: false,
      because: `${String(pending.output['SnapshotId'])} (temp) is still pending and will be deleted when it completes`,
    });
    expect(status(world, 'snapshotCount', { volumeName: 'data', max: 0 })).toMatchObject({ met: true, because: 'there are 0 snapshots of the data volume' });
    world = run(world, advance(600)).world;
    expect(status(world, 'snapshotDeleted', { snapshotName: 'temp' })).toMatchObject({ met: true });
  });
});

describe('archive, sharing and encryption', () => {
  const PARTNER = '210987654321';

  function completedSnapshot(name: string): { world: World; snapshotId: string } {
    const world = build([volume('data'), advance(10)]).world;
    const volumeId = Object.keys(world.volumes)[0] ?? '';
    const snap = run(world, { action: 'CreateSnapshot', params: { VolumeId: volumeId, ...nameTag('snapshot', name) } });
    return { world: run(snap.world, advance(600)).world, snapshotId: String(snap.output['SnapshotId']) };
  }

  test('snapshotArchived follows the tier', () => {
    const { world, snapshotId } = completedSnapshot('yearly');
    const goal = (w: World) => status(w, 'snapshotArchived', { snapshotName: 'yearly' });
    expect(goal(world)).toEqual({ description: 'The yearly snapshot is archived', met: false, because: `${snapshotId} (yearly) is in the standard tier` });
    const archiving = run(world, { action: 'ModifySnapshotTier', params: { SnapshotId: snapshotId, StorageTier: 'archive' } }).world;
    expect(goal(archiving)).toMatchObject({ met: false, because: `${snapshotId} (yearly) is still being moved to the archive tier` });
    expect(goal(run(archiving, advance(7 * 3600)).world)).toMatchObject({ met: true, because: `${snapshotId} (yearly) is archived` });
  });

  test('snapshotShared and imageShared name who it is shared with', () => {
    const { world, snapshotId } = completedSnapshot('golden-data');
    const goal = (w: World, grantee: string) => status(w, 'snapshotShared', { snapshotName: 'golden-data', with: grantee });
    expect(goal(world, PARTNER)).toEqual({
      description: `The golden-data snapshot is shared with ${PARTNER}`,
      met: false,
      because: `${snapshotId} (golden-data) is not shared with ${PARTNER}: it is not shared with anyone`,
    });
    const shared = run(world, {
      action: 'ModifySnapshotAttribute',
      params: { SnapshotId: snapshotId, Attribute: 'createVolumePermission', OperationType: 'add', UserIds: [PARTNER] },
    }).world;
    expect(goal(shared, PARTNER)).toMatchObject({ met: true, because: `${snapshotId} (golden-data) is shared with ${PARTNER}` });
    expect(goal(shared, 'public')).toMatchObject({ description: 'The golden-data snapshot is shared publicly', met: false, because: `${snapshotId} (golden-data) is not shared publicly: it is shared with ${PARTNER}` });

    const web = webServer('web');
    const image = run(web.world, { action: 'CreateImage', params: { InstanceId: web.instanceId, Name: 'web-v1' } });
    const imageId = String(image.output['ImageId']);
    const ready = run(image.world, advance(600)).world;
    const imageGoal = (w: World) => status(w, 'imageShared', { imageName: 'web-v1', with: PARTNER });
    expect(imageGoal(ready)).toMatchObject({ met: false, because: `${imageId} (web-v1) is not shared with ${PARTNER}: it is not shared with anyone` });
    const launchable = run(ready, { action: 'ModifyImageAttribute', params: { ImageId: imageId, LaunchPermission: { Add: [{ UserId: PARTNER }] } } }).world;
    expect(imageGoal(launchable)).toMatchObject({ met: true, because: `${imageId} (web-v1) is shared with ${PARTNER}` });
  });

  test('snapshotEncrypted: an encrypted copy of an unencrypted snapshot', () => {
    const { world, snapshotId } = completedSnapshot('plain');
    expect(status(world, 'snapshotEncrypted', { snapshotName: 'plain' })).toMatchObject({ met: false, because: `${snapshotId} (plain) is not encrypted` });
    const copy = run(world, { action: 'CopySnapshot', region: 'eu-west-1', params: { SourceRegion: 'us-east-1', SourceSnapshotId: snapshotId, Encrypted: true, ...nameTag('snapshot', 'sealed') } });
    const copyId = String(copy.output['SnapshotId']);
    const goal = (w: World) => status(w, 'snapshotEncrypted', { snapshotName: 'sealed', region: 'eu-west-1' });
    expect(goal(copy.world)).toMatchObject({ met: false, because: expect.stringMatching(new RegExp(`^${copyId} \\(sealed\\) is still pending \\(\\d+%\\); it is encrypted$`)) });
    const done = run(copy.world, advance(1800)).world;
    expect(goal(done)).toMatchObject({ met: true, because: `${copyId} (sealed) is encrypted with ${done.snapshots[copyId]?.KmsKeyId ?? ''} and completed` });
  });
});

describe('instanceInState, fileOnVolume, snapshotCount, snapshotDeleted, monthlySnapshotCostBelow', () => {
  test('instanceInState', () => {
    const web = webServer('web');
    expect(status(web.world, 'instanceInState', { instanceName: 'web', state: 'stopped' })).toEqual({
      description: 'The web instance is stopped',
      met: false,
      because: `${web.instanceId} (web) is running`,
    });
    const stopped = build([{ action: 'StopInstances', params: { InstanceIds: [web.instanceId] } }, advance(60)], web.world).world;
    expect(status(stopped, 'instanceInState', { instanceName: 'web', state: 'stopped' })).toMatchObject({ met: true, because: `${web.instanceId} (web) is stopped` });
    expect(status(stopped, 'instanceInState', { instanceName: 'db', state: 'running' })).toMatchObject({ met: false, because: 'no instance is named db' });
  });

  test('fileOnVolume reads a data volume from its own root, attached or not', () => {
    const web = webServer('web');
    const world = build(
      [
        volume('data'),
        advance(10),
      ],
      web.world,
    ).world;
    const dataId = Object.values(world.volumes).find((v) => v.Tags[0]?.Value === 'data')?.VolumeId ?? '';
    const attached = build(
      [
        { action: 'AttachVolume', params: { VolumeId: dataId, InstanceId: web.instanceId, Device: '/dev/sdf' } },
        advance(10),
        { action: 'WriteFile', params: { InstanceId: web.instanceId, Path: '/mnt/sdf/notes.txt', Content: 'keep me' } },
        { action: 'DetachVolume', params: { VolumeId: dataId } },
        advance(10),
      ],
      world,
    ).world;
    expect(status(attached, 'fileOnVolume', { volumeName: 'data', path: '/notes.txt', content: 'keep me' })).toEqual({
      description: 'The data volume holds /notes.txt containing "keep me"',
      met: true,
      because: `${dataId} (data) holds /notes.txt containing "keep me"`,
    });
    expect(status(attached, 'fileOnVolume', { volumeName: 'data', path: '/mnt/sdf/notes.txt' })).toMatchObject({ met: false, because: `${dataId} (data) holds no file /mnt/sdf/notes.txt` });
    expect(status(attached, 'fileOnInstance', { instanceName: 'web', path: '/mnt/sdf/notes.txt' })).toMatchObject({ met: false, because: `${web.instanceId} (web) has no file /mnt/sdf/notes.txt` });
  });

  test('snapshotCount, snapshotDeleted and monthlySnapshotCostBelow over two snapshots of one volume', () => {
    const web = webServer('web');
    const rootId = Object.values(web.world.volumes).find((v) => v.Attachment?.InstanceId === web.instanceId)?.VolumeId ?? '';
    let world = run(web.world, { action: 'CreateTags', params: { Resources: [rootId], Tags: [{ Key: 'Name', Value: 'web-root' }] } }).world;
    const count = (w: World, params: Record<string, unknown>) => status(w, 'snapshotCount', { volumeName: 'web-root', ...params });
    expect(count(world, { min: 2 })).toEqual({ description: 'At least 2 snapshots of the web-root volume exist', met: false, because: 'there are 0 snapshots of the web-root volume' });

    const first = run(world, { action: 'CreateSnapshot', params: { VolumeId: rootId, ...nameTag('snapshot', 'before') } });
    world = run(first.world, advance(600)).world;
    const blocks = world.snapshots[String(first.output['SnapshotId'])]?.Owned.length ?? 0;
    expect(blocks).toBeGreaterThan(0);
    world = run(world, { action: 'WriteFile', params: { InstanceId: web.instanceId, Path: '/home/ec2-user/a.txt', Content: 'a' } }).world;
    const second = run(world, { action: 'CreateSnapshot', params: { VolumeId: rootId, ...nameTag('snapshot', 'after') } });
    world = run(second.world, advance(600)).world;
    const [a, b] = [String(first.output['SnapshotId']), String(second.output['SnapshotId'])].sort();
    expect(count(world, { min: 2 })).toMatchObject({ met: true, because: `there are 2 snapshots of the web-root volume: ${[a, b].map((id) => `${id} (${world.snapshots[id ?? '']?.Tags[0]?.Value})`).join(' and ')}` });
    expect(count(world, { min: 1, max: 1 })).toMatchObject({ description: 'Exactly 1 snapshot of the web-root volume exists', met: false });
    expect(count(world, { min: 1, max: 3 })).toMatchObject({ description: 'Between 1 and 3 snapshots of the web-root volume exist', met: true });
    expect(status(world, 'snapshotCount', { max: 1, region: 'us-east-1' })).toMatchObject({ description: 'At most 1 snapshot exists in us-east-1', met: false });

    // Incremental: the second snapshot stores one changed block; at $0.05 per GB-month.
    const cost = (blocks + 1) * 0.05;
    expect(status(world, 'monthlySnapshotCostBelow', { usd: 1 })).toEqual({
      description: 'Snapshot storage costs less than $1.00 a month',
      met: true,
      because: `snapshot storage costs $${cost.toFixed(2)} a month (${blocks + 1} GiB stored), below $1.00`,
    });
    expect(status(world, 'monthlySnapshotCostBelow', { usd: cost }).met).toBe(false);
    expect(status(world, 'monthlySnapshotCostBelow', { usd: 0.01, region: 'eu-west-1' })).toMatchObject({ met: true, because: 'snapshot storage costs $0.00 a month (0 GiB stored), below $0.01' });

    expect(status(world, 'snapshotDeleted', { snapshotName: 'before' })).toMatchObject({ description: 'The before snapshot is deleted', met: false, because: `${String(first.output['SnapshotId'])} (before) still exists (completed)` });
    world = run(world, { action: 'DeleteSnapshot', params: { SnapshotId: first.output['SnapshotId'] } }).world;
    expect(status(world, 'snapshotDeleted', { snapshotName: 'before' })).toMatchObject({ met: true, because: 'no snapshot named before is left' });
    // B4: the blocks only the deleted snapshot held move to the later one, so the bill does not shrink.
    expect(status(world, 'monthlySnapshotCostBelow', { usd: cost }).met).toBe(false);
  });
});

describe('volumeRestoredAttached', () => {
  test('a restored volume, not a rewritten one: empty, wrong snapshot, attaching, attached', () => {
    const goal = (w: World, params: Record<string, unknown> = { instanceName: 'db', snapshotName: 'nightly', device: '/dev/sdg' }) =>
      status(w, 'volumeRestoredAttached', params);
    expect(goal(createWorld())).toEqual({
      description: 'A volume restored from the nightly snapshot is attached to db at /dev/sdg',
      met: false,
      because: 'no instance named db is left (none, or only terminated ones)',
    });

    const db = webServer('db');
    let world = build([volume('data'), advance(10)], db.world).world;
    const dataId = Object.values(world.volumes).find((v) => v.Tags[0]?.Value === 'data')?.VolumeId ?? '';
    world = build([{ action: 'AttachVolume', params: { VolumeId: dataId, InstanceId: db.instanceId, Device: '/dev/sdf' } }, advance(10)], world).world;
    expect(goal(world).because).toBe(`nothing is attached to ${db.instanceId} (db) at /dev/sdg`);
    expect(goal(world, { instanceName: 'db', snapshotName: 'nightly', device: '/dev/sdf' }).because).toBe(
      `${dataId} (data) at /dev/sdf was created empty, not from the nightly snapshot`,
    );

    const snapshot = (name: string) => {
      const made = run(world, { action: 'CreateSnapshot', params: { VolumeId: dataId, ...nameTag('snapshot', name) } });
      world = run(made.world, advance(600)).world;
      return String(made.output['SnapshotId']);
    };
    const restore = (snapshotId: string, device: string) => {
      const made = run(world, { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', SnapshotId: snapshotId } });
      const volumeId = String(made.output['VolumeId']);
      world = run(made.world, advance(10)).world;
      world = run(world, { action: 'AttachVolume', params: { VolumeId: volumeId, InstanceId: db.instanceId, Device: device } }).world;
      return volumeId;
    };
    const other = snapshot('other');
    const otherVolume = restore(other, '/dev/sdh');
    world = run(world, advance(10)).world;
    expect(goal(world, { instanceName: 'db', snapshotName: 'nightly', device: '/dev/sdh' }).because).toBe(
      `${otherVolume} at /dev/sdh was created from ${other} (other), not from the nightly snapshot`,
    );

    const nightly = snapshot('nightly');
    const restored = restore(nightly, '/dev/sdg');
    expect(goal(world)).toMatchObject({ met: false, because: `${restored} is still attaching to ${db.instanceId} (db) at /dev/sdg` });
    world = run(world, advance(10)).world;
    expect(goal(world)).toMatchObject({
      met: true,
      because: `${restored}, created from ${nightly} (nightly), is attached to ${db.instanceId} (db) at /dev/sdg`,
    });
    // Without a snapshot name or a device, any restored volume on the instance counts.
    expect(goal(world, { instanceName: 'db' })).toMatchObject({
      description: 'A volume restored from a snapshot is attached to db',
      met: true,
    });
  });

  test('rejects a device that is not a device name', () => {
    expect(validateGoal({ id: 'volumeRestoredAttached', params: { instanceName: 'db', device: 'sdf' } })).toEqual({
      ok: false,
      error: 'Goal volumeRestoredAttached: parameter "device" must be a device name such as /dev/sdf, not "sdf".',
    });
  });
});

describe('validateGoal', () => {
  test('accepts every goal with valid params and rejects what an author can get wrong, saying how to fix it', () => {
    expect(validateGoal({ id: 'volumeInAz', params: { volumeName: 'data', az: 'us-east-1b' } })).toEqual({ ok: true, goal: { id: 'volumeInAz', params: { volumeName: 'data', az: 'us-east-1b' } } });
    expect(validateGoal({ id: 'noOrphanedSnapshots' })).toEqual({ ok: true, goal: { id: 'noOrphanedSnapshots', params: {} } });
    const error = (ref: unknown) => {
      const r = validateGoal(ref);
      return r.ok ? 'accepted' : r.error;
    };
    expect(error('snapshotCompleted')).toMatch(/^A goal must be an object like/);
    expect(error({ params: {} })).toMatch(/^A goal needs an id, one of: snapshotCompleted, volumeInAz/);
    expect(error({ id: 'snapshotComplete' })).toMatch(/^Unknown goal "snapshotComplete"\. Known goals: snapshotCompleted,/);
    expect(error({ id: 'toString' })).toMatch(/^Unknown goal "toString"/);
    expect(error({ id: 'volumeInAz', params: { volumeName: 'data', az: 'us-east-1b', zone: 'x' } })).toBe('Goal volumeInAz: unknown parameter "zone". Its parameters are volumeName, az.');
    expect(error({ id: 'volumeInAz', params: { volumeName: 'data' } })).toBe('Goal volumeInAz: parameter "az" is missing (Availability Zone the volume must be in.)');
    expect(error({ id: 'volumeInAz', params: { volumeName: 'data', az: 'us-east-1z' } })).toMatch(/^Goal volumeInAz: parameter "az" must be an Availability Zone \(us-east-1a, .*\), not "us-east-1z"\.$/);
    expect(error({ id: 'volumeInAz', params: { volumeName: '', az: 'us-east-1a' } })).toMatch(/parameter "volumeName" must be a non-empty name/);
    expect(error({ id: 'snapshotCompleted', params: {} })).toBe('Goal snapshotCompleted: give exactly one of volumeName and snapshotName.');
    expect(error({ id: 'snapshotCompleted', params: { volumeName: 'a', snapshotName: 'b' } })).toBe('Goal snapshotCompleted: give exactly one of volumeName and snapshotName.');
    expect(error({ id: 'snapshotCount', params: { min: 3, max: 1 } })).toBe('Goal snapshotCount: min (3) is larger than max (1).');
    expect(error({ id: 'snapshotCount', params: { min: 1.5 } })).toMatch(/"min" must be a whole number/);
    expect(error({ id: 'monthlySnapshotCostBelow', params: { usd: '1' } })).toMatch(/"usd" must be an amount in US dollars, 0 or more, not "1"/);
    expect(error({ id: 'instanceInState', params: { instanceName: 'web', state: 'sleeping' } })).toMatch(/must be one of pending, running, stopping, stopped, shutting-down, terminated/);
    expect(error({ id: 'fileOnInstance', params: { instanceName: 'web', path: 'notes.txt' } })).toMatch(/"path" must be an absolute file path/);
    expect(error({ id: 'snapshotShared', params: { snapshotName: 'x', with: 'partner' } })).toMatch(/"with" must be "public" or a 12-digit AWS account id, not "partner"/);
    expect(error({ id: 'imageAvailable', params: { imageName: 'x', region: 'mars-1' } })).toMatch(/"region" must be one of the Regions us-east-1, eu-west-1/);
    expect(evaluateGoal(createWorld(), { id: 'nope' })).toEqual({ ok: false, error: expect.stringMatching(/^Unknown goal "nope"/) });
  });

  test('every goal describes itself and explains its check on an empty account without gaps', () => {
    const samples: Record<string, Record<string, unknown>> = {
      snapshotCompleted: { volumeName: 'data' },
      volumeInAz: { volumeName: 'data', az: 'eu-west-1c' },
      imageAvailable: { imageName: 'web-v1', region: 'eu-west-1' },
      instanceRunningFromImage: { imageName: 'web-v1' },
      instanceInState: { instanceName: 'web', state: 'running' },
      fileOnInstance: { instanceName: 'web', path: '/etc/motd', content: 'hi' },
      fileOnVolume: { volumeName: 'data', path: '/notes.txt' },
      snapshotCount: { max: 0 },
      imageDeregistered: { imageName: 'web-v1' },
      snapshotDeleted: { snapshotName: 'old' },
      noOrphanedSnapshots: {},
      monthlySnapshotCostBelow: { usd: 0.5 },
      snapshotArchived: { snapshotName: 'yearly', region: 'us-east-1' },
      snapshotShared: { snapshotName: 'golden', with: 'public' },
      imageShared: { imageName: 'web-v1', with: '210987654321' },
      snapshotEncrypted: { snapshotName: 'sealed' },
      volumeRestoredAttached: { instanceName: 'db', snapshotName: 'nightly', device: '/dev/sdf' },
    };
    expect(Object.keys(samples).sort()).toEqual([...GOAL_IDS].sort());
    for (const id of GOAL_IDS) {
      expect(GOALS[id].id).toBe(id);
      const s = status(createWorld(), id, samples[id] ?? {});
      expect(s.description).toMatch(/^[A-Z]/);
      for (const text of [s.description, s.because]) expect(text).not.toMatch(/undefined|NaN|\[object/);
    }
  });
});
