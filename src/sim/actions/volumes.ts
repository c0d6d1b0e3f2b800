// CreateVolume, DescribeVolumes, AttachVolume, DetachVolume, DeleteVolume (reference §2.3-2.6).
import { attachedVolumes } from '../indexes.ts';
import { checkIdFormat, getInstance, getSnapshot, getVolume, volumeNotFound, volumeVisible } from '../access.ts';
import { addRefs, keyIdentity } from '../blocks.ts';
import { DEFAULT_VOLUME_TYPE, VOLUME_SIZE_LIMITS } from '../catalog.ts';
import { DURATIONS } from '../durations.ts';
import { fail, invalidValue, missingParameter } from '../errors.ts';
import { formatAttachment, formatVolume } from '../format.ts';
import { nextFlatState, attachmentLifecycle, volumeLifecycle } from '../lifecycles.ts';
import { optBool, optInt, optString, optStringList, reqString, type Params } from '../params.ts';
import { compileFilters, readTagSpecifications, type FilterFields } from '../tagging.ts';
import type { RegionName, Snapshot, Tag, Volume, VolumeStateName } from '../types.ts';
import { zonesOf, type Tx } from '../world.ts';
import { zoneNameOf } from './account.ts';
import { takeFastRestoreCredit } from './fastrestore.ts';

/** The default KMS key (aws/ebs) of the account in a Region. MODEL CHOICE: shown as its alias ARN. */
export function defaultKmsKey(region: RegionName, accountId: string): string {
  return `arn:aws:kms:${region}:${accountId}:alias/aws/ebs`;
}

export function checkZone(region: RegionName, zone: string, label = 'AvailabilityZone'): void {
  if (!zonesOf(region).includes(zone)) {
    fail('InvalidZone.NotFound', `The zone '${zone}' does not exist. (${label}; zones in ${region}: ${zonesOf(region).join(', ')})`);
  }
}

export function checkVolumeType(type: string, label: string): void {
  if (!Object.hasOwn(VOLUME_SIZE_LIMITS, type)) invalidValue(label, type, `Valid types: ${Object.keys(VOLUME_SIZE_LIMITS).join(', ')}.`);
}

export function checkVolumeSize(type: string, size: number, label: string): void {
  const [min, max] = VOLUME_SIZE_LIMITS[type] ?? [1, 16384];
  if (size < min || size > max) {
    invalidValue(label, size, `Volume of type ${type} must be between ${min} and ${max} GiB.`);
  }
}

/** A snapshot usable as a volume source (I16): completed and in the standard tier. */
export function checkSnapshotUsable(s: Snapshot): void {
  if (s.State !== 'completed') fail('IncorrectState', `Snapshot is in invalid state - ${s.State}`);
  if (s.Tier === 'archived' || s.Tier === 'restoring') {
    fail('IncorrectState', `Snapshot '${s.SnapshotId}' is in the archive tier. Restore it with RestoreSnapshotTier before using it.`);
  }
}

/** Encryption of a new volume (I18): an encrypted source stays encrypted; KmsKeyId needs Encrypted. */
export function resolveEncryption(
  tx: Tx,
  source: Snapshot | null,
  encrypted: boolean | undefined,
  kmsKeyId: string | undefined,
): { Encrypted: boolean; KmsKeyId: string | null } {
  if (kmsKeyId !== undefined && encrypted !== true) {
    fail('InvalidParameterDependency', 'The parameter KmsKeyId requires the parameter Encrypted to be set.');
  }
  if (source?.Encrypted) return { Encrypted: true, KmsKeyId: kmsKeyId ?? source.KmsKeyId };
  if (encrypted) return { Encrypted: true, KmsKeyId: kmsKeyId ?? defaultKmsKey(tx.region, tx.world.accountId) };
  return { Encrypted: false, KmsKeyId: null };
}

