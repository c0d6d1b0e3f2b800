// MODEL CHOICE: how long simulated work takes. AWS documents none of these as fixed numbers; they are
// picked so that the effect being taught is visible (an incremental snapshot of 2 changed blocks is
// faster than a first full one) and the AWS CLI's standard waiters always succeed for course sizes
// (snapshot-completed polls every 15 s for 40 attempts, so every snapshot finishes within 10 minutes).

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const DURATIONS = {
  /** RunInstances / StartInstances: pending -> running. */
  instanceBoot: 30 * SECOND,
  /** StopInstances: stopping -> stopped. */
  instanceStop: 20 * SECOND,
  /** TerminateInstances: shutting-down -> terminated. */
  instanceTerminate: 20 * SECOND,
  /** A terminated instance stays listed this long (AWS: "about 1 hour"). */
  terminatedVisible: 1 * HOUR,
  /** CreateVolume: creating -> available. */
  volumeCreate: 5 * SECOND,
  /** DeleteVolume: deleting -> gone. */
  volumeDelete: 5 * SECOND,
  /** AttachVolume: attaching -> attached; DetachVolume: detaching -> gone. */
  attach: 5 * SECOND,
  detach: 5 * SECOND,
  /** CreateSnapshot: fixed overhead plus time per block the snapshot has to store, capped (see header). */
  snapshotBase: 15 * SECOND,
  snapshotPerBlock: 10 * SECOND,
  snapshotMax: 8 * MINUTE,
  /** CopySnapshot / CopyImage across Regions: extra fixed overhead on top of the per-block time. */
  crossRegionCopyBase: 60 * SECOND,
  /** ModifySnapshotTier: archival-in-progress -> archived. */
  archive: 6 * HOUR,
  /** RestoreSnapshotTier: AWS says a restore takes up to 72 h. */
  restoreFromArchive: 24 * HOUR,
  /** Minimum archive period; an earlier permanent restore or delete is billed pro rata. */
  archiveMinimum: 90 * DAY,
  /** Fast snapshot restore: enabling -> optimizing, and disabling -> gone. */
  fsrEnable: 1 * MINUTE,
  fsrDisable: 1 * MINUTE,
  /** Optimizing takes 60 minutes per TiB of snapshot size (UG:ebs-fast-snapshot-restore); at least a minute here. */
  fsrOptimizePerGiB: (60 * MINUTE) / 1024,
  /** SnapshotCreationPerVolumeRateExceeded: minimum spacing between snapshots of one volume (reference §2.7). */
  snapshotRateWindow: 15 * SECOND,
} as const;

/** Time to store `blocks` blocks (the snapshot's own, changed data) with `base` overhead. */
export function snapshotDuration(blocks: number, base: number = DURATIONS.snapshotBase): number {
  return Math.min(base + blocks * DURATIONS.snapshotPerBlock, DURATIONS.snapshotMax);
}
