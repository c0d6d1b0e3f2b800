// Read-only views of the block model for the concept widgets (block explorer, point-in-time
// timeline). Nothing here decides a rule: who stores which block version is read from the records
// (Snapshot.Owned, Snapshot.Image, Volume.Blocks), and what a delete or an archive would change is
// asked of execute() itself on a copy (execute is pure), then compared.
import { filesOfBlocks, holdsArchiveCopy, holdsStandardCopy } from './blocks.ts';
import { execute } from './execute.ts';
import { costSummary, type CostSummary } from './queries.ts';
import type { Ec2Error, Snapshot, World } from './types.ts';

/** Where the data of one block of a snapshot's image lives. */
export type BlockHolder =
  /** The snapshot stores this version itself, in the standard tier. */
  | { kind: 'self' }
  /** An earlier (or later) snapshot of the lineage stores it; this one only refers to it. */
  | { kind: 'shared'; snapshotId: string }
  /** The snapshot is archived: its full image is one standalone copy in the archive tier. */
  | { kind: 'archive' };

export interface BlockCell {
  index: number;
  /** Block version id (World.blocks). */
  version: string;
  /** The files whose data is in this version, sorted by path (paths relative to the volume). */
  files: Array<{ path: string; content: string }>;
}

export interface SnapshotBlocks {
  snapshot: Snapshot;
  /** One entry per block index of the source volume: null where the image has no written block. */
  cells: Array<(BlockCell & { holder: BlockHolder }) | null>;
  /** Blocks this snapshot is billed for in the standard tier (its own versions). */
  stored: number;
  /** Blocks of its image stored by another snapshot. */
  shared: number;
}

export interface LineageBlocks {
  volumeId: string;
  size: number;
  /** The volume now: one entry per block index, null for a never-written (or trimmed) block. */
  volume: Array<BlockCell | null>;
  /** The lineage's snapshots in this Region (own account), oldest first. */
  snapshots: SnapshotBlocks[];
}

function byStartTime(a: Snapshot, b: Snapshot): number {
  return a.StartTime - b.StartTime || (a.SnapshotId < b.SnapshotId ? -1 : 1);
}

/** The snapshots of the volume's lineage in its Region, owned by the account, oldest first. */
export function lineageSnapshots(world: World, volumeId: string): Snapshot[] {
  const volume = world.volumes[volumeId];
  if (!volume) return [];
  return Object.values(world.snapshots)
    .filter((s) => s.Lineage === volume.Lineage && s.Region === volume.Region && s.OwnerId === world.accountId)
    .sort(byStartTime);
}

/**
 * The volume's blocks and, for each snapshot of its lineage, which block version it holds at each
 * index and who stores it.
 */
