// Read-only helpers for the Lab: what can be done to a resource right now (asked of execute() with
// DryRun, so no rule is re-derived here), the files held by snapshots, images and instances, and a
// cost summary that adds volumes to the snapshot ledger.
import { filesOfBlocks, type FileEntry } from './blocks.ts';
import { OTHER_ACCOUNT, REGIONS } from './catalog.ts';
import { execute, isReadOnlyAction } from './execute.ts';
import { prefixOf } from './ids.ts';
import { mountsOf } from './actions/files.ts';
import { accountSnapshotMonthlyUSD, accruedSnapshotStorageUSD, billedBlocks, roundUSD } from './ledger.ts';
import type { Ec2Error, RegionName, SimCall, Tag, World } from './types.ts';

export interface ActionCheck {
  action: string;
  /** The probe call (without DryRun): a reasonable default the Lab can prefill. */
  call: SimCall;
  ok: boolean;
  /** Why it would fail right now (the error the real call would return). */
  error?: Ec2Error;
}

const PROBE_NAME = 'lab-probe-image';

function otherRegion(region: RegionName): RegionName {
  return REGIONS.find((r) => r !== region) ?? region;
}

/** CreateTags probed with the resource's current Name; execute() refuses a resource of another account. */
function tagCall(region: RegionName, id: string, tags: readonly Tag[]): SimCall {
  const name = tags.find((t) => t.Key === 'Name')?.Value ?? '';
  return { action: 'CreateTags', region, params: { Resources: [id], Tags: [{ Key: 'Name', Value: name }] } };
}

function candidates(world: World, id: string): SimCall[] {
  switch (prefixOf(id)) {
    case 'i': {
      const i = world.instances[id];
      if (!i) return [];
      const region = i.Region;
      const ids = { InstanceIds: [id] };
      return [
        { action: 'StartInstances', region, params: ids },
        { action: 'StopInstances', region, params: ids },
        { action: 'RebootInstances', region, params: ids },
        { action: 'TerminateInstances', region, params: ids },
        { action: 'CreateImage', region, params: { InstanceId: id, Name: PROBE_NAME } },
        { action: 'CreateSnapshots', region, params: { InstanceSpecification: { InstanceId: id } } },
        { action: 'WriteFile', region, params: { InstanceId: id, Path: '/home/lab-probe.txt', Content: '' } },
        { action: 'InstallPackage', region, params: { InstanceId: id, Package: 'nginx' } },
        { action: 'ListFiles', region, params: { InstanceId: id } },
        tagCall(region, id, i.Tags),
      ];
    }
    case 'vol': {
      const v = world.volumes[id];
      if (!v) return [];
      const region = v.Region;
      // An instance of the volume's AZ if there is one; else one in another AZ, so the learner is
      // told why the volume cannot be attached there (InvalidVolume.ZoneMismatch).
      const candidatesInRegion = Object.values(world.instances).filter((i) => i.Region === region && (i.State === 'running' || i.State === 'stopped'));
      const target = candidatesInRegion.find((i) => i.AvailabilityZone === v.AvailabilityZone) ?? candidatesInRegion[0];
      const used = new Set(Object.values(world.volumes).filter((x) => x.Attachment?.InstanceId === target?.InstanceId).map((x) => x.Attachment?.Device));
      const device = ['f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p'].map((c) => `/dev/sd${c}`).find((d) => !used.has(d)) ?? '/dev/sdf';
      return [
        ...(target ? [{ action: 'AttachVolume', region, params: { VolumeId: id, InstanceId: target.InstanceId, Device: device } }] : []),
        { action: 'DetachVolume', region, params: { VolumeId: id } },
        { action: 'DeleteVolume', region, params: { VolumeId: id } },
        { action: 'CreateSnapshot', region, params: { VolumeId: id } },
        tagCall(region, id, v.Tags),
      ];
    }
    case 'snap': {
      const s = world.snapshots[id];
      if (!s) return [];
      const region = s.Region;
      return [
        { action: 'CreateVolume', region, params: { SnapshotId: id, AvailabilityZone: `${region}a` } },
        { action: 'CopySnapshot', region: otherRegion(region), params: { SourceRegion: region, SourceSnapshotId: id } },
        { action: 'DeleteSnapshot', region, params: { SnapshotId: id } },
        { action: 'ModifySnapshotAttribute', region, params: { SnapshotId: id, Attribute: 'createVolumePermission', OperationType: 'add', UserIds: [OTHER_ACCOUNT] } },
        { action: 'ModifySnapshotTier', region, params: { SnapshotId: id, StorageTier: 'archive' } },
        { action: 'RestoreSnapshotTier', region, params: { SnapshotId: id, PermanentRestore: true } },
        {
          action: 'RegisterImage',
          region,
          params: {
            Name: PROBE_NAME,
            RootDeviceName: '/dev/xvda',
            Architecture: 'x86_64',
            VirtualizationType: 'hvm',
            BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: id } }],
          },
        },
        tagCall(region, id, s.Tags),
      ];
    }
    case 'ami': {
      const img = world.images[id];
      if (!img) return [];
      const region = img.Region;
      return [
        { action: 'RunInstances', region, params: { ImageId: id, MinCount: 1, MaxCount: 1 } },
        { action: 'DeregisterImage', region, params: { ImageId: id } },
        { action: 'DisableImage', region, params: { ImageId: id } },
        { action: 'EnableImage', region, params: { ImageId: id } },
        { action: 'CopyImage', region: otherRegion(region), params: { SourceRegion: region, SourceImageId: id, Name: img.Name } },
        { action: 'ModifyImageAttribute', region, params: { ImageId: id, LaunchPermission: { Add: [{ UserId: OTHER_ACCOUNT }] } } },
        tagCall(region, id, img.Tags),
      ];
    }
    default:
      return [];
  }
}

