/**
 * An AMI opened up, given its simulator actor: the AMI record (metadata, launch permissions) and its
 * block device mapping, each entry beside what it points at (a snapshot, shown as the plain resource
 * it is, an empty volume, or instance store) and what an instance launched from the AMI got there.
 * Launch and DeregisterImage are real calls; after deregistration the widget says what remains.
 * Everything is text (the arrows are decoration), so the view is its own text twin; the actor's
 * narration announces each change.
 */
import { useSelector } from '@xstate/react';
import { useId, useMemo, useState } from 'react';
import { actionChecks, nextEventTime } from '../../../sim/index.ts';
import type { ActionCheck, Image, SimCall, World } from '../../../sim/index.ts';
import { selectNarration, selectWorld } from '../../../sim/actor/index.ts';
import { nextRequestId } from '../../lab/actor.ts';
import { WithWholeIds } from '../../shared/WithWholeIds.tsx';
import type { SimulatorActor } from '../../lab/actor.ts';
import { FlowArrow } from './FlowArrow.tsx';
import {
  findImage,
  formatTime,
  formatUSD,
  imageLabel,
  imagesOf,
  instanceLabel,
  launchesOf,
  mappingRows,
  snapshotFacts,
} from './model.ts';
import type { LaunchedDisk, MappingRow, MappingTarget } from './model.ts';

export interface AnatomyViewProps {
  actor: SimulatorActor;
  title: string;
  /** Name tag or AMI name of the AMI to open first; the newest of the learner's own otherwise. */
  image?: string;
  /**
   * The id of the AMI to show, chosen by the caller (the Lab's inspector opens the AMI selected there,
   * which may have no Name tag): the view follows it and offers no picker of its own.
   */
  imageId?: string;
  /** Level of the title (3 in a lesson, 4 under a panel's h3); the view's sections are one below. */
  headingLevel?: 3 | 4;
  /** Whether to announce the actor's narration; false where the page already does (the Lab's Narration panel). */
  narration?: boolean;
}

function launchPermissionItems(world: World, image: Image): string[] {
  const items = [image.OwnerId === world.accountId ? `the owner, your account ${image.OwnerId} (implicitly)` : `the owner, ${image.ImageOwnerAlias ?? image.OwnerId} (implicitly)`];
  if (image.Public) items.push('everyone: the AMI is public (Group=all)');
  for (const account of image.LaunchPermissions) items.push(`account ${account} (explicitly)`);
  return items;
}

function TargetCell({ world, target, onDelete }: { world: World; target: MappingTarget; onDelete: (snapshotId: string) => void }) {
  if (target.kind === 'empty') {
    return (
      <p>
        <strong>An empty volume</strong>: {target.size} GiB {target.volumeType}, no snapshot behind it.
      </p>
    );
  }
  if (target.kind === 'instance-store') {
    return (
      <p>
        <strong>Instance store</strong> <code>{target.virtualName}</code>: a disk of the host, empty at every launch; no snapshot, no data in the AMI.
      </p>
    );
  }
  if (target.kind === 'no-device') return <p>Nothing: this device is suppressed (NoDevice).</p>;
  const facts = snapshotFacts(world, target.snapshotId);
  if (facts === null) {
    return (
      <p>
        Snapshot <code className="id-text">{target.snapshotId}</code>, no longer in the account.
      </p>
    );
  }
  const s = facts.snapshot;
  const own = s.OwnerId === world.accountId;
  return (
    <div className="anat-snapshot">
      <p className="anat-snapshot__title">
        <strong>Snapshot</strong> <code className="id-text">{s.SnapshotId}</code>
        {facts.name === null ? '' : ` (${facts.name})`}
      </p>
      <ul className="anat-facts">
        <li>
          {s.State}
          {s.State === 'completed' && s.Tier !== 'standard' ? `, ${s.Tier}` : ''}; a copy of one {s.VolumeSize} GiB volume as of <Time ms={s.StartTime} />
        </li>
        <li>
          {facts.fileCount} {facts.fileCount === 1 ? 'file' : 'files'}; stores {facts.storedGiB} GiB itself
          {facts.monthlyUSD === null ? ' (billed to its owner, not you)' : `, billed to you: ${formatUSD(facts.monthlyUSD)} per month`}
        </li>
        <li>
          Mapped by {facts.mappedBy.map((m) => `${m.name} (${m.state})`).join(', ')}
        </li>
        <li className="muted">On its own a snapshot holds only this data: no boot information, no launch permissions, no mapping.</li>
      </ul>
      {own && (
        <button type="button" className="button" onClick={() => onDelete(s.SnapshotId)}>
          DeleteSnapshot
        </button>
      )}
    </div>
  );
}

