// The block model (reference §4, MODEL CHOICE where noted).
//
// MODEL CHOICE, scale: 1 block = 1 GiB. A volume of Size GiB has block indexes 0..Size-1; only
// written blocks are recorded. Storage and cost are counted in blocks, so the reference's worked
// example (§4.2) reads the same in blocks and GiB.
// MODEL CHOICE, files: the files of a disk image are grouped into blocks; a file written by
// WriteFile gets a free block of its own, a package fills as many blocks as its definition groups.
// Changing or deleting a file rewrites the block that holds it; a block left empty is trimmed.
// Block contents are immutable versions (World.blocks, id `blk-N`) shared by reference between
// volumes and snapshots; Refs counts those references and a version is dropped at zero.
// Snapshots: Image is the whole logical volume at StartTime (B3); Owned are the versions the
// snapshot stores itself in the standard tier. Within one lineage (B5, B6) every version in the
// image of a snapshot holding a standard-tier copy is owned by exactly one such snapshot, so a new
// snapshot owns only what its lineage does not store yet (B1, B2), and deleting one hands each
// still-needed version to the next-newer snapshot that references it (B4; MODEL CHOICE: the oldest
// newer one, else the newest older one).
import { fail } from './errors.ts';
import type { Tx } from './world.ts';
import type { Snapshot, SnapshotTierState, Volume, World } from './types.ts';

export const BLOCK_BYTES = 1024 ** 3;

export function addRefs(tx: Tx, ids: Iterable<string>): void {
  for (const id of ids) {
    const block = tx.world.blocks[id];
    if (block) tx.put('blocks', id, { ...block, Refs: block.Refs + 1 });
  }
}

export function dropRefs(tx: Tx, ids: Iterable<string>): void {
  for (const id of ids) {
    const block = tx.world.blocks[id];
    if (!block) continue;
    if (block.Refs <= 1) tx.remove('blocks', id);
    else tx.put('blocks', id, { ...block, Refs: block.Refs - 1 });
  }
}

/** A new block version with no references yet (the caller adds the reference that keeps it). */
export function newBlock(tx: Tx, files: Record<string, string>): string {
  const id = `blk-${tx.world.nextBlock}`;
  tx.setNextBlock(tx.world.nextBlock + 1);
  tx.put('blocks', id, { Files: files, Refs: 0 });
  return id;
}

export interface FileEntry {
  Path: string;
  Content: string;
  Block: number;
}

/** Files held by a block map (a volume's Blocks or a snapshot's Image), sorted by path. */
export function filesOfBlocks(world: World, blocks: Record<string, string>): FileEntry[] {
  const out: FileEntry[] = [];
  for (const [index, id] of Object.entries(blocks)) {
    const files = world.blocks[id]?.Files ?? {};
    for (const [path, content] of Object.entries(files)) out.push({ Path: path, Content: content, Block: Number(index) });
  }
  return out.sort((a, b) => (a.Path < b.Path ? -1 : a.Path > b.Path ? 1 : 0));
}

export function byteLength(content: string): number {
  return new TextEncoder().encode(content).length;
}

function findBlockOf(world: World, volume: Volume, path: string): string | undefined {
  for (const [index, id] of Object.entries(volume.Blocks)) {
    if (world.blocks[id]?.Files[path] !== undefined) return index;
  }
  return undefined;
}

function freeIndexes(volume: Volume, count: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < volume.Size && out.length < count; i++) {
    if (volume.Blocks[String(i)] === undefined) out.push(i);
  }
  if (out.length < count) {
    fail(
      'VolumeFull',
      `No space left on device: volume '${volume.VolumeId}' (${volume.Size} GiB) has ${out.length} free block(s), ${count} needed.`,
    );
  }
  return out;
}

function replaceBlock(tx: Tx, blocks: Record<string, string>, index: string, files: Record<string, string> | null): void {
  const old = blocks[index];
  if (files === null || Object.keys(files).length === 0) {
    delete blocks[index];
  } else {
    const id = newBlock(tx, files);
    addRefs(tx, [id]);
    blocks[index] = id;
  }
  if (old !== undefined) dropRefs(tx, [old]);
}

/**
 * Writes groups of files (paths relative to the volume) and returns the new volume with the block
 * indexes that changed. Existing files are rewritten in their block; each group of new files fills
 * one fresh block.
 */
