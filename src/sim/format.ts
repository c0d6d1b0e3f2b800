// Records -> EC2 API response elements (the shapes the AWS CLI prints). Optional members that AWS
// omits when empty (Tags, KmsKeyId, ...) are omitted here too.
import { attachedVolumes } from './indexes.ts';
import { BLOCK_BYTES, holdsArchiveCopy } from './blocks.ts';
import { iso } from './world.ts';
import type { Attachment, BlockDeviceMapping, Image, Instance, InstanceStateName, Snapshot, Tag, Volume, World } from './types.ts';

export const INSTANCE_STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export function instanceState(name: InstanceStateName): { Code: number; Name: InstanceStateName } {
  return { Code: INSTANCE_STATE_CODES[name], Name: name };
}

function tagged<T extends object>(out: T, tags: readonly Tag[]): T & { Tags?: Tag[] } {
  return tags.length > 0 ? { ...out, Tags: tags.map((t) => ({ ...t })) } : out;
}

export function formatInstance(world: World, i: Instance, launchIndex = 0): Record<string, unknown> {
  const mappings = attachedVolumes(world, i.InstanceId)
    .sort((a, b) => ((a.Attachment?.Device ?? '') < (b.Attachment?.Device ?? '') ? -1 : 1))
    .map((v) => ({
      DeviceName: v.Attachment?.Device,
      Ebs: {
        AttachTime: iso(v.Attachment?.AttachTime ?? 0),
        DeleteOnTermination: v.Attachment?.DeleteOnTermination,
        Status: v.Attachment?.State,
        VolumeId: v.VolumeId,
      },
    }));
  return tagged(
    {
      AmiLaunchIndex: launchIndex,
      ImageId: i.ImageId,
      InstanceId: i.InstanceId,
      InstanceType: i.InstanceType,
      LaunchTime: iso(i.LaunchTime),
      Placement: { AvailabilityZone: i.AvailabilityZone, Tenancy: 'default' },
      State: instanceState(i.State),
      StateTransitionReason: '',
      Architecture: i.Architecture,
      BlockDeviceMappings: mappings,
      EbsOptimized: false,
      Hypervisor: 'xen',
      RootDeviceName: i.RootDeviceName,
      RootDeviceType: 'ebs',
      VirtualizationType: 'hvm',
    },
    i.Tags,
  );
}

export function formatAttachment(v: Volume, a: Attachment): Record<string, unknown> {
  return {
    AttachTime: iso(a.AttachTime),
    Device: a.Device,
    InstanceId: a.InstanceId,
    State: a.State,
    VolumeId: v.VolumeId,
    DeleteOnTermination: a.DeleteOnTermination,
  };
}

export function formatVolume(v: Volume): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Attachments: v.Attachment ? [formatAttachment(v, v.Attachment)] : [],
    AvailabilityZone: v.AvailabilityZone,
    CreateTime: iso(v.CreateTime),
    Encrypted: v.Encrypted,
    ...(v.KmsKeyId ? { KmsKeyId: v.KmsKeyId } : {}),
    Size: v.Size,
    SnapshotId: v.SnapshotId,
    ...(v.SnapshotId ? { FastRestored: v.FastRestored } : {}),
    State: v.State,
    VolumeId: v.VolumeId,
    ...(v.Iops !== null ? { Iops: v.Iops } : {}),
    VolumeType: v.VolumeType,
    MultiAttachEnabled: false,
    ...(v.Throughput !== null ? { Throughput: v.Throughput } : {}),
  };
  return tagged(out, v.Tags);
}

/** How much of a snapshot is copied, 0 to 100: whole percent, and 99 at most until it completes (as AWS reports it). */
export function snapshotPercent(world: World, s: Snapshot): number {
  if (s.State === 'completed') return 100;
  const span = Math.max(1, s.CompleteAt - s.StartTime);
  return Math.max(0, Math.min(99, Math.floor(((world.now - s.StartTime) / span) * 100)));
}

/** The snapshot's Progress as DescribeSnapshots gives it: "40%". */
export function snapshotProgress(world: World, s: Snapshot): string {
  return `${snapshotPercent(world, s)}%`;
}

export function formatSnapshot(world: World, s: Snapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Description: s.Description,
    Encrypted: s.Encrypted,
    ...(s.KmsKeyId ? { KmsKeyId: s.KmsKeyId } : {}),
    OwnerId: s.OwnerId,
    ...(s.OwnerAlias ? { OwnerAlias: s.OwnerAlias } : {}),
    Progress: snapshotProgress(world, s),
    SnapshotId: s.SnapshotId,
    StartTime: iso(s.StartTime),
    State: s.State,
    VolumeId: s.VolumeId,
    VolumeSize: s.VolumeSize,
    StorageTier: holdsArchiveCopy(s.Tier) && s.Tier !== 'temporary-restored' ? 'archive' : 'standard',
    ...(s.Tier === 'temporary-restored' && s.TierAt !== null ? { RestoreExpiryTime: iso(s.TierAt) } : {}),
    ...(s.State === 'completed' ? { FullSnapshotSizeInBytes: Object.keys(s.Image).length * BLOCK_BYTES } : {}),
  };
  return tagged(out, s.Tags);
}

function formatMapping(m: BlockDeviceMapping): Record<string, unknown> {
  if (m.VirtualName !== undefined) return { DeviceName: m.DeviceName, VirtualName: m.VirtualName };
  if (!m.Ebs) return { DeviceName: m.DeviceName, NoDevice: '' };
  return {
    DeviceName: m.DeviceName,
    Ebs: {
      DeleteOnTermination: m.Ebs.DeleteOnTermination,
      ...(m.Ebs.SnapshotId ? { SnapshotId: m.Ebs.SnapshotId } : {}),
      VolumeSize: m.Ebs.VolumeSize,
      VolumeType: m.Ebs.VolumeType,
      Encrypted: m.Ebs.Encrypted,
      ...(m.Ebs.KmsKeyId ? { KmsKeyId: m.Ebs.KmsKeyId } : {}),
    },
  };
}

export function formatImage(i: Image): Record<string, unknown> {
  const out: Record<string, unknown> = {
    Architecture: i.Architecture,
    CreationDate: iso(i.CreationDate),
    ImageId: i.ImageId,
    ImageLocation: `${i.ImageOwnerAlias ?? i.OwnerId}/${i.Name}`,
    ImageType: 'machine',
    Public: i.Public,
    OwnerId: i.OwnerId,
    PlatformDetails: i.PlatformDetails,
    UsageOperation: 'RunInstances',
    State: i.State,
    BlockDeviceMappings: i.BlockDeviceMappings.map(formatMapping),
    Description: i.Description,
    EnaSupport: true,
    Hypervisor: 'xen',
    ...(i.ImageOwnerAlias ? { ImageOwnerAlias: i.ImageOwnerAlias } : {}),
    Name: i.Name,
    RootDeviceName: i.RootDeviceName,
    RootDeviceType: i.RootDeviceType,
    SriovNetSupport: 'simple',
    VirtualizationType: i.VirtualizationType,
    ...(i.DeprecationTime !== null ? { DeprecationTime: iso(i.DeprecationTime) } : {}),
    ...(i.SourceInstanceId ? { SourceInstanceId: i.SourceInstanceId } : {}),
    ...(i.SourceImageId ? { SourceImageId: i.SourceImageId, SourceRegion: i.SourceRegion } : {}),
  };
  return tagged(out, i.Tags);
}
