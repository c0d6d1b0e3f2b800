/**
 * Goals for challenges: named, parameterised predicates over the World that explain themselves,
 * so the goal text, the check and the live checklist all come from one definition.
 *
 * Resources are named the way lessons name them, by their `Name` tag ("the data volume"), never by
 * an id, because ids change whenever a scenario's script changes. AMIs are named by their AMI name
 * (the `--name` of create-image), which is what the console and the CLI call an image's name.
 * Only the learner's own resources count, except the AMI a goal says an instance was launched from,
 * which may be a public one.
 *
 * A goal reference as challenge content writes it: `{ id: 'volumeInAz', params: { volumeName: 'data', az: 'us-east-1b' } }`.
 * `validateGoal` checks one (unknown id, unknown, missing or ill-typed params) with a message an
 * author can act on; `evaluateGoal` checks it against a World.
 */
import { filesOfBlocks } from './blocks.ts';
import { AVAILABILITY_ZONES, REGIONS } from './catalog.ts';
import { execute } from './execute.ts';
import { snapshotProgress } from './format.ts';
import { imagesUsing } from './actions/snapshots.ts';
import { mountsOf } from './actions/files.ts';
import type { Image, Instance, InstanceStateName, PurgedInstance, RegionName, Snapshot, Tag, Volume, World } from './types.ts';

export interface GoalCheck {
  met: boolean;
  /** Why, in a sentence fragment naming the resources involved ("snap-… of vol-… (data) is completed"). */
  because: string;
}

type ParamType = 'name' | 'region' | 'zone' | 'count' | 'usd' | 'path' | 'text' | 'instanceState' | 'grantee' | 'device';

interface ParamSpec {
  type: ParamType;
  optional?: true;
  /** For authors: what the parameter means. */
  doc: string;
}

export interface GoalDefinition<P extends object = Record<string, unknown>> {
  id: string;
  /** For authors: what the goal checks. */
  summary: string;
  params: { readonly [K in keyof P & string]-?: ParamSpec };
  /** Rules across parameters (e.g. "exactly one of"); returns the problem, or null. */
  refine?: (params: P) => string | null;
  /** The goal as the learner reads it in the checklist. */
  describe(params: P): string;
  check(world: World, params: P): GoalCheck;
}

export interface GoalRef {
  id: string;
  params: Record<string, unknown>;
}

export interface GoalStatus extends GoalCheck {
  id: string;
  description: string;
}

const INSTANCE_STATES: readonly InstanceStateName[] = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];
const ALL_ZONES: readonly string[] = REGIONS.flatMap((region) => AVAILABILITY_ZONES[region]);

const PARAM_TYPES: Record<ParamType, { accepts: (value: unknown) => boolean; expected: string }> = {
  name: { accepts: (v) => typeof v === 'string' && v.trim() !== '' && v.length <= 256, expected: 'a non-empty name (at most 256 characters)' },
  region: { accepts: (v) => typeof v === 'string' && (REGIONS as readonly string[]).includes(v), expected: `one of the Regions ${REGIONS.join(', ')}` },
  zone: { accepts: (v) => typeof v === 'string' && ALL_ZONES.includes(v), expected: `an Availability Zone (${ALL_ZONES.join(', ')})` },
  count: { accepts: (v) => Number.isSafeInteger(v) && (v as number) >= 0, expected: 'a whole number, 0 or more' },
  usd: { accepts: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, expected: 'an amount in US dollars, 0 or more' },
  path: { accepts: (v) => typeof v === 'string' && /^\/[^\0]*[^/]$/.test(v), expected: 'an absolute file path such as /home/ec2-user/notes.txt' },
  text: { accepts: (v) => typeof v === 'string', expected: 'a string' },
  grantee: { accepts: (v) => v === 'public' || (typeof v === 'string' && /^\d{12}$/.test(v)), expected: '"public" or a 12-digit AWS account id' },
  device: { accepts: (v) => typeof v === 'string' && /^\/dev\/[a-z][a-z0-9]*$/.test(v), expected: 'a device name such as /dev/sdf' },
  instanceState: { accepts: (v) => typeof v === 'string' && (INSTANCE_STATES as readonly string[]).includes(v), expected: `one of ${INSTANCE_STATES.join(', ')}` },
};

// ---------------------------------------------------------------------------------------------
// Lookups and wording shared by the goals

function nameOf(tags: readonly Tag[]): string | undefined {
  return tags.find((t) => t.Key === 'Name')?.Value;
}

function label(id: string, name: string | undefined): string {
  return name === undefined ? id : `${id} (${name})`;
}

const inRegion = (region: RegionName | undefined): string => (region === undefined ? '' : ` in ${region}`);

function byId<T>(records: Record<string, T>, idOf: (r: T) => string): T[] {
  return Object.values(records).sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
}

function ownVolumes(world: World, name: string, region?: RegionName): Volume[] {
  return byId(world.volumes, (v) => v.VolumeId).filter(
    (v) => v.OwnerId === world.accountId && nameOf(v.Tags) === name && (region === undefined || v.Region === region),
  );
}

/** Own snapshots that still count: one marked to be deleted on completion is on its way out. */
function ownSnapshots(world: World, region?: RegionName): Snapshot[] {
  return byId(world.snapshots, (s) => s.SnapshotId).filter(
    (s) => s.OwnerId === world.accountId && !s.DeleteOnComplete && (region === undefined || s.Region === region),
  );
}

