// CreateSnapshot(s), DescribeSnapshots, DeleteSnapshot, CopySnapshot, snapshot attributes and
// storage tiers (reference §2.7-2.9, §2.16, §2.18, §4).
import { attachedVolumes } from '../indexes.ts';
import { checkIdFormat, getInstance, getOwnSnapshot, getSnapshot, getVolume, snapshotNotFound, snapshotVisible } from '../access.ts';
import { addRefs, dropRefs, holdsStandardCopy, keyIdentity, releaseStandardCopy, unstoredVersions } from '../blocks.ts';
import { REGIONS } from '../catalog.ts';
import { DAY, DURATIONS, snapshotDuration } from '../durations.ts';
import { fail, invalidValue, missingParameter } from '../errors.ts';
import { formatSnapshot } from '../format.ts';
import { nextTier } from '../lifecycles.ts';
import { optBool, optInt, optObject, optObjectList, optString, optStringList, reqString, type Params } from '../params.ts';
import { compileFilters, readTagSpecifications, type FilterFields } from '../tagging.ts';
import type { RegionName, Snapshot, SnapshotTierState, Tag, Volume, World } from '../types.ts';
import { iso, type Tx } from '../world.ts';
import { ARCHIVE_RESTORE_PRICE, charge, earlyArchiveExitUSD } from '../ledger.ts';
import { dropFastSnapshotRestores } from './fastrestore.ts';
import { defaultKmsKey } from './volumes.ts';

/** Per-volume concurrency (reference §2.7): 1 pending snapshot for st1/sc1, 5 for other types. */
function concurrentLimit(volume: Volume): number {
  return volume.VolumeType === 'st1' || volume.VolumeType === 'sc1' ? 1 : 5;
}

/** Checks the per-volume rate and concurrency limits for a new snapshot of `volume`. */
export function checkSnapshotLimits(world: World, volume: Volume): void {
  if (volume.State === 'creating' || volume.State === 'deleting') {
    fail('IncorrectState', `Volume '${volume.VolumeId}' is in the '${volume.State}' state.`);
  }
  const ofVolume = Object.values(world.snapshots).filter((s) => s.VolumeId === volume.VolumeId && s.Region === volume.Region);
  if (ofVolume.some((s) => world.now - s.StartTime < DURATIONS.snapshotRateWindow)) {
    fail(
      'SnapshotCreationPerVolumeRateExceeded',
      'The maximum per volume CreateSnapshot request rate has been exceeded. Use an increasing or variable sleep interval between requests.',
    );
  }
  const limit = concurrentLimit(volume);
  if (ofVolume.filter((s) => s.State === 'pending').length >= limit) {
    fail('ConcurrentSnapshotLimitExceeded', `Maximum number of concurrent pending snapshots (${limit}) reached for volume '${volume.VolumeId}'.`);
  }
}

/**
 * A new pending snapshot holding `image` (block index -> version) in `lineage`: it stores only the
 * versions no earlier snapshot of the lineage stores (incremental, I8) and starts with the defaults
 * every new snapshot has. Shared by CreateSnapshot (a volume now) and CopySnapshot (a snapshot).
 */
function pendingSnapshot(
  tx: Tx,
  fields: Pick<Snapshot, 'Region' | 'VolumeId' | 'VolumeSize' | 'Description' | 'Encrypted' | 'KmsKeyId' | 'Tags' | 'Lineage' | 'CopiedFrom'>,
  image: Snapshot['Image'],
  baseDuration?: number,
): Snapshot {
  const id = tx.newId('snap');
  const owned = unstoredVersions(tx.world, { SnapshotId: id, Lineage: fields.Lineage, Region: fields.Region }, image);
  addRefs(tx, Object.values(image));
  return {
    ...fields,
    SnapshotId: id,
    State: 'pending',
    StartTime: tx.world.now,
    CompleteAt: tx.world.now + snapshotDuration(owned.length, baseDuration),
    OwnerId: tx.world.accountId,
    OwnerAlias: null,
    Tier: 'standard',
    TierAt: null,
    ArchivedAt: null,
    RestoreDays: null,
    Image: image,
    Owned: owned,
    DeleteOnComplete: false,
    CreateVolumePermissions: [],
  };
}

