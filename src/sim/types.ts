// The World: plain JSON data (no Map/Set/class), treated as immutable. Relations are ids.
// Record field names follow the EC2 API where the API has a name for the thing, so that the
// describe formatters stay thin and the inspector can show records as they are.

export type RegionName = 'us-east-1' | 'eu-west-1';

export interface Tag {
  Key: string;
  Value: string;
}

export type InstanceStateName = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';
export type VolumeStateName = 'creating' | 'available' | 'in-use' | 'deleting';
export type AttachmentStateName = 'attaching' | 'attached' | 'detaching';
export type SnapshotStateName = 'pending' | 'completed';
/** Storage-tier sub-state of a completed snapshot (see snapshotLifecycle). */
export type SnapshotTierState = 'standard' | 'archiving' | 'archived' | 'restoring' | 'temporary-restored';
export type ImageStateName = 'pending' | 'available' | 'disabled' | 'deregistered';

export interface Instance {
  InstanceId: string;
  Region: RegionName;
  AvailabilityZone: string;
  ImageId: string;
  InstanceType: string;
  State: InstanceStateName;
  /** Simulated ms at which the current transitional state (pending, stopping, shutting-down) ends. */
  TransitionAt: number | null;
  LaunchTime: number;
  ReservationId: string;
  OwnerId: string;
  Architecture: string;
  RootDeviceName: string;
  DisableApiTermination: boolean;
  DisableApiStop: boolean;
  Tags: Tag[];
  /** Ms when a terminated instance stops being listed (AWS keeps them visible for about an hour). */
  PurgeAt: number | null;
}

/**
 * What the World remembers of a terminated instance once AWS no longer lists it (its PurgeAt has
 * passed): not an Instance, so DescribeInstances and everything else that reads `instances` never
 * see it. Goals read it, so that "the web-server instance is terminated" stays true after the purge.
 * Only terminated instances are purged, so its final state is always `terminated`.
 */
export interface PurgedInstance {
  InstanceId: string;
  Region: RegionName;
  OwnerId: string;
  /** The AMI it was launched from. */
  ImageId: string;
  /** Its Name tag when it was purged, or null. */
  Name: string | null;
  /** Simulated ms it stopped being listed. */
  PurgedAt: number;
}

export interface Attachment {
  InstanceId: string;
  Device: string;
  State: AttachmentStateName;
  AttachTime: number;
  DeleteOnTermination: boolean;
  TransitionAt: number | null;
}

export interface Volume {
  VolumeId: string;
  Region: RegionName;
  AvailabilityZone: string;
  Size: number;
  VolumeType: string;
  Iops: number | null;
  Throughput: number | null;
  SnapshotId: string;
  State: VolumeStateName;
  TransitionAt: number | null;
  CreateTime: number;
  Encrypted: boolean;
  KmsKeyId: string | null;
  OwnerId: string;
  Tags: Tag[];
  /** At most one (no Multi-Attach in this simulation). */
  Attachment: Attachment | null;
  /** Written blocks only: block index (as string key) -> id of an immutable block version in World.blocks. */
  Blocks: Record<string, string>;
  /** Created in an AZ where fast snapshot restore of its snapshot was enabled: no first-read latency. */
  FastRestored: boolean;
  /** Snapshot lineage this volume's snapshots join (B5): same as its source snapshot's when account and key match. */
  Lineage: string;
}

export interface Snapshot {
  SnapshotId: string;
  Region: RegionName;
  VolumeId: string;
  VolumeSize: number;
  State: SnapshotStateName;
  StartTime: number;
  /** Ms at which the pending snapshot completes. */
  CompleteAt: number;
  Description: string;
  Encrypted: boolean;
  KmsKeyId: string | null;
  OwnerId: string;
  OwnerAlias: string | null;
  Tags: Tag[];
  Tier: SnapshotTierState;
  /** Ms at which the current tier operation (archiving, restoring, temporary restore expiry) ends. */
  TierAt: number | null;
  /** Ms of the last archival; the 90-day minimum is counted from here. */
  ArchivedAt: number | null;
  /** Days of a temporary restore in progress, null for a permanent restore. */
  RestoreDays: number | null;
  /** The full logical image at StartTime: block index -> block version id (B3). */
  Image: Record<string, string>;
  /** Block versions this snapshot stores itself in the standard tier (B1, B2, B4). */
  Owned: string[];
  Lineage: string;
  /** DeleteSnapshot on a pending snapshot takes effect when it completes. */
  DeleteOnComplete: boolean;
  /** createVolumePermission: account ids and/or 'all'. */
  CreateVolumePermissions: string[];
  /** For copies: the source snapshot id (the API shows it only in the default description); kept for the inspector. */
  CopiedFrom: string | null;
}

