/**
 * On a cold first visit the terminal's runner (terminal.ts) is still downloading when the learner
 * presses Enter: each command must wait its turn and run on its own, never merged with the next one
 * typed, and a failed download must say what to do without losing what was typed.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { Terminal as TerminalComponent } from '../../src/widgets/lab/Terminal.tsx';

// Each import of the runner waits until the test finishes or fails its download.
const downloads = vi.hoisted(() => {
  const pending: { finish: () => void; fail: () => void }[] = [];
  return {
    pending,
    start: () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ finish: resolve, fail: () => reject(new Error('Failed to fetch dynamically imported module')) });
      }),
  };
});

const LOADING = 'Loading the terminal… your command will run when it is ready.';

let Terminal: typeof TerminalComponent;

beforeEach(async () => {
  // A fresh cli.ts for each test, so the runner is not loaded yet: a cold first visit.
  vi.resetModules();
  downloads.pending.length = 0;
  vi.doMock(import('../../src/widgets/lab/terminal.ts'), async (importOriginal) => {
    await downloads.start();
    return importOriginal();
  });
  ({ Terminal } = await import('../../src/widgets/lab/Terminal.tsx'));
});
afterEach(cleanup);

function renderTerminal() {
  const actor = createActor(simulatorMachine, { input: { scenarioCalls: [] }, clock: new SimulatedClock() });
  actor.start();
  render(<Terminal actor={actor} />);
  return screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Command' });
}

function enter(input: HTMLTextAreaElement, command: string) {
  fireEvent.change(input, { target: { value: command } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

const entriesOnScreen = () => [...screen.getByRole('region', { name: 'Terminal output' }).querySelectorAll('.lab-terminal__entry')];
const commandOf = (entry: Element) => entry.querySelector('.lab-terminal__command')?.textContent?.replace(/^\$ /, '');
/** A queued command has a note that it waits for the runner instead of output. */
const isQueued = (entry: Element) => entry.querySelector('.lab-terminal__hint') !== null;
const queuedCommands = () => entriesOnScreen().filter(isQueued).map(commandOf);
const ranEntries = () => entriesOnScreen().filter((entry) => !isQueued(entry));
const stdoutOf = (entry: Element | undefined) => entry?.querySelector('.lab-terminal__stdout')?.textContent;

async function downloadStarted(): Promise<NonNullable<(typeof downloads.pending)[number]>> {
  await waitFor(() => expect(downloads.pending).toHaveLength(1));
  return downloads.pending.shift() ?? expect.unreachable();
}

test('two commands entered while the runner downloads are queued, announced, then run separately and in order', async () => {
  const input = renderTerminal();
  enter(input, 'aws ec2 describe-snapshots');
  // Accepted at once: the prompt is free for the next command, which is not appended to this one.
  expect(input.value).toBe('');
  expect(screen.getByRole('status').textContent).toBe(LOADING);
  enter(input, 'aws help');
  expect(input.value).toBe('');
  expect(queuedCommands()).toEqual(['aws ec2 describe-snapshots', 'aws help']);

  (await downloadStarted()).finish();
  await waitFor(() => expect(queuedCommands()).toEqual([]));
  const ran = ranEntries();
  expect(ran.map(commandOf)).toEqual(['aws ec2 describe-snapshots', 'aws help']);
  expect(stdoutOf(ran[0])).toContain('"Snapshots"');
  expect(stdoutOf(ran[1])).toMatch(/\S/);
  expect(screen.getByRole('region', { name: 'Terminal output' }).textContent).not.toContain('Invalid choice');
  expect(screen.getByRole('status').textContent).not.toBe(LOADING);
  expect(downloads.pending).toHaveLength(0);
});

test('a failed download says what to do, puts the commands back in the prompt, and Try again runs each of them', async () => {
  const input = renderTerminal();
  enter(input, 'aws ec2 describe-snapshots');
  enter(input, 'aws ec2 describe-volumes');
  (await downloadStarted()).fail();

  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('Could not load the terminal: check the connection, then try again.');
  expect(input.value).toBe('aws ec2 describe-snapshots\naws ec2 describe-volumes');
  expect(queuedCommands()).toEqual([]);
  expect(screen.getByRole('status').textContent).toBe('');

  fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(input.value).toBe('');
  expect(document.activeElement).toBe(input);
  expect(screen.getByRole('status').textContent).toBe(LOADING);
  (await downloadStarted()).finish();

  await waitFor(() => expect(ranEntries()).toHaveLength(2));
  const ran = ranEntries();
  expect(ran.map(commandOf)).toEqual(['aws ec2 describe-snapshots', 'aws ec2 describe-volumes']);
  expect(stdoutOf(ran[0])).toContain('"Snapshots"');
  expect(stdoutOf(ran[1])).toContain('"Volumes"');
});