/** A new pending snapshot of `volume` as it is right now (point in time, I8), incremental within its lineage. */
export function takeSnapshot(tx: Tx, volume: Volume, description: string, tags: Tag[]): Snapshot {
  checkSnapshotLimits(tx.world, volume);
  const snapshot = pendingSnapshot(
    tx,
    {
      Region: volume.Region,
      VolumeId: volume.VolumeId,
      VolumeSize: volume.Size,
      Description: description,
      Encrypted: volume.Encrypted,
      KmsKeyId: volume.KmsKeyId,
      Tags: tags,
      Lineage: volume.Lineage,
      CopiedFrom: null,
    },
    { ...volume.Blocks },
  );
  const { SnapshotId: id, Image: image, Owned: owned } = snapshot;
  tx.put('snapshots', id, snapshot);
  tx.emit(
    'SnapshotStarted',
    id,
    Object.keys(image).length === 0
      ? `Snapshot ${id} of ${volume.VolumeId} started: nothing has been written on the volume, so there is no block to store`
      : `Snapshot ${id} of ${volume.VolumeId} started: ${owned.length} of ${Object.keys(image).length} written block(s) to store`,
  );
  return snapshot;
}

function createdSnapshotOutput(world: World, s: Snapshot): Record<string, unknown> {
  return {
    Description: s.Description,
    Encrypted: s.Encrypted,
    ...(s.KmsKeyId ? { KmsKeyId: s.KmsKeyId } : {}),
    OwnerId: s.OwnerId,
    Progress: formatSnapshot(world, s)['Progress'],
    SnapshotId: s.SnapshotId,
    StartTime: iso(s.StartTime),
    State: s.State,
    VolumeId: s.VolumeId,
    VolumeSize: s.VolumeSize,
    Tags: s.Tags.map((t) => ({ ...t })),
  };
}

export function CreateSnapshot(tx: Tx, p: Params): unknown {
  const volume = getVolume(tx.world, tx.region, reqString(p, 'VolumeId'));
  const description = optString(p, 'Description') ?? '';
  const tags = readTagSpecifications(p, ['snapshot'])['snapshot'] ?? [];
  return createdSnapshotOutput(tx.world, takeSnapshot(tx, volume, description, tags));
}

export function CreateSnapshots(tx: Tx, p: Params): unknown {
  const spec = optObject(p, 'InstanceSpecification') ?? missingParameter('InstanceSpecification');
  const instance = getInstance(tx.world, tx.region, reqString(spec, 'InstanceId', 'InstanceSpecification.InstanceId'));
  const excludeBoot = optBool(spec, 'ExcludeBootVolume', 'InstanceSpecification.ExcludeBootVolume') ?? false;
  const excluded = optStringList(spec, 'ExcludeDataVolumeIds', 'InstanceSpecification.ExcludeDataVolumeIds') ?? [];
  checkIdFormat('vol', excluded);
  if (excluded.length > 40) invalidValue('ExcludeDataVolumeIds', excluded.length, 'At most 40 volume IDs can be excluded.');
  const description = optString(p, 'Description') ?? '';
  const copyTags = optString(p, 'CopyTagsFromSource');
  if (copyTags !== undefined && copyTags !== 'volume') invalidValue('CopyTagsFromSource', copyTags);
  const tags = readTagSpecifications(p, ['snapshot'])['snapshot'] ?? [];
  const volumes = attachedVolumes(tx.world, instance.InstanceId)
    .filter((v) => !(excludeBoot && v.Attachment?.Device === instance.RootDeviceName))
    .filter((v) => !excluded.includes(v.VolumeId))
    .sort((a, b) => ((a.Attachment?.Device ?? '') < (b.Attachment?.Device ?? '') ? -1 : 1));
  const snapshots = volumes.map((v) => takeSnapshot(tx, v, description, copyTags ? [...v.Tags, ...tags] : tags));
  return { Snapshots: snapshots.map((s) => createdSnapshotOutput(tx.world, s)) };
}

const SNAPSHOT_FILTERS: FilterFields<Snapshot> = {
  description: (s) => [s.Description],
  encrypted: (s) => [s.Encrypted],
  'owner-alias': (s) => [s.OwnerAlias],
  'owner-id': (s) => [s.OwnerId],
  'snapshot-id': (s) => [s.SnapshotId],
  status: (s) => [s.State],
  'storage-tier': (s) => [s.Tier === 'archived' || s.Tier === 'restoring' ? 'archive' : 'standard'],
  'volume-id': (s) => [s.VolumeId],
  'volume-size': (s) => [s.VolumeSize],
};

