// CreateImage, RegisterImage, DescribeImages, DeregisterImage, Disable/EnableImage, CopyImage,
// Modify/DescribeImageAttribute, Enable/DisableImageDeprecation (reference §2.10-2.15, §2.17).
import { attachedVolumes } from '../indexes.ts';
import { checkIdFormat, getImageRecord, getInstance, getOwnImage, getSnapshot, imageNotFound, imageVisible } from '../access.ts';
import { DEFAULT_VOLUME_TYPE } from '../catalog.ts';
import { fail, invalidValue, missingParameter } from '../errors.ts';
import { formatImage } from '../format.ts';
import { imageLifecycle, nextFlatState } from '../lifecycles.ts';
import { asParams, optBool, optInt, optObject, optObjectList, optString, optStringList, reqString, type Params } from '../params.ts';
import { compileFilters, readTagSpecifications, type FilterFields } from '../tagging.ts';
import type { BlockDeviceMapping, Image, ImageStateName, Snapshot, Volume, World } from '../types.ts';
import type { Tx } from '../world.ts';
import { imageUnavailable } from './instances.ts';
import {
  applyPermissions,
  copySnapshotRecord,
  deleteSnapshot,
  imagesUsing,
  isDefaultKey,
  permissionList,
  readPermissionChange,
  readRegion,
  takeSnapshot,
} from './snapshots.ts';
import { checkDeviceName, checkSnapshotUsable, checkVolumeSize, checkVolumeType, resolveEncryption } from './volumes.ts';