function ownInstances(world: World, name: string | undefined, region?: RegionName): Instance[] {
  return byId(world.instances, (i) => i.InstanceId).filter(
    (i) => i.OwnerId === world.accountId && (name === undefined || nameOf(i.Tags) === name) && (region === undefined || i.Region === region),
  );
}

/**
 * Own terminated instances with this Name tag that AWS no longer lists (purged about an hour after
 * they terminated). DescribeInstances doesn't show them, but a goal about an instance being
 * terminated, or gone, must not flip when the clock passes the purge.
 */
function ownPurgedInstances(world: World, name: string | undefined, region?: RegionName): PurgedInstance[] {
  return byId(world.purgedInstances, (i) => i.InstanceId).filter(
    (i) => i.OwnerId === world.accountId && (name === undefined || i.Name === name) && (region === undefined || i.Region === region),
  );
}

const purgedLabel = (i: PurgedInstance): string => label(i.InstanceId, i.Name ?? undefined);
const purgedText = (i: PurgedInstance): string => `${purgedLabel(i)} was terminated and is no longer listed`;

function ownImages(world: World, name: string, region?: RegionName): Image[] {
  return byId(world.images, (i) => i.ImageId).filter(
    (i) => i.OwnerId === world.accountId && i.Name === name && (region === undefined || i.Region === region),
  );
}

const volumeLabel = (v: Volume): string => label(v.VolumeId, nameOf(v.Tags));
const snapshotLabel = (s: Snapshot): string => label(s.SnapshotId, nameOf(s.Tags));
const instanceLabel = (i: Instance): string => label(i.InstanceId, nameOf(i.Tags));

/** "a", "a and b", "a, b and 3 more" */
function list(items: readonly string[], max = 3): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > max) return `${items.slice(0, max - 1).join(', ')} and ${items.length - max + 1} more`;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function usd(amount: number): string {
  return `$${amount.toFixed(4).replace(/0{1,2}$/, '')}`;
}

/** Trailing newlines don't count: `echo` adds one, a learner's expected text usually has none. */
const sameText = (a: string, b: string): boolean => a.replace(/\n+$/, '') === b.replace(/\n+$/, '');

function quote(text: string): string {
  const shown = text.replace(/\n+$/, '');
  return JSON.stringify(shown.length > 60 ? `${shown.slice(0, 57)}...` : shown);
}

function pendingSnapshotReason(world: World, pending: readonly Snapshot[]): string {
  const first = pending[0] as Snapshot;
  const more = pending.length > 1 ? ` (and ${plural(pending.length - 1, 'other')})` : '';
  return `${snapshotLabel(first)} is still pending (${snapshotProgress(world, first)})${more}`;
}

function defineGoal<P extends object>(definition: GoalDefinition<P>): GoalDefinition<P> {
  return definition;
}

// ---------------------------------------------------------------------------------------------
// The goals

const snapshotCompleted = defineGoal<{ volumeName?: string; snapshotName?: string; region?: RegionName }>({
  id: 'snapshotCompleted',
  summary: 'A completed snapshot exists: of the volume with this Name tag, or with this Name tag itself.',
  params: {
    volumeName: {
      type: 'name',
      optional: true,
      doc: 'Name tag of the source volume (it must still exist; copies in another Region keep no link to it, so check those with snapshotName).',
    },
    snapshotName: { type: 'name', optional: true, doc: 'Name tag of the snapshot.' },
    region: { type: 'region', optional: true, doc: 'Region the snapshot must be in; any Region when absent.' },
  },
  refine: (p) => ((p.volumeName === undefined) === (p.snapshotName === undefined) ? 'give exactly one of volumeName and snapshotName' : null),
  describe: (p) =>
    p.volumeName !== undefined
      ? `A completed snapshot of the ${p.volumeName} volume exists${inRegion(p.region)}`
      : `The ${p.snapshotName ?? ''} snapshot exists and is completed${inRegion(p.region)}`,
  check(world, p) {
    if (p.snapshotName !== undefined) {
      const named = ownSnapshots(world, p.region).filter((s) => nameOf(s.Tags) === p.snapshotName);
      const done = named.find((s) => s.State === 'completed');
      if (done) return { met: true, because: `${snapshotLabel(done)} is completed` };
      if (named.length > 0) return { met: false, because: pendingSnapshotReason(world, named) };
      return { met: false, because: `no snapshot is named ${p.snapshotName}${inRegion(p.region)}` };
    }
    const volumes = ownVolumes(world, p.volumeName ?? '');
    if (volumes.length === 0) return { met: false, because: `no volume is named ${p.volumeName ?? ''}` };
    const ids = new Set(volumes.map((v) => v.VolumeId));
    const snapshots = ownSnapshots(world, p.region).filter((s) => ids.has(s.VolumeId));
    const done = snapshots.find((s) => s.State === 'completed');
    const volumesText = list(volumes.map(volumeLabel));
    if (done) return { met: true, because: `${done.SnapshotId} of ${volumeLabel(world.volumes[done.VolumeId] as Volume)} is completed` };
    if (snapshots.length > 0) {
      return { met: false, because: `no snapshot of ${volumesText} is completed yet: ${pendingSnapshotReason(world, snapshots)}` };
    }
    return { met: false, because: `${volumesText} ${volumes.length === 1 ? 'has' : 'have'} no snapshot${inRegion(p.region)} yet` };
  },
});

