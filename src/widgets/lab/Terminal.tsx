/**
 * The Lab terminal: any command of the CLI contract (aws ec2 ..., aws ec2 wait ..., sim ...),
 * pasted scripts and backslash continuations included. Output is exactly what the CLI prints. The
 * calls a command makes go to the simulator actor as ordinary `call.run` events, so typed commands
 * and clicks share one log. Up and Down walk the command history; Tab completes.
 *
 * The runner loads when the first command is submitted. Until it is there, each submitted command
 * waits in a queue, shown on the screen, and they run one by one in order once it has loaded; if the
 * download fails, the commands go back to the prompt, unrun, and a message offers to try again.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent, SubmitEvent } from 'react';
import { nextRequestId } from './actor.ts';
import type { SimulatorActor } from './actor.ts';
import { ErrorNote } from './ErrorNote.tsx';
import type { ShellEnvironment } from '../../cli/tokenize.ts';
import { loadCompletion, loadedRunner, loadRunner, useCompletion } from './cli.ts';
import type { CommandRunner } from './cli.ts';
import type { TerminalEntry } from './terminal.ts';

/** Entries kept on screen; older output scrolls away as in a real terminal. */
const KEEP = 50;

/** Announced while a submitted command waits for the runner's code to download. */
const LOADING_STATUS = 'Loading the terminal… your command will run when it is ready.';

interface QueuedCommand {
  key: number;
  command: string;
}

/** A command as the terminal echoes it, after its prompt. */
function CommandLine({ command }: { command: string }) {
  return (
    <pre className="lab-terminal__command">
      <span aria-hidden="true">$ </span>
      {command}
    </pre>
  );
}

export function Terminal({ actor }: { actor: SimulatorActor }) {
  const [text, setText] = useState('');
  const [entries, setEntries] = useState<TerminalEntry[]>([]);
  const [history, setHistory] = useState<string[]>([]);
  // Position while walking the history with Up/Down; null when editing a new command.
  const [browse, setBrowse] = useState<number | null>(null);
  const [candidates, setCandidates] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [loadFailed, setLoadFailed] = useState(false);
  // Submitted commands not run yet, in order. The ref is what runQueue works on (it outlives the
  // render that started it); the state shows the queue on the screen.
  const queue = useRef<QueuedCommand[]>([]);
  const [queued, setQueued] = useState<QueuedCommand[]>([]);
  const runningQueue = useRef(false);
  // The shell session's variables (ID=$(aws ...)), kept between commands as a shell keeps them.
  const environment = useRef<ShellEnvironment>({});
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
  }, [entries, queued]);
  // Tab completion must answer synchronously to keep the key, so it uses completion once loaded
  // (it loads when the prompt is first focused).
  const loaded = useCompletion();
  const prepareCompletion = () => {
    loadCompletion().catch(() => {
      // Offline: Tab keeps moving the focus on, and the next focus tries again.
    });
  };

  const runNow = (runner: CommandRunner, command: string) => {
    const world = actor.getSnapshot().context.history.world;
    const typed = runner.runTyped(world, command, environment.current);
    environment.current = typed.environment;
    for (const call of typed.calls) actor.send({ type: 'call.run', call, requestId: nextRequestId('terminal') });
    const added = typed.entries.map((e) => ({ ...e, seq: ++seq.current }));
    setEntries((old) => [...old, ...added].slice(-KEEP));
    const failed = added.find((e) => e.exitCode !== 0);
    setStatus(
      failed === undefined
        ? `Command finished${added.some((e) => e.stdout.trim() !== '') ? '; its output is shown above the prompt' : ''}.`
        : failed.error !== null
          ? `Error ${failed.error.Code}: ${failed.error.Message}`
          : `The command failed with exit status ${failed.exitCode}.`,
    );
  };

  /** Runs the queued commands one at a time, in order, each after the code it needs has loaded. */
  const runQueue = async () => {
    if (runningQueue.current) return;
    runningQueue.current = true;
    try {
      for (let next = queue.current[0]; next !== undefined; next = queue.current[0]) {
        if (loadedRunner() === null) setStatus(LOADING_STATUS);
        let runner: CommandRunner;
        try {
          runner = await loadRunner();
          await runner.prepareFor(next.command);
        } catch {
          // Nothing typed is lost: the unrun commands go back to the prompt, before anything typed since.
          const unrun = queue.current.map((q) => q.command);
          queue.current = [];
          setQueued([]);
          setText((typedSince) => [...unrun, ...(typedSince === '' ? [] : [typedSince])].join('\n'));
          setStatus('');
          setLoadFailed(true);
          return;
        }
        queue.current = queue.current.slice(1);
        setQueued(queue.current);
        runNow(runner, next.command);
      }
    } finally {
      runningQueue.current = false;
    }
  };

  /** Accepts a command at once (the prompt clears), so the next one typed is never merged into it. */
  const submit = (command: string) => {
    if (command.trim() === '') return;
    queue.current = [...queue.current, { key: ++seq.current, command }];
    setQueued(queue.current);
    setHistory((old) => [...old.filter((h) => h !== command), command]);
    setBrowse(null);
    setCandidates([]);
    setText('');
    setLoadFailed(false);
    void runQueue();
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit(text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const el = event.currentTarget;
    const caret = el.selectionStart;
    if (event.key === 'Enter' && !event.shiftKey) {
      // A trailing backslash continues the command on the next line, as in a shell.
      if (text.slice(0, caret).endsWith('\\')) return;
      event.preventDefault();
      submit(text);
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
        {entries.length === 0 && queued.length === 0 && (
          <p className="lab-terminal__hint">
            Type an AWS CLI command, for example <code>aws ec2 describe-images --owners amazon</code>, or <code>aws help</code>.
          </p>
        )}
        {entries.map((e) => (
          <div className="lab-terminal__entry" key={e.seq}>
            <CommandLine command={e.command} />
            {e.stdout !== '' && <pre className="lab-terminal__stdout">{e.stdout}</pre>}
            {e.stderr !== '' && <pre className="lab-terminal__stderr">{e.stderr.replace(/^\n/, '')}</pre>}
            {e.error !== null && e.error.Code !== 'WaiterError' && (
              <ErrorNote code={e.error.Code} message={e.error.Message} operation={e.error.Operation} />
            )}
          </div>
        ))}
        {queued.map((q) => (
          <div className="lab-terminal__entry" key={q.key}>
            <CommandLine command={q.command} />
            <p className="lab-terminal__hint">Queued: runs when the terminal has loaded.</p>
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
      {/* For screen readers, except while loading: then it also explains the queued commands on the screen. */}
      <p className={status === LOADING_STATUS ? 'lab-field__hint' : 'visually-hidden'} role="status">
        {status}
      </p>
      {loadFailed && (
        <p className="lab-field__hint" role="alert">
          Could not load the terminal: check the connection, then try again. What you typed is back in the prompt.{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              // With the prompt emptied there is nothing to retry: the next command loads anew.
              setLoadFailed(false);
              submit(text);
              // The button goes away with the message: keep the focus at the prompt.
              input.current?.focus();
            }}
          >
            Try again
          </button>
        </p>
      )}
    </section>
  );
}