function ownerMatcher(world: World, owners: readonly string[]): (s: Snapshot) => boolean {
  for (const o of owners) {
    if (o !== 'self' && o !== 'amazon' && !/^\d{12}$/.test(o)) fail('InvalidUserID.Malformed', `Invalid user id: "${o}"`);
  }
  return (s) => owners.some((o) => (o === 'self' ? s.OwnerId === world.accountId : o === 'amazon' ? s.OwnerAlias === 'amazon' : s.OwnerId === o));
}

export function DescribeSnapshots(tx: Tx, p: Params): unknown {
  const ids = optStringList(p, 'SnapshotIds');
  const owners = optStringList(p, 'OwnerIds');
  const restorableBy = optStringList(p, 'RestorableByUserIds');
  const matches = compileFilters(p, SNAPSHOT_FILTERS);
  const world = tx.world;
  let list: Snapshot[];
  if (ids) {
    checkIdFormat('snap', ids);
    const missing = ids.filter((id) => {
      const s = world.snapshots[id];
      return !s || !snapshotVisible(world, s, tx.region);
    });
    if (missing.length > 0) snapshotNotFound(missing);
    list = [...new Set(ids)].map((id) => world.snapshots[id] as Snapshot);
  } else {
    list = Object.values(world.snapshots).filter((s) => snapshotVisible(world, s, tx.region));
  }
  if (owners) list = list.filter(ownerMatcher(world, owners));
  if (restorableBy) {
    list = list.filter((s) =>
      restorableBy.some((u) => {
        const account = u === 'self' ? world.accountId : u;
        return s.OwnerId === account || s.CreateVolumePermissions.includes(account) || s.CreateVolumePermissions.includes('all');
      }),
    );
  }
  return { Snapshots: list.filter(matches).map((s) => formatSnapshot(world, s)) };
}

/** Registered (pending, available, disabled) images in the snapshot's Region whose mapping uses it (I10). */
export function imagesUsing(world: World, snapshotId: string): string[] {
  return Object.values(world.images)
    .filter((i) => i.State !== 'deregistered' && i.BlockDeviceMappings.some((m) => m.Ebs?.SnapshotId === snapshotId))
    .map((i) => i.ImageId);
}

/** Removes a snapshot now: hands still-needed blocks to its lineage (B4) and frees the rest. */
export function removeSnapshot(tx: Tx, snapshot: Snapshot): void {
  const early = earlyArchiveExitUSD(tx.world, snapshot);
  charge(tx, { Kind: 'archive-early-exit', ResourceId: snapshot.SnapshotId, USD: early, Description: `Deleted ${snapshot.SnapshotId} before the 90-day archive minimum` });
  if (holdsStandardCopy(snapshot.Tier)) releaseStandardCopy(tx, snapshot);
  dropRefs(tx, Object.values(snapshot.Image));
  dropFastSnapshotRestores(tx, snapshot.SnapshotId);
  tx.remove('snapshots', snapshot.SnapshotId);
  tx.emit('SnapshotDeleted', snapshot.SnapshotId, `Snapshot ${snapshot.SnapshotId} deleted`);
}

/** DeleteSnapshot's rules, shared with DeregisterImage's DeleteAssociatedSnapshots. */
export function deleteSnapshot(tx: Tx, snapshot: Snapshot): void {
  const users = imagesUsing(tx.world, snapshot.SnapshotId);
  if (users.length > 0) {
    fail('InvalidSnapshot.InUse', `The snapshot ${snapshot.SnapshotId} is currently in use by ${users.join(', ')}`);
  }
  if (snapshot.State === 'pending') {
    // A pending snapshot can be deleted; the deletion takes effect when it completes (§2.8).
    tx.put('snapshots', snapshot.SnapshotId, { ...snapshot, DeleteOnComplete: true });
    tx.emit('SnapshotDeleteRequested', snapshot.SnapshotId, `Snapshot ${snapshot.SnapshotId} will be deleted when it completes`);
    return;
  }
  removeSnapshot(tx, snapshot);
}

export function DeleteSnapshot(tx: Tx, p: Params): unknown {
  deleteSnapshot(tx, getOwnSnapshot(tx.world, tx.region, reqString(p, 'SnapshotId')));
  return {};
}

function checkCopyable(s: Snapshot): void {
  if (s.State !== 'completed') fail('IncorrectState', `Snapshot is in invalid state - ${s.State}`);
  if (s.Tier === 'archived' || s.Tier === 'restoring') {
    fail('IncorrectState', `Snapshot '${s.SnapshotId}' is in the archive tier and can't be copied. Restore it first.`);
  }
}

/** Concurrent copies into one destination Region (UG:ebs-copy-snapshot). */
export const COPY_LIMIT_PER_REGION = 20;