const volumeInAz = defineGoal<{ volumeName: string; az: string }>({
  id: 'volumeInAz',
  summary: 'A volume with this Name tag is available or in use in this Availability Zone.',
  params: {
    volumeName: { type: 'name', doc: 'Name tag of the volume.' },
    az: { type: 'zone', doc: 'Availability Zone the volume must be in.' },
  },
  describe: (p) => `The ${p.volumeName} volume is in ${p.az}`,
  check(world, p) {
    const volumes = ownVolumes(world, p.volumeName);
    if (volumes.length === 0) return { met: false, because: `no volume is named ${p.volumeName}` };
    const here = volumes.filter((v) => v.AvailabilityZone === p.az);
    const ready = here.find((v) => v.State === 'available' || v.State === 'in-use');
    if (ready) return { met: true, because: `${volumeLabel(ready)} is ${ready.State} in ${p.az}` };
    const first = here[0];
    if (first) return { met: false, because: `${volumeLabel(first)} is in ${p.az} but still ${first.State}` };
    const zones = [...new Set(volumes.map((v) => v.AvailabilityZone))];
    return { met: false, because: `${list(volumes.map(volumeLabel))} ${volumes.length === 1 ? 'is' : 'are'} in ${list(zones)}, not ${p.az}` };
  },
});

const imageAvailable = defineGoal<{ imageName: string; region?: RegionName }>({
  id: 'imageAvailable',
  summary: 'One of your AMIs with this name is available (in this Region, if given).',
  params: {
    imageName: { type: 'name', doc: 'AMI name (create-image --name).' },
    region: { type: 'region', optional: true, doc: 'Region the AMI must be in; any Region when absent.' },
  },
  describe: (p) => `The ${p.imageName} AMI is available${inRegion(p.region)}`,
  check(world, p) {
    const images = ownImages(world, p.imageName, p.region);
    const available = images.find((i) => i.State === 'available');
    if (available) return { met: true, because: `${available.ImageId} (${p.imageName}) is available in ${available.Region}` };
    const pending = images.find((i) => i.State === 'pending');
    if (pending) {
      const waiting = pending.BlockDeviceMappings.flatMap((m) => {
        const snapshot = m.Ebs?.SnapshotId ? world.snapshots[m.Ebs.SnapshotId] : undefined;
        return snapshot && snapshot.State === 'pending' ? [`${snapshot.SnapshotId} at ${snapshotProgress(world, snapshot)}`] : [];
      });
      const why = waiting.length > 0 ? `: it waits for its ${waiting.length === 1 ? 'snapshot' : 'snapshots'} ${list(waiting)}` : '';
      return { met: false, because: `${pending.ImageId} (${p.imageName}) is still pending${why}` };
    }
    const other = images[0];
    if (other) return { met: false, because: `${other.ImageId} (${p.imageName}) is ${other.State}` };
    const elsewhere = p.region === undefined ? [] : ownImages(world, p.imageName).filter((i) => i.State !== 'deregistered');
    const hint = elsewhere[0] ? ` (${elsewhere[0].ImageId} has that name in ${elsewhere[0].Region})` : '';
    return { met: false, because: `no AMI of yours is named ${p.imageName}${inRegion(p.region)}${hint}` };
  },
});

const instanceRunningFromImage = defineGoal<{ imageName: string; instanceName?: string; region?: RegionName }>({
  id: 'instanceRunningFromImage',
  summary: 'An instance (with this Name tag, if given) launched from an AMI with this name is running.',
  params: {
    imageName: { type: 'name', doc: 'AMI name the instance was launched from (yours or a public one).' },
    instanceName: { type: 'name', optional: true, doc: 'Name tag of the instance; any instance when absent.' },
    region: { type: 'region', optional: true, doc: 'Region the instance must be in; any Region when absent.' },
  },
  describe: (p) =>
    `${p.instanceName === undefined ? 'An instance' : `The ${p.instanceName} instance`} launched from the ${p.imageName} AMI is running${inRegion(p.region)}`,
  check(world, p) {
    const images = byId(world.images, (i) => i.ImageId).filter((i) => i.Name === p.imageName);
    if (images.length === 0) return { met: false, because: `no AMI is named ${p.imageName}` };
    const imageIds = new Set(images.map((i) => i.ImageId));
    const candidates = ownInstances(world, p.instanceName, p.region);
    const launched = candidates.filter((i) => imageIds.has(i.ImageId));
    const running = launched.find((i) => i.State === 'running');
    if (running) return { met: true, because: `${instanceLabel(running)} is running from ${running.ImageId} (${p.imageName})` };
    const other = launched[0];
    if (other) return { met: false, because: `${instanceLabel(other)}, launched from ${other.ImageId} (${p.imageName}), is ${other.State}` };
    const named = p.instanceName === undefined ? undefined : candidates[0];
    if (named) {
      const source = world.images[named.ImageId];
      return { met: false, because: `${instanceLabel(named)} was launched from ${label(named.ImageId, source?.Name)}, not from ${p.imageName}` };
    }
    // Nothing listed: one may have been terminated and purged since (AWS lists terminated instances for about an hour).
    const purged = ownPurgedInstances(world, p.instanceName, p.region);
    const gone = purged.find((i) => imageIds.has(i.ImageId)) ?? (p.instanceName === undefined ? undefined : purged[0]);
    if (gone) {
      if (!imageIds.has(gone.ImageId)) return { met: false, because: purgedText(gone) };
      return { met: false, because: `${purgedLabel(gone)}, launched from ${gone.ImageId} (${p.imageName}), was terminated and is no longer listed` };
    }
    if (p.instanceName !== undefined) return { met: false, because: `no instance is named ${p.instanceName}${inRegion(p.region)}` };
    return { met: false, because: `no instance was launched from ${p.imageName}${inRegion(p.region)} yet` };
  },
});

