// Shared by the actor and goals tests: small Worlds built through execute(), and random call
// sequences for property tests (intents resolved against the World they run on, so most of them
// are meaningful calls rather than errors).
import fc from 'fast-check';
import { createWorld, execute, publicImageId, REGIONS, AVAILABILITY_ZONES } from '../../../src/sim/index.ts';
import type { RegionName, SimCall, World } from '../../../src/sim/index.ts';

export function nameTag(resourceType: string, name: string): { TagSpecifications: unknown[] } {
  return { TagSpecifications: [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: name }] }] };
}

/** Runs calls in order; a failure fails the test with the call and the error. */
export function build(calls: readonly SimCall[], world: World = createWorld()): { world: World; outputs: unknown[] } {
  const outputs: unknown[] = [];
  for (const call of calls) {
    const result = execute(world, call);
    if (!result.ok) throw new Error(`${call.action} failed: ${result.error.Code}: ${result.error.Message}`);
    world = result.world;
    outputs.push(result.output);
  }
  return { world, outputs };
}

/** Runs one call that must succeed and returns the new World and the call's output. */
export function run(world: World, call: SimCall): { world: World; output: Record<string, unknown> } {
  const { world: next, outputs } = build([call], world);
  return { world: next, output: outputs[0] as Record<string, unknown> };
}

export const advance = (seconds: number): SimCall => ({ action: 'Advance', params: { Seconds: seconds } });

export function al2023(world: World, region: RegionName = 'us-east-1'): string {
  const id = publicImageId(world, region, 'al2023');
  if (id === undefined) throw new Error('the catalogue has no al2023 image');
  return id;
}

/** What a random step intends; resolved against the current World by `resolveIntent`. */
export type Intent =
  | { kind: 'createVolume'; region: number; zone: number; size: number; name: number }
  | { kind: 'runInstance'; region: number; name: number }
  | { kind: 'writeFile'; pick: number; file: number; content: string }
  | { kind: 'snapshot'; pick: number; name: number }
  | { kind: 'volumeFromSnapshot'; pick: number; zone: number }
  | { kind: 'deleteSnapshot'; pick: number }
  | { kind: 'deleteVolume'; pick: number }
  | { kind: 'terminate'; pick: number }
  | { kind: 'advance'; seconds: number };

const NAMES = ['data', 'web', 'logs'];

export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ kind: fc.constant('createVolume' as const), region: fc.nat(1), zone: fc.nat(2), size: fc.integer({ min: 1, max: 8 }), name: fc.nat(2) }),
  fc.record({ kind: fc.constant('runInstance' as const), region: fc.nat(1), name: fc.nat(2) }),
  fc.record({ kind: fc.constant('writeFile' as const), pick: fc.nat(9), file: fc.nat(3), content: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('snapshot' as const), pick: fc.nat(9), name: fc.nat(2) }),
  fc.record({ kind: fc.constant('volumeFromSnapshot' as const), pick: fc.nat(9), zone: fc.nat(2) }),
  fc.record({ kind: fc.constant('deleteSnapshot' as const), pick: fc.nat(9) }),
  fc.record({ kind: fc.constant('deleteVolume' as const), pick: fc.nat(9) }),
  fc.record({ kind: fc.constant('terminate' as const), pick: fc.nat(9) }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 400 }) }),
);

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

/** Turns an intent into a call on `world` (an id that does not exist yet gives a call that fails). */
export function resolveIntent(world: World, intent: Intent): SimCall {
  const own = <T extends { OwnerId: string }>(table: Record<string, T>): T[] =>
    Object.keys(table)
      .sort()
      .map((id) => table[id] as T)
      .filter((r) => r.OwnerId === world.accountId);
  switch (intent.kind) {
    case 'createVolume': {
      const region = REGIONS[intent.region] as RegionName;
      return {
        action: 'CreateVolume',
        region,
        params: { AvailabilityZone: AVAILABILITY_ZONES[region][intent.zone], Size: intent.size, ...nameTag('volume', NAMES[intent.name] as string) },
      };
    }
    case 'runInstance': {
      const region = REGIONS[intent.region] as RegionName;
      return { action: 'RunInstances', region, params: { ImageId: al2023(world, region), InstanceType: 't3.micro', ...nameTag('instance', NAMES[intent.name] as string) } };
    }
    case 'writeFile': {
      const instance = pick(own(world.instances).filter((i) => i.State === 'running'), intent.pick);
      return {
        action: 'WriteFile',
        region: instance?.Region ?? 'us-east-1',
        params: { InstanceId: instance?.InstanceId ?? 'i-00000000000000000', Path: `/home/ec2-user/file-${intent.file}.txt`, Content: intent.content },
      };
    }
    case 'snapshot': {
      const volume = pick(own(world.volumes).filter((v) => v.State === 'available' || v.State === 'in-use'), intent.pick);
      return { action: 'CreateSnapshot', region: volume?.Region ?? 'us-east-1', params: { VolumeId: volume?.VolumeId ?? 'vol-00000000000000000', ...nameTag('snapshot', NAMES[intent.name] as string) } };
    }
    case 'volumeFromSnapshot': {
      const snapshot = pick(own(world.snapshots).filter((sn) => sn.State === 'completed'), intent.pick);
      const region = snapshot?.Region ?? 'us-east-1';
      return { action: 'CreateVolume', region, params: { AvailabilityZone: AVAILABILITY_ZONES[region][intent.zone], SnapshotId: snapshot?.SnapshotId ?? 'snap-00000000000000000' } };
    }
    case 'deleteSnapshot': {
      const snapshot = pick(own(world.snapshots), intent.pick);
      return { action: 'DeleteSnapshot', region: snapshot?.Region ?? 'us-east-1', params: { SnapshotId: snapshot?.SnapshotId ?? 'snap-00000000000000000' } };
    }
    case 'deleteVolume': {
      const volume = pick(own(world.volumes).filter((v) => v.State === 'available'), intent.pick);
      return { action: 'DeleteVolume', region: volume?.Region ?? 'us-east-1', params: { VolumeId: volume?.VolumeId ?? 'vol-00000000000000000' } };
    }
    case 'terminate': {
      const instance = pick(own(world.instances), intent.pick);
      return { action: 'TerminateInstances', region: instance?.Region ?? 'us-east-1', params: { InstanceIds: [instance?.InstanceId ?? 'i-00000000000000000'] } };
    }
    case 'advance':
      return advance(intent.seconds);
  }
}
