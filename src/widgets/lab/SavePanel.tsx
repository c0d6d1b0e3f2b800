/**
 * Saving and reopening a lab. The saved form is the actor's encoded call log (one string): as a
 * permalink (#lab=... on this page), as text to copy and paste back, or as a file to download and
 * load again. Whatever comes back, from a link, a paste or a file, is a stranger's data: it is size-checked here, then decoded, schema-checked and
 * replayed through the simulation by the actor (log.load), which refuses it with a message and
 * leaves the lab untouched if anything is wrong. It is only ever shown as text.
 */
import { useSelector } from '@xstate/react';
import { useEffect, useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { selectCursor, selectIsBusy, selectPersistence } from '../../sim/actor/index.ts';
import { MAX_ENCODED_LENGTH } from '../../sim/actor/codec.ts';
import type { SimulatorActor } from './actor.ts';

export const HASH_PREFIX = '#lab=';
const TOO_LONG = `That is longer than any saved lab (${MAX_ENCODED_LENGTH} characters at most), so it was not loaded. Nothing was changed.`;
/** Name of the downloaded log file. */
export const LOG_FILE_NAME = 'ami-snapshot-lab.txt';

/** The saved-lab string inside a pasted permalink or a pasted log; null when it is too long to be one. */
export function savedLabText(pasted: string): string | null {
  const trimmed = pasted.trim();
  const at = trimmed.indexOf(HASH_PREFIX);
  const encoded = at >= 0 ? trimmed.slice(at + HASH_PREFIX.length) : trimmed;
  return encoded.length > MAX_ENCODED_LENGTH ? null : encoded;
}

export function SavePanel({ actor }: { actor: SimulatorActor }) {
  const persistence = useSelector(actor, selectPersistence);
  const cursor = useSelector(actor, selectCursor);
  const busy = useSelector(actor, selectIsBusy);
  const id = useId();
  const [pasted, setPasted] = useState('');
  // Why the lab refused a link, paste or file before the actor saw it (too long, unreadable).
  const [refusal, setRefusal] = useState<string | null>(null);
  const [asked, setAsked] = useState(false);
  // Errors are shown once the learner (or a permalink) asked for a save or a load.
  const [acted, setActed] = useState(false);

  // A permalink opened this page: load it once (the actor checks it and says why if it refuses).
  useEffect(() => {
    const hash = window.location.hash;
    if (!hash.startsWith(HASH_PREFIX)) return;
    const encoded = savedLabText(hash);
    setActed(true);
    if (encoded === null) setRefusal(TOO_LONG);
    else actor.send({ type: 'log.load', encoded });
  }, [actor]);

  const exported = asked && persistence.exported !== null && persistence.exported.cursor === cursor ? persistence.exported.encoded : null;
  const link = exported === null || typeof window === 'undefined' ? null : `${window.location.origin}${window.location.pathname}${window.location.search}${HASH_PREFIX}${exported}`;

  // The address bar follows the saved state, so reloading or bookmarking reopens exactly it.
  useEffect(() => {
    if (exported !== null) window.history.replaceState(null, '', `${HASH_PREFIX}${exported}`);
  }, [exported]);

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

  const loadText = (text: string) => {
    const encoded = savedLabText(text);
    setActed(true);
    setRefusal(encoded === null ? TOO_LONG : null);
    if (encoded !== null && encoded !== '') actor.send({ type: 'log.load', encoded });
  };
  const load = () => loadText(pasted);
  const loadFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file === undefined) return;
    // Refused before reading: a file this big cannot be a saved lab.
    if (file.size > MAX_ENCODED_LENGTH + 2) {
      setActed(true);
      setRefusal(TOO_LONG);
      return;
    }
    file.text().then(loadText, () => {
      setActed(true);
      setRefusal('That file could not be read, so nothing was loaded. Nothing was changed.');
    });
  };

  return (
    <details className="lab-panel lab-save">
      <summary>Save, share or load this lab</summary>
      <div className="lab-save__body">
        <div>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => {
              setAsked(true);
              setActed(true);
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
                <a className="button" href={fileUrl} download={LOG_FILE_NAME}>
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
    </details>
  );
}
