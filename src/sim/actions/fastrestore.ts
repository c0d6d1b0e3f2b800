// Enable/Disable/DescribeFastSnapshotRestores (reference §2.19). One record per (snapshot, AZ):
// enabling -> optimizing (60 min per TiB) -> enabled; disabling -> gone. A volume created from the
// snapshot in an enabled AZ is FastRestored when the (snapshot, AZ) credit bucket holds a credit;
// the bucket refills at MIN(10, 1024 / snapshot GiB) credits per hour.
// MODEL CHOICE: the bucket holds at most that many credits (at least 1) and starts full when enabled.
import { checkIdFormat, getSnapshot } from '../access.ts';
import { DURATIONS } from '../durations.ts';
import { fail, missingParameter } from '../errors.ts';
import { fastSnapshotRestoreLifecycle, nextFlatState } from '../lifecycles.ts';
import { optStringList, type Params } from '../params.ts';
import { compileFilters, type FilterFields } from '../tagging.ts';
import type { FastSnapshotRestore, FastSnapshotRestoreState, Snapshot, Tag, World } from '../types.ts';
import { iso, zonesOf, type Tx } from '../world.ts';
import { zoneNameOf } from './account.ts';

/** Largest snapshot FSR accepts: 16 TiB. */
const FSR_MAX_GIB = 16 * 1024;

export function fsrKey(snapshotId: string, zone: string): string {
  return `${snapshotId}:${zone}`;
}

function readZones(tx: Tx, p: Params): string[] {
  const names = optStringList(p, 'AvailabilityZones') ?? [];
  const ids = (optStringList(p, 'AvailabilityZoneIds') ?? []).map((id) => zoneNameOf(id) ?? fail('InvalidZone.NotFound', `The zone ID '${id}' does not exist.`));
  const zones = [...new Set([...names, ...ids])];
  if (zones.length === 0) missingParameter('AvailabilityZones');
  for (const z of zones) if (!zonesOf(tx.region).includes(z)) fail('InvalidZone.NotFound', `The zone '${z}' does not exist.`);
  return zones;
}

function readSnapshots(tx: Tx, p: Params): Snapshot[] {
  const ids = optStringList(p, 'SourceSnapshotIds');
  if (!ids || ids.length === 0) return missingParameter('SourceSnapshotIds');
  checkIdFormat('snap', ids);
  return [...new Set(ids)].map((id) => getSnapshot(tx.world, tx.region, id));
}

function formatFsr(world: World, r: FastSnapshotRestore): Record<string, unknown> {
  return {
    SnapshotId: r.SnapshotId,
    AvailabilityZone: r.AvailabilityZone,
    State: r.State,
    StateTransitionReason: 'Client.UserInitiated',
    OwnerId: world.snapshots[r.SnapshotId]?.OwnerId ?? world.accountId,
    EnablingTime: iso(r.EnablingTime),
    ...(r.OptimizingTime !== null ? { OptimizingTime: iso(r.OptimizingTime) } : {}),
    ...(r.EnabledTime !== null ? { EnabledTime: iso(r.EnabledTime) } : {}),
    ...(r.DisablingTime !== null ? { DisablingTime: iso(r.DisablingTime) } : {}),
  };
}

type ItemError = { AvailabilityZone: string; Error: { Code: string; Message: string } };

/** Per-item failures go to Unsuccessful; the rest of the request still applies (as in the API's response shape). */
function collect(results: Array<{ snapshotId: string; ok?: Record<string, unknown>; error?: ItemError }>) {
  const Unsuccessful = new Map<string, ItemError[]>();
  const Successful: Record<string, unknown>[] = [];
  for (const r of results) {
    if (r.ok) Successful.push(r.ok);
    if (r.error) Unsuccessful.set(r.snapshotId, [...(Unsuccessful.get(r.snapshotId) ?? []), r.error]);
  }
  return { Successful, Unsuccessful: [...Unsuccessful].map(([SnapshotId, FastSnapshotRestoreStateErrors]) => ({ SnapshotId, FastSnapshotRestoreStateErrors })) };
}

export function EnableFastSnapshotRestores(tx: Tx, p: Params): unknown {
  const zones = readZones(tx, p);
  const snapshots = readSnapshots(tx, p);
  const results = snapshots.flatMap((s) =>
    zones.map((zone) => {
      const problem =
        s.OwnerId !== tx.world.accountId
          ? 'You can enable fast snapshot restore only for snapshots you own.'
          : s.State !== 'completed'
            ? `Snapshot is in invalid state - ${s.State}`
            : s.Tier !== 'standard' && s.Tier !== 'temporary-restored'
              ? 'Fast snapshot restore is not available for archived snapshots.'
              : s.VolumeSize > FSR_MAX_GIB
                ? 'Fast snapshot restore supports snapshots of up to 16 TiB.'
                : null;
      if (problem) return { snapshotId: s.SnapshotId, error: { AvailabilityZone: zone, Error: { Code: 'IncorrectState', Message: problem } } };
      const key = fsrKey(s.SnapshotId, zone);
      const existing = tx.world.fastSnapshotRestores[key];
      if (existing && existing.State !== 'disabling') return { snapshotId: s.SnapshotId, ok: formatFsr(tx.world, existing) };
      const record: FastSnapshotRestore = {
        SnapshotId: s.SnapshotId,
        AvailabilityZone: zone,
        Region: tx.region,
        State: 'enabling',
        TransitionAt: tx.world.now + DURATIONS.fsrEnable,
        EnablingTime: tx.world.now,
        OptimizingTime: null,
        EnabledTime: null,
        DisablingTime: null,
        Credits: 0,
        CreditsAt: tx.world.now,
      };
      tx.put('fastSnapshotRestores', key, record);
      tx.emit('FastSnapshotRestoreEnabling', s.SnapshotId, `Fast snapshot restore of ${s.SnapshotId} is enabling in ${zone}`);
      return { snapshotId: s.SnapshotId, ok: formatFsr(tx.world, record) };
    }),
  );
  return collect(results);
}

