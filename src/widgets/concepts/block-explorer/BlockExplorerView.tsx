/**
 * The block explorer, given its simulator actor: one volume as a row of blocks and each snapshot of
 * its lineage as a row beneath, with what each snapshot stores itself, what it only refers to, and
 * what deleting, restoring or archiving it does. Every number and every "who stores this block"
 * comes from the World (src/sim/queries-blocks.ts, costSummary); the view decides no rule. Blocks
 * are numbered from 0, as the simulation's own narration (and the Lab) number them.
 */
import { useSelector } from '@xstate/react';
import { useId, useMemo, useState } from 'react';
import { selectWorld } from '../../../sim/actor/index.ts';
import { costSummary, nextEventTime, SNAPSHOT_PRICE_ARCHIVE, SNAPSHOT_PRICE_STANDARD } from '../../../sim/index.ts';
import type { Snapshot, Volume, World } from '../../../sim/index.ts';
import { archiveWhatIf, lineageBlocks, snapshotDeletionEffect } from '../../../sim/queries-blocks.ts';
import type { BlockCell, LineageBlocks, SnapshotBlocks } from '../../../sim/queries-blocks.ts';
import type { SimulatorActor } from '../../lab/actor.ts';
import { explainError } from '../../lab/explanations.ts';
import { blockList, capitalize, nameTag, plural, usd } from '../shared/format.ts';
import { Narration } from '../shared/Narration.tsx';
import { runCall } from '../shared/run.ts';
import { EXPLORER_MOUNT } from './script.ts';

export interface BlockExplorerViewProps {
  actor: SimulatorActor;
  /** Name tag of the volume to explore (it must be attached to a running instance to be written). */
  volumeName: string;
  /** Why the widget's setup could not be replayed (it then has no volume to show). */
  problem?: string;
}

type Holder = SnapshotBlocks['cells'][number];

/** The snapshot's Name tag (the widget names them A, B, C...), else its id. */
function snapshotLabel(s: Snapshot): string {
  return nameTag(s.Tags) ?? s.SnapshotId;
}

/** The next free letter after the highest one in use, so a deleted A is not confused with a new A. */
function nextLetter(snapshots: readonly Snapshot[]): string {
  const used = snapshots.map((s) => nameTag(s.Tags) ?? '').filter((n) => /^[A-Z]$/.test(n));
  if (used.length === 0) return 'A';
  const highest = Math.max(...used.map((n) => n.charCodeAt(0)));
  return highest >= 90 ? `S${snapshots.length + 1}` : String.fromCharCode(highest + 1);
}

function cellContent(cell: BlockCell): string {
  return cell.files.map((f) => f.content).join(', ');
}

function cellFiles(cell: BlockCell): string {
  return cell.files.map((f) => f.path.slice(1)).join(', ');
}

function findVolume(world: World, name: string): Volume | undefined {
  return Object.values(world.volumes).find((v) => v.OwnerId === world.accountId && nameTag(v.Tags) === name);
}

/** "file-05.txt" -> the content one version later: "v1" -> "v2". */
function nextVersion(content: string): string {
  const n = /^v(\d+)$/.exec(content);
  return n ? `v${Number(n[1]) + 1}` : 'v2';
}

function stateText(s: Snapshot): string {
  const tier = s.Tier === 'standard' ? '' : `, ${s.Tier}`;
  return `${s.State}${tier}`;
}

function holderText(cell: Holder, labels: ReadonlyMap<string, string>): string {
  if (cell === null) return 'not written';
  const data = `${cellFiles(cell)} ${cellContent(cell)}`;
  switch (cell.holder.kind) {
    case 'self':
      return `${data}, stored here`;
    case 'archive':
      return `${data}, in its archive copy`;
    case 'shared':
      return `${data}, stored by ${labels.get(cell.holder.snapshotId) ?? cell.holder.snapshotId}`;
  }
}

