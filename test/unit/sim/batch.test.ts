// executeMany / beginBatch (src/sim/batch.ts) against the reference they replace: execute() folded
// over the same calls. Same World (contents and key order, which is what every list output follows),
// same output, events or error per call, and the input World and every handed-out World untouched.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ACTION_NAMES, AVAILABILITY_ZONES, REGIONS, beginBatch, createWorld, execute, executeMany } from '../../../src/sim/index.ts';
import type { RegionName, SimCall, StepResult, World } from '../../../src/sim/index.ts';
import { advance, al2023, build } from './actor-helpers.ts';

const TABLES = ['instances', 'purgedInstances', 'volumes', 'snapshots', 'images', 'blocks', 'reservations', 'fastSnapshotRestores', 'schedule', 'attachments'] as const;
const DEVICES = ['/dev/sdf', '/dev/sdg', '/dev/xvda'];
const PATHS = ['/home/ec2-user/a.txt', '/home/ec2-user/b.txt', '/etc/os-release', '/mnt/sdf/data.bin'];
const SECONDS = [1, 10, 30, 120, 600, 3600, 6 * 3600, 2 * 86400];

/** One random step: an action and the choices its parameters are picked with, against the World it runs on. */
interface StepPlan {
  action: string;
  region: RegionName;
  picks: number[];
  dryRun: boolean;
  junk: unknown;
}

const planArb: fc.Arbitrary<StepPlan> = fc.record({
  action: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...ACTION_NAMES) },
    { weight: 6, arbitrary: fc.constantFrom('Advance', 'RunInstances', 'CreateVolume', 'WriteFile', 'CreateSnapshot', 'DeleteSnapshot', 'DeleteVolume') },
    { weight: 1, arbitrary: fc.constant('NoSuchAction') },
  ),
  // Mostly the Region the start Worlds have resources in.
  region: fc.oneof({ weight: 4, arbitrary: fc.constant<RegionName>('us-east-1') }, { weight: 1, arbitrary: fc.constantFrom(...REGIONS) }),
  picks: fc.array(fc.nat(999), { minLength: 6, maxLength: 6 }),
  dryRun: fc.nat(5).map((n) => n === 0),
  // Now and then params that are not a bag of parameters at all.
  junk: fc.oneof({ weight: 15, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.anything() }),
});

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

/**
 * One bag of parameters for any action, filled from the account's own resources in the call's Region
 * (so calls are often valid) or from any resource anywhere (so they often fail). Actions ignore the
 * parameters they do not read.
 */
function toCall(world: World, plan: StepPlan): SimCall {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = plan.picks;
  const local = <T extends { Region: string; OwnerId: string }>(table: Record<string, T>): T[] =>
    Object.values(table).filter((r) => a % 6 === 0 || (r.Region === plan.region && r.OwnerId === world.accountId));
  const instance = pick(local(world.instances), b)?.InstanceId ?? 'i-0123456789abcdef0';
  const volume = pick(local(world.volumes), c)?.VolumeId ?? 'vol-0123456789abcdef0';
  const snapshot = pick(local(world.snapshots), d)?.SnapshotId;
  const image = (e % 3 === 0 ? undefined : pick(local(world.images), e)?.ImageId) ?? al2023(world, plan.region);
  const zone = pick(AVAILABILITY_ZONES[plan.region], f) as string;
  const device = pick(DEVICES, f) as string;
  const other = REGIONS.find((r) => r !== plan.region) as RegionName;
  if (plan.junk !== null) return { action: plan.action, region: plan.region, params: plan.junk as Record<string, unknown> };
  const params: Record<string, unknown> = {
    InstanceId: instance,
    InstanceIds: [instance],
    VolumeId: volume,
    // Without a snapshot, CreateVolume makes an empty volume and the snapshot actions fail.
    ...(snapshot !== undefined || d % 4 === 0 ? { SnapshotId: snapshot ?? 'snap-0123456789abcdef0' } : {}),
    ImageId: image,
    SourceSnapshotId: snapshot,
    SourceSnapshotIds: [snapshot],
    SourceImageId: image,
    SourceRegion: b % 2 === 0 ? plan.region : other,
    AvailabilityZone: zone,
    AvailabilityZones: [zone],
    Placement: { AvailabilityZone: zone },
    MinCount: 1,
    MaxCount: 1 + (f % 2),
    Device: device,
    Name: `golden-${d % 3}`,
    Path: pick(PATHS, e),
    Content: `revision ${f}`,
    Package: pick(['nginx', 'postgresql', 'no-such-package'], f),
    Seconds: pick(SECONDS, e),
    StorageTier: 'archive',
    RootDeviceName: '/dev/xvda',
    OperationType: f % 2 === 0 ? 'add' : 'remove',
    UserIds: ['210987654321'],
    LaunchPermission: f % 2 === 0 ? { Add: [{ Group: 'all' }] } : { Remove: [{ Group: 'all' }] },
    InstanceSpecification: { InstanceId: instance, ExcludeBootVolume: f % 2 === 0 },
    DeprecateAt: new Date(world.now + 3_600_000).toISOString(),
    DeleteAssociatedSnapshots: f % 2 === 0,
    NoReboot: f % 2 === 0,
    Resources: [pick([instance, volume, snapshot ?? image, image], f)],
    Tags: [{ Key: 'Name', Value: `web-${f % 2}` }],
    Size: 1 + (f % 8),
    ...(b % 3 === 0 ? { DisableApiTermination: { Value: f % 5 === 0 } } : {}),
    ...(e % 2 === 0 ? { TemporaryRestoreDays: 1 + (f % 3) } : { PermanentRestore: true }),
    ...(b % 2 === 0 ? { Attribute: 'createVolumePermission' } : {}),
    ...(d % 4 === 0 ? { BlockDeviceMappings: [{ DeviceName: device, Ebs: { SnapshotId: snapshot, DeleteOnTermination: f % 2 === 0 } }] } : {}),
    ...(plan.dryRun ? { DryRun: true } : {}),
  };
  return { action: plan.action, region: plan.region, params };
}