const instanceInState = defineGoal<{ instanceName: string; state: InstanceStateName }>({
  id: 'instanceInState',
  summary:
    'An instance with this Name tag is in this state (pending, running, stopping, stopped, shutting-down, terminated). A terminated instance still counts after AWS stops listing it, about an hour later.',
  params: {
    instanceName: { type: 'name', doc: 'Name tag of the instance.' },
    state: { type: 'instanceState', doc: 'Instance state name.' },
  },
  describe: (p) => `The ${p.instanceName} instance is ${p.state}`,
  check(world, p) {
    const instances = ownInstances(world, p.instanceName);
    const match = instances.find((i) => i.State === p.state);
    if (match) return { met: true, because: `${instanceLabel(match)} is ${p.state}` };
    // A terminated instance stays terminated after AWS stops listing it.
    const purged = ownPurgedInstances(world, p.instanceName);
    const gone = purged[0];
    if (gone && p.state === 'terminated') return { met: true, because: purgedText(gone) };
    if (instances.length === 0 && purged.length === 0) return { met: false, because: `no instance is named ${p.instanceName}` };
    return { met: false, because: list([...instances.map((i) => `${instanceLabel(i)} is ${i.State}`), ...purged.map(purgedText)]) };
  },
});

const fileOnInstance = defineGoal<{ instanceName: string; path: string; content?: string }>({
  id: 'fileOnInstance',
  summary: 'A file exists at this path on an instance with this Name tag (with this content, if given), on any of its attached volumes.',
  params: {
    instanceName: { type: 'name', doc: 'Name tag of the instance (not terminated).' },
    path: { type: 'path', doc: 'Absolute path as seen on the instance (data volumes are mounted at /mnt/sdX).' },
    content: { type: 'text', optional: true, doc: 'Expected content; trailing newlines are ignored.' },
  },
  describe: (p) => `The ${p.instanceName} instance has ${p.path}${p.content === undefined ? '' : ` containing ${quote(p.content)}`}`,
  check(world, p) {
    const instances = ownInstances(world, p.instanceName).filter((i) => i.State !== 'terminated' && i.State !== 'shutting-down');
    if (instances.length === 0) return { met: false, because: `no instance named ${p.instanceName} is left (none, or only terminated ones)` };
    const findings = instances.map((instance) => ({ instance, content: fileAt(world, instance, p.path) }));
    const found = findings.find((f) => f.content !== undefined && (p.content === undefined || sameText(f.content, p.content)));
    if (found) return { met: true, because: `${p.path} on ${instanceLabel(found.instance)} ${p.content === undefined ? 'exists' : `contains ${quote(p.content)}`}` };
    const other = findings.find((f) => f.content !== undefined);
    if (other) return { met: false, because: `${p.path} on ${instanceLabel(other.instance)} contains ${quote(other.content ?? '')}, not ${quote(p.content ?? '')}` };
    return { met: false, because: `${list(instances.map(instanceLabel))} ${instances.length === 1 ? 'has' : 'have'} no file ${p.path}` };
  },
});

/** Content of the file at an absolute path on an instance's attached volumes (the innermost mount wins). */
function fileAt(world: World, instance: Instance, path: string): string | undefined {
  for (const mount of mountsOf(world, instance)) {
    const rel = mount.MountPoint === '/' ? path : path.startsWith(`${mount.MountPoint}/`) ? path.slice(mount.MountPoint.length) : undefined;
    if (rel === undefined) continue;
    return filesOfBlocks(world, mount.Volume.Blocks).find((f) => f.Path === rel)?.Content;
  }
  return undefined;
}

const fileOnVolume = defineGoal<{ volumeName: string; path: string; content?: string }>({
  id: 'fileOnVolume',
  summary: "A file exists at this path of a volume with this Name tag (path from the volume's own root), attached or not.",
  params: {
    volumeName: { type: 'name', doc: 'Name tag of the volume.' },
    path: { type: 'path', doc: "Path from the volume's root: /notes.txt for a data volume mounted at /mnt/sdf that shows it as /mnt/sdf/notes.txt." },
    content: { type: 'text', optional: true, doc: 'Expected content; trailing newlines are ignored.' },
  },
  describe: (p) => `The ${p.volumeName} volume holds ${p.path}${p.content === undefined ? '' : ` containing ${quote(p.content)}`}`,
  check(world, p) {
    const volumes = ownVolumes(world, p.volumeName).filter((v) => v.State !== 'deleting');
    if (volumes.length === 0) return { met: false, because: `no volume is named ${p.volumeName}` };
    const findings = volumes.map((volume) => ({ volume, content: filesOfBlocks(world, volume.Blocks).find((f) => f.Path === p.path)?.Content }));
    const found = findings.find((f) => f.content !== undefined && (p.content === undefined || sameText(f.content, p.content)));
    if (found) return { met: true, because: `${volumeLabel(found.volume)} holds ${p.path}${p.content === undefined ? '' : ` containing ${quote(p.content)}`}` };
    const other = findings.find((f) => f.content !== undefined);
    if (other) return { met: false, because: `${p.path} on ${volumeLabel(other.volume)} contains ${quote(other.content ?? '')}, not ${quote(p.content ?? '')}` };
    return { met: false, because: `${list(volumes.map(volumeLabel))} ${volumes.length === 1 ? 'holds' : 'hold'} no file ${p.path}` };
  },
});

