/**
 * What the lifecycle chart reads from the World: the resources of one kind, the state each is in
 * (as the id of a state of its lifecycle machine), and the calls the chart offers on it. Whether a
 * call is possible is asked of the simulation (actionChecks), never decided here.
 */
import { actionChecks, advanceToNextEvent, execute } from '../../../sim/index.ts';
import type { ActionCheck, SimCall, World } from '../../../sim/index.ts';
import { snapshotStateValue } from '../../../sim/lifecycles.ts';

export const LIFECYCLE_KINDS = ['instance', 'volume', 'snapshot', 'image'] as const;
export type LifecycleKind = (typeof LIFECYCLE_KINDS)[number];

export interface TrackedResource {
  id: string;
  /** The Name tag (or an AMI's name), null when it has none. */
  name: string | null;
}

const nameTag = (tags: ReadonlyArray<{ Key: string; Value: string }>): string | null => tags.find((t) => t.Key === 'Name')?.Value ?? null;

/** The learner's own resources of a kind, oldest first. */
export function resourcesOf(world: World, kind: LifecycleKind): TrackedResource[] {
  const own = (owner: string): boolean => owner === world.accountId;
  switch (kind) {
    case 'instance':
      return Object.values(world.instances)
        .filter((i) => own(i.OwnerId))
        .sort((a, b) => a.LaunchTime - b.LaunchTime)
        .map((i) => ({ id: i.InstanceId, name: nameTag(i.Tags) }));
    case 'volume':
      return Object.values(world.volumes)
        .filter((v) => own(v.OwnerId))
        .sort((a, b) => a.CreateTime - b.CreateTime)
        .map((v) => ({ id: v.VolumeId, name: nameTag(v.Tags) }));
    case 'snapshot':
      return Object.values(world.snapshots)
        .filter((s) => own(s.OwnerId))
        .sort((a, b) => a.StartTime - b.StartTime)
        .map((s) => ({ id: s.SnapshotId, name: nameTag(s.Tags) }));
    case 'image':
      return Object.values(world.images)
        .filter((i) => own(i.OwnerId))
        .sort((a, b) => a.CreationDate - b.CreationDate)
        .map((i) => ({ id: i.ImageId, name: nameTag(i.Tags) ?? i.Name }));
  }
}

/** "web-server (i-0abc…)" or just the id. */
export function resourceLabel(resource: TrackedResource): string {
  return resource.name === null ? resource.id : `${resource.name} (${resource.id})`;
}

/**
 * The chart state (a dotted state id of the kind's machine) of a resource, or null when the World
 * no longer holds it.
 */
export function stateIdOf(world: World, kind: LifecycleKind, id: string): string | null {
  switch (kind) {
    case 'instance':
      return world.instances[id]?.State ?? null;
    case 'volume':
      return world.volumes[id]?.State ?? null;
    case 'image':
      return world.images[id]?.State ?? null;
    case 'snapshot': {
      const s = world.snapshots[id];
      if (!s) return null;
      const value = snapshotStateValue(s.State, s.Tier);
      return typeof value === 'string' ? value : Object.entries(value).map(([parent, child]) => `${parent}.${String(child)}`)[0] ?? null;
    }
  }
}

/**
 * The state a resource is in once the World has dropped its record, given the last state seen:
 * the simulation drops a terminated instance after about an hour and a volume once it is deleted,
 * both final states of their machines. A deleted snapshot has no state in its machine (null).
 */
export function stateAfterRemoval(kind: LifecycleKind, last: string | null): string | null {
  if (kind === 'instance' && (last === 'terminated' || last === 'shutting-down')) return 'terminated';
  if (kind === 'volume' && last !== null) return 'deleted';
  return null;
}

/** The calls the chart offers on a resource of each kind, in the order shown. */
const OFFERED: Record<LifecycleKind, readonly string[]> = {
  instance: ['StartInstances', 'StopInstances', 'RebootInstances', 'TerminateInstances'],
  volume: ['AttachVolume', 'DetachVolume', 'DeleteVolume'],
  snapshot: ['ModifySnapshotTier', 'RestoreSnapshotTier', 'DeleteSnapshot'],
  image: ['DisableImage', 'EnableImage', 'DeregisterImage'],
};

/** The offered calls on a resource, each with whether the simulation would accept it now and why not. */
export function offeredChecks(world: World, kind: LifecycleKind, id: string): ActionCheck[] {
  const checks = actionChecks(world, id);
  return OFFERED[kind].flatMap((action) => checks.filter((c) => c.action === action));
}

export interface CreateOffer {
  /** The resource the new one is made from. */
  source: TrackedResource;
  check: ActionCheck;
  /** The field of the call's output that holds the new resource's id. */
  outputId: 'SnapshotId' | 'ImageId';
}

/** A name for a new AMI that none of the account's images in that Region uses yet. */
function freshImageName(world: World, base: string, region: string | undefined): string {
  const taken = new Set(Object.values(world.images).filter((i) => i.Region === region).map((i) => i.Name));
  let n = 1;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/**
 * Calls that make a new resource of the kind, so its life can be followed from the first state:
 * CreateSnapshot of each volume, CreateImage of each instance. Other kinds offer none.
 */
export function createOffers(world: World, kind: LifecycleKind): CreateOffer[] {
  if (kind === 'snapshot') {
    return resourcesOf(world, 'volume').flatMap((source) =>
      actionChecks(world, source.id)
        .filter((c) => c.action === 'CreateSnapshot')
        .map((check) => ({ source, check, outputId: 'SnapshotId' as const })),
    );
  }
  if (kind === 'image') {
    return resourcesOf(world, 'instance').flatMap((source) =>
      actionChecks(world, source.id)
        .filter((c) => c.action === 'CreateImage')
        .map((check) => {
          const call: SimCall = { ...check.call, params: { ...check.call.params, Name: freshImageName(world, source.name ?? 'image', check.call.region) } };
          return { source, check: { ...check, call }, outputId: 'ImageId' as const };
        }),
    );
  }
  return [];
}

export interface NextChange {
  /** The state the resource is in now and the one the clock will move it to (null: it leaves the list, keeping its final state). */
  from: string;
  to: string | null;
  /** Simulated seconds until then. */
  seconds: number;
}

/** How many pending completions the look-ahead steps through before it gives up. */
const LOOK_AHEAD = 50;

/**
 * The next change of a resource's state that only time brings (pending -> available, stopping ->
 * stopped, a terminated instance leaving the list), asked of the simulation by advancing a copy of
 * the World from one pending completion to the next; null when none is due. Completions of other
 * resources (a snapshot of a pending AMI) are stepped over.
 */
export function nextChangeOf(world: World, kind: LifecycleKind, id: string): NextChange | null {
  const from = stateIdOf(world, kind, id);
  if (from === null) return null;
  let w = world;
  for (let i = 0; i < LOOK_AHEAD; i += 1) {
    const advance = advanceToNextEvent(w);
    if (advance === null) return null;
    const moved = execute(w, advance);
    if (!moved.ok) return null;
    w = moved.world;
    const now: string | null = stateIdOf(w, kind, id);
    const after: string | null = now === null ? stateAfterRemoval(kind, from) : now;
    const to: string | null = after === from && now === null ? null : after;
    if (to !== from) return { from, to, seconds: Math.round((w.now - world.now) / 1000) };
  }
  return null;
}
