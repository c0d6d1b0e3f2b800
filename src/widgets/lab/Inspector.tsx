/**
 * The selected resource: what it is, the actions the model says are possible right now (asked of
 * actionChecks, never re-derived here) each opening its small form, the ones refused with the
 * model's reason, and the files it holds or captured. An AMI can also be opened up in the AMI anatomy,
 * on this lab's actor.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { SimCall, World } from '../../sim/index.ts';
import { actionChecks, filesOfImage, filesOfInstance, filesOfSnapshot } from '../../sim/index.ts';
import type { FormSource } from './actionForms.ts';
import { PALETTE_CALLS } from './palette.ts';
import type { SimulatorActor } from './actor.ts';
import { Explanation } from './ErrorNote.tsx';
import { resourceRows } from './resources.ts';
import { OnDemand, onDemand } from '../shared/OnDemand.tsx';
import { WithWholeIds } from '../shared/WithWholeIds.tsx';

/** Loaded when the learner opens an AMI's anatomy, not with the lab (the lab page's JS budget). */
const labAnatomy = onDemand(() => import('../concepts/anatomy/LabAnatomy.tsx'));

/**
 * The action forms, with the CLI formatter that shows each form's command line: fetched as soon as a
 * resource is selected (its actions are then on screen) or a form is opened, not with the lab.
 */
const actionForm = onDemand(() => import('./ActionForm.tsx'));

/** Read-only probes are shown as the Files section, not as buttons. */
const SHOWN_AS_FILES = new Set(['ListFiles']);

interface Open {
  key: string;
  call: SimCall;
  title: string;
  source: FormSource;
}