/** A date and time kept on one line (the ISO form would otherwise break at its hyphens). */
function Time({ ms }: { ms: number }) {
  return <span className="anat-date">{formatTime(ms)}</span>;
}

function LaunchedCell({ launched, instanceName }: { launched: LaunchedDisk; instanceName: string }) {
  switch (launched.kind) {
    case 'volume': {
      const v = launched.volume;
      return (
        <p>
          <strong>Volume</strong> <code className="id-text">{v.VolumeId}</code> of <WithWholeIds text={instanceName} />: {v.Size} GiB, <span className="anat-nowrap">{v.State}</span>
          {v.Attachment ? `, attached at ${v.Attachment.Device}` : ''}; {v.SnapshotId ? <>created from <code className="id-text">{v.SnapshotId}</code></> : 'created empty'}
          {v.Attachment ? `; deleted on termination: ${v.Attachment.DeleteOnTermination ? 'yes' : 'no'}` : ''}
        </p>
      );
    }
    case 'instance-store':
      return (
        <p>
          A new, empty instance store disk on <WithWholeIds text={instanceName} />
          &apos;s host (not an EBS volume).
        </p>
      );
    case 'none':
      return <p>No disk.</p>;
    case 'missing':
      return <p>No volume at this device any more (deleted on termination, or detached).</p>;
  }
}

/**
 * The actor's last few narration items, announced politely. (The Lab's Narration panel says the same,
 * but importing src/widgets/lab/panels.tsx ships the whole Lab panel chunk, 6 KB gzipped, to every
 * lesson with this widget.)
 */
function RecentNarration({ actor }: { actor: SimulatorActor }) {
  const narration = useSelector(actor, selectNarration);
  return (
    <ol className="lab-narration__list anat__narration" aria-live="polite" aria-relevant="additions" aria-label="What just happened">
      {narration.slice(-4).map((item) => (
        <li key={item.seq} className={`lab-narration__item lab-narration__item--${item.kind}`}>
          <WithWholeIds text={item.message} />
        </li>
      ))}
    </ol>
  );
}

function describeEntry(row: MappingRow): string {
  const t = row.target;
  if (t.kind === 'snapshot' || t.kind === 'empty') {
    return `EBS, ${t.size} GiB ${t.volumeType}, DeleteOnTermination ${t.deleteOnTermination ? 'true' : 'false'}`;
  }
  return t.kind === 'instance-store' ? `VirtualName ${t.virtualName}` : 'NoDevice';
}