const NAME_PATTERN = /^[A-Za-z0-9()[\]. /\-'@_]{3,128}$/;

/**
 * At most this many CreateImage calls with NoReboot may be pending at once for one instance; one more
 * is refused with ConcurrentCreateImageNoRebootLimitExceeded, whose description in AWS's error-code
 * table (ERR) is the message below. The reference (§2.10) names the error; AWS documents no number,
 * so the limit is a MODEL CHOICE: one, so that the error can be met here (with 1 GiB blocks and the
 * 15-second pause between snapshots of a volume, a second pending image of one instance is the most
 * a learner can produce).
 */
export const NO_REBOOT_CREATE_IMAGE_LIMIT = 1;

function checkNoRebootLimit(world: World, instanceId: string): void {
  const pending = Object.values(world.images).filter((i) => i.SourceInstanceId === instanceId && i.State === 'pending' && i.NoReboot);
  if (pending.length >= NO_REBOOT_CREATE_IMAGE_LIMIT) {
    fail(
      'ConcurrentCreateImageNoRebootLimitExceeded',
      'The maximum number of concurrent CreateImage requests for the instance has been reached. ' +
        'Wait for the current CreateImage requests to complete, and then retry your request.',
    );
  }
}

/** I21: names are 3-128 allowed characters and unique among the account's AMIs in the Region. */
function checkName(world: World, region: string, name: string): void {
  if (!NAME_PATTERN.test(name)) {
    fail(
      'InvalidAMIName.Malformed',
      "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '[', ']', ' ', '.', '/', '-', ''', '@' and '_'",
    );
  }
  const taken = Object.values(world.images).find((i) => i.Region === region && i.OwnerId === world.accountId && i.State !== 'deregistered' && i.Name === name);
  if (taken) fail('InvalidAMIName.Duplicate', `AMI name ${name} is already in use by AMI ${taken.ImageId}`);
}

function newImage(tx: Tx, id: string, fields: Partial<Image> & Pick<Image, 'Name' | 'Architecture' | 'VirtualizationType' | 'RootDeviceName' | 'BlockDeviceMappings' | 'State'>): Image {
  const image: Image = {
    ImageId: id,
    Region: tx.region,
    Description: '',
    OwnerId: tx.world.accountId,
    ImageOwnerAlias: null,
    Public: false,
    LaunchPermissions: [],
    RootDeviceType: 'ebs',
    CreationDate: tx.world.now,
    DeprecationTime: null,
    SourceInstanceId: null,
    SourceImageId: null,
    SourceRegion: null,
    Tags: [],
    PlatformDetails: 'Linux/UNIX',
    NoReboot: false,
    ...fields,
  };
  tx.put('images', id, image);
  return image;
}

/** An image whose snapshots are all completed is available at once; otherwise it waits (Advance completes it). */
function initialImageState(world: World, mappings: BlockDeviceMapping[]): ImageStateName {
  const ready = mappings.every((m) => !m.Ebs?.SnapshotId || world.snapshots[m.Ebs.SnapshotId]?.State === 'completed');
  const initial = imageLifecycle.config.initial as ImageStateName;
  return ready ? ((nextFlatState(imageLifecycle, initial, 'SNAPSHOTS_COMPLETED') ?? initial) as ImageStateName) : initial;
}

interface MappingRequest {
  device: string;
  noDevice: boolean;
  virtualName: string | undefined;
  ebs: Params | undefined;
}

function readMappingRequests(p: Params): MappingRequest[] {
  return (optObjectList(p, 'BlockDeviceMappings') ?? []).map((m, i) => {
    const device = reqString(m, 'DeviceName', `BlockDeviceMapping.${i + 1}.DeviceName`);
    const virtualName = optString(m, 'VirtualName', `BlockDeviceMapping.${i + 1}.VirtualName`);
    if (virtualName !== undefined && !/^ephemeral\d+$/.test(virtualName)) invalidValue(`BlockDeviceMapping.${i + 1}.VirtualName`, virtualName);
    if (virtualName === undefined) checkDeviceName(device, `BlockDeviceMapping.${i + 1}.DeviceName`);
    return {
      device,
      noDevice: optString(m, 'NoDevice', `BlockDeviceMapping.${i + 1}.NoDevice`) !== undefined,
      virtualName,
      ebs: optObject(m, 'Ebs', `BlockDeviceMapping.${i + 1}.Ebs`),
    };
  });
}

/** An added EBS mapping (empty volume or from a snapshot) of CreateImage or RegisterImage. */
function addedEbsMapping(tx: Tx, device: string, ebs: Params): BlockDeviceMapping {
  const label = `BlockDeviceMapping(${device}).Ebs`;
  const snapshotId = optString(ebs, 'SnapshotId', `${label}.SnapshotId`);
  let snapshot: Snapshot | null = null;
  if (snapshotId !== undefined) {
    snapshot = getSnapshot(tx.world, tx.region, snapshotId);
    checkSnapshotUsable(snapshot);
    if (snapshot.Tier !== 'standard') {
      // An AMI that can launch needs its snapshots in the standard tier (I24), so one on its way to (or back
      // from) the archive can't join a new AMI. MODEL CHOICE: AWS does not document this case.
      fail('IncorrectState', `Snapshot '${snapshot.SnapshotId}' is ${snapshot.Tier}; only a standard-tier snapshot can back an AMI.`);
    }
  }
  const type = optString(ebs, 'VolumeType', `${label}.VolumeType`) ?? DEFAULT_VOLUME_TYPE;
  checkVolumeType(type, `${label}.VolumeType`);
  const size = (optInt(ebs, 'VolumeSize', `${label}.VolumeSize`) ?? snapshot?.VolumeSize) ?? missingParameter(`${label}.VolumeSize`);
  if (snapshot && size < snapshot.VolumeSize) {
    fail('InvalidBlockDeviceMapping', `Volume of size ${size}GB is smaller than snapshot '${snapshot.SnapshotId}', expect size >= ${snapshot.VolumeSize}GB`);
  }
  checkVolumeSize(type, size, `${label}.VolumeSize`);
  const enc = resolveEncryption(tx, snapshot, optBool(ebs, 'Encrypted', `${label}.Encrypted`), optString(ebs, 'KmsKeyId', `${label}.KmsKeyId`));
  return {
    DeviceName: device,
    Ebs: {
      SnapshotId: snapshot?.SnapshotId ?? null,
      VolumeSize: size,
      VolumeType: type,
      DeleteOnTermination: optBool(ebs, 'DeleteOnTermination', `${label}.DeleteOnTermination`) ?? true,
      Encrypted: enc.Encrypted,
      KmsKeyId: enc.KmsKeyId,
    },
  };
}

/** The root device comes first in an AMI's mapping, as AWS lists it. */
function deviceOrder(root: string, v: Volume): number {
  return v.Attachment?.Device === root ? 0 : 1;
}

export function CreateImage(tx: Tx, p: Params): unknown {
  const instance = getInstance(tx.world, tx.region, reqString(p, 'InstanceId'));
  const name = reqString(p, 'Name');
  const description = optString(p, 'Description') ?? '';
  const noReboot = optBool(p, 'NoReboot') ?? false;
  if (instance.State !== 'running' && instance.State !== 'stopping' && instance.State !== 'stopped') {
    fail('InvalidParameterValue', `Invalid value '${instance.InstanceId}' for instanceId. Instance is not in state 'running' or 'stopping' or 'stopped'`);
  }
  checkName(tx.world, tx.region, name);
  const requests = readMappingRequests(p);
  const tags = readTagSpecifications(p, ['image', 'snapshot']);
  if (noReboot) checkNoRebootLimit(tx.world, instance.InstanceId);
  const attached = attachedVolumes(tx.world, instance.InstanceId)
    .filter((v) => v.Attachment?.State !== 'detaching')
    .sort((a, b) => deviceOrder(instance.RootDeviceName, a) - deviceOrder(instance.RootDeviceName, b) || ((a.Attachment?.Device ?? '') < (b.Attachment?.Device ?? '') ? -1 : 1));
  const imageId = tx.newId('ami');
  if (!noReboot && instance.State === 'running') {
    // MODEL CHOICE (reference §2.10): the reboot is shown as an event; the instance stays running.
    tx.emit('InstanceRebooted', instance.InstanceId, `Instance ${instance.InstanceId} reboots so CreateImage snapshots its volumes at rest`);
  }
  const mappings: BlockDeviceMapping[] = [];
  const handled = new Set<string>();
  for (const volume of attached) {
    const device = volume.Attachment?.Device ?? '';
    const req = requests.find((r) => r.device === device);
    handled.add(device);
    if (req?.noDevice) {
      if (device === instance.RootDeviceName) fail('InvalidBlockDeviceMapping', `The root device ${device} can't be excluded with NoDevice.`);
      continue;
    }
    mappings.push(snapshotMapping(tx, volume, req?.ebs, `Created by CreateImage(${instance.InstanceId}) for ${imageId}`, tags['snapshot'] ?? []));
  }
  for (const req of requests) {
    if (handled.has(req.device) || req.noDevice) continue;
    if (req.virtualName !== undefined) mappings.push({ DeviceName: req.device, VirtualName: req.virtualName });
    else mappings.push(addedEbsMapping(tx, req.device, req.ebs ?? {}));
  }
  if (!mappings.some((m) => m.DeviceName === instance.RootDeviceName && m.Ebs)) {
    fail('InvalidParameterValue', `Invalid value '${instance.InstanceId}' for instanceId. Instance does not have a volume attached at root (${instance.RootDeviceName}).`);
  }
  const source = tx.world.images[instance.ImageId];
  newImage(tx, imageId, {
    Name: name,
    Description: description,
    State: 'pending',
    Architecture: instance.Architecture,
    VirtualizationType: 'hvm',
    RootDeviceName: instance.RootDeviceName,
    BlockDeviceMappings: mappings,
    SourceInstanceId: instance.InstanceId,
    PlatformDetails: source?.PlatformDetails ?? 'Linux/UNIX',
    Tags: tags['image'] ?? [],
    NoReboot: noReboot,
  });
  tx.emit('ImageCreating', imageId, `Image ${imageId} (${name}) is pending until its ${mappings.filter((m) => m.Ebs?.SnapshotId).length} snapshot(s) complete`);
  return { ImageId: imageId };
}

/** A mapping for an attached volume: a new snapshot; only DeleteOnTermination may be overridden (§2.10 c). */
function snapshotMapping(tx: Tx, volume: Volume, ebs: Params | undefined, description: string, tags: Snapshot['Tags']): BlockDeviceMapping {
  const device = volume.Attachment?.Device ?? '';
  const req = asParams(ebs);
  for (const field of ['SnapshotId', 'VolumeSize', 'VolumeType', 'Encrypted', 'KmsKeyId', 'Iops']) {
    if (req[field] !== undefined) {
      fail('InvalidBlockDeviceMapping', `Only DeleteOnTermination can be changed for ${device}, a volume of the instance; ${field} can't (use CopyImage to encrypt).`);
    }
  }
  const snapshot = takeSnapshot(tx, volume, description, tags);
  return {
    DeviceName: device,
    Ebs: {
      SnapshotId: snapshot.SnapshotId,
      VolumeSize: volume.Size,
      VolumeType: volume.VolumeType,
      // MODEL CHOICE (reference §2.10): defaults to the attachment's current value.
      DeleteOnTermination: optBool(req, 'DeleteOnTermination', `BlockDeviceMapping(${device}).Ebs.DeleteOnTermination`) ?? volume.Attachment?.DeleteOnTermination ?? true,
      Encrypted: volume.Encrypted,
      KmsKeyId: volume.KmsKeyId,
    },
  };
}

const ARCHITECTURES = ['i386', 'x86_64', 'arm64', 'x86_64_mac', 'arm64_mac'];

export function RegisterImage(tx: Tx, p: Params): unknown {
  const name = reqString(p, 'Name');
  if (optString(p, 'ImageLocation') !== undefined) {
    fail('UnsupportedOperation', 'Instance store-backed AMIs (ImageLocation) are not part of this simulation; register an EBS-backed AMI from snapshots.');
  }
  const rootDevice = reqString(p, 'RootDeviceName');
  // API defaults (reference §2.11): i386 and paravirtual, so always pass x86_64/arm64 and hvm explicitly.
  const architecture = optString(p, 'Architecture') ?? 'i386';
  const virtualization = optString(p, 'VirtualizationType') ?? 'paravirtual';
  if (!ARCHITECTURES.includes(architecture)) invalidValue('Architecture', architecture, `Valid values: ${ARCHITECTURES.join(', ')}.`);
  if (virtualization !== 'hvm' && virtualization !== 'paravirtual') invalidValue('VirtualizationType', virtualization, 'Valid values: hvm, paravirtual.');
  checkName(tx.world, tx.region, name);
  const requests = readMappingRequests(p);
  if (requests.length === 0) missingParameter('BlockDeviceMapping');
  const mappings: BlockDeviceMapping[] = [];
  for (const req of requests) {
    if (req.noDevice) continue;
    if (mappings.some((m) => m.DeviceName === req.device)) invalidValue('BlockDeviceMapping.DeviceName', req.device, 'Device names must be unique.');
    if (req.virtualName !== undefined) mappings.push({ DeviceName: req.device, VirtualName: req.virtualName });
    else mappings.push(addedEbsMapping(tx, req.device, req.ebs ?? {}));
  }
  const root = mappings.find((m) => m.DeviceName === rootDevice);
  if (!root?.Ebs?.SnapshotId) {
    fail('InvalidBlockDeviceMapping', `The root device ${rootDevice} must be mapped to a snapshot (Ebs.SnapshotId).`);
  }
  const imageId = tx.newId('ami');
  const image = newImage(tx, imageId, {
    Name: name,
    Description: optString(p, 'Description') ?? '',
    State: initialImageState(tx.world, mappings),
    Architecture: architecture,
    VirtualizationType: virtualization,
    RootDeviceName: rootDevice,
    BlockDeviceMappings: mappings,
    Tags: readTagSpecifications(p, ['image'])['image'] ?? [],
  });
  tx.emit('ImageRegistered', imageId, `Image ${imageId} (${name}) registered from ${root.Ebs.SnapshotId}; no new snapshot was made`);
  return { ImageId: image.ImageId };
}

const IMAGE_FILTERS: FilterFields<Image> = {
  architecture: (i) => [i.Architecture],
  'block-device-mapping.device-name': (i) => i.BlockDeviceMappings.map((m) => m.DeviceName),
  'block-device-mapping.snapshot-id': (i) => i.BlockDeviceMappings.map((m) => m.Ebs?.SnapshotId),
  'block-device-mapping.volume-size': (i) => i.BlockDeviceMappings.map((m) => m.Ebs?.VolumeSize),
  'block-device-mapping.encrypted': (i) => i.BlockDeviceMappings.map((m) => m.Ebs?.Encrypted),
  description: (i) => [i.Description],
  'image-id': (i) => [i.ImageId],
  'image-type': () => ['machine'],
  'is-public': (i) => [i.Public],
  name: (i) => [i.Name],
  'owner-alias': (i) => [i.ImageOwnerAlias],
  'owner-id': (i) => [i.OwnerId],
  'platform-details': (i) => [i.PlatformDetails],
  'root-device-name': (i) => [i.RootDeviceName],
  'root-device-type': (i) => [i.RootDeviceType],
  'source-instance-id': (i) => [i.SourceInstanceId],
  state: (i) => [i.State],
  'virtualization-type': (i) => [i.VirtualizationType],
};

function checkAccountList(values: readonly string[], allowed: readonly string[]): void {
  for (const v of values) if (!allowed.includes(v) && !/^\d{12}$/.test(v)) fail('InvalidUserID.Malformed', `Invalid user id: "${v}"`);
}

export function DescribeImages(tx: Tx, p: Params): unknown {
  const world = tx.world;
  const ids = optStringList(p, 'ImageIds');
  const owners = optStringList(p, 'Owners');
  const executableUsers = optStringList(p, 'ExecutableUsers');
  const includeDeprecated = optBool(p, 'IncludeDeprecated') ?? false;
  const includeDisabled = optBool(p, 'IncludeDisabled') ?? false;
  const matches = compileFilters(p, IMAGE_FILTERS);
  if (owners) checkAccountList(owners, ['self', 'amazon', 'aws-marketplace', 'aws-backup-vault']);
  if (executableUsers) checkAccountList(executableUsers, ['self', 'all']);
  let list: Image[];
  if (ids) {
    checkIdFormat('ami', ids);
    const missing = ids.filter((id) => {
      const i = world.images[id];
      return !i || i.Region !== tx.region || !(i.OwnerId === world.accountId || i.Public || i.LaunchPermissions.includes(world.accountId));
    });
    if (missing.length > 0) imageNotFound(missing);
    list = [...new Set(ids)].map((id) => world.images[id] as Image).filter((i) => imageVisible(world, i, tx.region));
  } else {
    list = Object.values(world.images).filter((i) => imageVisible(world, i, tx.region));
  }
  if (owners) {
    list = list.filter((i) =>
      owners.some((o) => (o === 'self' ? i.OwnerId === world.accountId : o === 'amazon' ? i.ImageOwnerAlias === 'amazon' : i.OwnerId === o)),
    );
  }
  if (executableUsers) {
    list = list.filter((i) =>
      executableUsers.some((u) => (u === 'all' ? i.Public : i.LaunchPermissions.includes(u === 'self' ? world.accountId : u))),
    );
  }
  // Disabled AMIs only with IncludeDisabled; deprecated ones only with IncludeDeprecated, by id, or for their owner (§2.14).
  list = list.filter((i) => i.State !== 'disabled' || includeDisabled);
  list = list.filter(
    (i) => i.DeprecationTime === null || i.DeprecationTime > world.now || includeDeprecated || ids !== undefined || i.OwnerId === world.accountId,
  );
  return { Images: list.filter(matches).map(formatImage) };
}

function moveImage(tx: Tx, image: Image, event: string, patch: Partial<Image> = {}): Image {
  const next = nextFlatState(imageLifecycle, image.State, event);
  if (next === null) {
    if (image.State === 'deregistered') imageUnavailable(image);
    fail('IncorrectState', `The image '${image.ImageId}' is '${image.State}'; ${event.toLowerCase()} is not possible in that state.`);
  }
  const updated = { ...image, ...patch, State: next as ImageStateName };
  tx.put('images', image.ImageId, updated);
  return updated;
}

export function DeregisterImage(tx: Tx, p: Params): unknown {
  const image = getOwnImage(tx.world, tx.region, reqString(p, 'ImageId'));
  const deleteSnapshots = optBool(p, 'DeleteAssociatedSnapshots') ?? false;
  moveImage(tx, image, 'DEREGISTER', { Public: false, LaunchPermissions: [] });
  tx.emit('ImageDeregistered', image.ImageId, `Image ${image.ImageId} deregistered; its snapshots ${deleteSnapshots ? 'are deleted unless another AMI uses them' : 'remain and keep costing'}`);
  if (!deleteSnapshots) return { Return: true };
  const results = image.BlockDeviceMappings.flatMap((m) => (m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : [])).map((snapshotId) => {
    const snapshot = tx.world.snapshots[snapshotId];
    if (!snapshot) return { SnapshotId: snapshotId, ReturnCode: 'client-error' };
    if (snapshot.OwnerId !== tx.world.accountId) return { SnapshotId: snapshotId, ReturnCode: 'missing-permissions' };
    if (imagesUsing(tx.world, snapshotId).length > 0) return { SnapshotId: snapshotId, ReturnCode: 'skipped' };
    deleteSnapshot(tx, snapshot);
    return { SnapshotId: snapshotId, ReturnCode: 'success' };
  });
  return { Return: true, DeleteSnapshotResults: results };
}

export function DisableImage(tx: Tx, p: Params): unknown {
  const image = getOwnImage(tx.world, tx.region, reqString(p, 'ImageId'));
  moveImage(tx, image, 'DISABLE', { Public: false, LaunchPermissions: [] });
  tx.emit('ImageDisabled', image.ImageId, `Image ${image.ImageId} disabled: it can't launch and is no longer shared`);
  return { Return: true };
}

export function EnableImage(tx: Tx, p: Params): unknown {
  const image = getOwnImage(tx.world, tx.region, reqString(p, 'ImageId'));
  if (image.State === 'disabled') {
    // AWS: to use a disabled AMI whose snapshots were archived, first restore them all permanently, then
    // re-enable it (EBS User Guide, "Restore an archived Amazon EBS snapshot"). MODEL CHOICE: the error code.
    const notStandard = image.BlockDeviceMappings.flatMap((m) => {
      const snapshot = m.Ebs?.SnapshotId ? tx.world.snapshots[m.Ebs.SnapshotId] : undefined;
      return snapshot && snapshot.Tier !== 'standard' ? [`${snapshot.SnapshotId} (${snapshot.Tier})`] : [];
    });
    if (notStandard.length > 0) {
      fail(
        'IncorrectState',
        `The image '${image.ImageId}' uses snapshots that are not permanently in the standard tier: ${notStandard.join(', ')}. Restore them with RestoreSnapshotTier and PermanentRestore, then enable the image.`,
      );
    }
  }
  moveImage(tx, image, 'ENABLE');
  tx.emit('ImageEnabled', image.ImageId, `Image ${image.ImageId} enabled; earlier shares are not restored`);
  return { Return: true };
}

export function CopyImage(tx: Tx, p: Params): unknown {
  const sourceRegion = readRegion(p, 'SourceRegion');
  const source = getImageRecord(tx.world, sourceRegion, reqString(p, 'SourceImageId'));
  const name = reqString(p, 'Name');
  const encrypted = optBool(p, 'Encrypted');
  const kmsKeyId = optString(p, 'KmsKeyId');
  const copyTags = optBool(p, 'CopyImageTags') ?? false;
  if (source.State !== 'available') imageUnavailable(source);
  checkName(tx.world, tx.region, name);
  const tags = readTagSpecifications(p, ['image', 'snapshot']);
  const imageId = tx.newId('ami');
  const mappings: BlockDeviceMapping[] = source.BlockDeviceMappings.map((m) => {
    if (!m.Ebs?.SnapshotId) return { ...m, ...(m.Ebs ? { Ebs: { ...m.Ebs } } : {}) };
    const snapshot = tx.world.snapshots[m.Ebs.SnapshotId];
    if (!snapshot) return fail('InvalidAMIID.Unavailable', `The snapshot ${m.Ebs.SnapshotId} of ${source.ImageId} no longer exists.`);
    const copy = copySnapshotRecord(tx, snapshot, {
      encrypted,
      kmsKeyId,
      description: `Copied for DestinationAmi ${imageId} from SourceAmi ${source.ImageId} for SourceSnapshot ${snapshot.SnapshotId}`,
      tags: tags['snapshot'] ?? [],
    });
    return { DeviceName: m.DeviceName, Ebs: { ...m.Ebs, SnapshotId: copy.SnapshotId, Encrypted: copy.Encrypted, KmsKeyId: copy.KmsKeyId } };
  });
  newImage(tx, imageId, {
    Name: name,
    Description: optString(p, 'Description') ?? source.Description,
    State: initialImageState(tx.world, mappings),
    Architecture: source.Architecture,
    VirtualizationType: source.VirtualizationType,
    RootDeviceName: source.RootDeviceName,
    BlockDeviceMappings: mappings,
    SourceImageId: source.ImageId,
    SourceRegion: sourceRegion,
    PlatformDetails: source.PlatformDetails,
    // Launch permissions are never copied; user tags only with CopyImageTags (§2.13).
    Tags: [...(copyTags ? source.Tags : []), ...(tags['image'] ?? [])],
  });
  tx.emit('ImageCopyStarted', imageId, `Image ${imageId} is being copied from ${source.ImageId} (${sourceRegion}) to ${tx.region}`);
  return { ImageId: imageId };
}

export function ModifyImageAttribute(tx: Tx, p: Params): unknown {
  const image = getOwnImage(tx.world, tx.region, reqString(p, 'ImageId'));
  const attribute = optString(p, 'Attribute');
  const description = optObject(p, 'Description');
  if (attribute === 'description' || (attribute === undefined && description)) {
    const value = description ? (optString(description, 'Value', 'Description.Value') ?? '') : (optString(p, 'Value') ?? '');
    tx.put('images', image.ImageId, { ...image, Description: value });
    return {};
  }
  if (attribute !== undefined && attribute !== 'launchPermission') {
    invalidValue('Attribute', attribute, "Supported attributes: 'launchPermission', 'description'.");
  }
  const change = readPermissionChange(p, 'LaunchPermission', 'UserGroups');
  if (change.add.length + change.remove.length === 0) missingParameter('LaunchPermission');
  if (change.add.length > 0) {
    if (image.State !== 'available') fail('IncorrectState', `The image '${image.ImageId}' is '${image.State}' and can't be shared.`);
    const snapshots = image.BlockDeviceMappings.flatMap((m) => (m.Ebs?.SnapshotId ? [tx.world.snapshots[m.Ebs.SnapshotId]] : []));
    if (change.add.includes('all') && snapshots.some((s) => s?.Encrypted)) {
      fail('OperationNotPermitted', `Image '${image.ImageId}' has encrypted snapshots and can't be made public.`);
    }
    if (snapshots.some((s) => s?.Encrypted && isDefaultKey(tx.world, tx.region, s.KmsKeyId))) {
      fail('OperationNotPermitted', `Image '${image.ImageId}' has snapshots encrypted with the AWS managed key (aws/ebs) and can't be shared.`);
    }
  }
  const all = applyPermissions([...(image.Public ? ['all'] : []), ...image.LaunchPermissions], change);
  tx.put('images', image.ImageId, { ...image, Public: all.includes('all'), LaunchPermissions: all.filter((a) => a !== 'all') });
  return {};
}

export function DescribeImageAttribute(tx: Tx, p: Params): unknown {
  const image = getOwnImage(tx.world, tx.region, reqString(p, 'ImageId'));
  const attribute = reqString(p, 'Attribute');
  switch (attribute) {
    case 'launchPermission':
      return { ImageId: image.ImageId, LaunchPermissions: permissionList([...(image.Public ? ['all'] : []), ...image.LaunchPermissions]) };
    case 'description':
      return { ImageId: image.ImageId, Description: { Value: image.Description } };
    case 'blockDeviceMapping':
      return { ImageId: image.ImageId, BlockDeviceMappings: (formatImage(image)['BlockDeviceMappings'] as unknown[]) ?? [] };
    default:
      return invalidValue('Attribute', attribute, "Supported attributes: 'launchPermission', 'description', 'blockDeviceMapping'.");
  }
}

/** MODEL CHOICE: AWS caps DeprecateAt at 10 years ahead. */
const MAX_DEPRECATE_MS = 10 * 365 * 86400 * 1000;

export function EnableImageDeprecation(tx: Tx, p: Params): unknown {
  const image = getOwnImage(tx.world, tx.region, reqString(p, 'ImageId'));
  const raw = p['DeprecateAt'];
  if (raw === undefined || raw === null) missingParameter('DeprecateAt');
  const at = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : NaN;
  if (!Number.isFinite(at)) return invalidValue('DeprecateAt', raw, 'Use an ISO 8601 time such as 2026-06-01T00:00:00Z.');
  if (at <= tx.world.now || at > tx.world.now + MAX_DEPRECATE_MS) invalidValue('DeprecateAt', raw, 'It must be in the future and at most 10 years ahead.');
  if (image.State === 'deregistered') imageUnavailable(image);
  tx.put('images', image.ImageId, { ...image, DeprecationTime: Math.floor(at / 60000) * 60000 });
  return { Return: true };
}

export function DisableImageDeprecation(tx: Tx, p: Params): unknown {
  const image = getOwnImage(tx.world, tx.region, reqString(p, 'ImageId'));
  if (image.State === 'deregistered') imageUnavailable(image);
  tx.put('images', image.ImageId, { ...image, DeprecationTime: null });
  return { Return: true };
}
