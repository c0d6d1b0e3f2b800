// Property-based: random sequences of valid and invalid calls, with Advance interleaved, never throw,
// never hit an internal error, never break an invariant, and replay to the same World.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  checkInvariants,
  checkStepInvariants,
  createWorld,
  execute,
  imageLifecycle,
  instanceLifecycle,
  snapshotLifecycle,
  volumeLifecycle,
} from '../../../src/sim/index.ts';
import type { RegionName, SimCall, World } from '../../../src/sim/index.ts';
import { ok, runningInstance } from './helpers.ts';

const REGIONS: RegionName[] = ['us-east-1', 'eu-west-1'];
const DEVICES = ['/dev/sdf', '/dev/sdg', '/dev/xvdh', '/dev/xvda', '/dev/sda1'];
const PATHS = ['/home/ec2-user/a.txt', '/etc/os-release', '/mnt/sdf/data.bin', '/mnt/sdg/x/y.txt', '/var/www/index.html', '/etc'];
const NAMES = ['golden', 'golden-v2', 'web'];
const SECONDS = [1, 5, 15, 30, 120, 600, 3600, 6 * 3600, 86400, 3 * 86400];

/** A call template: which action, and random choices resolved against the World when the call is made. */
interface Template {
  action: string;
  region: number;
  picks: number[];
  flag: boolean;
  junk: unknown;
}

const ACTIONS = [
  'RunInstances', 'StopInstances', 'StartInstances', 'RebootInstances', 'TerminateInstances',
  'CreateVolume', 'AttachVolume', 'DetachVolume', 'DeleteVolume',
  'CreateSnapshot', 'CreateSnapshots', 'DeleteSnapshot', 'CopySnapshot', 'ModifySnapshotAttribute', 'ModifySnapshotTier', 'RestoreSnapshotTier',
  'CreateImage', 'RegisterImage', 'DeregisterImage', 'DisableImage', 'EnableImage', 'CopyImage', 'ModifyImageAttribute', 'EnableImageDeprecation',
  'EnableFastSnapshotRestores', 'DisableFastSnapshotRestores', 'ModifyInstanceAttribute',
  'CreateTags', 'DeleteTags', 'WriteFile', 'DeleteFile', 'InstallPackage', 'ReadFile', 'ListFiles',
  'DescribeInstances', 'DescribeVolumes', 'DescribeSnapshots', 'DescribeImages', 'DescribeStorage',
  'Advance', 'Advance', 'Advance', 'Advance', 'Junk',
];