export function lineageBlocks(world: World, volumeId: string): LineageBlocks | null {
  const volume = world.volumes[volumeId];
  if (!volume) return null;
  const snapshots = lineageSnapshots(world, volumeId);
  const owner = new Map<string, string>();
  for (const s of snapshots) if (holdsStandardCopy(s.Tier)) for (const id of s.Owned) owner.set(id, s.SnapshotId);
  const cell = (blocks: Record<string, string>, index: number): BlockCell | null => {
    const version = blocks[String(index)];
    if (version === undefined) return null;
    const files = Object.entries(world.blocks[version]?.Files ?? {})
      .map(([path, content]) => ({ path, content }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    return { index, version, files };
  };
  const size = Math.max(volume.Size, ...snapshots.map((s) => s.VolumeSize));
  const indexes = Array.from({ length: size }, (_, i) => i);
  return {
    volumeId,
    size,
    volume: indexes.map((i) => cell(volume.Blocks, i)),
    snapshots: snapshots.map((s) => {
      const own = new Set(s.Owned);
      let stored = 0;
      let shared = 0;
      const cells = indexes.map((i) => {
        const c = cell(s.Image, i);
        if (c === null) return null;
        let holder: BlockHolder;
        if (own.has(c.version)) {
          holder = { kind: 'self' };
          stored += 1;
        } else if (!holdsStandardCopy(s.Tier) && holdsArchiveCopy(s.Tier)) {
          holder = { kind: 'archive' };
        } else {
          holder = { kind: 'shared', snapshotId: owner.get(c.version) ?? '' };
          shared += 1;
        }
        return { ...c, holder };
      });
      return { snapshot: s, cells, stored, shared };
    }),
  };
}

export type DeletionEffect =
  | {
      ok: true;
      /** A pending snapshot is deleted only once it completes (DeleteOnComplete): nothing moves yet. */
      deferred: boolean;
      /** Block indexes whose version this snapshot stored and no other snapshot needs: freed. */
      freed: number[];
      /** Versions another snapshot still uses: kept, and now stored by `to`. */
      kept: Array<{ index: number; to: string }>;
    }
  | { ok: false; error: Ec2Error };

/**
 * What DeleteSnapshot would do to the blocks the snapshot stores: asks execute() to run it on the
 * World (pure) and compares who stores each of the snapshot's versions before and after.
 */
export function snapshotDeletionEffect(world: World, snapshotId: string): DeletionEffect {
  const snapshot = world.snapshots[snapshotId];
  const result = execute(world, { action: 'DeleteSnapshot', region: snapshot?.Region, params: { SnapshotId: snapshotId } });
  if (!result.ok) return { ok: false, error: result.error };
  if (snapshot === undefined) return { ok: true, deferred: false, freed: [], kept: [] };
  if (result.world.snapshots[snapshotId] !== undefined) return { ok: true, deferred: true, freed: [], kept: [] };
  const indexOf = new Map<string, number>();
  for (const [index, id] of Object.entries(snapshot.Image)) if (!indexOf.has(id)) indexOf.set(id, Number(index));
  const newOwner = new Map<string, string>();
  for (const s of Object.values(result.world.snapshots)) for (const id of s.Owned) newOwner.set(id, s.SnapshotId);
  const freed: number[] = [];
  const kept: Array<{ index: number; to: string }> = [];
  for (const version of snapshot.Owned) {
    const index = indexOf.get(version) ?? -1;
    const to = newOwner.get(version);
    if (to === undefined) freed.push(index);
    else kept.push({ index, to });
  }
  return { ok: true, deferred: false, freed: freed.sort((a, b) => a - b), kept: kept.sort((a, b) => a.index - b.index) };
}

export type ArchiveWhatIf = { ok: true; before: CostSummary; after: CostSummary } | { ok: false; error: Ec2Error };

/**
 * The account's snapshot storage before and after archiving one snapshot: ModifySnapshotTier run by
 * execute() on the World, then the clock moved to the end of the archival the simulation schedules.
 */
export function archiveWhatIf(world: World, snapshotId: string): ArchiveWhatIf {
  const region = world.snapshots[snapshotId]?.Region;
  const modified = execute(world, { action: 'ModifySnapshotTier', region, params: { SnapshotId: snapshotId, StorageTier: 'archive' } });
  if (!modified.ok) return { ok: false, error: modified.error };
  const tierAt = modified.world.snapshots[snapshotId]?.TierAt ?? modified.world.now;
  const seconds = Math.max(1, Math.ceil((tierAt - modified.world.now) / 1000));
  const archived = execute(modified.world, { action: 'Advance', params: { Seconds: seconds } });
  if (!archived.ok) return { ok: false, error: archived.error };
  return { ok: true, before: costSummary(world), after: costSummary(archived.world) };
}

export interface PointInTimeDiff {
  /** Files in the snapshot, with the content they had at its start time. */
  inSnapshot: Array<{ path: string; content: string }>;
  /** Files on the volume now that the snapshot does not hold as they are now: written or changed after it started. */
  notInSnapshot: Array<{ path: string; content: string; change: 'added' | 'changed' }>;
  /** Files the snapshot holds that the volume no longer has. */
  deletedSince: string[];
}

/**
 * A snapshot's files against its source volume's files now (paths relative to the volume). Null when
 * the snapshot does not exist; when the volume is gone, everything in the snapshot counts as deleted since.
 */
export function pointInTimeDiff(world: World, snapshotId: string): PointInTimeDiff | null {
  const snapshot = world.snapshots[snapshotId];
  if (!snapshot) return null;
  const volume = world.volumes[snapshot.VolumeId];
  const then = new Map(filesOfBlocks(world, snapshot.Image).map((f) => [f.Path, f.Content]));
  const now = new Map(volume ? filesOfBlocks(world, volume.Blocks).map((f) => [f.Path, f.Content]) : []);
  const notInSnapshot: PointInTimeDiff['notInSnapshot'] = [];
  for (const [path, content] of now) {
    const old = then.get(path);
    if (old === undefined) notInSnapshot.push({ path, content, change: 'added' });
    else if (old !== content) notInSnapshot.push({ path, content, change: 'changed' });
  }
  return {
    inSnapshot: [...then].map(([path, content]) => ({ path, content })),
    notInSnapshot,
    deletedSince: [...then.keys()].filter((path) => !now.has(path)),
  };
}