export interface EbsMapping {
  SnapshotId: string | null;
  VolumeSize: number;
  VolumeType: string;
  DeleteOnTermination: boolean;
  Encrypted: boolean;
  KmsKeyId: string | null;
}

export interface BlockDeviceMapping {
  DeviceName: string;
  Ebs?: EbsMapping;
  VirtualName?: string;
}

export interface Image {
  ImageId: string;
  Region: RegionName;
  Name: string;
  Description: string;
  State: ImageStateName;
  OwnerId: string;
  ImageOwnerAlias: string | null;
  Public: boolean;
  /** Explicit launch permissions (account ids). Public is the Group=all permission. */
  LaunchPermissions: string[];
  Architecture: string;
  VirtualizationType: string;
  RootDeviceName: string;
  RootDeviceType: 'ebs';
  BlockDeviceMappings: BlockDeviceMapping[];
  CreationDate: number;
  DeprecationTime: number | null;
  SourceInstanceId: string | null;
  SourceImageId: string | null;
  SourceRegion: RegionName | null;
  Tags: Tag[];
  PlatformDetails: string;
  /** CreateImage's NoReboot (false for every other image); not in the API's Image. While the image is
   * pending it counts toward NO_REBOOT_CREATE_IMAGE_LIMIT. */
  NoReboot: boolean;
}

/** An immutable block version: the files whose data lives in that block. Refs counts volume and snapshot references. */
export interface BlockVersion {
  Files: Record<string, string>;
  Refs: number;
}

export type FastSnapshotRestoreState = 'enabling' | 'optimizing' | 'enabled' | 'disabling';

/** Fast snapshot restore of one snapshot in one AZ (reference §2.19); keyed `${SnapshotId}:${AvailabilityZone}`. */
export interface FastSnapshotRestore {
  SnapshotId: string;
  AvailabilityZone: string;
  Region: RegionName;
  State: FastSnapshotRestoreState;
  TransitionAt: number | null;
  EnablingTime: number;
  OptimizingTime: number | null;
  EnabledTime: number | null;
  DisablingTime: number | null;
  /** Credit bucket (one per snapshot and AZ): credits left at CreditsAt; refilled lazily when used. */
  Credits: number;
  CreditsAt: number;
}

/** A one-off charge in the cost ledger. */
export interface Charge {
  Time: number;
  Kind: 'archive-restore' | 'archive-early-exit';
  ResourceId: string;
  USD: number;
  Description: string;
}

export interface BilledBlocks {
  Standard: number;
  Archive: number;
}

export interface Ledger {
  /**
   * Snapshot storage used so far, as the clock moved, in block-milliseconds per tier: integers, so
   * one long Advance and several short ones give the same ledger. USD: accruedSnapshotStorageUSD().
   */
  StandardBlockMs: number;
  ArchiveBlockMs: number;
  Charges: Charge[];
}

export interface Reservation {
  ReservationId: string;
  OwnerId: string;
}

export interface World {
  schema: 1;
  /** Simulated time, ms since epoch. Only Advance moves it. */
  now: number;
  seed: number;
  /** State of the seeded id generator (xorshift32). */
  rng: number;
  /** Counter for block version ids. */
  nextBlock: number;
  accountId: string;
  instances: Record<string, Instance>;
  /** Terminated instances AWS no longer lists, by id, in the order they were purged. */
  purgedInstances: Record<string, PurgedInstance>;
  volumes: Record<string, Volume>;
  snapshots: Record<string, Snapshot>;
  images: Record<string, Image>;
  blocks: Record<string, BlockVersion>;
  reservations: Record<string, Reservation>;
  fastSnapshotRestores: Record<string, FastSnapshotRestore>;
  /** Derived index (indexes.ts): every pending completion, `${kind} ${id}` -> ms it is due. */
  schedule: Record<string, number>;
  /** Derived index (indexes.ts): instance id -> sorted ids of the volumes attached to it. */
  attachments: Record<string, string[]>;
  /** Derived index (indexes.ts): blocks the account's own snapshots are billed for now, per tier. */
  billedBlocks: BilledBlocks;
  ledger: Ledger;
}

export interface SimCall {
  action: string;
  region?: RegionName;
  params?: Record<string, unknown>;
}

export interface Ec2Error {
  Code: string;
  Message: string;
}

export interface SimEvent {
  type: string;
  time: number;
  resourceId: string;
  message: string;
  [key: string]: unknown;
}

export type CallResult =
  | { ok: true; world: World; output: unknown; events: SimEvent[] }
  | { ok: false; error: Ec2Error };
