// Simulated time: Advance moves the clock and completes pending work in time order. Every pending
// piece of work is a timestamp on a record, so the World stays plain data and replay is exact.
import { dropRefs, releaseStandardCopy, unstoredVersions } from './blocks.ts';
import { DAY, DURATIONS } from './durations.ts';
import { invalidValue } from './errors.ts';
import { attachedVolumes, workKey, type WorkKind } from './indexes.ts';
import { attachmentLifecycle, imageLifecycle, instanceLifecycle, nextFlatState, nextState, nextTier, snapshotLifecycle, volumeLifecycle } from './lifecycles.ts';
import { optNumber, type Params } from './params.ts';
import type { InstanceStateName, SimCall, Snapshot, SnapshotTierState, VolumeStateName, World } from './types.ts';
import { accrue } from './ledger.ts';
import { iso, type Tx } from './world.ts';
import { completeFastSnapshotRestore, dropFastSnapshotRestores } from './actions/fastrestore.ts';
import { removeSnapshot } from './actions/snapshots.ts';

interface Work {
  at: number;
  kind: WorkKind;
  id: string;
}

const KIND_ORDER: Record<WorkKind, number> = { attachment: 0, volume: 1, instance: 2, snapshot: 3, tier: 4, fsr: 5, purge: 6 };

/** Work due by `until`, read from the World's schedule index. */
function dueWork(world: World, until: number): Work[] {
  const out: Work[] = [];
  const schedule = world.schedule;
  for (const key in schedule) {
    const at = schedule[key] as number;
    if (at > until) continue;
    const space = key.indexOf(' ');
    out.push({ at, kind: key.slice(0, space) as WorkKind, id: key.slice(space + 1) });
  }
  return out;
}

/** Simulated ms of the next pending completion, or null when nothing is pending. */
export function nextEventTime(world: World): number | null {
  let next: number | null = null;
  for (const at of Object.values(world.schedule)) if (next === null || at < next) next = at;
  return next;
}

/** The Advance that reaches the next pending completion (whole seconds, at least 1), or null when nothing is pending. */
export function advanceToNextEvent(world: World): SimCall | null {
  const next = nextEventTime(world);
  return next === null ? null : { action: 'Advance', params: { Seconds: Math.max(1, Math.ceil((next - world.now) / 1000)) } };
}

const INSTANCE_DONE: Partial<Record<InstanceStateName, string>> = { pending: 'BOOTED', stopping: 'STOPPED', 'shutting-down': 'TERMINATED' };

function completeInstance(tx: Tx, id: string): void {
  const i = tx.world.instances[id];
  if (!i) return;
  const event = INSTANCE_DONE[i.State];
  const next = event ? (nextFlatState(instanceLifecycle, i.State, event) as InstanceStateName | null) : null;
  if (next === null) {
    tx.put('instances', id, { ...i, TransitionAt: null });
    return;
  }
  const terminated = next === 'terminated';
  tx.put('instances', id, { ...i, State: next, TransitionAt: null, PurgeAt: terminated ? tx.world.now + DURATIONS.terminatedVisible : null });
  tx.emit(`Instance${next === 'running' ? 'Running' : next === 'stopped' ? 'Stopped' : 'Terminated'}`, id, `Instance ${id} is ${next}`);
  if (terminated) {
    // I19: DeleteOnTermination volumes are deleted, the others detached and left available.
    for (const v of attachedVolumes(tx.world, id)) {
      if (!v.Attachment) continue;
      const available = nextFlatState(volumeLifecycle, v.State, 'DETACHED') as VolumeStateName;
      if (v.Attachment.DeleteOnTermination) {
        const deleting = nextFlatState(volumeLifecycle, available, 'DELETE') as VolumeStateName;
        tx.put('volumes', v.VolumeId, { ...v, State: deleting, Attachment: null, TransitionAt: tx.world.now + DURATIONS.volumeDelete });
        tx.emit('VolumeDeleting', v.VolumeId, `Volume ${v.VolumeId} is being deleted with ${id} (DeleteOnTermination)`);
      } else {
        tx.put('volumes', v.VolumeId, { ...v, State: available, Attachment: null });
        tx.emit('VolumeDetached', v.VolumeId, `Volume ${v.VolumeId} was detached from terminated ${id} and is available`);
      }
    }
  }
}

