// RunInstances, DescribeInstances, Stop/Start/Reboot/TerminateInstances (reference §2.1, §2.2).
import { attachedVolumes } from '../indexes.ts';
import { checkIdFormat, getAll, getImageRecord, getInstance, getSnapshot, instanceNotFound, instanceVisible } from '../access.ts';
import { DEFAULT_INSTANCE_TYPE, DEFAULT_VOLUME_TYPE, INSTANCE_TYPES } from '../catalog.ts';
import { DURATIONS } from '../durations.ts';
import { fail, invalidValue, missingParameter } from '../errors.ts';
import { formatInstance, instanceState } from '../format.ts';
import { attachmentLifecycle, instanceLifecycle, nextFlatState, volumeLifecycle } from '../lifecycles.ts';
import { asParams, optBool, optInt, optObject, optObjectList, optString, optStringList, reqString, type Params } from '../params.ts';
import { compileFilters, readTagSpecifications, type FilterFields } from '../tagging.ts';
import type { BlockDeviceMapping, EbsMapping, Image, Instance, InstanceStateName, Snapshot, VolumeStateName, World } from '../types.ts';
import { zonesOf, type Tx } from '../world.ts';
import {
  checkDeviceName,
  checkSnapshotUsable,
  checkVolumeSize,
  checkVolumeType,
  createVolumeRecord,
  resolveEncryption,
} from './volumes.ts';

/** MODEL CHOICE: one account-wide limit of running + pending instances, as AWS's default vCPU quota roughly allows. */
export const INSTANCE_LIMIT = 20;

// Volumes of a launch are created and attached as part of the launch: their lifecycles have already
// gone creating -> available -> in-use and attaching -> attached when RunInstances returns (MODEL CHOICE).
const LAUNCH_VOLUME_STATE = nextFlatState(volumeLifecycle, nextFlatState(volumeLifecycle, 'creating', 'CREATED') ?? '', 'ATTACH') as VolumeStateName;
const LAUNCH_ATTACHMENT_STATE = nextFlatState(attachmentLifecycle, 'attaching', 'ATTACHED') as 'attached';

export function imageUnavailable(image: Image): never {
  return fail('InvalidAMIID.Unavailable', `The image id '[${image.ImageId}]' is not available: it is '${image.State}'.`);
}

interface ResolvedMapping {
  DeviceName: string;
  ebs: EbsMapping & { Iops?: number | undefined; Throughput?: number | undefined };
  source: Snapshot | null;
}

/**
 * The AMI's block device mapping with the request's entries merged over it (UG:block-device-mapping-concepts):
 * same device name = override (only size, type and DeleteOnTermination for the root), NoDevice = drop,
 * new device = new volume, whose DeleteOnTermination defaults to true when launched through the API (§2.1).
 */