export function writeGroups(tx: Tx, volume: Volume, groups: ReadonlyArray<Readonly<Record<string, string>>>): { volume: Volume; changed: number[] } {
  const world = tx.world;
  const blocks = { ...volume.Blocks };
  const changed = new Set<number>();
  const updates = new Map<string, Record<string, string>>();
  const fresh: Array<Record<string, string>> = [];
  for (const group of groups) {
    const newFiles: Record<string, string> = {};
    for (const [path, content] of Object.entries(group)) {
      const index = findBlockOf(world, volume, path);
      if (index === undefined) {
        newFiles[path] = content;
      } else {
        const files = updates.get(index) ?? { ...world.blocks[blocks[index] ?? '']?.Files };
        files[path] = content;
        updates.set(index, files);
      }
    }
    if (Object.keys(newFiles).length > 0) fresh.push(newFiles);
  }
  const slots = freeIndexes(volume, fresh.length);
  for (const [index, files] of updates) {
    replaceBlock(tx, blocks, index, files);
    changed.add(Number(index));
  }
  fresh.forEach((files, i) => {
    const index = String(slots[i]);
    replaceBlock(tx, blocks, index, files);
    changed.add(Number(index));
  });
  return { volume: { ...volume, Blocks: blocks }, changed: [...changed].sort((a, b) => a - b) };
}

/** Deletes one file; returns null when the volume does not hold it. */
export function deleteFile(tx: Tx, volume: Volume, path: string): { volume: Volume; changed: number[] } | null {
  const index = findBlockOf(tx.world, volume, path);
  if (index === undefined) return null;
  const blocks = { ...volume.Blocks };
  const files = { ...tx.world.blocks[blocks[index] ?? '']?.Files };
  delete files[path];
  replaceBlock(tx, blocks, index, files);
  return { volume: { ...volume, Blocks: blocks }, changed: [Number(index)] };
}

/** Tiers in which a snapshot keeps a standard-tier copy of its data. */
export function holdsStandardCopy(tier: SnapshotTierState): boolean {
  return tier === 'standard' || tier === 'archiving' || tier === 'temporary-restored';
}

/** Tiers in which a snapshot is billed for a full copy in the archive tier (B7). */
export function holdsArchiveCopy(tier: SnapshotTierState): boolean {
  return tier === 'archived' || tier === 'restoring' || tier === 'temporary-restored';
}

function lineagePeers(world: World, snapshot: Pick<Snapshot, 'SnapshotId' | 'Lineage' | 'Region'>): Snapshot[] {
  return Object.values(world.snapshots).filter(
    (s) => s.Lineage === snapshot.Lineage && s.Region === snapshot.Region && s.SnapshotId !== snapshot.SnapshotId && holdsStandardCopy(s.Tier),
  );
}

/** The versions of `image` that its lineage does not store yet: what a new snapshot must store itself. */
export function unstoredVersions(world: World, probe: Pick<Snapshot, 'SnapshotId' | 'Lineage' | 'Region'>, image: Record<string, string>): string[] {
  const stored = new Set<string>();
  for (const peer of lineagePeers(world, probe)) for (const id of peer.Owned) stored.add(id);
  return [...new Set(Object.values(image))].filter((id) => !stored.has(id));
}

/**
 * Releases the standard-tier copy of `snapshot` (on delete, on archival, on temporary-restore
 * expiry): each owned version still referenced by a peer is handed over (B4), the rest is freed.
 * Updates the peers in the transaction and returns nothing; the caller updates `snapshot` itself.
 */
export function releaseStandardCopy(tx: Tx, snapshot: Snapshot): void {
  const peers = lineagePeers(tx.world, snapshot);
  for (const version of snapshot.Owned) {
    const users = peers.filter((p) => Object.values(p.Image).includes(version));
    if (users.length === 0) continue;
    const newer = users.filter((p) => p.StartTime > snapshot.StartTime || (p.StartTime === snapshot.StartTime && p.SnapshotId > snapshot.SnapshotId));
    const heir = newer.length > 0
      ? newer.reduce((a, b) => (b.StartTime < a.StartTime ? b : a))
      : users.reduce((a, b) => (b.StartTime > a.StartTime ? b : a));
    const current = tx.world.snapshots[heir.SnapshotId] ?? heir;
    tx.put('snapshots', heir.SnapshotId, { ...current, Owned: [...current.Owned, version] });
    const index = peers.indexOf(heir);
    peers[index] = tx.world.snapshots[heir.SnapshotId] ?? heir;
  }
}

/** Key identity for lineage purposes (B5): unencrypted, or the KMS key used. */
export function keyIdentity(encrypted: boolean, kmsKeyId: string | null): string {
  return encrypted ? `kms:${kmsKeyId ?? 'default'}` : 'none';
}
