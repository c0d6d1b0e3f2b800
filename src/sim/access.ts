// Id checks and lookups shared by the actions: malformed ids, ids unknown in this Region, and what
// the learner's account may see or use (ownership, sharing, public resources).
import { fail } from './errors.ts';
import { isWellFormedId, type IdPrefix } from './ids.ts';
import type { Image, Instance, RegionName, Snapshot, Volume, World } from './types.ts';

const MALFORMED: Record<'i' | 'vol' | 'snap' | 'ami', string> = {
  i: 'InvalidInstanceID.Malformed',
  vol: 'InvalidVolumeID.Malformed',
  snap: 'InvalidSnapshotID.Malformed',
  ami: 'InvalidAMIID.Malformed',
};

/** Rejects the first malformed id the way DescribeImages does: 'Invalid id: "x" (expecting "ami-...")'. */
export function checkIdFormat(prefix: 'i' | 'vol' | 'snap' | 'ami', ids: readonly string[]): void {
  for (const id of ids) {
    if (!isWellFormedId(prefix as IdPrefix, id)) fail(MALFORMED[prefix], `Invalid id: "${id}" (expecting "${prefix}-...")`);
  }
}

export function instanceNotFound(ids: readonly string[]): never {
  return fail(
    'InvalidInstanceID.NotFound',
    ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${ids.join(', ')}' do not exist`,
  );
}

export function volumeNotFound(ids: readonly string[]): never {
  return fail(
    'InvalidVolume.NotFound',
    ids.length === 1 ? `The volume '${ids[0]}' does not exist.` : `The volumes '${ids.join(', ')}' do not exist.`,
  );
}

export function snapshotNotFound(ids: readonly string[]): never {
  return fail(
    'InvalidSnapshot.NotFound',
    ids.length === 1 ? `The snapshot '${ids[0]}' does not exist.` : `The snapshots '${ids.join(', ')}' do not exist.`,
  );
}

export function imageNotFound(ids: readonly string[]): never {
  return fail(
    'InvalidAMIID.NotFound',
    ids.length === 1 ? `The image id '[${ids[0]}]' does not exist` : `The image ids '[${ids.join(', ')}]' do not exist`,
  );
}

export function instanceVisible(world: World, i: Instance, region: RegionName): boolean {
  return i.Region === region && i.OwnerId === world.accountId;
}

export function volumeVisible(world: World, v: Volume, region: RegionName): boolean {
  return v.Region === region && v.OwnerId === world.accountId;
}

/** Snapshots the account may describe and use: its own, public ones, and ones shared with it. */
export function snapshotVisible(world: World, s: Snapshot, region: RegionName): boolean {
  return (
    s.Region === region &&
    (s.OwnerId === world.accountId || s.CreateVolumePermissions.includes('all') || s.CreateVolumePermissions.includes(world.accountId))
  );
}

/** Images the account may launch: its own, public ones and ones shared with it. Deregistered ones are gone. */
export function imageVisible(world: World, i: Image, region: RegionName): boolean {
  return (
    i.Region === region &&
    i.State !== 'deregistered' &&
    (i.OwnerId === world.accountId || i.Public || i.LaunchPermissions.includes(world.accountId))
  );
}

export function getInstance(world: World, region: RegionName, id: string): Instance {
  checkIdFormat('i', [id]);
  const i = world.instances[id];
  if (!i || !instanceVisible(world, i, region)) return instanceNotFound([id]);
  return i;
}

export function getVolume(world: World, region: RegionName, id: string): Volume {
  checkIdFormat('vol', [id]);
  const v = world.volumes[id];
  if (!v || !volumeVisible(world, v, region)) return volumeNotFound([id]);
  return v;
}

export function getSnapshot(world: World, region: RegionName, id: string): Snapshot {
  checkIdFormat('snap', [id]);
  const s = world.snapshots[id];
  if (!s || !snapshotVisible(world, s, region)) return snapshotNotFound([id]);
  return s;
}

/** A snapshot the account owns (delete, modify, archive): others' snapshots look like unknown ids. */
export function getOwnSnapshot(world: World, region: RegionName, id: string): Snapshot {
  const s = getSnapshot(world, region, id);
  if (s.OwnerId !== world.accountId) return snapshotNotFound([id]);
  return s;
}

/** An image by id, including deregistered ones (callers decide what a deregistered image means). */
export function getImageRecord(world: World, region: RegionName, id: string): Image {
  checkIdFormat('ami', [id]);
  const i = world.images[id];
  const reachable =
    i !== undefined &&
    i.Region === region &&
    (i.OwnerId === world.accountId || i.Public || i.LaunchPermissions.includes(world.accountId));
  if (!reachable) return imageNotFound([id]);
  return i;
}

/**
 * An image the account owns (deregister, disable, enable, attributes, deprecation). The reference
 * says "owner only" (§2.12, §2.17) without a code; MODEL CHOICE: AuthFailure, ERR's code for a
 * missing permission (§2.1), for an AMI the account can see but does not own.
 */
export function getOwnImage(world: World, region: RegionName, id: string): Image {
  const i = getImageRecord(world, region, id);
  if (i.OwnerId !== world.accountId) {
    fail('AuthFailure', `Not authorized for image:${id}`);
  }
  return i;
}

/** Collects every id of a batch, reports all unknown ones together (as TerminateInstances does). */
export function getAll<T>(ids: readonly string[], find: (id: string) => T | undefined, notFound: (missing: string[]) => never): T[] {
  const found: T[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const r = find(id);
    if (r === undefined) missing.push(id);
    else found.push(r);
  }
  if (missing.length > 0) notFound(missing);
  return found;
}