const snapshotCount = defineGoal<{ volumeName?: string; region?: RegionName; min?: number; max?: number }>({
  id: 'snapshotCount',
  summary: 'The number of your snapshots (of the volume with this Name tag, if given) is within min..max.',
  params: {
    volumeName: { type: 'name', optional: true, doc: 'Name tag of the source volume; all your snapshots when absent.' },
    region: { type: 'region', optional: true, doc: 'Count only this Region; both when absent.' },
    min: { type: 'count', optional: true, doc: 'At least this many.' },
    max: { type: 'count', optional: true, doc: 'At most this many.' },
  },
  refine: (p) =>
    p.min === undefined && p.max === undefined
      ? 'give min, max or both'
      : p.min !== undefined && p.max !== undefined && p.min > p.max
        ? `min (${p.min}) is larger than max (${p.max})`
        : null,
  describe(p) {
    const of = `${p.volumeName === undefined ? '' : ` of the ${p.volumeName} volume`}`;
    const exist = (n: number): string => `${plural(n, 'snapshot')}${of} ${n === 1 ? 'exists' : 'exist'}${inRegion(p.region)}`;
    if (p.min !== undefined && p.max !== undefined) {
      return p.min === p.max ? `Exactly ${exist(p.min)}` : `Between ${p.min} and ${exist(p.max)}`;
    }
    return p.min !== undefined ? `At least ${exist(p.min)}` : `At most ${exist(p.max ?? 0)}`;
  },
  check(world, p) {
    let snapshots = ownSnapshots(world, p.region);
    if (p.volumeName !== undefined) {
      const ids = new Set(ownVolumes(world, p.volumeName).map((v) => v.VolumeId));
      snapshots = snapshots.filter((s) => ids.has(s.VolumeId));
    }
    const n = snapshots.length;
    const met = (p.min === undefined || n >= p.min) && (p.max === undefined || n <= p.max);
    const of = p.volumeName === undefined ? '' : ` of the ${p.volumeName} volume`;
    const which = n === 0 ? '' : `: ${list(snapshots.map(snapshotLabel))}`;
    return { met, because: `there ${n === 1 ? 'is' : 'are'} ${plural(n, 'snapshot')}${of}${inRegion(p.region)}${which}` };
  },
});

const imageDeregistered = defineGoal<{ imageName: string; region?: RegionName }>({
  id: 'imageDeregistered',
  summary: 'No AMI of yours with this name is registered (pending, available or disabled). Also met if it never existed: pair it with a goal showing it was made.',
  params: {
    imageName: { type: 'name', doc: 'AMI name.' },
    region: { type: 'region', optional: true, doc: 'Look only in this Region; both when absent.' },
  },
  describe: (p) => `The ${p.imageName} AMI is deregistered${inRegion(p.region)}`,
  check(world, p) {
    const images = ownImages(world, p.imageName, p.region);
    const registered = images.filter((i) => i.State !== 'deregistered');
    if (registered.length > 0) return { met: false, because: list(registered.map((i) => `${i.ImageId} (${p.imageName}) is still ${i.State}`)) };
    const gone = images[0];
    return { met: true, because: gone ? `${gone.ImageId} (${p.imageName}) is deregistered` : `no AMI named ${p.imageName} is registered${inRegion(p.region)}` };
  },
});

const snapshotDeleted = defineGoal<{ snapshotName: string; region?: RegionName }>({
  id: 'snapshotDeleted',
  summary: 'No snapshot of yours with this Name tag is left. Also met if it never existed: pair it with a goal showing it was made.',
  params: {
    snapshotName: { type: 'name', doc: 'Name tag of the snapshot.' },
    region: { type: 'region', optional: true, doc: 'Look only in this Region; both when absent.' },
  },
  describe: (p) => `The ${p.snapshotName} snapshot is deleted${inRegion(p.region)}`,
  check(world, p) {
    const named = namedSnapshots(world, p.snapshotName, p.region);
    if (named.length === 0) return { met: true, because: `no snapshot named ${p.snapshotName} is left${inRegion(p.region)}` };
    return {
      met: false,
      because: list(
        named.map((s) =>
          s.DeleteOnComplete ? `${snapshotLabel(s)} is still pending and will be deleted when it completes` : `${snapshotLabel(s)} still exists (${s.State})`,
        ),
      ),
    };
  },
});

/**
 * Why a snapshot is orphaned, or null. Orphaned: no registered AMI uses it, and what it was made
 * for is gone: an AMI that has been deregistered, or its source volume (for a copy, its source
 * snapshot). It keeps costing money while nothing can use it without being pointed at it by id.
 */