/**
 * A copy of `source` in the transaction's Region. Same Region, same account and unchanged key keeps
 * the lineage (no data moves); otherwise the copy joins a per-destination lineage, full the first
 * time and incremental while an earlier copy with the same key still exists (B6).
 */
export function copySnapshotRecord(
  tx: Tx,
  source: Snapshot,
  opts: { encrypted: boolean | undefined; kmsKeyId: string | undefined; description: string; tags: Tag[] },
): Snapshot {
  checkCopyable(source);
  if (opts.kmsKeyId !== undefined && opts.encrypted !== true) {
    fail('InvalidParameterDependency', 'The parameter KmsKeyId requires the parameter Encrypted to be set.');
  }
  const pendingCopies = Object.values(tx.world.snapshots).filter((s) => s.Region === tx.region && s.State === 'pending' && s.CopiedFrom !== null);
  if (pendingCopies.length >= COPY_LIMIT_PER_REGION) {
    fail('ResourceLimitExceeded', `You have reached the limit of ${COPY_LIMIT_PER_REGION} concurrent snapshot copies into ${tx.region}.`);
  }
  const defaultKey = defaultKmsKey(tx.region, tx.world.accountId);
  const sourceDefault = defaultKmsKey(source.Region, tx.world.accountId);
  const encrypted = source.Encrypted || opts.encrypted === true;
  const kmsKeyId = !encrypted
    ? null
    : (opts.kmsKeyId ?? (source.Encrypted && source.KmsKeyId !== sourceDefault ? source.KmsKeyId : defaultKey));
  const keepsLineage =
    source.Region === tx.region &&
    source.OwnerId === tx.world.accountId &&
    keyIdentity(source.Encrypted, source.KmsKeyId) === keyIdentity(encrypted, kmsKeyId);
  const base = source.Region === tx.region ? DURATIONS.snapshotBase : DURATIONS.crossRegionCopyBase;
  const copy = pendingSnapshot(
    tx,
    {
      Region: tx.region,
      VolumeId: 'vol-ffffffff',
      VolumeSize: source.VolumeSize,
      Description: opts.description,
      Encrypted: encrypted,
      KmsKeyId: kmsKeyId,
      Tags: opts.tags,
      Lineage: keepsLineage ? source.Lineage : `copy:${source.Lineage}:${tx.region}:${keyIdentity(encrypted, kmsKeyId)}`,
      CopiedFrom: source.SnapshotId,
    },
    { ...source.Image },
    base,
  );
  const id = copy.SnapshotId;
  tx.put('snapshots', id, copy);
  tx.emit('SnapshotCopyStarted', id, `Copy ${id} of ${source.SnapshotId} (${source.Region}) started in ${tx.region}: ${copy.Owned.length} block(s) to transfer`);
  return copy;
}

export function readRegion(p: Params, name: string): RegionName {
  const region = reqString(p, name);
  if (!(REGIONS as readonly string[]).includes(region)) invalidValue(name, region, `Regions in this simulation: ${REGIONS.join(', ')}.`);
  return region as RegionName;
}

export function CopySnapshot(tx: Tx, p: Params): unknown {
  const sourceRegion = readRegion(p, 'SourceRegion');
  const sourceId = reqString(p, 'SourceSnapshotId');
  const source = getSnapshot(tx.world, sourceRegion, sourceId);
  const copy = copySnapshotRecord(tx, source, {
    encrypted: optBool(p, 'Encrypted'),
    kmsKeyId: optString(p, 'KmsKeyId'),
    description: optString(p, 'Description') ?? `[Copied ${sourceId} from ${sourceRegion}]`,
    tags: readTagSpecifications(p, ['snapshot'])['snapshot'] ?? [],
  });
  return { SnapshotId: copy.SnapshotId, ...(copy.Tags.length > 0 ? { Tags: copy.Tags } : {}) };
}

