/** The text twin's rows: every resource of the World with its state and relations, as plain text. */
import type { World } from '../../sim/index.ts';
// The Progress the model reports for a snapshot (what DescribeSnapshots and the goal checklist say).
import { snapshotProgress } from '../../sim/format.ts';
import { visibleRegions } from '../../viz/layout.ts';

export interface ResourceRow {
  id: string;
  kind: 'Instance' | 'Volume' | 'Snapshot' | 'AMI';
  name: string;
  state: string;
  /**
   * AZ for instances and volumes, Region for snapshots and AMIs (they are regional), with what the
   * diagram's frames say about where those live (its frame labels are hidden from screen readers).
   */
  location: string;
  relations: string;
}

/**
 * The diagram's "Snapshots" frame note (stored by AWS in Amazon S3, replicated across the Region's
 * AZs) and "AMIs" frame (a registry), cut to fit a table cell on a 320 px phone.
 */
const snapshotStore = (region: string): string => `${region} (in Amazon S3, across its AZs)`;
const imageRegistry = (region: string): string => `registered in ${region}`;

const nameOf = (tags: ReadonlyArray<{ Key: string; Value: string }>): string => tags.find((t) => t.Key === 'Name')?.Value ?? '';

const byTime = <T,>(time: (t: T) => number, id: (t: T) => string) => (a: T, b: T): number =>
  time(a) - time(b) || (id(a) < id(b) ? -1 : 1);

export function resourceRows(world: World): ResourceRow[] {
  const rows: ResourceRow[] = [];
  const volumes = Object.values(world.volumes);
  for (const i of Object.values(world.instances).sort(byTime((x) => x.LaunchTime, (x) => x.InstanceId))) {
    const attached = volumes
      .filter((v) => v.Attachment?.InstanceId === i.InstanceId)
      .map((v) => `${v.VolumeId} at ${v.Attachment?.Device}${v.Attachment?.Device === i.RootDeviceName ? ' (root)' : ''}`);
    rows.push({
      id: i.InstanceId,
      kind: 'Instance',
      name: nameOf(i.Tags),
      state: i.State,
      location: i.AvailabilityZone,
      relations: [`from ${i.ImageId}`, attached.length > 0 ? `volumes ${attached.join(', ')}` : 'no volumes'].join('; '),
    });
  }
  for (const v of volumes.sort(byTime((x) => x.CreateTime, (x) => x.VolumeId))) {
    const a = v.Attachment;
    rows.push({
      id: v.VolumeId,
      kind: 'Volume',
      name: nameOf(v.Tags),
      state: a !== null && a.State !== 'attached' ? `${v.State} (${a.State})` : v.State,
      location: v.AvailabilityZone,
      relations: [
        `${v.Size} GiB ${v.VolumeType}`,
        a !== null ? `attached to ${a.InstanceId} at ${a.Device}` : 'not attached',
        v.SnapshotId ? `created from ${v.SnapshotId}` : '',
      ].filter(Boolean).join('; '),
    });
  }
  for (const s of Object.values(world.snapshots).filter((x) => x.OwnerId === world.accountId).sort(byTime((x) => x.StartTime, (x) => x.SnapshotId))) {
    const users = Object.values(world.images).filter((img) => img.State !== 'deregistered' && img.BlockDeviceMappings.some((m) => m.Ebs?.SnapshotId === s.SnapshotId));
    rows.push({
      id: s.SnapshotId,
      kind: 'Snapshot',
      name: nameOf(s.Tags),
      state:
        s.State === 'pending'
          ? `pending, ${snapshotProgress(world, s)} copied`
          : s.State === 'completed' && s.Tier !== 'standard'
            ? `completed (${s.Tier})`
            : s.State,
      location: snapshotStore(s.Region),
      relations: [
        `of ${s.CopiedFrom ?? s.VolumeId}${world.volumes[s.VolumeId] === undefined && s.CopiedFrom === null ? ' (volume deleted)' : ''}`,
        `${s.VolumeSize} GiB`,
        users.length > 0 ? `used by ${users.map((img) => img.ImageId).join(', ')}` : '',
      ].filter(Boolean).join('; '),
    });
  }
  // Public AMIs only of the Regions the diagram draws, so the table and the diagram list the same things.
  const regions = new Set(visibleRegions(world));
  for (const img of Object.values(world.images).sort(byTime((x) => (x.OwnerId === world.accountId ? 1 : 0) * x.CreationDate, (x) => x.ImageId))) {
    const own = img.OwnerId === world.accountId;
    if (!own && !regions.has(img.Region)) continue;
    const snapshots = img.BlockDeviceMappings.flatMap((m) => (m.Ebs?.SnapshotId ? [`${m.DeviceName} from ${m.Ebs.SnapshotId}`] : []));
    rows.push({
      id: img.ImageId,
      kind: 'AMI',
      name: own ? nameOf(img.Tags) || img.Name : img.Name,
      state: img.State,
      location: imageRegistry(img.Region),
      relations: own ? (snapshots.length > 0 ? `maps ${snapshots.join(', ')}` : 'maps no snapshot') : `public, owned by ${img.ImageOwnerAlias ?? img.OwnerId}`,
    });
  }
  return rows;
}