export interface NewVolume {
  zone: string;
  size: number;
  type: string;
  iops?: number | undefined;
  throughput?: number | undefined;
  source: Snapshot | null;
  encrypted: boolean;
  kmsKeyId: string | null;
  state: VolumeStateName;
  tags: Tag[];
}

/** Creates a volume record holding the source snapshot's blocks; continues its lineage when B5 allows. */
export function createVolumeRecord(tx: Tx, spec: NewVolume): Volume {
  const id = tx.newId('vol');
  const source = spec.source;
  const sameLineage =
    source !== null &&
    source.OwnerId === tx.world.accountId &&
    keyIdentity(source.Encrypted, source.KmsKeyId) === keyIdentity(spec.encrypted, spec.kmsKeyId);
  const blocks = source ? { ...source.Image } : {};
  addRefs(tx, Object.values(blocks));
  const volume: Volume = {
    VolumeId: id,
    Region: tx.region,
    AvailabilityZone: spec.zone,
    Size: spec.size,
    VolumeType: spec.type,
    Iops: spec.type === 'gp3' ? (spec.iops ?? 3000) : spec.type === 'gp2' ? Math.min(16000, Math.max(100, spec.size * 3)) : (spec.iops ?? null),
    Throughput: spec.type === 'gp3' ? (spec.throughput ?? 125) : null,
    SnapshotId: source?.SnapshotId ?? '',
    State: spec.state,
    TransitionAt: spec.state === 'creating' ? tx.world.now + DURATIONS.volumeCreate : null,
    CreateTime: tx.world.now,
    Encrypted: spec.encrypted,
    KmsKeyId: spec.kmsKeyId,
    OwnerId: tx.world.accountId,
    Tags: spec.tags,
    Attachment: null,
    Blocks: blocks,
    FastRestored: source !== null && takeFastRestoreCredit(tx, source, spec.zone),
    Lineage: sameLineage && source ? source.Lineage : `lineage-${id}`,
  };
  tx.put('volumes', id, volume);
  return volume;
}

export function CreateVolume(tx: Tx, p: Params): unknown {
  const zoneIdParam = optString(p, 'AvailabilityZoneId');
  const zone =
    optString(p, 'AvailabilityZone') ??
    (zoneIdParam !== undefined ? (zoneNameOf(zoneIdParam) ?? fail('InvalidZone.NotFound', `The zone ID '${zoneIdParam}' does not exist.`)) : missingParameter('AvailabilityZone'));
  const snapshotId = optString(p, 'SnapshotId');
  let size = optInt(p, 'Size');
  const type = optString(p, 'VolumeType') ?? DEFAULT_VOLUME_TYPE;
  const encrypted = optBool(p, 'Encrypted');
  const kmsKeyId = optString(p, 'KmsKeyId');
  const iops = optInt(p, 'Iops');
  const throughput = optInt(p, 'Throughput');
  checkZone(tx.region, zone);
  checkVolumeType(type, 'VolumeType');
  if (size === undefined && snapshotId === undefined) missingParameter('size or snapshotId');
  let source: Snapshot | null = null;
  if (snapshotId !== undefined) {
    source = getSnapshot(tx.world, tx.region, snapshotId);
    checkSnapshotUsable(source);
    if (size !== undefined && size < source.VolumeSize) {
      // MODEL CHOICE (reference §2.3): RunInstances' message, with InvalidParameterValue.
      fail('InvalidParameterValue', `Volume of size ${size}GB is smaller than snapshot '${source.SnapshotId}', expect size >= ${source.VolumeSize}GB`);
    }
    size ??= source.VolumeSize;
  }
  checkVolumeSize(type, size ?? 0, 'Size');
  if ((type === 'io1' || type === 'io2') && iops === undefined) missingParameter('iops');
  const tags = readTagSpecifications(p, ['volume'])['volume'] ?? [];
  const enc = resolveEncryption(tx, source, encrypted, kmsKeyId);
  const volume = createVolumeRecord(tx, {
    zone,
    size: size ?? 0,
    type,
    iops,
    throughput,
    source,
    encrypted: enc.Encrypted,
    kmsKeyId: enc.KmsKeyId,
    state: 'creating',
    tags,
  });
  tx.emit('VolumeCreating', volume.VolumeId, `Volume ${volume.VolumeId} (${volume.Size} GiB) is being created in ${zone}${source ? ` from ${source.SnapshotId}` : ''}`);
  const out = formatVolume(volume);
  delete out['Attachments'];
  return { ...out, Tags: tags };
}