/** One call by execute(), the reference: its result without the World, and the World after it. */
function referenceStep(world: World, call: SimCall): { world: World; result: StepResult } {
  const result = execute(world, call);
  if (!result.ok) return { world, result };
  return { world: result.world, result: { ok: true, output: result.output, events: result.events } };
}

/** execute() folded over the calls made by resolving each plan against the World before it. */
function fold(start: World, plans: readonly StepPlan[]): { calls: SimCall[]; results: StepResult[]; worlds: World[] } {
  let world = start;
  const calls: SimCall[] = [];
  const results: StepResult[] = [];
  const worlds: World[] = [];
  for (const plan of plans) {
    const call = toCall(world, plan);
    const step = referenceStep(world, call);
    world = step.world;
    calls.push(call);
    results.push(step.result);
    worlds.push(world);
  }
  return { calls, results, worlds };
}

/** execute() folded over fixed calls. */
function foldCalls(start: World, calls: readonly SimCall[]): { results: StepResult[]; world: World } {
  let world = start;
  const results = calls.map((call) => {
    const step = referenceStep(world, call);
    world = step.world;
    return step.result;
  });
  return { results, world };
}

/** Every nested object frozen: an in-place write to the input World then throws instead of passing unseen. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The same records and the same key order in every table. */
function expectSameWorld(actual: World, expected: World): void {
  expect(actual).toEqual(expected);
  for (const table of TABLES) expect(Object.keys(actual[table])).toEqual(Object.keys(expected[table]));
}

/** A start World with some of everything, so random calls find resources to act on. */
function busyWorld(): World {
  const base = createWorld({ seed: 11 });
  const image = al2023(base);
  const launched = build([
    { action: 'RunInstances', params: { ImageId: image, Placement: { AvailabilityZone: 'us-east-1a' } } },
    { action: 'RunInstances', params: { ImageId: image, Placement: { AvailabilityZone: 'us-east-1b' } } },
    { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 4 } },
    { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1b', Size: 2 } },
    advance(60),
  ], base).world;
  const [first] = Object.keys(launched.instances);
  const volumeIds = Object.keys(launched.volumes);
  return build([
    { action: 'WriteFile', params: { InstanceId: first, Path: '/home/ec2-user/notes.txt', Content: 'v1' } },
    { action: 'CreateImage', params: { InstanceId: first, Name: 'golden', NoReboot: true } },
    advance(600),
    ...volumeIds.map((VolumeId) => ({ action: 'CreateSnapshot', params: { VolumeId } })),
    advance(600),
  ], launched).world;
}

const START_WORLDS: Array<[string, () => World]> = [
  ['a fresh account', () => createWorld({ seed: 5 })],
  ['an account with instances and volumes', busyWorld],
];

