/**
 * The body of the save panel (SavePanel.tsx), loaded when the learner first opens the panel: making a
 * permalink, the saved log to copy or download, and loading a pasted link, a pasted log or a file.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { selectCursor, selectIsBusy, selectPersistence } from '../../sim/actor/index.ts';
import { MAX_ENCODED_LENGTH } from '../../sim/actor/codec.ts';
import type { SimulatorActor } from './actor.ts';

/** What the body shares with the shell, passed down so that this chunk imports nothing of the shell's. */
export interface SavePanelBodyProps {
  actor: SimulatorActor;
  /** Whether the learner (or a permalink) asked for a save or a load: errors are shown only then. */
  acted: boolean;
  /** Why the lab refused a link, paste or file before the actor saw it (too long, unreadable). */
  refusal: string | null;
  /** The address hash of a saved state (`#lab=...`). */
  hashOf: (encoded: string) => string;
  /** Name of the downloaded log file. */
  fileName: string;
  /** Loads a pasted permalink or log (size-checked, then checked and replayed by the actor). */
  loadText: (text: string) => void;
  /** Refuses a file before reading it: too long to be a saved lab, or unreadable. */
  refuse: (why: 'too long' | 'unreadable') => void;
  /** The learner asked for a save: errors are shown from now on. */
  onAct: () => void;
}

export function SavePanelBody({ actor, acted, refusal, hashOf, fileName, loadText, refuse, onAct }: SavePanelBodyProps) {
  const persistence = useSelector(actor, selectPersistence);
  const cursor = useSelector(actor, selectCursor);
  const busy = useSelector(actor, selectIsBusy);
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [asked, setAsked] = useState(false);

  const exported = asked && persistence.exported !== null && persistence.exported.cursor === cursor ? persistence.exported.encoded : null;
  const link = exported === null || typeof window === 'undefined' ? null : `${window.location.origin}${window.location.pathname}${window.location.search}${hashOf(exported)}`;

  // The address bar follows the saved state, so reloading or bookmarking reopens exactly it.
  useEffect(() => {
    if (exported !== null) window.history.replaceState(null, '', hashOf(exported));
  }, [exported, hashOf]);

  // The same log as a file to download; its object URL is released when the log changes.
  const [fileUrl, setFileUrl] = useState<string | null>(null);
  useEffect(() => {
    if (exported === null) return;
    const url = URL.createObjectURL(new Blob([exported], { type: 'text/plain' }));
    setFileUrl(url);
    return () => {
      URL.revokeObjectURL(url);
      setFileUrl(null);
    };
  }, [exported]);

  const load = () => loadText(pasted);
  const loadFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    // Refused before reading: a file this big cannot be a saved lab.
    if (file.size > MAX_ENCODED_LENGTH + 2) {
      refuse('too long');
      return;
    }
    file.text().then(loadText, () => refuse('unreadable'));
  };

  return (
    <div className="lab-save__body">
      <div>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setAsked(true);
            onAct();
            actor.send({ type: 'log.export' });
          }}
        >
          Make a permalink
        </button>
        {link !== null && (
          <div className="lab-field">
            <label htmlFor={`${id}-link`}>Permalink to this exact state (also in the address bar)</label>
            <input id={`${id}-link`} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <label htmlFor={`${id}-log`}>Saved log (copy it to load it later)</label>
            <textarea id={`${id}-log`} readOnly rows={2} value={exported ?? ''} onFocus={(e) => e.currentTarget.select()} />
            {fileUrl !== null && (
              <a className="button" href={fileUrl} download={fileName}>
                Download the saved log as a file
              </a>
            )}
          </div>
        )}
      </div>
      <div className="lab-field">
        <label htmlFor={`${id}-paste`}>Paste a permalink or a saved log</label>
        <textarea id={`${id}-paste`} rows={2} value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} />
        <div>
          <button type="button" className="button" disabled={busy || pasted.trim() === ''} onClick={load}>
            Load
          </button>
        </div>
      </div>
      <div className="lab-field">
        <label htmlFor={`${id}-file`}>Or load a saved log file</label>
        <input id={`${id}-file`} type="file" accept=".txt,text/plain" disabled={busy} onChange={loadFile} />
      </div>
      {acted && (refusal !== null || persistence.error !== null) && (
        <p className="lab-error" role="alert">
          {refusal ?? persistence.error}
        </p>
      )}
    </div>
  );
}