export function mergeLaunchMappings(tx: Tx, image: Image, requested: Params[]): ResolvedMapping[] {
  const byDevice = new Map<string, BlockDeviceMapping>();
  for (const m of image.BlockDeviceMappings) if (m.Ebs) byDevice.set(m.DeviceName, m);
  const overrides = new Map<string, Params | null>();
  requested.forEach((m, i) => {
    const device = reqString(m, 'DeviceName', `BlockDeviceMapping.${i + 1}.DeviceName`);
    checkDeviceName(device, `BlockDeviceMapping.${i + 1}.DeviceName`);
    if (optString(m, 'NoDevice') !== undefined) {
      if (device === image.RootDeviceName) fail('InvalidBlockDeviceMapping', `The root device ${device} can't be suppressed with NoDevice.`);
      overrides.set(device, null);
      return;
    }
    if (optString(m, 'VirtualName') !== undefined) return; // instance store: no EBS volume, no data (§2.1)
    overrides.set(device, optObject(m, 'Ebs', `BlockDeviceMapping.${i + 1}.Ebs`) ?? {});
  });
  const devices = [...new Set([...byDevice.keys(), ...overrides.keys()])];
  const out: ResolvedMapping[] = [];
  for (const device of devices) {
    const base = byDevice.get(device)?.Ebs;
    const req = overrides.get(device);
    if (req === null) continue;
    const label = `BlockDeviceMapping(${device}).Ebs`;
    const r = asParams(req);
    const snapshotId = optString(r, 'SnapshotId', `${label}.SnapshotId`);
    if (base && device === image.RootDeviceName && snapshotId !== undefined && snapshotId !== base.SnapshotId) {
      fail('InvalidBlockDeviceMapping', `Only the size, volume type and DeleteOnTermination of the root device ${device} can be changed.`);
    }
    const sourceId = snapshotId ?? base?.SnapshotId ?? null;
    let source: Snapshot | null = null;
    if (sourceId) {
      // The AMI's own snapshots are usable through the AMI's launch permission even when not shared (UG:sharingamis-explicit).
      source = base?.SnapshotId === sourceId ? (tx.world.snapshots[sourceId] ?? null) : getSnapshot(tx.world, tx.region, sourceId);
      if (!source) return fail('InvalidBlockDeviceMapping', `The snapshot '${sourceId}' of ${image.ImageId} no longer exists.`);
      checkSnapshotUsable(source);
    }
    const type = optString(r, 'VolumeType', `${label}.VolumeType`) ?? base?.VolumeType ?? DEFAULT_VOLUME_TYPE;
    checkVolumeType(type, `${label}.VolumeType`);
    const size = optInt(r, 'VolumeSize', `${label}.VolumeSize`) ?? base?.VolumeSize ?? source?.VolumeSize;
    if (size === undefined) missingParameter(`${label}.VolumeSize`);
    if (source && size < source.VolumeSize) {
      fail('InvalidBlockDeviceMapping', `Volume of size ${size}GB is smaller than snapshot '${source.SnapshotId}', expect size >= ${source.VolumeSize}GB`);
    }
    checkVolumeSize(type, size, `${label}.VolumeSize`);
    const enc = resolveEncryption(
      tx,
      source,
      optBool(r, 'Encrypted', `${label}.Encrypted`) ?? (base?.Encrypted || undefined),
      optString(r, 'KmsKeyId', `${label}.KmsKeyId`) ?? base?.KmsKeyId ?? undefined,
    );
    out.push({
      DeviceName: device,
      source,
      ebs: {
        SnapshotId: source?.SnapshotId ?? null,
        VolumeSize: size,
        VolumeType: type,
        DeleteOnTermination: optBool(r, 'DeleteOnTermination', `${label}.DeleteOnTermination`) ?? base?.DeleteOnTermination ?? true,
        Encrypted: enc.Encrypted,
        KmsKeyId: enc.KmsKeyId,
        Iops: optInt(r, 'Iops', `${label}.Iops`),
        Throughput: optInt(r, 'Throughput', `${label}.Throughput`),
      },
    });
  }
  if (!out.some((m) => m.DeviceName === image.RootDeviceName)) {
    fail('InvalidBlockDeviceMapping', `${image.ImageId} has no EBS root device ${image.RootDeviceName}.`);
  }
  return out;
}