const template: fc.Arbitrary<Template> = fc.record({
  action: fc.constantFrom(...ACTIONS),
  region: fc.nat(9),
  picks: fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 }),
  flag: fc.boolean(),
  junk: fc.anything(),
});

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** Turns a template into a call; ids come from the World (all Regions), so calls are often valid and sometimes not. */
export function toCall(world: World, t: Template): SimCall {
  const region = t.region < 8 ? 'us-east-1' : 'eu-west-1';
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = t.picks;
  // Mostly resources of the call's Region (so calls often succeed), sometimes any (so they often fail).
  const local = <T extends { Region: string }>(list: T[]) => (a % 5 === 0 ? list : list.filter((r) => r.Region === region));
  const instances = local(Object.values(world.instances)).map((i) => i.InstanceId);
  const volumes = local(Object.values(world.volumes)).map((v) => v.VolumeId);
  const snapshots = local(Object.values(world.snapshots)).map((s) => s.SnapshotId);
  const images = local(Object.values(world.images)).map((i) => i.ImageId);
  const zone = `${region}${'abc'[c % 3]}`;
  let instance = pick(instances, a) ?? 'i-0123456789abcdef0';
  const volume = pick(volumes, b) ?? 'vol-0123456789abcdef0';
  if (t.action === 'AttachVolume' && t.flag) {
    // Aim at an instance in the volume's AZ so attachments actually happen.
    const az = world.volumes[volume]?.AvailabilityZone;
    instance = pick(Object.values(world.instances).filter((i) => i.AvailabilityZone === az).map((i) => i.InstanceId), a) ?? instance;
  }
  // Some actions need a resource in a rare state; aim at one half of the time.
  const archived = snapshots.filter((id) => ['archived', 'temporary-restored'].includes(world.snapshots[id]?.Tier ?? ''));
  const disabled = images.filter((id) => world.images[id]?.State === 'disabled');
  const snapshot = (t.action === 'RestoreSnapshotTier' && t.flag ? pick(archived, d) : undefined) ?? pick(snapshots, d) ?? 'snap-0123456789abcdef0';
  const image = (t.action === 'EnableImage' && t.flag ? pick(disabled, e) : undefined) ?? pick(images, e) ?? 'ami-0123456789abcdef0';
  const other = REGIONS.find((r) => r !== region)!;
  const p: Record<string, Record<string, unknown>> = {
    RunInstances: { ImageId: image, MinCount: 1, MaxCount: 1 + (f % 2), Placement: { AvailabilityZone: zone }, ...(t.flag ? { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 2 } }] } : {}) },
    StopInstances: { InstanceIds: [instance] },
    StartInstances: { InstanceIds: [instance] },
    RebootInstances: { InstanceIds: [instance] },
    TerminateInstances: { InstanceIds: [instance] },
    CreateVolume: t.flag ? { AvailabilityZone: zone, SnapshotId: snapshot } : { AvailabilityZone: zone, Size: 1 + (f % 12), Encrypted: f % 5 === 0 },
    AttachVolume: { VolumeId: volume, InstanceId: instance, Device: pick(DEVICES, c) },
    DetachVolume: { VolumeId: volume },
    DeleteVolume: { VolumeId: volume },
    CreateSnapshot: { VolumeId: volume },
    CreateSnapshots: { InstanceSpecification: { InstanceId: instance, ExcludeBootVolume: t.flag } },
    DeleteSnapshot: { SnapshotId: snapshot },
    CopySnapshot: { SourceRegion: t.flag ? other : region, SourceSnapshotId: snapshot, Encrypted: f % 4 === 0 },
    ModifySnapshotAttribute: { SnapshotId: snapshot, OperationType: t.flag ? 'add' : 'remove', UserIds: ['210987654321'] },
    ModifySnapshotTier: { SnapshotId: snapshot, StorageTier: 'archive' },
    RestoreSnapshotTier: f % 2 === 0 ? { SnapshotId: snapshot, PermanentRestore: true } : { SnapshotId: snapshot, TemporaryRestoreDays: 1 + (f % 3) },
    CreateImage: { InstanceId: instance, Name: pick(NAMES, f), NoReboot: t.flag },
    RegisterImage: { Name: pick(NAMES, f), RootDeviceName: '/dev/xvda', BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: snapshot } }] },
    DeregisterImage: { ImageId: image, DeleteAssociatedSnapshots: t.flag },
    DisableImage: { ImageId: image },
    EnableImage: { ImageId: image },
    CopyImage: { SourceRegion: t.flag ? other : region, SourceImageId: image, Name: pick(NAMES, f) },
    ModifyImageAttribute: { ImageId: image, LaunchPermission: t.flag ? { Add: [{ Group: 'all' }] } : { Remove: [{ Group: 'all' }] } },
    EnableImageDeprecation: { ImageId: image, DeprecateAt: new Date(world.now + 3600_000).toISOString() },
    EnableFastSnapshotRestores: { AvailabilityZones: [zone], SourceSnapshotIds: [snapshot] },
    DisableFastSnapshotRestores: { AvailabilityZones: [zone], SourceSnapshotIds: [snapshot] },
    ModifyInstanceAttribute: t.flag
      ? { InstanceId: instance, BlockDeviceMappings: [{ DeviceName: pick(DEVICES, c), Ebs: { DeleteOnTermination: f % 2 === 0 } }] }
      : { InstanceId: instance, DisableApiTermination: { Value: f % 7 === 0 } },
    CreateTags: { Resources: [pick([instance, volume, snapshot, image], f)], Tags: [{ Key: 'Name', Value: 'x' }] },
    DeleteTags: { Resources: [pick([instance, volume, snapshot, image], f)] },
    WriteFile: { InstanceId: instance, Path: pick(PATHS, c), Content: `content ${f}` },
    DeleteFile: { InstanceId: instance, Path: pick(PATHS, c) },
    InstallPackage: { InstanceId: instance, Package: pick(['nginx', 'postgresql', 'docker', 'nope'], f) },
    ReadFile: { InstanceId: instance, Path: pick(PATHS, c) },
    ListFiles: { InstanceId: instance },
    DescribeInstances: {},
    DescribeVolumes: { VolumeIds: [volume] },
    DescribeSnapshots: { OwnerIds: ['self'] },
    DescribeImages: { Owners: ['self'] },
    DescribeStorage: {},
    Advance: { Seconds: pick(SECONDS, f) },
  };
  if (t.action === 'Junk') return { action: pick(ACTIONS, f) ?? 'Advance', region, params: t.junk as Record<string, unknown> };
  return { action: t.action, region, params: { ...p[t.action], ...(a % 17 === 0 ? { DryRun: true } : {}) } };
}

function replay(templates: Template[], start: World = createWorld({ seed: 42 })): { world: World; calls: SimCall[] } {
  let world = start;
  const calls: SimCall[] = [];
  for (const t of templates) {
    const call = toCall(world, t);
    calls.push(call);
    const r = execute(world, call);
    if (r.ok) world = r.world;
  }
  return { world, calls };
}

