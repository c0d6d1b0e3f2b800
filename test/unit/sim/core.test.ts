import { describe, expect, test } from 'vitest';
import { ACTION_NAMES, checkInvariants, createWorld, execute, isReadOnlyAction, nextEventTime } from '../../../src/sim/index.ts';
import { advance, al2023, err, ok, runningInstance, state } from './helpers.ts';

describe('createWorld', () => {
  test('starts at 2026-01-01 with the public catalogue in both Regions and no own resources', () => {
    const world = createWorld();
    expect(new Date(world.now).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(world.accountId).toBe('123456789012');
    expect(checkInvariants(world)).toEqual([]);
    const images = Object.values(world.images);
    expect(images.filter((i) => i.Region === 'us-east-1').map((i) => i.Name).sort()).toEqual([
      'al2023-ami-2023.6.20250107.0-kernel-6.1-x86_64',
      'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250115',
    ]);
    expect(images.filter((i) => i.Region === 'eu-west-1')).toHaveLength(2);
    expect(Object.keys(world.instances)).toHaveLength(0);
    expect(JSON.parse(JSON.stringify(world))).toEqual(world);
  });

  test('catalogue ids are the same for every seed; generated ids depend on the seed only', () => {
    expect(al2023(createWorld({ seed: 1 }))).toBe(al2023(createWorld({ seed: 99 })));
    const a = runningInstance(createWorld({ seed: 7 }));
    const b = runningInstance(createWorld({ seed: 7 }));
    const c = runningInstance(createWorld({ seed: 8 }));
    expect(a.world).toEqual(b.world);
    expect(a.instanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(a.rootVolumeId).toMatch(/^vol-[0-9a-f]{17}$/);
    expect(c.instanceId).not.toBe(a.instanceId);
  });
});

describe('execute', () => {
  test('unknown action, bad region and garbage params are errors, never throws', () => {
    const world = createWorld();
    expect(execute(world, { action: 'Nope' })).toEqual({ ok: false, error: { Code: 'InvalidAction', Message: 'The action Nope is not valid for this web service.' } });
    err(world, 'DescribeVolumes', {}, 'InvalidParameterValue', 'mars-1' as never);
    for (const params of [null, 5, 'x', [], { VolumeIds: 7 }, { Filters: 'x' }]) {
      const r = execute(world, { action: 'DescribeVolumes', params: params as never });
      if (!r.ok) expect(r.error.Code).toBe('InvalidParameterValue');
    }
    expect(execute(null as never, { action: 'DescribeVolumes' }).ok).toBe(false);
    expect(execute(world, null as never).ok).toBe(false);
  });

  test('DryRun reports DryRunOperation on success and the real error otherwise, changing nothing', () => {
    const world = createWorld();
    const msg = err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 10, DryRun: true }, 'DryRunOperation');
    expect(msg).toBe('Request would have succeeded, but DryRun flag is set.');
    err(world, 'CreateVolume', { AvailabilityZone: 'us-east-1a', DryRun: true }, 'MissingParameter');
  });

  test('ACTION_NAMES and isReadOnlyAction', () => {
    expect(ACTION_NAMES).toContain('RunInstances');
    expect(ACTION_NAMES).toContain('Advance');
    expect(isReadOnlyAction('DescribeSnapshots')).toBe(true);
    expect(isReadOnlyAction('ReadFile')).toBe(true);
    expect(isReadOnlyAction('CreateSnapshot')).toBe(false);
  });

  test('read-only actions return the same World object', () => {
    const world = createWorld();
    const r = execute(world, { action: 'DescribeInstances' });
    expect(r.ok && r.world).toBe(world);
  });
});