export function RunInstances(tx: Tx, p: Params): unknown {
  const imageId = reqString(p, 'ImageId');
  const instanceType = optString(p, 'InstanceType') ?? DEFAULT_INSTANCE_TYPE;
  // The AWS CLI always sends MinCount/MaxCount (default 1); callers of the API may omit them here.
  const minCount = optInt(p, 'MinCount') ?? 1;
  const maxCount = optInt(p, 'MaxCount') ?? minCount;
  const placement = optObject(p, 'Placement');
  const zone = (placement && optString(placement, 'AvailabilityZone', 'Placement.AvailabilityZone')) ?? `${tx.region}a`;
  const disableApiTermination = optBool(p, 'DisableApiTermination') ?? false;
  const disableApiStop = optBool(p, 'DisableApiStop') ?? false;
  checkIdFormat('ami', [imageId]);
  const raw = tx.world.images[imageId];
  if (raw && raw.Region === tx.region && raw.State !== 'deregistered' && !raw.Public && raw.OwnerId !== tx.world.accountId && !raw.LaunchPermissions.includes(tx.world.accountId)) {
    // The AMI exists but is not shared with this account (ERR: AuthFailure).
    fail('AuthFailure', `Not authorized for images: [${imageId}]`);
  }
  const image = getImageRecord(tx.world, tx.region, imageId);
  if (image.State !== 'available') imageUnavailable(image);
  if (!INSTANCE_TYPES.includes(instanceType)) {
    invalidValue('InstanceType', instanceType, `Known types: ${INSTANCE_TYPES.join(', ')}.`);
  }
  if (minCount < 1) invalidValue('MinCount', minCount, 'MinCount must be at least 1.');
  if (maxCount < minCount) invalidValue('MaxCount', maxCount, 'MaxCount must be greater than or equal to MinCount.');
  if (!zonesOf(tx.region).includes(zone)) fail('InvalidParameterValue', `Invalid availability zone: [${zone}]`);
  const active = Object.values(tx.world.instances).filter((i) => i.State !== 'terminated' && i.State !== 'shutting-down').length;
  const count = Math.min(maxCount, INSTANCE_LIMIT - active);
  if (count < minCount) {
    fail('InstanceLimitExceeded', `You have requested more instances (${minCount}) than your current instance limit of ${INSTANCE_LIMIT} allows for the specified instance type.`);
  }
  const mappings = mergeLaunchMappings(tx, image, optObjectList(p, 'BlockDeviceMappings') ?? []);
  const tags = readTagSpecifications(p, ['instance', 'volume']);
  const reservationId = tx.newId('r');
  tx.put('reservations', reservationId, { ReservationId: reservationId, OwnerId: tx.world.accountId });
  const launched: Instance[] = [];
  for (let n = 0; n < count; n++) {
    const instanceId = tx.newId('i');
    const instance: Instance = {
      InstanceId: instanceId,
      Region: tx.region,
      AvailabilityZone: zone,
      ImageId: image.ImageId,
      InstanceType: instanceType,
      State: 'pending',
      TransitionAt: tx.world.now + DURATIONS.instanceBoot,
      LaunchTime: tx.world.now,
      ReservationId: reservationId,
      OwnerId: tx.world.accountId,
      Architecture: image.Architecture,
      RootDeviceName: image.RootDeviceName,
      DisableApiTermination: disableApiTermination,
      DisableApiStop: disableApiStop,
      Tags: tags['instance'] ?? [],
      PurgeAt: null,
    };
    tx.put('instances', instanceId, instance);
    for (const m of mappings) {
      const volume = createVolumeRecord(tx, {
        zone,
        size: m.ebs.VolumeSize,
        type: m.ebs.VolumeType,
        iops: m.ebs.Iops,
        throughput: m.ebs.Throughput,
        source: m.source,
        encrypted: m.ebs.Encrypted,
        kmsKeyId: m.ebs.KmsKeyId,
        state: LAUNCH_VOLUME_STATE,
        tags: tags['volume'] ?? [],
      });
      tx.put('volumes', volume.VolumeId, {
        ...volume,
        Attachment: {
          InstanceId: instanceId,
          Device: m.DeviceName,
          State: LAUNCH_ATTACHMENT_STATE,
          AttachTime: tx.world.now,
          DeleteOnTermination: m.ebs.DeleteOnTermination,
          TransitionAt: null,
        },
      });
    }
    tx.emit('InstanceLaunched', instanceId, `Instance ${instanceId} is launching from ${image.ImageId} in ${zone}`);
    launched.push(instance);
  }
  return {
    Groups: [],
    Instances: launched.map((i, index) => formatInstance(tx.world, i, index)),
    OwnerId: tx.world.accountId,
    ReservationId: reservationId,
  };
}

const INSTANCE_FILTERS: FilterFields<Instance> = {
  'availability-zone': (i) => [i.AvailabilityZone],
  'image-id': (i) => [i.ImageId],
  'instance-id': (i) => [i.InstanceId],
  'instance-type': (i) => [i.InstanceType],
  'instance-state-name': (i) => [i.State],
  'instance-state-code': (i) => [instanceState(i.State).Code],
  'reservation-id': (i) => [i.ReservationId],
  'root-device-name': (i) => [i.RootDeviceName],
  architecture: (i) => [i.Architecture],
};

function instancesOf(tx: Tx, ids: readonly string[]): Instance[] {
  checkIdFormat('i', ids);
  return getAll(
    [...new Set(ids)],
    (id) => {
      const i = tx.world.instances[id];
      return i && instanceVisible(tx.world, i, tx.region) ? i : undefined;
    },
    instanceNotFound,
  );
}

export function DescribeInstances(tx: Tx, p: Params): unknown {
  const ids = optStringList(p, 'InstanceIds');
  const matches = compileFilters(p, INSTANCE_FILTERS);
  const found = (ids ? instancesOf(tx, ids) : Object.values(tx.world.instances).filter((i) => instanceVisible(tx.world, i, tx.region))).filter(matches);
  const byReservation = new Map<string, Instance[]>();
  for (const i of found) byReservation.set(i.ReservationId, [...(byReservation.get(i.ReservationId) ?? []), i]);
  return {
    Reservations: [...byReservation].map(([ReservationId, list]) => ({
      Groups: [],
      Instances: list.map((i) => formatInstance(tx.world, i)),
      OwnerId: tx.world.accountId,
      ReservationId,
    })),
  };
}

function requireIds(p: Params): string[] {
  const ids = optStringList(p, 'InstanceIds');
  if (!ids || ids.length === 0) missingParameter('InstanceIds');
  return ids;
}

