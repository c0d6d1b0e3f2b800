/**
 * Saving and reopening a lab. The saved form is the actor's encoded call log (one string): as a
 * permalink (#lab=... on this page), as text to copy and paste back, or as a file to download and
 * load again. Whatever comes back, from a link, a paste or a file, is a stranger's data: it is size-checked here, then decoded, schema-checked and
 * replayed through the simulation by the actor (log.load), which refuses it with a message and
 * leaves the lab untouched if anything is wrong. It is only ever shown as text.
 * The panel's body (SavePanelBody.tsx) loads when the learner first opens the panel; a permalink in
 * the address is loaded at once, by this shell.
 */
import { useEffect, useState } from 'react';
import type { ComponentType } from 'react';
import { MAX_ENCODED_LENGTH } from '../../sim/actor/codec.ts';
import type { SimulatorActor } from './actor.ts';
import type { SavePanelBodyProps } from './SavePanelBody.tsx';
import { HASH_PREFIX } from './useSavedLab.ts';

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

const hashOf = (encoded: string) => `${HASH_PREFIX}${encoded}`;

export function SavePanel({ actor }: { actor: SimulatorActor }) {
  // Why the lab refused a link, paste or file before the actor saw it (too long, unreadable).
  const [refusal, setRefusal] = useState<string | null>(null);
  // Errors are shown once the learner (or a permalink) asked for a save or a load.
  const [acted, setActed] = useState(false);
  const [Body, setBody] = useState<ComponentType<SavePanelBodyProps> | null>(null);
  const [loading, setLoading] = useState<'no' | 'yes' | 'failed'>('no');

  // A permalink opened this page: load it once. The actor checks it, an over-long one included, and says
  // in the lab's narration why it refuses it (this panel may be closed).
  useEffect(() => {
    const hash = window.location.hash;
    if (!hash.startsWith(HASH_PREFIX)) return;
    setActed(true);
    actor.send({ type: 'log.load', encoded: hash.slice(HASH_PREFIX.length) });
  }, [actor]);

  const loadText = (text: string) => {
    const encoded = savedLabText(text);
    setActed(true);
    setRefusal(encoded === null ? TOO_LONG : null);
    if (encoded !== null && encoded !== '') actor.send({ type: 'log.load', encoded });
  };
  const refuse = (why: 'too long' | 'unreadable') => {
    setActed(true);
    setRefusal(why === 'too long' ? TOO_LONG : 'That file could not be read, so nothing was loaded. Nothing was changed.');
  };

  // The body loads when the panel is first opened (a click on its summary, or the toggle itself).
  const loadBody = () => {
    if (Body !== null || loading === 'yes') return;
    setLoading('yes');
    import('./SavePanelBody.tsx').then(
      (module) => setBody(() => module.SavePanelBody),
      () => setLoading('failed'),
    );
  };

  return (
    <details className="lab-panel lab-save" onToggle={(e) => e.currentTarget.open && loadBody()}>
      <summary onClick={loadBody}>Save, share or load this lab</summary>
      {Body !== null ? (
        <Body
          actor={actor}
          acted={acted}
          refusal={refusal}
          hashOf={hashOf}
          fileName={LOG_FILE_NAME}
          loadText={loadText}
          refuse={refuse}
          onAct={() => setActed(true)}
        />
      ) : loading === 'failed' ? (
        <p className="lab-error" role="alert">
          This panel could not be loaded (are you offline?). Close it and open it again to try again.
        </p>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </details>
  );
}