export function DisableFastSnapshotRestores(tx: Tx, p: Params): unknown {
  const zones = readZones(tx, p);
  const snapshots = readSnapshots(tx, p);
  const results = snapshots.flatMap((s) =>
    zones.map((zone) => {
      const key = fsrKey(s.SnapshotId, zone);
      const existing = tx.world.fastSnapshotRestores[key];
      const next = existing ? nextFlatState(fastSnapshotRestoreLifecycle, existing.State, 'DISABLE') : null;
      if (!existing || next === null) {
        if (existing?.State === 'disabling') return { snapshotId: s.SnapshotId, ok: formatFsr(tx.world, existing) };
        return { snapshotId: s.SnapshotId, error: { AvailabilityZone: zone, Error: { Code: 'IncorrectState', Message: `Fast snapshot restore is not enabled for ${s.SnapshotId} in ${zone}.` } } };
      }
      const record = { ...existing, State: next as FastSnapshotRestoreState, TransitionAt: tx.world.now + DURATIONS.fsrDisable, DisablingTime: tx.world.now };
      tx.put('fastSnapshotRestores', key, record);
      tx.emit('FastSnapshotRestoreDisabling', s.SnapshotId, `Fast snapshot restore of ${s.SnapshotId} is disabling in ${zone}`);
      return { snapshotId: s.SnapshotId, ok: formatFsr(tx.world, record) };
    }),
  );
  return collect(results);
}

const FSR_FILTERS: FilterFields<FastSnapshotRestore & { Tags: Tag[] }> = {
  'snapshot-id': (r) => [r.SnapshotId],
  'availability-zone': (r) => [r.AvailabilityZone],
  state: (r) => [r.State],
};

export function DescribeFastSnapshotRestores(tx: Tx, p: Params): unknown {
  const matches = compileFilters(p, FSR_FILTERS);
  return {
    FastSnapshotRestores: Object.values(tx.world.fastSnapshotRestores)
      .filter((r) => r.Region === tx.region && matches({ ...r, Tags: [] }))
      .map((r) => formatFsr(tx.world, r)),
  };
}

/** Advance: move one record to its next state when its transition time comes. */
export function completeFastSnapshotRestore(tx: Tx, key: string): void {
  const r = tx.world.fastSnapshotRestores[key];
  if (!r) return;
  const now = tx.world.now;
  if (r.State === 'enabling') {
    const size = tx.world.snapshots[r.SnapshotId]?.VolumeSize ?? 1;
    const optimizing = Math.max(60_000, Math.round(size * DURATIONS.fsrOptimizePerGiB));
    tx.put('fastSnapshotRestores', key, { ...r, State: nextFlatState(fastSnapshotRestoreLifecycle, r.State, 'OPTIMIZE') as FastSnapshotRestoreState, OptimizingTime: now, TransitionAt: now + optimizing });
  } else if (r.State === 'optimizing') {
    const size = tx.world.snapshots[r.SnapshotId]?.VolumeSize ?? 1;
    tx.put('fastSnapshotRestores', key, {
      ...r,
      State: nextFlatState(fastSnapshotRestoreLifecycle, r.State, 'OPTIMIZED') as FastSnapshotRestoreState,
      EnabledTime: now,
      TransitionAt: null,
      Credits: bucketSize(size),
      CreditsAt: now,
    });
    tx.emit('FastSnapshotRestoreEnabled', r.SnapshotId, `Fast snapshot restore of ${r.SnapshotId} is enabled in ${r.AvailabilityZone}`);
  } else if (r.State === 'disabling') {
    tx.remove('fastSnapshotRestores', key);
    tx.emit('FastSnapshotRestoreDisabled', r.SnapshotId, `Fast snapshot restore of ${r.SnapshotId} is disabled in ${r.AvailabilityZone}`);
  }
}

/** Credits per hour for a snapshot of `sizeGiB` (UG:ebs-fast-snapshot-restore). */
export function refillRate(sizeGiB: number): number {
  return Math.min(10, 1024 / Math.max(1, sizeGiB));
}

function bucketSize(sizeGiB: number): number {
  return Math.max(1, Math.floor(refillRate(sizeGiB)));
}

/**
 * Whether a volume created now from `snapshot` in `zone` is fast-restored; takes one credit if so.
 * Called by volume creation inside the same transaction.
 */
export function takeFastRestoreCredit(tx: Tx, snapshot: Snapshot, zone: string): boolean {
  const key = fsrKey(snapshot.SnapshotId, zone);
  const r = tx.world.fastSnapshotRestores[key];
  if (!r || r.State !== 'enabled') return false;
  const hours = (tx.world.now - r.CreditsAt) / 3_600_000;
  const credits = Math.min(bucketSize(snapshot.VolumeSize), r.Credits + hours * refillRate(snapshot.VolumeSize));
  if (credits < 1) return false;
  tx.put('fastSnapshotRestores', key, { ...r, Credits: credits - 1, CreditsAt: tx.world.now });
  return true;
}

/** FSR is switched off when its snapshot is deleted or archived (UG:ebs-fast-snapshot-restore, UG:snapshot-archive). */
export function dropFastSnapshotRestores(tx: Tx, snapshotId: string): void {
  for (const [key, r] of Object.entries(tx.world.fastSnapshotRestores)) if (r.SnapshotId === snapshotId) tx.remove('fastSnapshotRestores', key);
}