function orphanReason(world: World, s: Snapshot): string | null {
  if (imagesUsing(world, s.SnapshotId).length > 0) return null;
  const formerImage = byId(world.images, (i) => i.ImageId).find(
    (i) => i.State === 'deregistered' && i.BlockDeviceMappings.some((m) => m.Ebs?.SnapshotId === s.SnapshotId),
  );
  if (formerImage) return `${snapshotLabel(s)} belonged to the deregistered AMI ${formerImage.ImageId} (${formerImage.Name}) and nothing uses it now`;
  if (s.CopiedFrom !== null) {
    return world.snapshots[s.CopiedFrom] === undefined ? `${snapshotLabel(s)} is a copy of ${s.CopiedFrom}, which no longer exists, and no AMI uses it` : null;
  }
  return world.volumes[s.VolumeId] === undefined ? `${snapshotLabel(s)} is of ${s.VolumeId}, which no longer exists, and no AMI uses it` : null;
}

const noOrphanedSnapshots = defineGoal<{ region?: RegionName }>({
  id: 'noOrphanedSnapshots',
  summary:
    'None of your snapshots is orphaned: unused by any registered AMI while the AMI it was made for is deregistered, or its source volume (for a copy, its source snapshot) is gone.',
  params: {
    region: { type: 'region', optional: true, doc: 'Look only in this Region; both when absent.' },
  },
  describe: (p) => `No orphaned snapshots are left${inRegion(p.region)}`,
  check(world, p) {
    const snapshots = ownSnapshots(world, p.region);
    const orphans = snapshots.flatMap((s) => orphanReason(world, s) ?? []);
    if (orphans.length > 0) return { met: false, because: list(orphans, 2) };
    const where = inRegion(p.region);
    if (snapshots.length === 0) return { met: true, because: `you have no snapshots${where}` };
    const whose = snapshots.length === 1 ? `your only snapshot${where}` : `each of your ${snapshots.length} snapshots${where}`;
    return { met: true, because: `${whose} is still used by an AMI or still has its source` };
  },
});

const monthlySnapshotCostBelow = defineGoal<{ usd: number; region?: RegionName }>({
  id: 'monthlySnapshotCostBelow',
  summary: 'Your snapshot storage costs less than this many US dollars a month (us-east-1 list prices, on stored blocks).',
  params: {
    usd: { type: 'usd', doc: 'Monthly amount in US dollars that the cost must stay below.' },
    region: { type: 'region', optional: true, doc: 'Count only this Region; both when absent.' },
  },
  describe: (p) => `Snapshot storage${inRegion(p.region)} costs less than ${usd(p.usd)} a month`,
  check(world, p) {
    let cost = 0;
    let bytes = 0;
    for (const region of p.region === undefined ? REGIONS : [p.region]) {
      // DescribeStorage is the simulator's own ledger, so the goal and the cost meter never disagree.
      const result = execute(world, { action: 'DescribeStorage', region });
      if (!result.ok) return { met: false, because: `the storage ledger could not be read: ${result.error.Message}` };
      const ledger = result.output as { MonthlyCostUSD: number; TotalStoredBytes: number };
      cost += ledger.MonthlyCostUSD;
      bytes += ledger.TotalStoredBytes;
    }
    const stored = `${Math.round(bytes / 1024 ** 3)} GiB stored`;
    return cost < p.usd
      ? { met: true, because: `snapshot storage costs ${usd(cost)} a month (${stored}), below ${usd(p.usd)}` }
      : { met: false, because: `snapshot storage costs ${usd(cost)} a month (${stored}), not below ${usd(p.usd)}` };
  },
});

const volumeRestoredAttached = defineGoal<{ instanceName: string; snapshotName?: string; device?: string }>({
  id: 'volumeRestoredAttached',
  summary:
    'A volume created from a snapshot (the one with this Name tag, if given) is attached to the instance with this Name tag (at this device, if given). Writing the files back by hand does not meet it.',
  params: {
    instanceName: { type: 'name', doc: 'Name tag of the instance (not terminated).' },
    snapshotName: { type: 'name', optional: true, doc: 'Name tag of the snapshot the volume must come from; any snapshot when absent.' },
    device: { type: 'device', optional: true, doc: 'Device name the volume must be attached at, e.g. /dev/sdf; any device when absent.' },
  },
  describe: (p) =>
    `A volume restored from ${p.snapshotName === undefined ? 'a snapshot' : `the ${p.snapshotName} snapshot`} is attached to ${p.instanceName}${p.device === undefined ? '' : ` at ${p.device}`}`,
  check(world, p) {
    const instances = ownInstances(world, p.instanceName).filter((i) => i.State !== 'terminated' && i.State !== 'shutting-down');
    if (instances.length === 0) return { met: false, because: `no instance named ${p.instanceName} is left (none, or only terminated ones)` };
    const ids = new Set(instances.map((i) => i.InstanceId));
    const attached = byId(world.volumes, (v) => v.VolumeId).filter(
      (v) => v.Attachment !== null && ids.has(v.Attachment.InstanceId) && (p.device === undefined || v.Attachment.Device === p.device),
    );
    const source = (v: Volume): Snapshot | undefined => (v.SnapshotId === '' ? undefined : world.snapshots[v.SnapshotId]);
    const fits = (v: Volume): boolean => {
      const snapshot = source(v);
      return snapshot !== undefined && (p.snapshotName === undefined || nameOf(snapshot.Tags) === p.snapshotName);
    };
    const restored = attached.filter(fits);
    const where = (v: Volume): string => `${instanceLabel(world.instances[v.Attachment?.InstanceId ?? ''] as Instance)} at ${v.Attachment?.Device ?? ''}`;
    const done = restored.find((v) => v.Attachment?.State === 'attached');
    if (done) return { met: true, because: `${volumeLabel(done)}, created from ${snapshotLabel(source(done) as Snapshot)}, is attached to ${where(done)}` };
    const attaching = restored[0];
    if (attaching) return { met: false, because: `${volumeLabel(attaching)} is still ${attaching.Attachment?.State ?? 'attaching'} to ${where(attaching)}` };
    const wanted = p.snapshotName === undefined ? 'a snapshot' : `the ${p.snapshotName} snapshot`;
    const other = attached[0];
    if (other) {
      const from = source(other);
      const origin = other.SnapshotId === '' ? 'was created empty' : `was created from ${from === undefined ? other.SnapshotId : snapshotLabel(from)}`;
      return { met: false, because: `${volumeLabel(other)} at ${other.Attachment?.Device ?? ''} ${origin}, not from ${wanted}` };
    }
    const on = list(instances.map(instanceLabel));
    return { met: false, because: p.device === undefined ? `no volume created from ${wanted} is attached to ${on}` : `nothing is attached to ${on} at ${p.device}` };
  },
});

