/**
 * What the AMI anatomy reads from the World: the AMIs to open, each mapping entry of one with what
 * it points at, and what a launched instance got for that entry. Pure reads of the records; what
 * may be done (launch, deregister, delete a snapshot) is asked of the simulation.
 */
import type { Image, Instance, Snapshot, Volume, World } from '../../../sim/index.ts';
import { filesOfSnapshot } from '../../../sim/index.ts';
import { billedBlocks, snapshotMonthlyUSD } from '../../../sim/ledger.ts';

const nameTag = (tags: ReadonlyArray<{ Key: string; Value: string }>): string | null => tags.find((t) => t.Key === 'Name')?.Value ?? null;

/** The AMIs the learner can open: their own first (newest first), then the public catalogue ones. */
export function imagesOf(world: World): Image[] {
  const own = Object.values(world.images)
    .filter((i) => i.OwnerId === world.accountId)
    .sort((a, b) => b.CreationDate - a.CreationDate);
  const others = Object.values(world.images)
    .filter((i) => i.OwnerId !== world.accountId && i.Public)
    .sort((a, b) => (a.Region === b.Region ? a.Name.localeCompare(b.Name) : a.Region.localeCompare(b.Region)));
  return [...own, ...others];
}

/** The AMI whose Name tag or AMI name is `name`, else the first one imagesOf lists. */
export function findImage(world: World, name: string | undefined): Image | null {
  const images = imagesOf(world);
  return (name === undefined ? undefined : images.find((i) => nameTag(i.Tags) === name || i.Name === name)) ?? images[0] ?? null;
}

export function imageLabel(image: Image): string {
  return `${image.Name} (${image.ImageId}, ${image.Region}, owner ${image.ImageOwnerAlias ?? image.OwnerId})`;
}

/** Instances launched from the AMI that the World still lists, newest first. */
export function launchesOf(world: World, imageId: string): Instance[] {
  return Object.values(world.instances)
    .filter((i) => i.ImageId === imageId)
    .sort((a, b) => b.LaunchTime - a.LaunchTime);
}

export function instanceLabel(instance: Instance): string {
  const name = nameTag(instance.Tags);
  return name === null ? instance.InstanceId : `${name} (${instance.InstanceId})`;
}

export type MappingTarget =
  | { kind: 'snapshot'; snapshotId: string; size: number; volumeType: string; deleteOnTermination: boolean }
  | { kind: 'empty'; size: number; volumeType: string; deleteOnTermination: boolean }
  | { kind: 'instance-store'; virtualName: string }
  | { kind: 'no-device' };

/** What a launched instance has at the entry's device. */
export type LaunchedDisk =
  | { kind: 'volume'; volume: Volume }
  | { kind: 'instance-store' }
  | { kind: 'none' }
  /** An EBS entry with no volume at that device any more (deleted on termination, or detached). */
  | { kind: 'missing' };

export interface MappingRow {
  device: string;
  root: boolean;
  target: MappingTarget;
  launched: LaunchedDisk | null;
}

function targetOf(mapping: Image['BlockDeviceMappings'][number]): MappingTarget {
  if (mapping.Ebs) {
    const base = { size: mapping.Ebs.VolumeSize, volumeType: mapping.Ebs.VolumeType, deleteOnTermination: mapping.Ebs.DeleteOnTermination };
    return mapping.Ebs.SnapshotId === null ? { kind: 'empty', ...base } : { kind: 'snapshot', snapshotId: mapping.Ebs.SnapshotId, ...base };
  }
  return mapping.VirtualName !== undefined ? { kind: 'instance-store', virtualName: mapping.VirtualName } : { kind: 'no-device' };
}

/** The AMI's block device mapping, each entry with what `instance` (launched from it) got there. */
export function mappingRows(world: World, image: Image, instance: Instance | null): MappingRow[] {
  return image.BlockDeviceMappings.map((m) => {
    const target = targetOf(m);
    let launched: LaunchedDisk | null = null;
    if (instance !== null) {
      if (target.kind === 'instance-store') launched = { kind: 'instance-store' };
      else if (target.kind === 'no-device') launched = { kind: 'none' };
      else {
        const volume = (world.attachments[instance.InstanceId] ?? [])
          .map((id) => world.volumes[id])
          .find((v) => v?.Attachment?.Device === m.DeviceName);
        launched = volume ? { kind: 'volume', volume } : { kind: 'missing' };
      }
    }
    return { device: m.DeviceName, root: m.DeviceName === image.RootDeviceName, target, launched };
  });
}

export interface SnapshotFacts {
  snapshot: Snapshot;
  name: string | null;
  /** GiB this snapshot stores itself (incremental blocks), and its monthly cost when the learner pays for it. */
  storedGiB: number;
  monthlyUSD: number | null;
  fileCount: number;
  /** Every AMI whose mapping names the snapshot, with its state. */
  mappedBy: Array<{ imageId: string; name: string; state: string }>;
}

export function snapshotFacts(world: World, snapshotId: string): SnapshotFacts | null {
  const snapshot = world.snapshots[snapshotId];
  if (!snapshot) return null;
  const own = snapshot.OwnerId === world.accountId;
  return {
    snapshot,
    name: nameTag(snapshot.Tags),
    storedGiB: billedBlocks(snapshot).standard,
    monthlyUSD: own ? snapshotMonthlyUSD(snapshot) : null,
    fileCount: filesOfSnapshot(world, snapshotId).length,
    mappedBy: Object.values(world.images)
      .filter((i) => i.BlockDeviceMappings.some((m) => m.Ebs?.SnapshotId === snapshotId))
      .map((i) => ({ imageId: i.ImageId, name: i.Name, state: i.State })),
  };
}

export const formatUSD = (usd: number): string => `$${usd.toFixed(2)}`;
export const formatTime = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