const VOLUME_FILTERS: FilterFields<Volume> = {
  'availability-zone': (v) => [v.AvailabilityZone],
  'attachment.instance-id': (v) => [v.Attachment?.InstanceId],
  'attachment.device': (v) => [v.Attachment?.Device],
  'attachment.status': (v) => [v.Attachment?.State],
  'attachment.delete-on-termination': (v) => [v.Attachment?.DeleteOnTermination],
  encrypted: (v) => [v.Encrypted],
  size: (v) => [v.Size],
  'snapshot-id': (v) => [v.SnapshotId],
  status: (v) => [v.State],
  'volume-id': (v) => [v.VolumeId],
  'volume-type': (v) => [v.VolumeType],
};

export function DescribeVolumes(tx: Tx, p: Params): unknown {
  const ids = optStringList(p, 'VolumeIds');
  const matches = compileFilters(p, VOLUME_FILTERS);
  let volumes: Volume[];
  if (ids) {
    checkIdFormat('vol', ids);
    const missing = ids.filter((id) => {
      const v = tx.world.volumes[id];
      return !v || !volumeVisible(tx.world, v, tx.region);
    });
    if (missing.length > 0) volumeNotFound(missing);
    volumes = [...new Set(ids)].map((id) => tx.world.volumes[id] as Volume);
  } else {
    volumes = Object.values(tx.world.volumes).filter((v) => volumeVisible(tx.world, v, tx.region));
  }
  return { Volumes: volumes.filter(matches).map(formatVolume) };
}

/** Device names AWS accepts for EBS attachments: /dev/sd[a-z] (+ digit) and /dev/xvd[a-z]. */
const DEVICE_NAME = /^\/dev\/(sd[a-z][0-9]*|xvd[a-z][0-9]*)$/;

export function checkDeviceName(device: string, label = 'device'): void {
  if (!DEVICE_NAME.test(device)) invalidValue(label, device, 'Device names look like /dev/sdf or /dev/xvdf.');
}

/** MODEL CHOICE: EBS volumes per instance, root included (the real limit depends on the instance type). */
export const MAX_ATTACHMENTS = 28;

export function AttachVolume(tx: Tx, p: Params): unknown {
  const volumeId = reqString(p, 'VolumeId');
  const instanceId = reqString(p, 'InstanceId');
  const device = reqString(p, 'Device');
  const volume = getVolume(tx.world, tx.region, volumeId);
  const instance = getInstance(tx.world, tx.region, instanceId);
  checkDeviceName(device);
  if (volume.Attachment) fail('VolumeInUse', `${volume.VolumeId} is already attached to an instance`);
  const next = nextFlatState(volumeLifecycle, volume.State, 'ATTACH');
  if (next === null) fail('IncorrectState', `${volume.VolumeId} is not 'available'.`);
  if (instance.State !== 'running' && instance.State !== 'stopped') {
    fail('IncorrectState', `Instance '${instance.InstanceId}' is not 'running'.`);
  }
  if (volume.AvailabilityZone !== instance.AvailabilityZone) {
    fail('InvalidVolume.ZoneMismatch', `The volume '${volume.VolumeId}' is not in the same availability zone as instance '${instance.InstanceId}'`);
  }
  const onInstance = attachedVolumes(tx.world, instance.InstanceId);
  if (onInstance.length >= MAX_ATTACHMENTS) {
    fail('AttachmentLimitExceeded', `Instance '${instance.InstanceId}' already has ${MAX_ATTACHMENTS} volumes attached, the most this simulation allows.`);
  }
  const taken = onInstance.some((v) => v.Attachment?.Device === device);
  if (taken) fail('InvalidParameterValue', `Invalid value '${device}' for unixDevice. Attachment point ${device} is already in use`);
  const attachment = {
    InstanceId: instance.InstanceId,
    Device: device,
    State: 'attaching' as const,
    AttachTime: tx.world.now,
    DeleteOnTermination: false,
    TransitionAt: tx.world.now + DURATIONS.attach,
  };
  const updated: Volume = { ...volume, State: next as VolumeStateName, Attachment: attachment };
  tx.put('volumes', volume.VolumeId, updated);
  tx.emit('VolumeAttaching', volume.VolumeId, `Volume ${volume.VolumeId} is attaching to ${instance.InstanceId} as ${device}`);
  const out = formatAttachment(updated, attachment);
  delete out['DeleteOnTermination'];
  return out;
}

