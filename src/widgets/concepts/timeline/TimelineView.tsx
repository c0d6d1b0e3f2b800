/**
 * The point-in-time timeline, given its simulator actor: every step of the history as a moment on a
 * time axis, a slider (and keyboard) to go to any of them, the volume's files then and what each
 * snapshot holds, with each file it does not hold and why (written after the request, even while the
 * snapshot was pending). The learner adds writes, snapshots and waits at the latest moment. The
 * actor's clock stays paused: time moves only when the learner waits, so a write can be made while a
 * snapshot is pending.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SimulatorSnapshot } from '../../../sim/actor/index.ts';
import type { Snapshot, Volume, World } from '../../../sim/index.ts';
import { mountsOf } from '../../../sim/actions/files.ts';
import { lineageSnapshots } from '../../../sim/queries-blocks.ts';
import type { SimulatorActor } from '../../lab/actor.ts';
import { loadExplanations } from '../../lab/explain.ts';
import { clockTime, listWords, nameTag, plural } from '../shared/format.ts';
import { Narration } from '../shared/Narration.tsx';
import { runCall } from '../shared/run.ts';
import { momentsOf, snapshotAt, snapshotName, type Moment } from './moments.ts';
import { TimelineChart } from './TimelineChart.tsx';

export interface TimelineViewProps {
  actor: SimulatorActor;
  volumeName: string;
  problem?: string;
}

const selectHistory = (snapshot: SimulatorSnapshot) => snapshot.context.history;

function findVolume(world: World, name: string): Volume | undefined {
  return Object.values(world.volumes).find((v) => v.OwnerId === world.accountId && nameTag(v.Tags) === name);
}

/** Where the volume's files appear on its instance, as the simulation mounts it (null when not attached). */
function mountPoint(world: World, volume: Volume): string | null {
  const instance = world.instances[volume.Attachment?.InstanceId ?? ''];
  if (instance === undefined) return null;
  return mountsOf(world, instance).find((m) => m.Volume.VolumeId === volume.VolumeId)?.MountPoint ?? null;
}