type StateChange = { InstanceId: string; CurrentState: ReturnType<typeof instanceState>; PreviousState: ReturnType<typeof instanceState> };

function change(before: Instance, after: InstanceStateName): StateChange {
  return { InstanceId: before.InstanceId, CurrentState: instanceState(after), PreviousState: instanceState(before.State) };
}

function moveInstance(tx: Tx, i: Instance, state: InstanceStateName, duration: number | null): void {
  tx.put('instances', i.InstanceId, { ...i, State: state, TransitionAt: duration === null ? null : tx.world.now + duration });
}

export function StopInstances(tx: Tx, p: Params): unknown {
  const instances = instancesOf(tx, requireIds(p));
  optBool(p, 'Force');
  const changes: StateChange[] = [];
  for (const i of instances) {
    if (i.State === 'stopped') {
      changes.push(change(i, 'stopped'));
      continue;
    }
    if (i.State === 'pending') fail('IncorrectInstanceState', `Instance '${i.InstanceId}' cannot be stopped as it has never reached the 'running' state.`);
    if (i.DisableApiStop) {
      fail('OperationNotPermitted', `The instance '${i.InstanceId}' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.`);
    }
    const next = nextFlatState(instanceLifecycle, i.State, 'STOP');
    if (next === null) fail('IncorrectInstanceState', `This instance '${i.InstanceId}' is not in a state from which it can be stopped.`);
    moveInstance(tx, i, next as InstanceStateName, DURATIONS.instanceStop);
    tx.emit('InstanceStopping', i.InstanceId, `Instance ${i.InstanceId} is stopping`);
    changes.push(change(i, next as InstanceStateName));
  }
  return { StoppingInstances: changes };
}

/** A volume is (being) attached at the root device; one that is detaching does not count. */
export function rootAttached(world: World, i: Instance): boolean {
  return attachedVolumes(world, i.InstanceId).some((v) => v.Attachment?.Device === i.RootDeviceName && v.Attachment.State !== 'detaching');
}

export function StartInstances(tx: Tx, p: Params): unknown {
  const instances = instancesOf(tx, requireIds(p));
  const changes: StateChange[] = [];
  for (const i of instances) {
    if (i.State === 'running') {
      changes.push(change(i, 'running'));
      continue;
    }
    const next = nextFlatState(instanceLifecycle, i.State, 'START');
    if (next === null) fail('IncorrectInstanceState', `The instance '${i.InstanceId}' is not in a state from which it can be started.`);
    if (!rootAttached(tx.world, i)) {
      fail('InvalidParameterValue', `Invalid value '${i.InstanceId}' for instanceId. Instance does not have a volume attached at root (${i.RootDeviceName}).`);
    }
    moveInstance(tx, i, next as InstanceStateName, DURATIONS.instanceBoot);
    tx.emit('InstanceStarting', i.InstanceId, `Instance ${i.InstanceId} is starting`);
    changes.push(change(i, next as InstanceStateName));
  }
  return { StartingInstances: changes };
}

export function RebootInstances(tx: Tx, p: Params): unknown {
  const instances = instancesOf(tx, requireIds(p));
  for (const i of instances) {
    // Reboot requests for terminated instances are ignored (API:RebootInstances).
    if (i.State === 'terminated' || i.State === 'shutting-down') continue;
    if (nextFlatState(instanceLifecycle, i.State, 'REBOOT') === null) {
      fail('IncorrectInstanceState', `The instance '${i.InstanceId}' is not in a state from which it can be rebooted.`);
    }
    tx.emit('InstanceRebooted', i.InstanceId, `Instance ${i.InstanceId} rebooted and is running again`);
  }
  return {};
}

export function TerminateInstances(tx: Tx, p: Params): unknown {
  const instances = instancesOf(tx, requireIds(p));
  const changes: StateChange[] = [];
  for (const i of instances) {
    if (i.DisableApiTermination) {
      fail('OperationNotPermitted', `The instance '${i.InstanceId}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`);
    }
  }
  for (const i of instances) {
    if (i.State === 'terminated' || i.State === 'shutting-down') {
      changes.push(change(i, i.State));
      continue;
    }
    const next = nextFlatState(instanceLifecycle, i.State, 'TERMINATE') as InstanceStateName;
    moveInstance(tx, i, next, DURATIONS.instanceTerminate);
    tx.emit('InstanceTerminating', i.InstanceId, `Instance ${i.InstanceId} is shutting down`);
    changes.push(change(i, next));
  }
  return { TerminatingInstances: changes };
}

