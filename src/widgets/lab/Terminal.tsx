/**
 * The Lab terminal: any command of the CLI contract (aws ec2 ..., aws ec2 wait ..., sim ...),
 * pasted scripts and backslash continuations included. Output is exactly what the CLI prints. The
 * calls a command makes go to the simulator actor as ordinary `call.run` events, so typed commands
 * and clicks share one log. Up and Down walk the command history; Tab completes.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, SubmitEvent } from 'react';
import { nextRequestId } from './actor.ts';
import type { SimulatorActor } from './actor.ts';
import { ErrorNote } from './ErrorNote.tsx';
import type { ShellEnvironment } from '../../cli/tokenize.ts';
import { loadCompletion, loadRunner, useCompletion } from './cli.ts';
import type { TerminalEntry } from './terminal.ts';

/** Entries kept on screen; older output scrolls away as in a real terminal. */
const KEEP = 50;

export function Terminal({ actor }: { actor: SimulatorActor }) {
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<TerminalEntry[]>([]);
  const [history, setHistory] = useState<string[]>([]);
  // Position while walking the history with Up/Down; null when editing a new command.
  const [browse, setBrowse] = useState<number | null>(null);
  const [candidates, setCandidates] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  // The shell session's variables (ID=$(aws ...)), kept between commands as a shell keeps them.
  const [environment, setEnvironment] = useState<ShellEnvironment>({});
  const id = useId();
  const seq = useRef(0);
  const input = useRef<HTMLTextAreaElement>(null);
  const screenRef = useRef<HTMLDivElement>(null);
  // Where a completion leaves the caret. Placed as soon as React commits the new text, before the
  // next key is handled (a frame later, fast typing would already have landed at the old caret).
  const caretAfterCompletion = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfterCompletion.current;
    if (at === null) return;
    caretAfterCompletion.current = null;
    input.current?.setSelectionRange(at, at);
  }, [text]);
  // Like a terminal, keep the newest output in view (scrollTop is not an attribute React sets).
  useEffect(() => {
    const el = screenRef.current;
    if (el !== null) el.scrollTop = el.scrollHeight;
  }, [entries]);
  // Tab completion must answer synchronously to keep the key, so it uses completion once loaded
  // (it loads when the prompt is first focused).
  const loaded = useCompletion();
  const prepareCompletion = () => {
    loadCompletion().catch(() => {
      // Offline: Tab keeps moving the focus on, and the next focus tries again.
    });
  };

  const run = async (command: string) => {
    if (command.trim() === '') return;
    let runTyped;
    try {
      const runner = await loadRunner();
      await runner.prepareFor(command);
      runTyped = runner.runTyped;
    } catch {
      setStatus('The AWS CLI could not be loaded (are you offline?). Press Enter to try again.');
      return;
    }
    const world = actor.getSnapshot().context.history.world;
    const typed = runTyped(world, command, environment);
    setEnvironment(typed.environment);
    for (const call of typed.calls) actor.send({ type: 'call.run', call, requestId: nextRequestId('terminal') });
    const added = typed.entries.map((e) => ({ ...e, seq: ++seq.current }));
    setEntries((old) => [...old, ...added].slice(-KEEP));
    setHistory((old) => [...old.filter((h) => h !== command), command]);
    setBrowse(null);
    setCandidates([]);
    setText('');
    const failed = added.find((e) => e.exitCode !== 0);
    setStatus(
      failed === undefined
        ? `Command finished${added.some((e) => e.stdout.trim() !== '') ? '; its output is shown above the prompt' : ''}.`
        : failed.error !== null
          ? `Error ${failed.error.Code}: ${failed.error.Message}`
          : `The command failed with exit status ${failed.exitCode}.`,
    );
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const el = event.currentTarget;
    const caret = el.selectionStart;
    if (event.key === 'Enter' && !event.shiftKey) {
      // A trailing backslash continues the command on the next line, as in a shell.
      if (text.slice(0, caret).endsWith('\\')) return;
      event.preventDefault();
      void run(text);
      return;
    }
    if (event.key === 'ArrowUp' && !text.slice(0, caret).includes('\n') && history.length > 0) {
      event.preventDefault();
      const index = browse === null ? history.length - 1 : Math.max(0, browse - 1);
      setBrowse(index);
      setText(history[index] ?? '');
      return;
    }
    if (event.key === 'ArrowDown' && !text.slice(caret).includes('\n') && browse !== null) {
      event.preventDefault();
      const index = browse + 1;
      setBrowse(index >= history.length ? null : index);
      setText(index >= history.length ? '' : (history[index] ?? ''));
      return;
    }
    if (event.key === 'Tab' && !event.shiftKey && text.trim() !== '' && loaded !== null) {
      const world = actor.getSnapshot().context.history.world;
      const found = loaded.complete(world, text, caret);
      // Nothing to complete: Tab keeps its usual job of moving the focus on.
      if (found.candidates.length === 0) return;
      event.preventDefault();
      const single = found.candidates.length === 1;
      const insert = single ? `${found.candidates[0]} ` : loaded.commonPrefix(found.candidates);
      const next = text.slice(0, found.start) + insert + text.slice(found.end);
      if (next !== text) caretAfterCompletion.current = found.start + insert.length;
      setText(next);
      setCandidates(single ? [] : found.candidates);
    }
  };

  return (
    <section className="lab-panel lab-terminal" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Terminal</h3>
      {/* Focusable so the output can be scrolled from the keyboard. */}
      <div className="lab-terminal__screen" ref={screenRef} tabIndex={0} role="region" aria-label="Terminal output">
        {entries.length === 0 && (
          <p className="lab-terminal__hint">
            Type an AWS CLI command, for example <code>aws ec2 describe-images --owners amazon</code>, or <code>aws help</code>.
          </p>
        )}
        {entries.map((e) => (
          <div className="lab-terminal__entry" key={e.seq}>
            <pre className="lab-terminal__command">
              <span aria-hidden="true">$ </span>
              {e.command}
            </pre>
            {e.stdout !== '' && <pre className="lab-terminal__stdout">{e.stdout}</pre>}
            {e.stderr !== '' && <pre className="lab-terminal__stderr">{e.stderr.replace(/^\n/, '')}</pre>}
            {e.error !== null && e.error.Code !== 'WaiterError' && (
              <ErrorNote code={e.error.Code} message={e.error.Message} operation={e.error.Operation} />
            )}
          </div>
        ))}
      </div>
      <form className="lab-terminal__prompt" onSubmit={onSubmit}>
        <label htmlFor={`${id}-input`} className="lab-terminal__label">
          Command
        </label>
        <textarea
          id={`${id}-input`}
          ref={input}
          className="lab-terminal__input"
          rows={Math.min(6, text.split('\n').length)}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setCandidates([]);
          }}
          onKeyDown={onKeyDown}
          onFocus={prepareCompletion}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          aria-describedby={`${id}-keys`}
        />
        <button type="submit" className="button">
          Run
        </button>
        <p id={`${id}-keys`} className="lab-field__hint">
          Enter runs; a line ending in \ continues. Up and Down recall earlier commands; Tab completes names, options, ids and option values.
        </p>
      </form>
      {candidates.length > 0 && (
        <p className="lab-terminal__candidates">
          Completions: {candidates.slice(0, 30).join('  ')}
          {candidates.length > 30 ? ` and ${candidates.length - 30} more` : ''}
        </p>
      )}
      <p className={status.startsWith('The AWS CLI could not') ? 'lab-field__hint' : 'visually-hidden'} role="status">
        {status}
      </p>
    </section>
  );
}