/** Own snapshots with this Name tag (including ones being deleted, which still exist). */
function namedSnapshots(world: World, name: string, region?: RegionName): Snapshot[] {
  return byId(world.snapshots, (s) => s.SnapshotId).filter(
    (s) => s.OwnerId === world.accountId && nameOf(s.Tags) === name && (region === undefined || s.Region === region),
  );
}

const TIER_WORDING: Record<Snapshot['Tier'], string> = {
  standard: 'is in the standard tier',
  archiving: 'is still being moved to the archive tier',
  archived: 'is archived',
  restoring: 'is archived and being restored',
  'temporary-restored': 'is temporarily restored to the standard tier (its archived copy remains)',
};

const snapshotArchived = defineGoal<{ snapshotName: string; region?: RegionName }>({
  id: 'snapshotArchived',
  summary: 'A snapshot of yours with this Name tag is in the archive tier (archival finished, not being restored).',
  params: {
    snapshotName: { type: 'name', doc: 'Name tag of the snapshot.' },
    region: { type: 'region', optional: true, doc: 'Region of the snapshot; any Region when absent.' },
  },
  describe: (p) => `The ${p.snapshotName} snapshot is archived${inRegion(p.region)}`,
  check(world, p) {
    const named = namedSnapshots(world, p.snapshotName, p.region);
    if (named.length === 0) return { met: false, because: `no snapshot is named ${p.snapshotName}${inRegion(p.region)}` };
    const archived = named.find((s) => s.Tier === 'archived');
    if (archived) return { met: true, because: `${snapshotLabel(archived)} is archived` };
    return { met: false, because: list(named.map((s) => `${snapshotLabel(s)} ${s.State === 'pending' ? 'is still pending' : TIER_WORDING[s.Tier]}`)) };
  },
});

const shareWording = (grantee: string): string => (grantee === 'public' ? 'publicly' : `with ${grantee}`);

function describeSharing(grantees: readonly string[]): string {
  if (grantees.length === 0) return 'it is not shared with anyone';
  return `it is shared ${list(grantees.map((g) => (g === 'all' ? 'publicly' : `with ${g}`)))}`;
}

const snapshotShared = defineGoal<{ snapshotName: string; with: string }>({
  id: 'snapshotShared',
  summary: 'A snapshot of yours with this Name tag has a create-volume permission for this account, or is public.',
  params: {
    snapshotName: { type: 'name', doc: 'Name tag of the snapshot.' },
    with: { type: 'grantee', doc: 'The 12-digit account id it must be shared with, or "public".' },
  },
  describe: (p) => `The ${p.snapshotName} snapshot is shared ${shareWording(p.with)}`,
  check(world, p) {
    const named = namedSnapshots(world, p.snapshotName);
    if (named.length === 0) return { met: false, because: `no snapshot is named ${p.snapshotName}` };
    const grant = p.with === 'public' ? 'all' : p.with;
    const shared = named.find((s) => s.CreateVolumePermissions.includes(grant));
    if (shared) return { met: true, because: `${snapshotLabel(shared)} is shared ${shareWording(p.with)}` };
    return { met: false, because: list(named.map((s) => `${snapshotLabel(s)} is not shared ${shareWording(p.with)}: ${describeSharing(s.CreateVolumePermissions)}`)) };
  },
});