/**
 * A terminated instance stops being listed (about an hour after it terminated). The World keeps a
 * tombstone of it in `purgedInstances` (id, Region, owner, AMI, Name tag), which nothing that lists
 * instances reads, so that goals can tell "terminated and no longer listed" from "never existed".
 */
function purgeInstance(tx: Tx, id: string): void {
  const i = tx.world.instances[id];
  if (!i) return;
  tx.remove('instances', id);
  const name = i.Tags.find((t) => t.Key === 'Name')?.Value ?? null;
  tx.put('purgedInstances', id, { InstanceId: id, Region: i.Region, OwnerId: i.OwnerId, ImageId: i.ImageId, Name: name, PurgedAt: tx.world.now });
}

function completeVolume(tx: Tx, id: string): void {
  const v = tx.world.volumes[id];
  if (!v) return;
  if (v.State === 'creating') {
    tx.put('volumes', id, { ...v, State: nextFlatState(volumeLifecycle, v.State, 'CREATED') as VolumeStateName, TransitionAt: null });
    tx.emit('VolumeAvailable', id, `Volume ${id} is available`);
  } else if (v.State === 'deleting') {
    tx.remove('volumes', id);
    dropRefs(tx, Object.values(v.Blocks));
    tx.emit('VolumeDeleted', id, `Volume ${id} is deleted`);
  } else {
    tx.put('volumes', id, { ...v, TransitionAt: null });
  }
}

function completeAttachment(tx: Tx, id: string): void {
  const v = tx.world.volumes[id];
  const a = v?.Attachment;
  if (!v || !a) return;
  if (a.State === 'attaching') {
    tx.put('volumes', id, { ...v, Attachment: { ...a, State: nextFlatState(attachmentLifecycle, a.State, 'ATTACHED') as 'attached', TransitionAt: null } });
    tx.emit('VolumeAttached', id, `Volume ${id} is attached to ${a.InstanceId} as ${a.Device}`);
  } else if (a.State === 'detaching') {
    tx.put('volumes', id, { ...v, State: nextFlatState(volumeLifecycle, v.State, 'DETACHED') as VolumeStateName, Attachment: null });
    tx.emit('VolumeDetached', id, `Volume ${id} is detached from ${a.InstanceId} and available`);
  }
}

function completeSnapshot(tx: Tx, id: string): void {
  const s = tx.world.snapshots[id];
  if (!s) return;
  // The machine says where a completed snapshot starts: { completed: 'standard' }.
  const to = nextState(snapshotLifecycle, 'pending', 'COMPLETE') as { completed: SnapshotTierState };
  const done: Snapshot = { ...s, State: 'completed', Tier: to.completed };
  tx.put('snapshots', id, done);
  tx.emit('SnapshotCompleted', id, `Snapshot ${id} of ${s.VolumeId} completed`);
  if (s.DeleteOnComplete) {
    removeSnapshot(tx, done);
    return;
  }
  // I15/§1.6: an image stays pending until every snapshot of its mapping has completed.
  for (const image of Object.values(tx.world.images)) {
    if (image.State !== 'pending' || !image.BlockDeviceMappings.some((m) => m.Ebs?.SnapshotId === id)) continue;
    const ready = image.BlockDeviceMappings.every((m) => !m.Ebs?.SnapshotId || tx.world.snapshots[m.Ebs.SnapshotId]?.State === 'completed');
    if (!ready) continue;
    tx.put('images', image.ImageId, { ...image, State: nextFlatState(imageLifecycle, image.State, 'SNAPSHOTS_COMPLETED') as 'available' });
    tx.emit('ImageAvailable', image.ImageId, `Image ${image.ImageId} (${image.Name}) is available`);
  }
}