export function DetachVolume(tx: Tx, p: Params): unknown {
  const volumeId = reqString(p, 'VolumeId');
  const instanceId = optString(p, 'InstanceId');
  const device = optString(p, 'Device');
  optBool(p, 'Force');
  const volume = getVolume(tx.world, tx.region, volumeId);
  if (instanceId !== undefined) getInstance(tx.world, tx.region, instanceId);
  const a = volume.Attachment;
  if (!a) return fail('IncorrectState', `Volume '${volume.VolumeId}' is in the '${volume.State}' state.`);
  if ((instanceId !== undefined && instanceId !== a.InstanceId) || (device !== undefined && device !== a.Device)) {
    fail(
      'InvalidAttachment.NotFound',
      `The volume ${volume.VolumeId} is not attached to instance ${instanceId ?? a.InstanceId} as device ${device ?? a.Device}`,
    );
  }
  const instance = tx.world.instances[a.InstanceId];
  // I7: the root volume comes off only a stopped instance (AWS says "stop it first"; pending or stopping count as running here).
  if (instance && instance.RootDeviceName === a.Device && instance.State !== 'stopped' && instance.State !== 'terminated') {
    fail('IncorrectState', `Unable to detach root volume '${volume.VolumeId}' from instance '${instance.InstanceId}'`);
  }
  const next = nextFlatState(attachmentLifecycle, a.State, 'DETACH');
  if (next === null) {
    fail(
      'IncorrectState',
      a.State === 'attaching'
        ? `Volume '${volume.VolumeId}' is still attaching to ${a.InstanceId}; detach it once it is attached.`
        : `Volume '${volume.VolumeId}' is already detaching from ${a.InstanceId}.`,
    );
  }
  const attachment = { ...a, State: 'detaching' as const, TransitionAt: tx.world.now + DURATIONS.detach };
  const updated = { ...volume, Attachment: attachment };
  tx.put('volumes', volume.VolumeId, updated);
  tx.emit('VolumeDetaching', volume.VolumeId, `Volume ${volume.VolumeId} is detaching from ${a.InstanceId}`);
  const out = formatAttachment(updated, attachment);
  delete out['DeleteOnTermination'];
  return out;
}

export function DeleteVolume(tx: Tx, p: Params): unknown {
  const volume = getVolume(tx.world, tx.region, reqString(p, 'VolumeId'));
  if (volume.Attachment) {
    fail('VolumeInUse', `Volume ${volume.VolumeId} is currently attached to ${volume.Attachment.InstanceId}`);
  }
  const next = nextFlatState(volumeLifecycle, volume.State, 'DELETE');
  if (next === null) fail('IncorrectState', `The volume '${volume.VolumeId}' is '${volume.State}'.`);
  tx.put('volumes', volume.VolumeId, { ...volume, State: next as VolumeStateName, TransitionAt: tx.world.now + DURATIONS.volumeDelete });
  tx.emit('VolumeDeleting', volume.VolumeId, `Volume ${volume.VolumeId} is being deleted`);
  return {};
}
