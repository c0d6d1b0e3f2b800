/**
 * The timeline's moments: the World after each entry of the actor's history (worldAt, the history's
 * own replay), with what changed on the volume and to its snapshots at that step. Pure; the view
 * draws and lists these.
 */
import type { History, HistoryEntry } from '../../../sim/actor/index.ts';
import { worldAt } from '../../../sim/actor/history.ts';
import { filesOfBlocks } from '../../../sim/blocks.ts';
import type { Snapshot, World } from '../../../sim/index.ts';
import { lineageSnapshots, pointInTimeDiff } from '../../../sim/queries-blocks.ts';
import { nameTag } from '../shared/format.ts';

export interface FileChange {
  path: string;
  change: 'written' | 'changed' | 'deleted';
  /** Snapshots of the volume that were pending when this change was made: it is not in them. */
  pendingSnapshots: string[];
}

export interface Moment {
  /** Entries in effect (0 = the starting point). */
  step: number;
  /** The entry that led here (none for the starting point): a moment is reused while its entry stays in the history. */
  entry: HistoryEntry | undefined;
  world: World;
  time: number;
  files: Map<string, string>;
  changes: FileChange[];
  /** Snapshots requested at this step: their point in time. */
  requested: string[];
  /** Snapshots that completed during this step (the clock moved past their completion). */
  completed: string[];
}

export function snapshotName(s: Snapshot): string {
  return nameTag(s.Tags) ?? s.SnapshotId;
}

function volumeFiles(world: World, volumeId: string): Map<string, string> {
  const volume = world.volumes[volumeId];
  return new Map(volume ? filesOfBlocks(world, volume.Blocks).map((f) => [f.Path, f.Content]) : []);
}

/**
 * The moments of the history up to its cursor. `previous` (the last result) is reused for as long as
 * its entries are still the history's, so a step added at the head costs one World (the one at the
 * cursor, which the history already holds) instead of a replay of every step.
 */
export function momentsOf(history: History, volumeId: string, previous: readonly Moment[] = []): Moment[] {
  const moments: Moment[] = [];
  for (let step = 0; step <= history.cursor; step++) {
    const entry = history.entries[step - 1];
    const old = previous[step];
    const sameStart = step > 0 || old?.world === history.base;
    if (old !== undefined && old.entry === entry && sameStart && moments.length === step && (step === 0 || moments[step - 1] === previous[step - 1])) {
      moments.push(old);
      continue;
    }
    const world = worldAt(history, step);
    const files = volumeFiles(world, volumeId);
    const prev = moments[step - 1];
    const changes: FileChange[] = [];
    const requested: string[] = [];
    const completed: string[] = [];
    if (prev !== undefined) {
      const pending = lineageSnapshots(prev.world, volumeId)
        .filter((s) => s.State === 'pending')
        .map((s) => s.SnapshotId);
      for (const [path, content] of files) {
        const old = prev.files.get(path);
        if (old !== content) changes.push({ path, change: old === undefined ? 'written' : 'changed', pendingSnapshots: pending });
      }
      for (const path of prev.files.keys()) if (!files.has(path)) changes.push({ path, change: 'deleted', pendingSnapshots: pending });
      for (const s of lineageSnapshots(world, volumeId)) {
        const before = prev.world.snapshots[s.SnapshotId];
        if (before === undefined) requested.push(s.SnapshotId);
        else if (before.State === 'pending' && s.State === 'completed') completed.push(s.SnapshotId);
      }
    }
    moments.push({ step, entry, world, time: world.now, files, changes, requested, completed });
  }
  return moments;
}

export interface LateFile {
  path: string;
  content: string;
  change: 'added' | 'changed';
  /** When the volume got this content, and whether the snapshot was still pending then. */
  time: number;
  whilePending: boolean;
}

/**
 * What a snapshot holds at a moment, and each file on the volume then that it does not hold as it
 * is (pointInTimeDiff), with when that content was written: found by walking back through the moments.
 */
export function snapshotAt(moments: readonly Moment[], step: number, snapshotId: string): { holds: Array<{ path: string; content: string }>; late: LateFile[]; deletedSince: string[] } | null {
  const moment = moments[step];
  if (moment === undefined) return null;
  const diff = pointInTimeDiff(moment.world, snapshotId);
  if (diff === null) return null;
  const late = diff.notInSnapshot.map((file) => {
    let first = step;
    while (first > 0 && moments[first - 1]?.files.get(file.path) === file.content) first -= 1;
    const at = moments[first] as Moment;
    const change = at.changes.find((c) => c.path === file.path);
    return { ...file, time: at.time, whilePending: change?.pendingSnapshots.includes(snapshotId) ?? false };
  });
  return { holds: diff.inSnapshot, late, deletedSince: diff.deletedSince };
}