function completeTier(tx: Tx, id: string): void {
  const s = tx.world.snapshots[id];
  if (!s) return;
  const now = tx.world.now;
  const move = (event: string, patch: Partial<Snapshot>) => {
    const tier = (nextTier(s.Tier, event) ?? s.Tier) as SnapshotTierState;
    const current = tx.world.snapshots[id] ?? s;
    tx.put('snapshots', id, { ...current, ...patch, Tier: tier });
  };
  if (s.Tier === 'archiving' || s.Tier === 'temporary-restored') {
    // B7: the archived copy is full; the standard-tier blocks go to the lineage or are freed.
    releaseStandardCopy(tx, s);
    dropFastSnapshotRestores(tx, id);
    const archived = s.Tier === 'archiving';
    move(archived ? 'ARCHIVED' : 'RESTORE_EXPIRED', { Owned: [], TierAt: null, RestoreDays: null, ArchivedAt: archived ? now : s.ArchivedAt });
    tx.emit(archived ? 'SnapshotArchived' : 'SnapshotRestoreExpired', id, archived ? `Snapshot ${id} is archived` : `Temporary restore of ${id} expired; it is archived again`);
  } else if (s.Tier === 'restoring') {
    const owned = unstoredVersions(tx.world, s, s.Image);
    const temporary = s.RestoreDays !== null;
    move(temporary ? 'RESTORED_TEMPORARY' : 'RESTORED_PERMANENT', {
      Owned: owned,
      TierAt: temporary ? now + (s.RestoreDays ?? 1) * DAY : null,
      ArchivedAt: temporary ? s.ArchivedAt : null,
    });
    tx.emit('SnapshotRestored', id, `Snapshot ${id} is restored to the standard tier${temporary ? ` for ${s.RestoreDays} day(s)` : ''}`);
  } else {
    tx.put('snapshots', id, { ...s, TierAt: null });
  }
}

function complete(tx: Tx, work: Work): void {
  switch (work.kind) {
    case 'instance':
      return completeInstance(tx, work.id);
    case 'purge':
      return purgeInstance(tx, work.id);
    case 'volume':
      return completeVolume(tx, work.id);
    case 'attachment':
      return completeAttachment(tx, work.id);
    case 'snapshot':
      return completeSnapshot(tx, work.id);
    case 'tier':
      return completeTier(tx, work.id);
    case 'fsr':
      return completeFastSnapshotRestore(tx, work.id);
  }
}

/** MODEL CHOICE: one Advance moves at most 400 days, enough for the 90-day archive minimum and more. */
export const MAX_ADVANCE_SECONDS = 400 * 86400;

function byTime(a: Work, b: Work): number {
  return a.at - b.at || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function Advance(tx: Tx, p: Params): unknown {
  const seconds = optNumber(p, 'Seconds') ?? 0;
  if (seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
    invalidValue('Seconds', seconds, `Advance by 0 to ${MAX_ADVANCE_SECONDS} seconds.`);
  }
  const target = tx.world.now + Math.round(seconds * 1000);
  // Work due by `target` is completed in time order. Instance, tier and FSR completions can schedule new
  // work (a terminated instance's volumes start deleting, a restore starts its expiry clock), so the
  // schedule is read again after each of those; items an earlier completion changed are skipped.
  for (let rescan = true; rescan; ) {
    rescan = false;
    const due = dueWork(tx.world, target).sort(byTime);
    for (const work of due) {
      if (tx.world.schedule[workKey(work.kind, work.id)] !== work.at) continue;
      accrue(tx, work.at);
      tx.setNow(Math.max(tx.world.now, work.at));
      complete(tx, work);
      if (work.kind === 'instance' || work.kind === 'tier' || work.kind === 'fsr') {
        rescan = true;
        break;
      }
    }
  }
  accrue(tx, target);
  tx.setNow(target);
  return { Now: iso(target) };
}
