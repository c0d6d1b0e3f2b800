// The cost ledger: snapshot storage accrues as the clock moves, and the archive tier adds one-off
// charges. Prices are the us-east-1 list prices quoted in the reference (§4.4), per GB-month, with
// 1 block = 1 GiB counted as 1 GB (MODEL CHOICE, like the block scale itself).
import { holdsArchiveCopy } from './blocks.ts';
import { DURATIONS } from './durations.ts';
import type { Charge, Snapshot, World } from './types.ts';
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

/** Monthly snapshot storage cost of the account, all Regions. */
export function accountSnapshotMonthlyUSD(world: World): number {
  let total = 0;
  for (const s of Object.values(world.snapshots)) if (s.OwnerId === world.accountId) total += snapshotMonthlyUSD(s);
  return total;
}

export function roundUSD(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** Adds the storage cost of the time from now to `until` at the current rate. */
export function accrue(tx: Tx, until: number): void {
  const ms = until - tx.world.now;
  if (ms <= 0) return;
  const usd = (accountSnapshotMonthlyUSD(tx.world) * ms) / MONTH_MS;
  if (usd > 0) tx.setLedger({ ...tx.world.ledger, AccruedSnapshotStorageUSD: tx.world.ledger.AccruedSnapshotStorageUSD + usd });
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