/** With a no-break space: a narrow table cell never puts the unit on a line of its own. */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds}\u00a0s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}\u00a0min`;
  return `${Math.round(seconds / 3600)}\u00a0h`;
}

/** A snapshot's state, with the model's completion time once it has completed. */
function snapshotState(s: Snapshot): string {
  return s.State === 'completed' ? `completed at ${clockTime(s.CompleteAt)}` : s.State;
}

/**
 * One line for what happened at a moment. A snapshot that completed during a wait is given its own
 * completion time (the model's CompleteAt), which is usually earlier than the moment's clock.
 */
function describeMoment(m: Moment, prev: Moment | undefined, names: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  for (const c of m.changes) {
    const file = c.path.slice(1);
    const what = c.change === 'deleted' ? `${file} deleted` : c.change === 'changed' ? `${file} rewritten` : `${file} written`;
    parts.push(
      c.pendingSnapshots.length > 0
        ? `${what} while ${listWords(c.pendingSnapshots.map((id) => names.get(id) ?? id))} ${c.pendingSnapshots.length === 1 ? 'is' : 'are'} pending`
        : what,
    );
  }
  for (const id of m.requested) parts.push(`snapshot ${names.get(id) ?? id} requested: its point in time`);
  if (parts.length === 0 && prev !== undefined && m.time !== prev.time) parts.push(`clock moved ${duration(m.time - prev.time)}`);
  for (const id of m.completed) {
    const at = m.world.snapshots[id]?.CompleteAt;
    parts.push(`snapshot ${names.get(id) ?? id} completed${at === undefined ? '' : ` at ${clockTime(at)}${at < m.time ? ', during that wait' : ''}`}`);
  }
  if (m.step === 0) parts.push('the starting point');
  return parts.join('; ') || 'nothing changed on the volume';
}

export function TimelineView({ actor, volumeName, problem }: TimelineViewProps) {
  const history = useSelector(actor, selectHistory);
  const volume = findVolume(history.world, volumeName);
  const volumeId = volume?.VolumeId ?? '';
  // The last moments computed, reused for the steps that did not change.
  const previousMoments = useRef<readonly Moment[]>([]);
  const moments = useMemo(() => momentsOf(history, volumeId, previousMoments.current), [history, volumeId]);
  useEffect(() => {
    previousMoments.current = moments;
  }, [moments]);
  const last = moments.length - 1;
  // The chosen moment; null follows the latest one as the learner adds steps.
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen === null ? last : Math.min(chosen, last);
  const [fileName, setFileName] = useState('notes.txt');
  const [content, setContent] = useState('draft 1');
  const [explanation, setExplanation] = useState<string | null>(null);
  const titleId = useId();
  const sliderId = useId();

  if (volume === undefined) {
    return (
      <section className="widget cw cw-tl" aria-labelledby={titleId}>
        <p id={titleId} className="cw__title">
          <strong>Point-in-time timeline</strong>
        </p>
        <p className="cw-notice" role="note">
          The timeline could not start: there is no volume named {volumeName}. {problem}
        </p>
      </section>
    );
  }

  const snapshots = lineageSnapshots(history.world, volumeId);
  const names = new Map(snapshots.map((s) => [s.SnapshotId, snapshotName(s)]));
  const moment = moments[selected] as Moment;
  const label = (m: Moment) => `${clockTime(m.time)}, step ${m.step} of ${last}: ${describeMoment(m, moments[m.step - 1], names)}`;
  const shownSnapshots = lineageSnapshots(moment.world, volumeId);

  /** What the learner hears when arriving at a moment: the moment, and each file a snapshot then does not hold. */
  const momentSummary = (step: number): string => {
    const m = moments[step];
    if (m === undefined) return '';
    const notes = lineageSnapshots(m.world, volumeId).flatMap((s) => {
      const view = snapshotAt(moments, step, s.SnapshotId);
      return (view?.late ?? [])
        .filter((f) => f.time === m.time)
        .map((f) => `${f.path.slice(1)} is on ${volumeName} but not in ${snapshotName(s)}${f.whilePending ? ', although the snapshot is still pending' : ''}.`);
    });
    return [`${label(m)}.`, ...notes].join(' ');
  };

  const go = (step: number) => {
    setChosen(step >= last ? null : step);
    setExplanation(momentSummary(step));
  };

  const act = (call: Parameters<typeof runCall>[2], after: (world: World) => string) => {
    const result = runCall(actor, 'timeline', call);
    if (result === null) return;
    if (!result.ok) {
      const refused = `${call.action} was refused: ${result.error.Code}: ${result.error.Message}`;
      setExplanation(refused);
      // The plain-language explanation follows once loaded, unless something else was said meanwhile.
      const { Code } = result.error;
      loadExplanations().then(
        (explain) => setExplanation((now) => (now === refused ? `${refused} ${explain(Code, call.action)}` : now)),
        () => {},
      );
      return;
    }
    setChosen(null);
    setExplanation(after(actor.getSnapshot().context.history.world));
  };

  const instanceId = volume.Attachment?.InstanceId;
  const pendingNow = snapshots.filter((s) => s.State === 'pending');

  const writeFile = () => {
    const name = fileName.trim();
    if (!/^[A-Za-z0-9._-]+$/.test(name)) {
      setExplanation('Give the file a plain name such as notes.txt (letters, digits, dots, dashes and underscores; no folders).');
      return;
    }
    const mount = mountPoint(history.world, volume);
    if (instanceId === undefined || mount === null) {
      setExplanation(`${volumeName} is not attached to an instance, so nothing can write to it.`);
      return;
    }
    act({ action: 'WriteFile', params: { InstanceId: instanceId, Path: `${mount === '/' ? '' : mount}/${name}`, Content: content } }, (world) =>
      pendingNow.length > 0
        ? `${clockTime(world.now)}: wrote ${name} while ${listWords(pendingNow.map(snapshotName))} ${pendingNow.length === 1 ? 'is' : 'are'} pending. The volume has it; ${pendingNow.length === 1 ? 'the snapshot does' : 'the snapshots do'} not, because ${pendingNow.length === 1 ? 'its' : 'their'} moment has passed.`
        : `${clockTime(world.now)}: wrote ${name} on ${volumeName}. Only snapshots requested from now on will hold it.`,
    );
  };

  const takeSnapshot = () => {
    const taken = snapshots.length + 1;
    const name = taken === 1 ? `${volumeName}-backup` : `${volumeName}-backup-${taken}`;
    act(
      {
        action: 'CreateSnapshot',
        params: { VolumeId: volumeId, Description: `${volumeName} timeline snapshot`, TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: name }] }] },
      },
      (world) =>
        `${clockTime(world.now)}: snapshot ${name} requested, pending. It holds exactly the files ${volumeName} has now (${plural(moments[last]?.files.size ?? 0, 'file')}); anything written from now on is not in it, even before it completes.`,
    );
  };

  const wait = (seconds: number) => {
    act({ action: 'Advance', params: { Seconds: seconds } }, (world) => {
      const done = lineageSnapshots(world, volumeId).filter((s) => s.State === 'completed' && history.world.snapshots[s.SnapshotId]?.State === 'pending');
      const when = listWords(done.map((s) => `${snapshotName(s)} completed at ${clockTime(s.CompleteAt)}`));
      return `${clockTime(world.now)}: waited ${seconds} s.${done.length > 0 ? ` ${when}; ${done.length === 1 ? 'its' : 'their'} content did not change.` : ''}`;
    });
  };

  return (
    <section className="widget cw cw-tl" aria-labelledby={titleId} data-concept-ready="">
      <header className="cw__header">
        <p id={titleId} className="cw__title">
          <strong>Point-in-time timeline:</strong> {volumeName} ({volume.AvailabilityZone})
        </p>
      </header>
      {problem !== undefined && (
        <p className="cw-notice" role="note">
          {problem}
        </p>
      )}
      <TimelineChart moments={moments} snapshots={snapshots} volumeName={volumeName} selected={selected} />
      <div className="cw-tl__slider">
        <label htmlFor={sliderId}>
          <strong>Moment:</strong> {label(moment)}
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={last}
          step={1}
          value={selected}
          aria-valuetext={label(moment)}
          onChange={(e) => go(Number(e.currentTarget.value))}
        />
      </div>

      <div className="cw-tl__now">
        <section className="cw-panel" aria-label={`${volumeName} at ${clockTime(moment.time)}`}>
          <h3>
            {volumeName} at {clockTime(moment.time)}
          </h3>
          {moment.files.size === 0 ? (
            <p>No files.</p>
          ) : (
            <ul className="cw-tl__files">
              {[...moment.files].map(([path, text]) => (
                <li key={path}>
                  <code>{path.slice(1)}</code> <span className="muted">“{text}”</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="cw-panel" aria-label={`Snapshots at ${clockTime(moment.time)}`}>
          <h3>Snapshots at {clockTime(moment.time)}</h3>
          {shownSnapshots.length === 0 && <p>None requested yet.</p>}
          {shownSnapshots.map((s) => {
            const view = snapshotAt(moments, selected, s.SnapshotId);
            if (view === null) return null;
            return (
              <div key={s.SnapshotId} className="cw-tl__snapshot" data-snapshot={snapshotName(s)}>
                <p>
                  <strong>{snapshotName(s)}</strong> ({snapshotState(s)}), point in time {clockTime(s.StartTime)}. Holds:{' '}
                  {view.holds.length === 0 ? 'no files' : listWords(view.holds.map((f) => f.path.slice(1)))}.
                </p>
                {view.late.length > 0 && (
                  <ul className="cw-tl__files">
                    {view.late.map((f) => (
                      <li key={f.path} className="cw-tl__late">
                        Not in it: {f.path.slice(1)} ({f.change === 'changed' ? 'rewritten' : 'written'} at {clockTime(f.time)},{' '}
                        {f.whilePending ? 'while the snapshot was still pending' : 'after the snapshot completed'})
                      </li>
                    ))}
                  </ul>
                )}
                {view.deletedSince.length > 0 && <p className="muted">Deleted from the volume since, still in the snapshot: {listWords(view.deletedSince.map((p) => p.slice(1)))}.</p>}
              </div>
            );
          })}
        </section>
      </div>

      <div className="cw-tl__controls" role="group" aria-label={`Change ${volumeName} at the latest moment`}>
        <label>
          File name
          <input type="text" value={fileName} onChange={(e) => setFileName(e.currentTarget.value)} />
        </label>
        <label>
          Content
          <input type="text" value={content} onChange={(e) => setContent(e.currentTarget.value)} />
        </label>
        <button type="button" className="button" onClick={writeFile}>
          Write file
        </button>
        <button type="button" className="button" onClick={takeSnapshot}>
          Take snapshot
        </button>
        <button type="button" className="button" onClick={() => wait(10)}>
          Wait 10 s
        </button>
        <button type="button" className="button" onClick={() => wait(60)}>
          Wait 1 min
        </button>
      </div>
      <p className="muted cw-tl__note">
        New steps are added at the latest moment. The simulation completes a small snapshot in under a minute; real snapshots take longer, but the rule is the same.
      </p>

      <Narration actor={actor} explanation={explanation} />
      <MomentTable moments={moments} snapshots={snapshots} names={names} selected={selected} volumeName={volumeName} describe={(m) => describeMoment(m, moments[m.step - 1], names)} />
    </section>
  );
}

/** The text twin: every moment, what happened, the volume's files and what each snapshot held then. */
function MomentTable({
  moments,
  snapshots,
  names,
  selected,
  volumeName,
  describe,
}: {
  moments: readonly Moment[];
  snapshots: readonly { SnapshotId: string }[];
  names: ReadonlyMap<string, string>;
  selected: number;
  volumeName: string;
  describe: (m: Moment) => string;
}) {
  const titleId = useId();
  return (
    <>
      {/* The title sits outside the scrolled area, so a narrow screen never cuts it off. */}
      <p id={titleId} className="cw-tl__table-title">
        Moments of {volumeName} and its snapshots
      </p>
      <div className="table-wrap cw-table" tabIndex={0} role="region" aria-labelledby={titleId}>
        <table aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">Clock after the step</th>
            <th scope="col">What happened</th>
            <th scope="col">Files on {volumeName}</th>
            {snapshots.map((s) => (
              <th scope="col" key={s.SnapshotId}>
                {names.get(s.SnapshotId)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {moments.map((m) => (
            <tr key={m.step} aria-current={m.step === selected ? 'true' : undefined}>
              <th scope="row">{clockTime(m.time)}</th>
              <td>{describe(m)}</td>
              <td>{m.files.size === 0 ? 'none' : listWords([...m.files.keys()].map((p) => p.slice(1)))}</td>
              {snapshots.map((s) => {
                const snap = m.world.snapshots[s.SnapshotId];
                const held = snap === undefined ? null : snapshotAt(moments, m.step, s.SnapshotId);
                return (
                  <td key={s.SnapshotId}>
                    {snap === undefined || held === null
                      ? 'not requested yet'
                      : `${snapshotState(snap)}; holds ${held.holds.length === 0 ? 'no files' : listWords(held.holds.map((f) => f.path.slice(1)))}${held.late.length > 0 ? `; not ${listWords(held.late.map((f) => f.path.slice(1)))}` : ''}`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        </table>
      </div>
    </>
  );
}
