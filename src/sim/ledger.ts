// The cost ledger: snapshot storage accrues as the clock moves, and the archive tier adds one-off
// charges. Prices are the us-east-1 list prices quoted in the reference (§4.4), per GB-month, with
// 1 block = 1 GiB counted as 1 GB (MODEL CHOICE, like the block scale itself).
import { holdsArchiveCopy } from './blocks.ts';
import { DURATIONS } from './durations.ts';
import type { Charge, Ledger, Snapshot, World } from './types.ts';
import type { Tx } from './world.ts';

export const SNAPSHOT_PRICE_STANDARD = 0.05;
export const SNAPSHOT_PRICE_ARCHIVE = 0.0125;
/** Restoring from the archive tier: per GB restored. */
export const ARCHIVE_RESTORE_PRICE = 0.03;
/** MODEL CHOICE: a billing month of 730 hours, as AWS's monthly estimates use. */
export const MONTH_MS = 730 * 3600 * 1000;

/** Blocks a snapshot is billed for: its own standard-tier blocks plus, when archived, its full size (B7). */
export function billedBlocks(s: Pick<Snapshot, 'Owned' | 'Image' | 'Tier'>): { standard: number; archive: number } {
  return { standard: s.Owned.length, archive: holdsArchiveCopy(s.Tier) ? Object.keys(s.Image).length : 0 };
}

export function snapshotMonthlyUSD(s: Pick<Snapshot, 'Owned' | 'Image' | 'Tier'>): number {
  const { standard, archive } = billedBlocks(s);
  return standard * SNAPSHOT_PRICE_STANDARD + archive * SNAPSHOT_PRICE_ARCHIVE;
}

/** Monthly snapshot storage cost of the account, all Regions (from the World's billedBlocks index). */
export function accountSnapshotMonthlyUSD(world: World): number {
  return world.billedBlocks.Standard * SNAPSHOT_PRICE_STANDARD + world.billedBlocks.Archive * SNAPSHOT_PRICE_ARCHIVE;
}

export function roundUSD(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** Snapshot storage cost accrued so far: the ledger's block-milliseconds priced per tier. */
export function accruedSnapshotStorageUSD(ledger: Ledger): number {
  return (ledger.StandardBlockMs * SNAPSHOT_PRICE_STANDARD + ledger.ArchiveBlockMs * SNAPSHOT_PRICE_ARCHIVE) / MONTH_MS;
}

/**
 * Adds the storage used from now to `until` at the current block counts. Counted in integer
 * block-milliseconds (exact up to 2^53, about 285 years of 1,000 stored blocks), so how the time
 * is split between Advance calls never changes the ledger.
 */
export function accrue(tx: Tx, until: number): void {
  const ms = until - tx.world.now;
  if (ms <= 0) return;
  const { Standard: standard, Archive: archive } = tx.world.billedBlocks;
  if (standard === 0 && archive === 0) return;
  const ledger = tx.world.ledger;
  tx.setLedger({ ...ledger, StandardBlockMs: ledger.StandardBlockMs + standard * ms, ArchiveBlockMs: ledger.ArchiveBlockMs + archive * ms });
}

export function charge(tx: Tx, entry: Omit<Charge, 'Time'>): void {
  const usd = roundUSD(entry.USD);
  if (usd <= 0) return;
  tx.setLedger({ ...tx.world.ledger, Charges: [...tx.world.ledger.Charges, { Time: tx.world.now, ...entry, USD: usd }] });
}

/** What leaving the archive tier now costs for the rest of the 90-day minimum (billed pro rata). */
export function earlyArchiveExitUSD(world: World, s: Snapshot): number {
  if (s.ArchivedAt === null || !holdsArchiveCopy(s.Tier)) return 0;
  const remaining = s.ArchivedAt + DURATIONS.archiveMinimum - world.now;
  return remaining > 0 ? (Object.keys(s.Image).length * SNAPSHOT_PRICE_ARCHIVE * remaining) / MONTH_MS : 0;
}