describe('random call sequences', () => {
  test('never throw, never an internal error, every invariant holds after every step', () => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 5, maxLength: 60 }), (templates) => {
        let world = createWorld({ seed: 42 });
        for (const t of templates) {
          const call = toCall(world, t);
          const before = world;
          const r = execute(world, call);
          if (!r.ok) {
            expect(r.error.Code).not.toBe('InternalError');
            expect(world).toBe(before);
            continue;
          }
          const problems = [...checkInvariants(r.world), ...checkStepInvariants(world, r.world)];
          if (problems.length > 0) throw new Error(`${call.action} ${JSON.stringify(call.params)} broke: ${problems.join('; ')}`);
          world = r.world;
        }
      }),
      { numRuns: 150 },
    );
  });

  test('replaying the same calls gives the same World, which survives JSON round trips', () => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 5, maxLength: 40 }), (templates) => {
        const first = replay(templates);
        let world = createWorld({ seed: 42 });
        for (const call of first.calls) {
          const r = execute(world, call);
          if (r.ok) world = r.world;
        }
        expect(world).toEqual(first.world);
        expect(JSON.parse(JSON.stringify(world))).toEqual(world);
      }),
      { numRuns: 40 },
    );
  });

  test('a failed call leaves the World deep-equal to before (input never mutated)', () => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 5, maxLength: 30 }), (templates) => {
        let world = createWorld({ seed: 7 });
        for (const t of templates) {
          const snapshot = structuredClone(world);
          const r = execute(world, toCall(world, t));
          expect(world).toEqual(snapshot);
          if (r.ok) world = r.world;
        }
      }),
      { numRuns: 30 },
    );
  });

  test('one Advance of a+b seconds leaves the same World as Advance(a) then Advance(b)', () => {
    const seconds = fc.oneof(fc.constantFrom(...SECONDS), fc.integer({ min: 0, max: 40 * 86400 }));
    // A running instance with a snapshot in progress, so the ledger moves and work completes in between.
    const running = runningInstance(createWorld({ seed: 42 }));
    const start = ok(running.world, 'CreateSnapshot', { VolumeId: running.rootVolumeId }).world;
    fc.assert(
      fc.property(fc.array(template, { minLength: 0, maxLength: 40 }), seconds, seconds, (templates, a, b) => {
        const { world } = replay(templates, start);
        const advance = (from: World, s: number): World => {
          const r = execute(from, { action: 'Advance', params: { Seconds: s } });
          if (!r.ok) throw new Error(`Advance ${s} failed: ${r.error.Code}`);
          return r.world;
        };
        // The ledger counts whole block-milliseconds, so where the clock stops in between changes nothing.
        expect(advance(advance(world, a), b)).toEqual(advance(world, a + b));
      }),
      { numRuns: 60 },
    );
  });
});

/** Targets of each state's events in a (possibly nested) machine config, keyed by state name. */
function edges(states: Record<string, { on?: Record<string, unknown>; states?: Record<string, unknown> }>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [name, node] of Object.entries(states)) {
    out.set(name, new Set(Object.values(node.on ?? {}).filter((t): t is string => typeof t === 'string')));
  }
  return out;
}

function reachable(graph: Map<string, Set<string>>, from: string, to: string): boolean {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const s = queue.shift()!;
    if (s === to) return true;
    for (const n of graph.get(s) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      queue.push(n);
    }
  }
  return false;
}

describe('the lifecycle charts are the rules', () => {
  test('every state change the simulation makes is a path in its lifecycle machine', () => {
    type States = Parameters<typeof edges>[0];
    const instance = edges(instanceLifecycle.config.states as States);
    const volume = edges(volumeLifecycle.config.states as States);
    const image = edges(imageLifecycle.config.states as States);
    const tiers = edges((snapshotLifecycle.config.states as Record<string, { states: States }>)['completed']!.states);
    const check = (graph: Map<string, Set<string>>, kind: string, id: string, from: string, to: string) => {
      if (from !== to && !reachable(graph, from, to)) throw new Error(`${kind} ${id} went ${from} -> ${to}, which its lifecycle does not allow`);
    };
    fc.assert(
      fc.property(fc.array(template, { minLength: 5, maxLength: 60 }), (templates) => {
        let world = createWorld({ seed: 3 });
        for (const t of templates) {
          const r = execute(world, toCall(world, t));
          if (!r.ok) continue;
          const next = r.world;
          for (const [id, i] of Object.entries(world.instances)) check(instance, 'instance', id, i.State, next.instances[id]?.State ?? 'terminated');
          for (const [id, v] of Object.entries(world.volumes)) check(volume, 'volume', id, v.State, next.volumes[id]?.State ?? 'deleted');
          for (const [id, img] of Object.entries(world.images)) check(image, 'image', id, img.State, next.images[id]!.State);
          for (const [id, s] of Object.entries(world.snapshots)) {
            const after = next.snapshots[id];
            if (after && s.State === 'completed') check(tiers, 'snapshot tier', id, s.Tier, after.Tier);
            if (after && s.State === 'completed' && after.State !== 'completed') throw new Error(`snapshot ${id} left completed`);
          }
          world = next;
        }
      }),
      { numRuns: 60 },
    );
  });
});