describe('Advance and time', () => {
  test('moves the clock and completes pending work in order', () => {
    const world = createWorld();
    const run = ok(world, 'RunInstances', { ImageId: al2023(world), MinCount: 1, MaxCount: 1 });
    const id = run.out.Instances[0].InstanceId;
    expect(run.out.Instances[0].State).toEqual({ Code: 0, Name: 'pending' });
    expect(nextEventTime(run.world)).toBe(world.now + 30_000);
    const early = advance(run.world, 10);
    expect(state(early.world, id)).toBe('pending');
    expect(early.out).toEqual({ Now: '2026-01-01T00:00:10.000Z' });
    const later = advance(early.world, 25);
    expect(state(later.world, id)).toBe('running');
    expect(later.events.map((e) => e.type)).toEqual(['InstanceRunning']);
    expect(later.events[0]!.time).toBe(world.now + 30_000);
    expect(nextEventTime(later.world)).toBeNull();
  });

  test('the schedule, attachment and billed-block indexes follow the records, and checkInvariants catches a stale one', () => {
    const { world, instanceId, rootVolumeId } = runningInstance();
    const snap = ok(world, 'CreateSnapshot', { VolumeId: rootVolumeId });
    const snapshotId = snap.out.SnapshotId as string;
    expect(snap.world.attachments).toEqual({ [instanceId]: [rootVolumeId] });
    expect(snap.world.schedule).toEqual({ [`snapshot ${snapshotId}`]: snap.world.snapshots[snapshotId]!.CompleteAt });
    const done = advance(snap.world, 600).world;
    expect(done.schedule).toEqual({});
    expect(checkInvariants(done)).toEqual([]);
    expect(checkInvariants({ ...done, schedule: { [`snapshot ${snapshotId}`]: done.now } })).toEqual([
      `index schedule has snapshot ${snapshotId} = ${done.now} but the records give nothing`,
    ]);
    expect(checkInvariants({ ...done, attachments: {} })).toEqual([`index attachments has ${instanceId} = nothing but the records give ["${rootVolumeId}"]`]);
    // The root volume's 3 written blocks are stored by the snapshot and billed in the standard tier.
    expect(done.billedBlocks).toEqual({ Standard: 3, Archive: 0 });
    expect(checkInvariants({ ...done, billedBlocks: { Standard: 0, Archive: 0 } })).toEqual([
      'index billedBlocks is {"Standard":0,"Archive":0} but the snapshots give {"Standard":3,"Archive":0}',
    ]);
  });

  test('rejects negative or huge advances', () => {
    err(createWorld(), 'Advance', { Seconds: -1 }, 'InvalidParameterValue');
    err(createWorld(), 'Advance', { Seconds: 'soon' }, 'InvalidParameterValue');
  });
});

describe('hostile input', () => {
  test('prototype-like names are ordinary bad values, never internal errors', () => {
    const { world, instanceId } = runningInstance();
    const names = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];
    for (const name of names) {
      const calls = [
        { action: name },
        { action: 'DescribeVolumes', region: name, params: {} },
        { action: 'DescribeVolumes', params: { Filters: [{ Name: name, Values: ['x'] }] } },
        { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 1, VolumeType: name } },
        { action: 'InstallPackage', params: { InstanceId: instanceId, Package: name } },
        { action: 'RunInstances', params: { ImageId: name } },
        { action: 'RunInstances', params: { ImageId: al2023(world), InstanceType: name } },
        { action: 'DescribeImageAttribute', params: { ImageId: al2023(world), Attribute: name } },
        { action: 'CreateTags', params: { Resources: [instanceId], Tags: [{ Key: name, Value: name }] } },
        { action: 'WriteFile', params: { InstanceId: instanceId, Path: `/${name}`, Content: name } },
        { action: 'DescribeInstances', params: { [name]: 1, InstanceIds: [name] } },
      ];
      for (const call of calls) {
        const r = execute(world, call as never);
        if (!r.ok) expect(r.error.Code, JSON.stringify(call)).not.toBe('InternalError');
        else expect(checkInvariants(r.world)).toEqual([]);
      }
    }
  });
});