export function BlockExplorerView({ actor, volumeName, problem }: BlockExplorerViewProps) {
  const world = useSelector(actor, selectWorld);
  const volume = findVolume(world, volumeName);
  const view = useMemo(() => (volume ? lineageBlocks(world, volume.VolumeId) : null), [world, volume]);
  const [selectedBlock, setSelectedBlock] = useState<number | null>(null);
  const [selectedSnapshot, setSelectedSnapshot] = useState<string | null>(null);
  const [restoredId, setRestoredId] = useState<string | null>(null);
  /** Blocks a deletion handed to another snapshot, highlighted in that snapshot's row until the next change. */
  const [handedOver, setHandedOver] = useState<{ from: string; kept: Array<{ index: number; to: string }> } | null>(null);
  const [explanation, setExplanation] = useState<string | null>(null);
  const titleId = useId();

  if (volume === undefined || view === null) {
    return (
      <section className="widget cw cw-bx" aria-labelledby={titleId}>
        <p id={titleId} className="cw__title">
          <strong>Block explorer</strong>
        </p>
        <p className="cw-notice" role="note">
          The block explorer could not start: there is no volume named {volumeName}. {problem}
        </p>
      </section>
    );
  }

  const labels = new Map(view.snapshots.map((row) => [row.snapshot.SnapshotId, snapshotLabel(row.snapshot)]));
  const instanceId = volume.Attachment?.InstanceId;
  const pending = nextEventTime(world) !== null;
  const selectedCell = selectedBlock === null ? null : (view.volume[selectedBlock] ?? null);
  const selectedRow = view.snapshots.find((row) => row.snapshot.SnapshotId === selectedSnapshot) ?? null;

  /** Runs a call; on failure says why (the real error and what to do), on success returns the World after it. */
  const run = (call: Parameters<typeof runCall>[2]): World | null => {
    const result = runCall(actor, 'block-explorer', call);
    if (result === null) return null;
    if (!result.ok) {
      setExplanation(`${call.action} was refused: ${result.error.Code}. ${explainError(result.error.Code, call.action)}`);
      return null;
    }
    setHandedOver(null);
    return actor.getSnapshot().context.history.world;
  };

  const changedIndexes = (before: LineageBlocks, after: World): number[] => {
    const now = after.volumes[volume.VolumeId]?.Blocks ?? {};
    return before.volume.map((c, i) => (c?.version !== now[String(i)] ? i : -1)).filter((i) => i >= 0);
  };

  const writeNewFile = () => {
    if (instanceId === undefined) return;
    const existing = new Set(view.volume.flatMap((c) => c?.files.map((f) => f.path) ?? []));
    let n = 1;
    while (existing.has(`/file-${String(n).padStart(2, '0')}.txt`)) n += 1;
    const name = `file-${String(n).padStart(2, '0')}.txt`;
    const after = run({ action: 'WriteFile', params: { InstanceId: instanceId, Path: `${EXPLORER_MOUNT}/${name}`, Content: 'v1' } });
    if (after === null) return;
    const changed = changedIndexes(view, after);
    setSelectedBlock(changed[0] ?? null);
    setExplanation(`Wrote ${name} (v1) into ${blockList(changed)}, a block that was never written. Snapshots already taken do not change; the next one will store this block.`);
  };

  const rewriteSelected = () => {
    if (instanceId === undefined || selectedCell === null) return;
    const file = selectedCell.files[0];
    if (file === undefined) return;
    const content = nextVersion(file.content);
    const after = run({ action: 'WriteFile', params: { InstanceId: instanceId, Path: `${EXPLORER_MOUNT}${file.path}`, Content: content } });
    if (after === null) return;
    setExplanation(
      `Rewrote ${file.path.slice(1)} as ${content}: ${blockList([selectedCell.index])} now holds a new version. Snapshots keep the version they captured; the next snapshot stores this block again.`,
    );
  };

  const deleteSelectedFile = () => {
    if (instanceId === undefined || selectedCell === null) return;
    const file = selectedCell.files[0];
    if (file === undefined) return;
    const after = run({ action: 'DeleteFile', params: { InstanceId: instanceId, Path: `${EXPLORER_MOUNT}${file.path}` } });
    if (after === null) return;
    const stillThere = after.volumes[volume.VolumeId]?.Blocks[String(selectedCell.index)] !== undefined;
    if (!stillThere) setSelectedBlock(null);
    setExplanation(
      `Deleted ${file.path.slice(1)}: ${blockList([selectedCell.index])} ${stillThere ? 'was rewritten' : 'is empty again'} on the volume. Snapshots that hold the old data keep it, and keep paying for it, until they are deleted.`,
    );
  };

  const takeSnapshot = () => {
    const letter = nextLetter(view.snapshots.map((r) => r.snapshot));
    const after = run({
      action: 'CreateSnapshot',
      params: {
        VolumeId: volume.VolumeId,
        Description: `${volumeName} snapshot ${letter}`,
        TagSpecifications: [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: letter }] }],
      },
    });
    if (after === null) return;
    const row = lineageBlocks(after, volume.VolumeId)?.snapshots.at(-1);
    if (row === undefined) return;
    setSelectedSnapshot(row.snapshot.SnapshotId);
    const own = row.cells.filter((c) => c?.holder.kind === 'self').map((c) => c?.index ?? 0);
    const written = row.stored + row.shared;
    setExplanation(
      row.shared === 0
        ? `Snapshot ${letter} started (pending). It is the first in this lineage, so it is full: it stores all ${plural(written, 'written block')} (${blockList(own)}) and not the never-written ones.`
        : `Snapshot ${letter} started (pending). It stores only ${plural(row.stored, 'block')} that changed since the snapshots before it${own.length > 0 ? ` (${blockList(own)})` : ''}, and refers to ${plural(row.shared, 'block')} they already store. It still holds all ${plural(written, 'written block')} of the volume's moment.`,
    );
  };

  const deleteSnapshot = (row: SnapshotBlocks) => {
    const label = snapshotLabel(row.snapshot);
    const effect = snapshotDeletionEffect(world, row.snapshot.SnapshotId);
    const before = costSummary(world).snapshotStandardGiB;
    const after = run({ action: 'DeleteSnapshot', params: { SnapshotId: row.snapshot.SnapshotId } });
    if (after === null || !effect.ok) return;
    if (effect.deferred) {
      setExplanation(`Snapshot ${label} is still pending: AWS deletes it as soon as it completes, and only then are its blocks freed or handed over.`);
      return;
    }
    setSelectedSnapshot(null);
    setHandedOver({ from: label, kept: effect.kept });
    const heirs = [...new Set(effect.kept.map((k) => labels.get(k.to) ?? k.to))];
    const keptText =
      effect.kept.length === 0
        ? 'No other snapshot needed any of its blocks.'
        : `${capitalize(blockList(effect.kept.map((k) => k.index)))} ${effect.kept.length === 1 ? 'is' : 'are'} still needed, so ${effect.kept.length === 1 ? 'it is' : 'they are'} kept and now stored by ${heirs.join(' and ')} (highlighted).`;
    setExplanation(
      `Deleted snapshot ${label}. Freed: ${effect.freed.length === 0 ? 'nothing' : blockList(effect.freed)} (no other snapshot needs ${effect.freed.length === 1 ? 'it' : 'them'}). ${keptText} Standard-tier storage: ${before} → ${costSummary(after).snapshotStandardGiB} GiB.`,
    );
  };

  const restoreSnapshot = (row: SnapshotBlocks) => {
    const label = snapshotLabel(row.snapshot);
    const after = run({
      action: 'CreateVolume',
      params: {
        SnapshotId: row.snapshot.SnapshotId,
        AvailabilityZone: volume.AvailabilityZone,
        VolumeType: 'gp3',
        TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'Name', Value: `restored-from-${label}` }] }],
      },
    });
    if (after === null) return;
    const created = Object.values(after.volumes).find((v) => v.SnapshotId === row.snapshot.SnapshotId && world.volumes[v.VolumeId] === undefined);
    setRestoredId(created?.VolumeId ?? null);
    const written = row.stored + row.shared;
    setExplanation(
      `Restoring ${label}: a new volume with all ${plural(written, 'written block')} of ${label}'s moment, although ${label} stores only ${plural(row.stored, 'block')} itself${row.shared > 0 ? '; EBS assembles the rest from the snapshots that store them' : ''}.`,
    );
  };

  const archiveSnapshot = (row: SnapshotBlocks) => {
    const label = snapshotLabel(row.snapshot);
    const after = run({ action: 'ModifySnapshotTier', params: { SnapshotId: row.snapshot.SnapshotId, StorageTier: 'archive' } });
    if (after === null) return;
    setExplanation(`Archiving ${label} (takes hours: use "Finish pending work"). Once archived it is a full copy of its image in the archive tier, and blocks other snapshots still need stay in the standard tier.`);
  };

  const finishPending = () => {
    actor.send({ type: 'clock.step' });
    setHandedOver(null);
    setExplanation('The clock moved to the next completion.');
  };

  const movedTo = (snapshotId: string, index: number): boolean =>
    handedOver?.kept.some((k) => k.to === snapshotId && k.index === index) ?? false;

  const restored = restoredId === null ? undefined : world.volumes[restoredId];
  const restoredView = restored === undefined ? null : lineageBlocks(world, restored.VolumeId);

  return (
    <section className="widget cw cw-bx" aria-labelledby={titleId} data-concept-ready="">
      <header className="cw__header">
        <p id={titleId} className="cw__title">
          <strong>Block explorer:</strong> {volumeName}, {volume.Size} GiB (1 block = 1 GiB)
        </p>
        <CostMeter world={world} />
      </header>
      {problem !== undefined && (
        <p className="cw-notice" role="note">
          {problem}
        </p>
      )}

      <div className="cw-bx__rows">
        <div className="cw-bx__row cw-bx__row--volume">
          <p className="cw-bx__label">
            <strong>{volumeName}</strong> <span className="muted">the volume now, {plural(view.volume.filter((c) => c !== null).length, 'written block')}</span>
          </p>
          <div className="cw-bx__cells" role="group" aria-label={`Blocks of ${volumeName}: choose one to rewrite or delete its file`}>
            {view.volume.map((cell, i) => (
              <button
                key={i}
                type="button"
                className={`cw-bx__cell ${cell === null ? 'cw-bx__cell--empty' : 'cw-bx__cell--data'}`}
                aria-pressed={selectedBlock === i}
                aria-label={cell === null ? `Block ${i}: never written` : `Block ${i}: ${cellFiles(cell)}, ${cellContent(cell)}`}
                onClick={() => setSelectedBlock(selectedBlock === i ? null : i)}
              >
                <span aria-hidden="true">{cell === null ? '' : cellContent(cell)}</span>
              </button>
            ))}
          </div>
        </div>
        {view.snapshots.length === 0 && <p className="muted cw-bx__none">No snapshot yet: take one to see which blocks it stores.</p>}
        {view.snapshots.map((row) => {
          const id = row.snapshot.SnapshotId;
          const label = snapshotLabel(row.snapshot);
          return (
            <div key={id} className={`cw-bx__row${selectedSnapshot === id ? ' is-selected' : ''}`} data-snapshot={label}>
              <p className="cw-bx__label">
                <button type="button" className="cw-link-button" aria-pressed={selectedSnapshot === id} onClick={() => setSelectedSnapshot(selectedSnapshot === id ? null : id)}>
                  Snapshot <strong>{label}</strong>
                </button>{' '}
                <span className="muted">
                  {stateText(row.snapshot)}; stores {row.stored}, refers to {row.shared}
                  {row.snapshot.Tier === 'archived' ? `; archive copy of ${row.cells.filter((c) => c !== null).length}` : ''}
                </span>
              </p>
              <div className="cw-bx__cells" aria-hidden="true">
                {row.cells.map((cell, i) => {
                  const kind = cell === null ? 'empty' : cell.holder.kind;
                  const moved = movedTo(id, i) ? ' cw-bx__cell--moved' : '';
                  return (
                    <span key={i} className={`cw-bx__cell cw-bx__cell--${kind}${moved}`} title={holderText(cell, labels)}>
                      {cell === null ? '' : cell.holder.kind === 'shared' ? `→${labels.get(cell.holder.snapshotId) ?? '?'}` : cellContent(cell)}
                    </span>
                  );
                })}
              </div>
            </div>
          );
        })}
        <Legend />
      </div>

      <div className="cw-bx__controls" role="group" aria-label="Change the volume">
        <button type="button" className="button" onClick={writeNewFile} disabled={instanceId === undefined}>
          Write a new file
        </button>
        <button type="button" className="button" onClick={rewriteSelected} disabled={selectedCell === null}>
          Rewrite {selectedCell === null ? 'selected block' : `${cellFiles(selectedCell)} (block ${selectedCell.index})`}
        </button>
        <button type="button" className="button" onClick={deleteSelectedFile} disabled={selectedCell === null}>
          Delete {selectedCell === null ? 'its file' : cellFiles(selectedCell)}
        </button>
        <button type="button" className="button" onClick={takeSnapshot}>
          Take snapshot {nextLetter(view.snapshots.map((r) => r.snapshot))}
        </button>
        <button type="button" className="button" onClick={finishPending} disabled={!pending}>
          Finish pending work
        </button>
      </div>

      {selectedRow !== null && (
        <SnapshotPanel
          world={world}
          row={selectedRow}
          label={snapshotLabel(selectedRow.snapshot)}
          labels={labels}
          onDelete={() => deleteSnapshot(selectedRow)}
          onRestore={() => restoreSnapshot(selectedRow)}
          onArchive={() => archiveSnapshot(selectedRow)}
        />
      )}

      {restored !== undefined && restoredView !== null && (
        <section className="cw-panel" aria-label="Restored volume">
          <h4>
            Restored volume {nameTag(restored.Tags)} <code>{restored.VolumeId}</code> ({restored.State})
          </h4>
          <div className="cw-bx__cells" aria-hidden="true">
            {restoredView.volume.map((cell, i) => (
              <span key={i} className={`cw-bx__cell ${cell === null ? 'cw-bx__cell--empty' : 'cw-bx__cell--data'}`}>
                {cell === null ? '' : cellContent(cell)}
              </span>
            ))}
          </div>
          <p>
            It holds {plural(restoredView.volume.filter((c) => c !== null).length, 'written block')}, every file of the snapshot's moment:{' '}
            {restoredView.volume
              .flatMap((c) => c?.files ?? [])
              .map((f) => `${f.path.slice(1)} (${f.content})`)
              .join(', ') || 'none'}
            .
          </p>
        </section>
      )}

      <Narration actor={actor} explanation={explanation} />
      <BlockTable view={view} volumeName={volumeName} labels={labels} />
    </section>
  );
}