export function AnatomyView({ actor, title, image: initialName, imageId: fixedId, headingLevel = 3, narration = true }: AnatomyViewProps) {
  const world = useSelector(actor, selectWorld);
  const uid = useId();
  const images = imagesOf(world);
  const [pickedId, setImageId] = useState<string | null>(() => (fixedId === undefined ? (findImage(world, initialName)?.ImageId ?? null) : null));
  const imageId = fixedId ?? pickedId;
  const Title = headingLevel === 3 ? 'h3' : 'h4';
  const Sub = headingLevel === 3 ? 'h4' : 'h5';
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const image = imageId === null ? null : (world.images[imageId] ?? null);
  // Asked of the simulation once per World (it dry-runs each call), not on every render.
  const checks = useMemo((): ActionCheck[] => (imageId === null ? [] : actionChecks(world, imageId)), [world, imageId]);

  const send = (call: SimCall): void => actor.send({ type: 'call.run', call, requestId: nextRequestId('anatomy') });

  if (image === null) {
    return (
      <section className="widget anat" aria-labelledby={`${uid}-title`}>
        <Title id={`${uid}-title`} className="anat__title">
          {title}
        </Title>
        <p>{fixedId === undefined ? 'There is no AMI in this account to open.' : `${fixedId} is not in the account at this point.`}</p>
      </section>
    );
  }

  const launches = launchesOf(world, image.ImageId);
  const instance = launches.find((i) => i.InstanceId === instanceId) ?? launches[0] ?? null;
  const rows = mappingRows(world, image, instance);
  const own = image.OwnerId === world.accountId;
  const launch = checks.find((c) => c.action === 'RunInstances');
  const deregister = own ? checks.find((c) => c.action === 'DeregisterImage') : undefined;
  const waiting = nextEventTime(world) !== null;
  const snapshotIds = rows.flatMap((r) => (r.target.kind === 'snapshot' ? [r.target.snapshotId] : []));
  const left = snapshotIds.map((id) => snapshotFacts(world, id)).filter((f) => f !== null);
  const leftCost = left.reduce((sum, f) => sum + (f.monthlyUSD ?? 0), 0);

  const onLaunch = (): void => {
    if (!launch) return;
    setInstanceId(null); // follow the newest launch
    send(launch.call);
  };

  return (
    <section className="widget anat" aria-labelledby={`${uid}-title`}>
      <header className="anat__header">
        <Title id={`${uid}-title`} className="anat__title">
          {title}
        </Title>
        {fixedId === undefined && (
          <label className="anat__pick">
            <span>AMI</span>
            <select
              value={image.ImageId}
              onChange={(event) => {
                setImageId(event.target.value);
                setInstanceId(null);
              }}
            >
              {images.map((i) => (
                <option key={i.ImageId} value={i.ImageId}>
                  {imageLabel(i)}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>

      <div className="anat__record">
        <section className="anat-card" aria-labelledby={`${uid}-meta`}>
          <Sub id={`${uid}-meta`}>Metadata</Sub>
          <dl className="anat-dl">
            <dt>Name</dt>
            <dd>{image.Name}</dd>
            <dt>Image ID</dt>
            <dd>
              <code className="id-text">{image.ImageId}</code> ({image.Region})
            </dd>
            <dt>Owner</dt>
            <dd>
              {image.OwnerId}
              {image.ImageOwnerAlias === null ? '' : ` (${image.ImageOwnerAlias})`}
              {own ? ', your account' : ''}
            </dd>
            <dt>Architecture</dt>
            <dd>{image.Architecture}</dd>
            <dt>Root device name</dt>
            <dd>
              <code>{image.RootDeviceName}</code> ({image.RootDeviceType})
            </dd>
            <dt>Virtualization</dt>
            <dd>{image.VirtualizationType}</dd>
            <dt>State</dt>
            <dd className="anat-state" data-testid="anatomy-state">
              {image.State}
            </dd>
            <dt>Creation date</dt>
            <dd>
              <Time ms={image.CreationDate} />
            </dd>
          </dl>
        </section>
        <section className="anat-card" aria-labelledby={`${uid}-perm`}>
          <Sub id={`${uid}-perm`}>Launch permissions</Sub>
          {image.State === 'deregistered' ? (
            <p>None: a deregistered AMI launches nothing.</p>
          ) : (
            <ul>
              {launchPermissionItems(world, image).map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
          <p className="muted">The AMI record itself holds no disk data: that lives in the snapshots its mapping points at.</p>
        </section>
      </div>

      <div className="anat__controls" role="group" aria-label="Calls on this AMI">
        {launch && (
          <button type="button" className="button" disabled={!launch.ok} aria-describedby={launch.ok ? undefined : `${uid}-why-launch`} onClick={onLaunch}>
            Launch an instance (RunInstances)
          </button>
        )}
        {deregister && (
          <button
            type="button"
            className="button"
            disabled={!deregister.ok}
            aria-describedby={deregister.ok ? undefined : `${uid}-why-deregister`}
            onClick={() => send(deregister.call)}
          >
            DeregisterImage
          </button>
        )}
        <button type="button" className="button" disabled={!waiting} onClick={() => actor.send({ type: 'clock.step' })}>
          Skip to the next change
        </button>
        {launches.length > 1 && (
          <label className="anat__pick">
            <span>Instance</span>
            <select value={instance?.InstanceId ?? ''} onChange={(event) => setInstanceId(event.target.value)}>
              {launches.map((i) => (
                <option key={i.InstanceId} value={i.InstanceId}>
                  {instanceLabel(i)} ({i.State})
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {launch && !launch.ok && (
        <p className="anat__why" id={`${uid}-why-launch`}>
          <WithWholeIds text={`RunInstances now: ${launch.error?.Code}: ${launch.error?.Message}`} />
        </p>
      )}
      {deregister && !deregister.ok && (
        <p className="anat__why" id={`${uid}-why-deregister`}>
          <WithWholeIds
            text={`DeregisterImage now: ${deregister.error?.Code === 'NoChange' ? 'would change nothing' : `${deregister.error?.Code}: ${deregister.error?.Message}`}`}
          />
        </p>
      )}

      <section aria-labelledby={`${uid}-bdm`}>
        <Sub id={`${uid}-bdm`}>Block device mapping: {rows.length === 1 ? 'one entry' : `${rows.length} entries`}</Sub>
        <div className="anat-columns" aria-hidden="true">
          <span>Entry in the AMI</span>
          <span />
          <span>Points at</span>
          <span />
          <WithWholeIds text={instance === null ? 'Launched instance (none yet)' : `In ${instanceLabel(instance)}, ${instance.State}`} />
        </div>
        <ol className="anat-rows">
          {rows.map((row) => (
            <li key={row.device} className="anat-row" data-device={row.device}>
              <div className="anat-row__entry">
                <p>
                  <code>{row.device}</code>
                  {row.root ? ' (root device)' : ''}
                </p>
                <p className="muted">{describeEntry(row)}</p>
              </div>
              <FlowArrow />
              <div className="anat-row__target">
                <TargetCell world={world} target={row.target} onDelete={(SnapshotId) => send({ action: 'DeleteSnapshot', region: image.Region, params: { SnapshotId } })} />
              </div>
              <FlowArrow drawKey={row.launched?.kind === 'volume' ? row.launched.volume.VolumeId : instance === null ? null : `${instance.InstanceId}-${row.device}`} />
              <div className="anat-row__launched">
                {row.launched === null || instance === null ? (
                  <p className="muted">Launch an instance to see what this entry becomes.</p>
                ) : (
                  <LaunchedCell launched={row.launched} instanceName={instanceLabel(instance)} />
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>

      {image.State === 'deregistered' && (
        <section className="anat-remains" aria-labelledby={`${uid}-remains`}>
          <Sub id={`${uid}-remains`}>What remains after DeregisterImage</Sub>
          <ul>
            <li>
              <WithWholeIds
                text={
                  left.length === 0
                    ? 'None of its snapshots is left.'
                    : `${left.length === 1 ? 'Its snapshot' : `Its ${left.length} snapshots`} ${left.map((f) => f.snapshot.SnapshotId).join(', ')} ${left.length === 1 ? 'is' : 'are'} still there` +
                      (leftCost > 0 ? `, costing ${formatUSD(leftCost)} per month until you delete ${left.length === 1 ? 'it' : 'them'}.` : '.')
                }
              />
            </li>
            <li>
              <WithWholeIds
                text={
                  launches.length === 0
                    ? 'No instance launched from it is listed.'
                    : `Instances launched from it are unaffected: ${launches.map((i) => `${instanceLabel(i)} is ${i.State}`).join('; ')}.`
                }
              />
            </li>
          </ul>
        </section>
      )}
      {narration && <RecentNarration actor={actor} />}
    </section>
  );
}