const imageShared = defineGoal<{ imageName: string; with: string; region?: RegionName }>({
  id: 'imageShared',
  summary: 'A registered AMI of yours with this name has a launch permission for this account, or is public.',
  params: {
    imageName: { type: 'name', doc: 'AMI name.' },
    with: { type: 'grantee', doc: 'The 12-digit account id it must be shared with, or "public".' },
    region: { type: 'region', optional: true, doc: 'Region of the AMI; any Region when absent.' },
  },
  describe: (p) => `The ${p.imageName} AMI is shared ${shareWording(p.with)}${inRegion(p.region)}`,
  check(world, p) {
    const images = ownImages(world, p.imageName, p.region).filter((i) => i.State !== 'deregistered');
    if (images.length === 0) return { met: false, because: `no registered AMI of yours is named ${p.imageName}${inRegion(p.region)}` };
    const grantees = (i: Image): string[] => [...(i.Public ? ['all'] : []), ...i.LaunchPermissions];
    const shared = images.find((i) => (p.with === 'public' ? i.Public : i.LaunchPermissions.includes(p.with)));
    if (shared) return { met: true, because: `${shared.ImageId} (${p.imageName}) is shared ${shareWording(p.with)}` };
    return { met: false, because: list(images.map((i) => `${i.ImageId} (${p.imageName}) is not shared ${shareWording(p.with)}: ${describeSharing(grantees(i))}`)) };
  },
});

const snapshotEncrypted = defineGoal<{ snapshotName: string; region?: RegionName }>({
  id: 'snapshotEncrypted',
  summary: 'A completed snapshot of yours with this Name tag is encrypted (e.g. an encrypted copy).',
  params: {
    snapshotName: { type: 'name', doc: 'Name tag of the snapshot.' },
    region: { type: 'region', optional: true, doc: 'Region of the snapshot; any Region when absent.' },
  },
  describe: (p) => `The ${p.snapshotName} snapshot is encrypted and completed${inRegion(p.region)}`,
  check(world, p) {
    const named = ownSnapshots(world, p.region).filter((s) => nameOf(s.Tags) === p.snapshotName);
    if (named.length === 0) return { met: false, because: `no snapshot is named ${p.snapshotName}${inRegion(p.region)}` };
    const encrypted = named.filter((s) => s.Encrypted);
    const done = encrypted.find((s) => s.State === 'completed');
    if (done) return { met: true, because: `${snapshotLabel(done)} is encrypted with ${done.KmsKeyId ?? 'the default KMS key'} and completed` };
    if (encrypted.length > 0) return { met: false, because: `${pendingSnapshotReason(world, encrypted)}; it is encrypted` };
    return { met: false, because: `${list(named.map(snapshotLabel))} ${named.length === 1 ? 'is' : 'are'} not encrypted` };
  },
});

// ---------------------------------------------------------------------------------------------
// Registry and checks

export const GOALS = {
  snapshotCompleted,
  volumeInAz,
  imageAvailable,
  instanceRunningFromImage,
  instanceInState,
  fileOnInstance,
  fileOnVolume,
  snapshotCount,
  imageDeregistered,
  snapshotDeleted,
  noOrphanedSnapshots,
  monthlySnapshotCostBelow,
  snapshotArchived,
  snapshotShared,
  imageShared,
  snapshotEncrypted,
  volumeRestoredAttached,
} as const;

export type GoalId = keyof typeof GOALS;
export const GOAL_IDS = Object.keys(GOALS) as GoalId[];

function definitionOf(id: string): GoalDefinition | undefined {
  return Object.hasOwn(GOALS, id) ? (GOALS[id as GoalId] as unknown as GoalDefinition) : undefined;
}

/** Checks a goal reference as written in challenge content; the error says what to fix. */
export function validateGoal(ref: unknown): { ok: true; goal: GoalRef } | { ok: false; error: string } {
  if (ref === null || typeof ref !== 'object' || Array.isArray(ref)) {
    return { ok: false, error: 'A goal must be an object like { id: "snapshotCompleted", params: { volumeName: "data" } }.' };
  }
  const { id, params = {} } = ref as { id?: unknown; params?: unknown };
  if (typeof id !== 'string') return { ok: false, error: `A goal needs an id, one of: ${GOAL_IDS.join(', ')}.` };
  const definition = definitionOf(id);
  if (!definition) return { ok: false, error: `Unknown goal "${id}". Known goals: ${GOAL_IDS.join(', ')}.` };
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    return { ok: false, error: `Goal ${id}: params must be an object.` };
  }
  const given = params as Record<string, unknown>;
  const specs = definition.params as Record<string, ParamSpec>;
  const known = Object.keys(specs);
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(specs, name)) {
      return { ok: false, error: `Goal ${id}: unknown parameter "${name}". Its parameters are ${known.join(', ')}.` };
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = given[name];
    if (value === undefined) {
      if (spec.optional) continue;
      return { ok: false, error: `Goal ${id}: parameter "${name}" is missing (${spec.doc})` };
    }
    const type = PARAM_TYPES[spec.type];
    if (!type.accepts(value)) {
      return { ok: false, error: `Goal ${id}: parameter "${name}" must be ${type.expected}, not ${JSON.stringify(value)}.` };
    }
  }
  const problem = definition.refine?.(given) ?? null;
  if (problem !== null) return { ok: false, error: `Goal ${id}: ${problem}.` };
  return { ok: true, goal: { id, params: { ...given } } };
}

/** Describes and checks a goal on a World; an invalid reference is reported, not thrown. */
export function evaluateGoal(world: World, ref: unknown): { ok: true; status: GoalStatus } | { ok: false; error: string } {
  const valid = validateGoal(ref);
  if (!valid.ok) return valid;
  const definition = definitionOf(valid.goal.id) as GoalDefinition;
  const { met, because } = definition.check(world, valid.goal.params);
  return { ok: true, status: { id: valid.goal.id, description: definition.describe(valid.goal.params), met, because } };
}