/** Reads Add/Remove permission lists in either API form; values are account ids or 'all'. */
export function readPermissionChange(
  p: Params,
  structName: string,
  groupsName: string,
): { add: string[]; remove: string[] } {
  const struct = optObject(p, structName);
  const itemOf = (kindLabel: string) => (item: Params): string => {
    const group = optString(item, 'Group', `${kindLabel}.Group`);
    const user = optString(item, 'UserId', `${kindLabel}.UserId`);
    if (group !== undefined) return checkPermissionItem('group', group);
    if (user !== undefined) return checkPermissionItem('userId', user);
    return missingParameter(`${kindLabel}.Group or UserId`);
  };
  let add = (optObjectList(struct ?? {}, 'Add', `${structName}.Add`) ?? []).map(itemOf(`${structName}.Add`));
  let remove = (optObjectList(struct ?? {}, 'Remove', `${structName}.Remove`) ?? []).map(itemOf(`${structName}.Remove`));
  const op = optString(p, 'OperationType');
  const users = (optStringList(p, 'UserIds') ?? []).map((u) => checkPermissionItem('userId', u));
  const groups = (optStringList(p, groupsName) ?? []).map((g) => checkPermissionItem('group', g));
  if (users.length + groups.length > 0) {
    if (op !== 'add' && op !== 'remove') {
      return op === undefined ? missingParameter('OperationType') : invalidValue('OperationType', op, "Use 'add' or 'remove'.");
    }
    if (op === 'add') add = [...add, ...groups, ...users];
    else remove = [...remove, ...groups, ...users];
  }
  return { add, remove };
}

function checkPermissionItem(kind: 'group' | 'userId', value: string): string {
  const ok = kind === 'group' ? value === 'all' : /^\d{12}$/.test(value);
  if (!ok) fail('InvalidAMIAttributeItemValue', `Invalid attribute item value "${value}" for ${kind} item type.`);
  return value;
}

/** Applies add/remove to a permission list (idempotent, §2.15/§2.16). */
export function applyPermissions(current: readonly string[], change: { add: string[]; remove: string[] }): string[] {
  const set = new Set(current);
  for (const a of change.add) set.add(a);
  for (const r of change.remove) set.delete(r);
  return [...set].sort();
}

export function isDefaultKey(world: World, region: RegionName, kmsKeyId: string | null): boolean {
  return kmsKeyId === defaultKmsKey(region, world.accountId);
}

export function ModifySnapshotAttribute(tx: Tx, p: Params): unknown {
  const snapshot = getOwnSnapshot(tx.world, tx.region, reqString(p, 'SnapshotId'));
  const attribute = optString(p, 'Attribute') ?? 'createVolumePermission';
  if (attribute !== 'createVolumePermission') invalidValue('Attribute', attribute, "Only 'createVolumePermission' can be modified.");
  const change = readPermissionChange(p, 'CreateVolumePermission', 'GroupNames');
  if (change.add.length > 0 && change.remove.length > 0) {
    fail('InvalidParameterCombination', 'A single ModifySnapshotAttribute call can either add or remove permissions, not both.');
  }
  if (change.add.length + change.remove.length === 0) missingParameter('CreateVolumePermission');
  if (change.add.length > 0) {
    if (snapshot.Tier === 'archived' || snapshot.Tier === 'restoring') {
      fail('IncorrectState', `Snapshot '${snapshot.SnapshotId}' is archived; archived snapshots can't be shared.`);
    }
    if (snapshot.Encrypted && change.add.includes('all')) {
      fail('OperationNotPermitted', `Encrypted snapshot '${snapshot.SnapshotId}' can't be made public.`);
    }
    if (snapshot.Encrypted && isDefaultKey(tx.world, tx.region, snapshot.KmsKeyId)) {
      fail('OperationNotPermitted', `Snapshot '${snapshot.SnapshotId}' is encrypted with the AWS managed key (aws/ebs) and can't be shared.`);
    }
  }
  tx.put('snapshots', snapshot.SnapshotId, { ...snapshot, CreateVolumePermissions: applyPermissions(snapshot.CreateVolumePermissions, change) });
  return {};
}

export function permissionList(values: readonly string[]): Array<{ Group: string } | { UserId: string }> {
  return values.map((v) => (v === 'all' ? { Group: 'all' } : { UserId: v }));
}

export function DescribeSnapshotAttribute(tx: Tx, p: Params): unknown {
  const snapshot = getOwnSnapshot(tx.world, tx.region, reqString(p, 'SnapshotId'));
  const attribute = reqString(p, 'Attribute');
  if (attribute !== 'createVolumePermission') invalidValue('Attribute', attribute, "Supported: 'createVolumePermission'.");
  return { CreateVolumePermissions: permissionList(snapshot.CreateVolumePermissions), SnapshotId: snapshot.SnapshotId };
}