function CostMeter({ world }: { world: World }) {
  const cost = costSummary(world);
  return (
    <div className="cw-cost" aria-label="Snapshot storage cost">
      <dl>
        <div>
          <dt>Standard tier</dt>
          <dd>{cost.snapshotStandardGiB} GiB</dd>
        </div>
        <div>
          <dt>Archive tier</dt>
          <dd>{cost.snapshotArchiveGiB} GiB</dd>
        </div>
        <div>
          <dt>Per month</dt>
          <dd data-testid="monthly-cost">{usd(cost.snapshotMonthlyUSD)}</dd>
        </div>
      </dl>
      <p className="cw-cost__note muted">
        Example prices: {usd(SNAPSHOT_PRICE_STANDARD)} (standard) and {usd(SNAPSHOT_PRICE_ARCHIVE)} (archive) per GB-month, us-east-1 list prices; 1 GiB counted as 1 GB.
      </p>
    </div>
  );
}

function SnapshotPanel({
  world,
  row,
  label,
  labels,
  onDelete,
  onRestore,
  onArchive,
}: {
  world: World;
  row: SnapshotBlocks;
  label: string;
  labels: ReadonlyMap<string, string>;
  onDelete: () => void;
  onRestore: () => void;
  onArchive: () => void;
}) {
  const id = row.snapshot.SnapshotId;
  const effect = useMemo(() => snapshotDeletionEffect(world, id), [world, id]);
  const archive = useMemo(() => archiveWhatIf(world, id), [world, id]);
  const heirs = effect.ok ? [...new Set(effect.kept.map((k) => labels.get(k.to) ?? k.to))] : [];
  return (
    <section className="cw-panel" aria-label={`Snapshot ${label}`}>
      <h4>
        Snapshot {label} <code>{id}</code>
      </h4>
      <p>
        {stateText(row.snapshot)}. Its image holds {plural(row.stored + row.shared + row.cells.filter((c) => c?.holder.kind === 'archive').length, 'written block')}: it stores{' '}
        {plural(row.stored, 'block')} itself and refers to {plural(row.shared, 'block')} stored by other snapshots.
      </p>
      <ul className="cw-panel__whatif">
        <li>
          <strong>Delete it:</strong>{' '}
          {!effect.ok
            ? `refused, ${effect.error.Code}: ${explainError(effect.error.Code, 'DeleteSnapshot')}`
            : effect.deferred
              ? 'it is pending, so AWS deletes it when it completes.'
              : `frees ${effect.freed.length === 0 ? 'nothing' : blockList(effect.freed)}${effect.kept.length > 0 ? `; ${blockList(effect.kept.map((k) => k.index))} stay for ${heirs.join(' and ')}` : ''}.`}
        </li>
        <li>
          <strong>Archive it:</strong>{' '}
          {!archive.ok
            ? `not possible now, ${archive.error.Code}: ${archive.error.Message}`
            : `${archive.before.snapshotStandardGiB} → ${archive.after.snapshotStandardGiB} GiB standard, ${archive.before.snapshotArchiveGiB} → ${archive.after.snapshotArchiveGiB} GiB archive: ${usd(archive.before.snapshotMonthlyUSD)} → ${usd(archive.after.snapshotMonthlyUSD)} a month (${archive.after.snapshotMonthlyUSD > archive.before.snapshotMonthlyUSD ? 'costs more' : archive.after.snapshotMonthlyUSD < archive.before.snapshotMonthlyUSD ? 'saves money' : 'no change'}; 90-day minimum, restoring costs per GB).`}
        </li>
      </ul>
      <div className="cw-bx__controls">
        <button type="button" className="button" onClick={onRestore}>
          Restore {label} as a new volume
        </button>
        <button type="button" className="button" onClick={onDelete}>
          Delete snapshot {label}
        </button>
        <button type="button" className="button" onClick={onArchive}>
          Archive {label}
        </button>
      </div>
    </section>
  );
}

