// Derived indexes kept in the World so hot paths need not scan whole tables: `schedule` (every
// pending completion, by work key), `attachments` (instance id -> ids of the volumes attached to
// it) and `billedBlocks` (what the account's snapshots are billed for, read at every completion
// an Advance makes). They are a pure function of the records: the draft's put/remove (world.ts) update them on
// every write, so they are copied, journalled and undone like any table, and checkInvariants
// compares them with a recomputation from scratch.
import { billedBlocks } from './ledger.ts';
import type { BilledBlocks, FastSnapshotRestore, Instance, Snapshot, Volume, World } from './types.ts';

export type WorkKind = 'instance' | 'purge' | 'volume' | 'attachment' | 'snapshot' | 'tier' | 'fsr';

/** `schedule` key of a piece of work: its kind and the id of its record, e.g. `snapshot snap-0a1b...`. */
export function workKey(kind: WorkKind, id: string): string {
  return `${kind} ${id}`;
}

/** The pending work a record carries, as [work key, due ms] pairs. */
export function workOf(table: string, id: string, record: unknown): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const add = (kind: WorkKind, at: number | null | undefined) => {
    if (at !== null && at !== undefined) out.push([workKey(kind, id), at]);
  };
  if (record === undefined) return out;
  if (table === 'instances') {
    const i = record as Instance;
    add('instance', i.TransitionAt);
    add('purge', i.PurgeAt);
  } else if (table === 'volumes') {
    const v = record as Volume;
    add('volume', v.TransitionAt);
    add('attachment', v.Attachment?.TransitionAt);
  } else if (table === 'snapshots') {
    const s = record as Snapshot;
    if (s.State === 'pending') add('snapshot', s.CompleteAt);
    add('tier', s.TierAt);
  } else if (table === 'fastSnapshotRestores') {
    add('fsr', (record as FastSnapshotRestore).TransitionAt);
  }
  return out;
}

/** Ids of the volumes attached to `instanceId` (any attachment state), sorted. */
export function attachedVolumeIds(world: World, instanceId: string): readonly string[] {
  return (Object.hasOwn(world.attachments, instanceId) ? world.attachments[instanceId] : undefined) ?? [];
}

/**
 * The volumes attached to an instance, in volumes-table order: the order a scan of the whole table
 * gave, which outputs and events depend on. Only the rare instance with several volumes pays a scan.
 */
export function attachedVolumes(world: World, instanceId: string): Volume[] {
  const ids = attachedVolumeIds(world, instanceId);
  if (ids.length <= 1) return ids.map((id) => world.volumes[id] as Volume);
  const wanted = new Set(ids);
  return Object.keys(world.volumes)
    .filter((id) => wanted.has(id))
    .map((id) => world.volumes[id] as Volume);
}

/** `total` with `before` of a snapshot replaced by `after` (undefined: absent); only own snapshots are billed. */
export function rebill(total: BilledBlocks, accountId: string, before: Snapshot | undefined, after: Snapshot | undefined): BilledBlocks {
  const of = (s: Snapshot | undefined) => (s !== undefined && s.OwnerId === accountId ? billedBlocks(s) : { standard: 0, archive: 0 });
  const was = of(before);
  const now = of(after);
  if (was.standard === now.standard && was.archive === now.archive) return total;
  return { Standard: total.Standard - was.standard + now.standard, Archive: total.Archive - was.archive + now.archive };
}

/** The indexes recomputed from the records, for checkInvariants. */
export function recomputeIndexes(world: World): Pick<World, 'schedule' | 'attachments' | 'billedBlocks'> {
  const schedule: Record<string, number> = {};
  for (const table of ['instances', 'volumes', 'snapshots', 'fastSnapshotRestores'] as const) {
    for (const [id, record] of Object.entries(world[table])) for (const [key, at] of workOf(table, id, record)) schedule[key] = at;
  }
  const attachments: Record<string, string[]> = {};
  for (const v of Object.values(world.volumes)) {
    if (v.Attachment) (attachments[v.Attachment.InstanceId] ??= []).push(v.VolumeId);
  }
  for (const ids of Object.values(attachments)) ids.sort();
  let billed: BilledBlocks = { Standard: 0, Archive: 0 };
  for (const s of Object.values(world.snapshots)) billed = rebill(billed, world.accountId, undefined, s);
  return { schedule, attachments, billedBlocks: billed };
}