function moveTier(tx: Tx, s: Snapshot, event: string, patch: Partial<Snapshot>): Snapshot {
  const tier = nextTier(s.State === 'completed' ? s.Tier : 'pending', event);
  if (tier === null) return fail('IncorrectState', `Snapshot '${s.SnapshotId}' can't do ${event} while ${s.State === 'pending' ? 'pending' : s.Tier}.`);
  const next = { ...s, ...patch, Tier: tier as SnapshotTierState };
  tx.put('snapshots', s.SnapshotId, next);
  return next;
}

export function ModifySnapshotTier(tx: Tx, p: Params): unknown {
  const snapshot = getOwnSnapshot(tx.world, tx.region, reqString(p, 'SnapshotId'));
  const tier = optString(p, 'StorageTier') ?? missingParameter('StorageTier');
  if (tier !== 'archive') invalidValue('StorageTier', tier, "The only supported storage tier is 'archive'.");
  if (snapshot.State !== 'completed') fail('IncorrectState', `Snapshot is in invalid state - ${snapshot.State}`);
  // An AMI's snapshots can be archived once every AMI that uses them is disabled (EBS User Guide, "Archive an
  // Amazon EBS snapshot"). MODEL CHOICE: the error code for an AMI that is not disabled is not documented.
  const launchable = imagesUsing(tx.world, snapshot.SnapshotId).filter((id) => tx.world.images[id]?.State !== 'disabled');
  if (launchable.length > 0) {
    const them = launchable.length > 1 ? 'them' : 'it';
    fail(
      'IncorrectState',
      `Snapshot '${snapshot.SnapshotId}' is associated with ${launchable.join(', ')}, which can still launch; disable ${them} (DisableImage) or deregister ${them} before archiving the snapshot.`,
    );
  }
  moveTier(tx, snapshot, 'ARCHIVE', { TierAt: tx.world.now + DURATIONS.archive });
  dropFastSnapshotRestores(tx, snapshot.SnapshotId);
  tx.emit('SnapshotArchiving', snapshot.SnapshotId, `Snapshot ${snapshot.SnapshotId} is moving to the archive tier`);
  return { SnapshotId: snapshot.SnapshotId, TieringStartTime: iso(tx.world.now) };
}

export function RestoreSnapshotTier(tx: Tx, p: Params): unknown {
  const snapshot = getOwnSnapshot(tx.world, tx.region, reqString(p, 'SnapshotId'));
  const days = optInt(p, 'TemporaryRestoreDays');
  const permanent = optBool(p, 'PermanentRestore') ?? false;
  if ((days === undefined) === !permanent) {
    fail('InvalidParameterCombination', 'Specify either TemporaryRestoreDays or PermanentRestore=true.');
  }
  if (days !== undefined && (days < 1 || days > 180)) invalidValue('TemporaryRestoreDays', days, 'Use 1 to 180 days.');
  const now = tx.world.now;
  if (permanent) {
    // A permanent restore ends the archive period: the rest of the 90-day minimum is billed pro rata.
    charge(tx, { Kind: 'archive-early-exit', ResourceId: snapshot.SnapshotId, USD: earlyArchiveExitUSD(tx.world, snapshot), Description: `Permanently restored ${snapshot.SnapshotId} before the 90-day archive minimum` });
  }
  if (snapshot.Tier === 'temporary-restored') {
    // Already in the standard tier: a new period or a permanent restore applies at once.
    if (permanent) moveTier(tx, snapshot, 'MAKE_PERMANENT', { TierAt: null, RestoreDays: null, ArchivedAt: null });
    else moveTier(tx, snapshot, 'EXTEND_RESTORE', { TierAt: now + (days ?? 1) * DAY, RestoreDays: days ?? null });
  } else {
    moveTier(tx, snapshot, 'RESTORE', {
      TierAt: now + DURATIONS.restoreFromArchive,
      RestoreDays: permanent ? null : (days ?? null),
      // The early-exit charge above settles the archive minimum of a permanent restore.
      ArchivedAt: permanent ? null : snapshot.ArchivedAt,
    });
    const gib = Object.keys(snapshot.Image).length;
    charge(tx, { Kind: 'archive-restore', ResourceId: snapshot.SnapshotId, USD: gib * ARCHIVE_RESTORE_PRICE, Description: `Restored ${gib} GiB of ${snapshot.SnapshotId} from the archive tier` });
    tx.emit('SnapshotRestoring', snapshot.SnapshotId, `Snapshot ${snapshot.SnapshotId} is being restored from the archive tier`);
  }
  return {
    SnapshotId: snapshot.SnapshotId,
    RestoreStartTime: iso(now),
    ...(permanent ? {} : { RestoreDuration: days }),
    IsPermanentRestore: permanent,
  };
}