describe.each(START_WORLDS)('executeMany from %s', (_label, makeStart) => {
  test('gives the World, outputs, events and errors of execute() folded over the calls, and never mutates its input', () => {
    fc.assert(
      fc.property(fc.array(planArb, { minLength: 1, maxLength: 60 }), (plans) => {
        const start = deepFreeze(makeStart());
        const reference = fold(start, plans);
        const batched = executeMany(start, reference.calls);
        expect(batched.results).toEqual(reference.results);
        expectSameWorld(batched.world, reference.worlds.at(-1) as World);
        expect(start).toEqual(makeStart());
      }),
      { numRuns: 60 },
    );
  });

  test('hands out Worlds mid-batch that equal the fold at that point and stay as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(planArb, fc.nat(3)), { minLength: 1, maxLength: 50 }), (steps) => {
        const start = makeStart();
        const reference = fold(start, steps.map(([plan]) => plan));
        const batch = beginBatch(start);
        const handedOut: Array<{ index: number; world: World; copy: World }> = [];
        reference.calls.forEach((call, index) => {
          batch.run(call);
          // About one call in four hands out a World, as the history does for a checkpoint.
          if ((steps[index] as [StepPlan, number])[1] === 0) {
            const world = batch.world();
            handedOut.push({ index, world, copy: structuredClone(world) });
          }
        });
        expectSameWorld(batch.world(), reference.worlds.at(-1) as World);
        for (const { index, world, copy } of handedOut) {
          expectSameWorld(world, reference.worlds[index] as World);
          expect(world).toEqual(copy);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('a failed call in a batch changes nothing', () => {
  // A DryRun runs the action for real and then reports DryRunOperation, so it is the call that
  // writes most and still must leave no trace, whatever the batch had written in place before it.
  function setup(): { start: World; warmUp: SimCall[]; snapshotIds: string[] } {
    const start = busyWorld();
    const volumeIds = Object.values(start.volumes).filter((v) => v.State === 'available').map((v) => v.VolumeId);
    const snapshotAll: SimCall[] = volumeIds.map((VolumeId) => ({ action: 'CreateSnapshot', params: { VolumeId } }));
    const warmUp: SimCall[] = [...snapshotAll, advance(3600), ...snapshotAll, advance(3600)];
    const { world } = build(warmUp, start);
    // The warm-up's own snapshots: none of them backs an AMI, so each can be deleted.
    const snapshotIds = Object.keys(world.snapshots).filter((id) => start.snapshots[id] === undefined);
    return { start, warmUp, snapshotIds };
  }

  test('a DryRun delete of a record the batch already owns keeps the table and its key order', () => {
    const { start, warmUp, snapshotIds } = setup();
    const calls: SimCall[] = [
      ...warmUp,
      { action: 'DeleteSnapshot', params: { SnapshotId: snapshotIds[0], DryRun: true } },
      { action: 'DescribeSnapshots', params: { OwnerIds: ['self'] } },
      { action: 'DeleteSnapshot', params: { SnapshotId: snapshotIds[1] } },
      { action: 'DescribeSnapshots', params: { OwnerIds: ['self'] } },
    ];
    const batched = executeMany(start, calls);
    const reference = foldCalls(start, calls);
    expect(batched.results.at(-4)).toEqual({ ok: false, error: { Code: 'DryRunOperation', Message: 'Request would have succeeded, but DryRun flag is set.' } });
    expect(batched.results).toEqual(reference.results);
    expectSameWorld(batched.world, reference.world);
  });

  test('a DryRun that adds and replaces records in owned tables leaves them as they were', () => {
    const { start, warmUp } = setup();
    const instanceId = Object.keys(start.instances)[0] as string;
    const calls: SimCall[] = [
      ...warmUp,
      { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 3, DryRun: true } },
      { action: 'StopInstances', params: { InstanceIds: [instanceId], DryRun: true } },
      { action: 'WriteFile', params: { InstanceId: instanceId, Path: '/home/ec2-user/x.txt', Content: 'x', DryRun: true } },
      // Gets the id the DryRun CreateVolume drew and gave back.
      { action: 'CreateVolume', params: { AvailabilityZone: 'us-east-1a', Size: 3 } },
      { action: 'DescribeVolumes' },
    ];
    const batched = executeMany(start, calls);
    const reference = foldCalls(start, calls);
    expect(batched.results.slice(-5, -2).map((r) => (r.ok ? 'ok' : r.error.Code))).toEqual(['DryRunOperation', 'DryRunOperation', 'DryRunOperation']);
    expect(batched.results).toEqual(reference.results);
    expectSameWorld(batched.world, reference.world);
  });

  test('an empty batch hands back its input', () => {
    const start = createWorld();
    expect(executeMany(start, []).world).toBe(start);
    const batch = beginBatch(start);
    expect(batch.run({ action: 'DescribeVolumes' }).ok).toBe(true);
    expect(batch.run({ action: 'DeleteVolume', params: { VolumeId: 'vol-0123456789abcdef0' } }).ok).toBe(false);
    expect(batch.world()).toBe(start);
  });
});