/** A boolean given either bare or as the API's AttributeBooleanValue {Value}. */
function attributeBool(p: Params, name: string): boolean | undefined {
  const raw = p[name];
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) return optBool(raw as Params, 'Value', `${name}.Value`);
  return optBool(p, name);
}

export function ModifyInstanceAttribute(tx: Tx, p: Params): unknown {
  const instance = getInstance(tx.world, tx.region, reqString(p, 'InstanceId'));
  let next: Instance = { ...instance };
  const attribute = optString(p, 'Attribute');
  const value = optString(p, 'Value');
  const termination = attributeBool(p, 'DisableApiTermination') ?? (attribute === 'disableApiTermination' ? value === 'true' : undefined);
  const stop = attributeBool(p, 'DisableApiStop') ?? (attribute === 'disableApiStop' ? value === 'true' : undefined);
  const typeStruct = optObject(p, 'InstanceType');
  const instanceType = (typeStruct ? optString(typeStruct, 'Value', 'InstanceType.Value') : undefined) ?? (attribute === 'instanceType' ? value : undefined);
  const mappings = optObjectList(p, 'BlockDeviceMappings');
  if (attribute !== undefined && !['disableApiTermination', 'disableApiStop', 'instanceType', 'blockDeviceMapping'].includes(attribute)) {
    invalidValue('Attribute', attribute, 'Supported: disableApiTermination, disableApiStop, instanceType, blockDeviceMapping.');
  }
  if (termination === undefined && stop === undefined && instanceType === undefined && mappings === undefined) {
    missingParameter('Attribute');
  }
  if (instance.State === 'terminated' || instance.State === 'shutting-down') {
    fail('IncorrectInstanceState', `The instance '${instance.InstanceId}' is not in a state from which its attributes can be modified.`);
  }
  if (termination !== undefined) next = { ...next, DisableApiTermination: termination };
  if (stop !== undefined) next = { ...next, DisableApiStop: stop };
  if (instanceType !== undefined) {
    if (!INSTANCE_TYPES.includes(instanceType)) invalidValue('InstanceType', instanceType, `Known types: ${INSTANCE_TYPES.join(', ')}.`);
    if (instance.State !== 'stopped') fail('IncorrectInstanceState', `The instance '${instance.InstanceId}' is not in the 'stopped' state.`);
    next = { ...next, InstanceType: instanceType };
  }
  (mappings ?? []).forEach((m, i) => {
    const device = reqString(m, 'DeviceName', `BlockDeviceMapping.${i + 1}.DeviceName`);
    const ebs = optObject(m, 'Ebs', `BlockDeviceMapping.${i + 1}.Ebs`) ?? missingParameter(`BlockDeviceMapping.${i + 1}.Ebs`);
    const dot = optBool(ebs, 'DeleteOnTermination', `BlockDeviceMapping.${i + 1}.Ebs.DeleteOnTermination`) ?? missingParameter(`BlockDeviceMapping.${i + 1}.Ebs.DeleteOnTermination`);
    const volume = attachedVolumes(tx.world, instance.InstanceId).find((v) => v.Attachment?.Device === device);
    if (!volume?.Attachment) return invalidValue(`BlockDeviceMapping.${i + 1}.DeviceName`, device, `No volume is attached to ${instance.InstanceId} at ${device}.`);
    tx.put('volumes', volume.VolumeId, { ...volume, Attachment: { ...volume.Attachment, DeleteOnTermination: dot } });
  });
  tx.put('instances', instance.InstanceId, next);
  return {};
}

export function DescribeInstanceAttribute(tx: Tx, p: Params): unknown {
  const instance = getInstance(tx.world, tx.region, reqString(p, 'InstanceId'));
  const attribute = reqString(p, 'Attribute');
  const id = instance.InstanceId;
  switch (attribute) {
    case 'instanceType':
      return { InstanceId: id, InstanceType: { Value: instance.InstanceType } };
    case 'disableApiTermination':
      return { InstanceId: id, DisableApiTermination: { Value: instance.DisableApiTermination } };
    case 'disableApiStop':
      return { InstanceId: id, DisableApiStop: { Value: instance.DisableApiStop } };
    case 'rootDeviceName':
      return { InstanceId: id, RootDeviceName: { Value: instance.RootDeviceName } };
    case 'blockDeviceMapping':
      return { InstanceId: id, BlockDeviceMappings: formatInstance(tx.world, instance)['BlockDeviceMappings'] };
    default:
      return invalidValue('Attribute', attribute, 'Supported: instanceType, disableApiTermination, disableApiStop, rootDeviceName, blockDeviceMapping.');
  }
}