function FileList({ files }: { files: ReadonlyArray<{ Path: string; Content: string }> }) {
  if (files.length === 0) return <p className="muted">No files.</p>;
  return (
    <ul className="lab-files">
      {files.map((f) => (
        <li key={f.Path}>
          <details>
            <summary>
              <code>{f.Path}</code>
            </summary>
            <pre>{f.Content}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}

function Files({ world, id }: { world: World; id: string }) {
  if (world.instances[id]) {
    const mounts = filesOfInstance(world, id);
    if (mounts.length === 0) return <p className="muted">No volume is attached, so there are no files.</p>;
    return (
      <>
        {mounts.map((m) => (
          <section key={m.VolumeId} aria-label={`Files on ${m.VolumeId}`}>
            <h5>
              {m.DeviceName} ({m.VolumeId}) mounted at <code>{m.MountPoint}</code>
            </h5>
            <FileList files={m.Files} />
          </section>
        ))}
      </>
    );
  }
  if (world.snapshots[id]) return <FileList files={filesOfSnapshot(world, id)} />;
  if (world.images[id]) {
    return (
      <>
        {filesOfImage(world, id).map((m) => (
          <section key={m.DeviceName} aria-label={`Files for ${m.DeviceName}`}>
            <h5>
              {m.DeviceName} from {m.SnapshotId ?? 'an empty volume'}
            </h5>
            <FileList files={m.Files} />
          </section>
        ))}
      </>
    );
  }
  return null;
}

export function Inspector({ actor, world, selectedId }: { actor: SimulatorActor; world: World; selectedId: string | null }) {
  const titleId = useId();
  const anatomyId = useId();
  const [open, setOpen] = useState<Open | null>(null);
  // The AMI whose anatomy is open; selecting another resource closes it (state adjusted while rendering).
  const [anatomyOf, setAnatomyOf] = useState<string | null>(null);
  if (anatomyOf !== null && anatomyOf !== selectedId) setAnatomyOf(null);
  const checks = useMemo(() => (selectedId === null ? [] : actionChecks(world, selectedId)), [world, selectedId]);
  const row = useMemo(() => resourceRows(world).find((r) => r.id === selectedId), [world, selectedId]);
  const possible = checks.filter((c) => c.ok && !SHOWN_AS_FILES.has(c.action));
  const refused = checks.filter((c) => !c.ok && !SHOWN_AS_FILES.has(c.action));
  const openForm = (next: Open) => setOpen((current) => (current?.key === next.key ? null : next));
  const section = useRef<HTMLElement>(null);
  // Closing a form gives focus back to the button that opened it, which stays where it was.
  const closeForm = (key: string) => {
    setOpen(null);
    section.current?.querySelector<HTMLButtonElement>(`[data-form-key="${CSS.escape(key)}"]`)?.focus();
  };
  useEffect(() => {
    if (selectedId !== null) actionForm.preload();
  }, [selectedId]);
  const form = open !== null && (
    <OnDemand part={actionForm} what="the form">
      <actionForm.Component key={open.key} actor={actor} world={world} call={open.call} source={open.source} title={open.title} onClose={() => closeForm(open.key)} />
    </OnDemand>
  );

  return (
    <section className="lab-panel lab-inspector" aria-labelledby={titleId} data-focus-region="" ref={section}>
      <h3 id={titleId} tabIndex={-1} data-focus-home="">{row ? <WithWholeIds text={`${row.kind} ${row.name || row.id}`} /> : 'Actions'}</h3>
      {selectedId === null ? (
        <p className="muted">Select a resource in the diagram or the table to see what you can do with it.</p>
      ) : row === undefined ? (
        <p className="muted">{selectedId} no longer exists at this point of the history.</p>
      ) : (
        <>
          <dl className="lab-facts">
            <dt>Id</dt>
            <dd>
              <code className="lab-id">{row.id}</code>
            </dd>
            <dt>State</dt>
            <dd>{row.state}</dd>
            <dt>Where</dt>
            <dd>{row.location}</dd>
            <dt>Relations</dt>
            <dd>
              <WithWholeIds text={row.relations} />
            </dd>
          </dl>
          <h4>Possible now</h4>
          {possible.length === 0 ? (
            <p className="muted">Nothing can be done to it right now (see below why).</p>
          ) : (
            <div className="lab-actions" role="group" aria-label={`Actions possible on ${row.id}`}>
              {possible.map((c) => (
                <button
                  key={c.action}
                  type="button"
                  className="button"
                  aria-expanded={open?.key === `${row.id}:${c.action}`}
                  data-form-key={`${row.id}:${c.action}`}
                  onClick={() =>
                    openForm({ key: `${row.id}:${c.action}`, call: c.call, title: `${c.action} on ${row.id}`, source: 'resource' })
                  }
                >
                  {c.action}
                </button>
              ))}
            </div>
          )}
          {open !== null && open.key.startsWith(`${row.id}:`) && form}
          {refused.length > 0 && (
            <details className="lab-refused">
              <summary>Not possible now ({refused.length})</summary>
              <ul>
                {refused.map((c) => (
                  <li key={c.action}>
                    <strong>{c.action}</strong>: {c.error?.Code}: <WithWholeIds text={c.error?.Message ?? ''} />{' '}
                    {c.error !== undefined && c.error.Code !== 'NoChange' && <Explanation code={c.error.Code} operation={c.action} />}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {row.kind !== 'Volume' && (
            <details className="lab-files-panel">
              <summary>{row.kind === 'Instance' ? 'Files by volume' : 'Files it captured'}</summary>
              <Files world={world} id={row.id} />
            </details>
          )}
          {row.kind === 'AMI' && (
            <div className="lab-anatomy">
              <button
                type="button"
                className="button"
                aria-expanded={anatomyOf === row.id}
                aria-controls={anatomyId}
                onClick={() => setAnatomyOf((current) => (current === row.id ? null : row.id))}
              >
                Open this AMI&apos;s anatomy
              </button>
              <div id={anatomyId}>
                {anatomyOf === row.id && (
                  <OnDemand part={labAnatomy} what="the anatomy">
                    <labAnatomy.Component actor={actor} imageId={row.id} title={`Anatomy of ${row.name || row.id}`} />
                  </OnDemand>
                )}
              </div>
            </div>
          )}
        </>
      )}
      {/* Account-wide actions come after the selected resource, so its heading is followed by its facts. */}
      <h4>Create</h4>
      <div className="lab-palette" role="group" aria-label="Create">
        {PALETTE_CALLS.map((p) => (
          <button
            key={p.label}
            type="button"
            className="button"
            aria-expanded={open?.key === `palette:${p.label}`}
            data-form-key={`palette:${p.label}`}
            onClick={() => openForm({ key: `palette:${p.label}`, call: p.call(world), title: p.label, source: 'palette' })}
          >
            {p.label}
          </button>
        ))}
      </div>
      {open?.key.startsWith('palette:') && form}
    </section>
  );
}