/** True when a successful call did something: changed the World or reported an event (a reboot). */
function hadEffect(before: World, after: World, events: number): boolean {
  if (events > 0) return true;
  return (Object.keys(before) as Array<keyof World>).some((k) => before[k] !== after[k]);
}

/**
 * Every action the Lab offers for a resource, with whether it would succeed now and why not.
 * The answer is execute()'s own: the probe runs with DryRun, so no rule is re-derived here. A call
 * that would succeed is then run for real (execute is pure) to leave out ones that would change
 * nothing, such as StartInstances on a running instance.
 */
export function actionChecks(world: World, resourceId: string): ActionCheck[] {
  return candidates(world, resourceId).map((call) => {
    const dry = execute(world, { ...call, params: { ...call.params, DryRun: true } });
    if (!dry.ok && dry.error.Code !== 'DryRunOperation') return { action: call.action, call, ok: false, error: dry.error };
    if (isReadOnlyAction(call.action)) return { action: call.action, call, ok: true };
    const real = execute(world, call);
    return real.ok && hadEffect(world, real.world, real.events.length)
      ? { action: call.action, call, ok: true }
      : { action: call.action, call, ok: false, error: { Code: 'NoChange', Message: `${call.action} would succeed but change nothing now.` } };
  });
}

/** Names of the actions that would succeed right now on the resource. */
export function possibleActions(world: World, resourceId: string): string[] {
  return actionChecks(world, resourceId)
    .filter((c) => c.ok)
    .map((c) => c.action);
}

/** Files of a snapshot as of its start time (paths relative to the volume's root). */
export function filesOfSnapshot(world: World, snapshotId: string): FileEntry[] {
  const s = world.snapshots[snapshotId];
  return s ? filesOfBlocks(world, s.Image) : [];
}

/** Files an instance launched from the image would get, per mapped device. */
export function filesOfImage(world: World, imageId: string): Array<{ DeviceName: string; SnapshotId: string | null; Files: FileEntry[] }> {
  const img = world.images[imageId];
  if (!img) return [];
  return img.BlockDeviceMappings.filter((m) => m.Ebs).map((m) => ({
    DeviceName: m.DeviceName,
    SnapshotId: m.Ebs?.SnapshotId ?? null,
    Files: m.Ebs?.SnapshotId ? filesOfSnapshot(world, m.Ebs.SnapshotId) : [],
  }));
}

/** Files of an instance per attached volume (whatever its state), with where each volume is mounted. */
export function filesOfInstance(world: World, instanceId: string): Array<{ VolumeId: string; DeviceName: string; MountPoint: string; Files: FileEntry[] }> {
  const i = world.instances[instanceId];
  if (!i) return [];
  return mountsOf(world, i)
    .map((m) => ({ VolumeId: m.Volume.VolumeId, DeviceName: m.Volume.Attachment?.Device ?? '', MountPoint: m.MountPoint, Files: filesOfBlocks(world, m.Volume.Blocks) }))
    .sort((a, b) => (a.DeviceName < b.DeviceName ? -1 : 1));
}

/**
 * Example volume prices (GB-month) for the cost meter. MODEL CHOICE: the reference gives no volume
 * price; these are illustrative us-east-1 list prices, to be labelled as examples wherever shown.
 */
export const EXAMPLE_VOLUME_PRICES: Readonly<Record<string, number>> = { gp2: 0.1, gp3: 0.08, io1: 0.125, io2: 0.125, st1: 0.045, sc1: 0.015, standard: 0.05 };

export interface CostSummary {
  snapshotStandardGiB: number;
  snapshotArchiveGiB: number;
  volumeProvisionedGiB: number;
  snapshotMonthlyUSD: number;
  /** Uses EXAMPLE_VOLUME_PRICES (example prices, not from the reference). */
  volumeMonthlyUSD: number;
  /** Snapshot storage accrued so far plus one-off archive charges, from the World's ledger. */
  snapshotSpentUSD: number;
}

/** Account-wide cost across Regions: snapshots on stored blocks, volumes on provisioned size, and the ledger. */
export function costSummary(world: World): CostSummary {
  let standard = 0;
  let archive = 0;
  for (const s of Object.values(world.snapshots)) {
    if (s.OwnerId !== world.accountId) continue;
    const billed = billedBlocks(s);
    standard += billed.standard;
    archive += billed.archive;
  }
  let provisioned = 0;
  let volumeCost = 0;
  for (const v of Object.values(world.volumes)) {
    if (v.OwnerId !== world.accountId) continue;
    provisioned += v.Size;
    volumeCost += v.Size * (EXAMPLE_VOLUME_PRICES[v.VolumeType] ?? 0);
  }
  const charges = world.ledger.Charges.reduce((sum, c) => sum + c.USD, 0);
  return {
    snapshotStandardGiB: standard,
    snapshotArchiveGiB: archive,
    volumeProvisionedGiB: provisioned,
    snapshotMonthlyUSD: roundUSD(accountSnapshotMonthlyUSD(world)),
    volumeMonthlyUSD: roundUSD(volumeCost),
    snapshotSpentUSD: roundUSD(accruedSnapshotStorageUSD(world.ledger) + charges),
  };
}