function Legend() {
  return (
    <ul className="cw-bx__legend" aria-hidden="true">
      <li>
        <span className="cw-bx__cell cw-bx__cell--self">v1</span> stored by this snapshot
      </li>
      <li>
        <span className="cw-bx__cell cw-bx__cell--shared">→A</span> refers to the snapshot that stores it
      </li>
      <li>
        <span className="cw-bx__cell cw-bx__cell--archive">v1</span> archive-tier full copy
      </li>
      <li>
        <span className="cw-bx__cell cw-bx__cell--empty" /> never written
      </li>
    </ul>
  );
}

/** The text twin: every block of the volume and of each snapshot, with who stores it. */
function BlockTable({ view, volumeName, labels }: { view: LineageBlocks; volumeName: string; labels: ReadonlyMap<string, string> }) {
  const captionId = useId();
  return (
    <div className="table-wrap cw-table" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table>
        <caption id={captionId}>
          Blocks of {volumeName} and its snapshots ({plural(view.snapshots.length, 'snapshot')})
        </caption>
        <thead>
          <tr>
            <th scope="col">Block</th>
            <th scope="col">{volumeName} now</th>
            {view.snapshots.map((row) => (
              <th scope="col" key={row.snapshot.SnapshotId}>
                Snapshot {labels.get(row.snapshot.SnapshotId)} ({stateText(row.snapshot)})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.volume.map((cell, i) => (
            <tr key={i}>
              <th scope="row">{i}</th>
              <td>{cell === null ? 'not written' : `${cellFiles(cell)} ${cellContent(cell)}`}</td>
              {view.snapshots.map((row) => (
                <td key={row.snapshot.SnapshotId}>{holderText(row.cells[i] ?? null, labels)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Stored</th>
            <td>—</td>
            {view.snapshots.map((row) => (
              <td key={row.snapshot.SnapshotId}>
                {row.stored} GiB itself, refers to {row.shared} GiB
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
