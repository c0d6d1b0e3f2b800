/** Saving the lab's log as a file and loading it back from one (happy-dom). */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { createWorld, publicImageId } from '../../src/sim/index.ts';
import type { SimCall } from '../../src/sim/index.ts';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { LabView } from '../../src/widgets/lab/LabView.tsx';
import { LOG_FILE_NAME } from '../../src/widgets/lab/SavePanel.tsx';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '#');
});

const imageId = publicImageId(createWorld(), 'us-east-1', 'al2023') ?? '';
const launch: SimCall[] = [
  { action: 'RunInstances', params: { ImageId: imageId, MinCount: 1, MaxCount: 1 } },
  { action: 'Advance', params: { Seconds: 60 } },
];
const start = (): SimulatorActor => createActor(simulatorMachine, { input: { scenarioCalls: launch }, clock: new SimulatedClock() }).start();
const world = (actor: SimulatorActor) => actor.getSnapshot().context.history.world;

/** Opens the save panel, whose body loads when it is first opened. */
async function openSavePanel(): Promise<void> {
  fireEvent.click(screen.getByText('Save, share or load this lab', { selector: 'summary' }));
  await screen.findByRole('button', { name: 'Make a permalink' });
}

async function chooseFile(text: string): Promise<void> {
  if (screen.queryByLabelText('Or load a saved log file') === null) await openSavePanel();
  const input = screen.getByLabelText<HTMLInputElement>('Or load a saved log file');
  fireEvent.change(input, { target: { files: [new File([text], LOG_FILE_NAME, { type: 'text/plain' })] } });
}

test('the saved log downloads as a file, and loading that file in another lab reaches the same World', async () => {
  const actor = start();
  render(<LabView actor={actor} title="Saved" />);
  const instanceId = Object.keys(world(actor).instances)[0] ?? '';
  act(() => actor.send({ type: 'call.run', call: { action: 'StopInstances', params: { InstanceIds: [instanceId] } } }));
  await openSavePanel();
  fireEvent.click(screen.getByRole('button', { name: 'Make a permalink' }));
  await screen.findByRole('textbox', { name: /Saved log/ });
  const download = screen.getByText('Download the saved log as a file').closest('a') as HTMLAnchorElement;
  expect(download.getAttribute('download')).toBe(LOG_FILE_NAME);
  expect(download.getAttribute('href')).toMatch(/^blob:/);
  const saved = screen.getByRole<HTMLTextAreaElement>('textbox', { name: /Saved log/ }).value;
  cleanup();
  window.history.replaceState(null, '', '#');

  const other = start();
  render(<LabView actor={other} title="Loaded" />);
  await chooseFile(`${saved}\n`);
  await waitFor(() => expect(world(other).instances[instanceId]?.State).toBe('stopping'));
  expect(world(other)).toEqual(world(actor));
});

test('a file that is not a saved lab is refused with a message and changes nothing', async () => {
  const actor = start();
  render(<LabView actor={actor} title="Refuses" />);
  const before = world(actor);
  await chooseFile('{"instances": "trust me"}');
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/not|could/i));
  expect(world(actor)).toBe(before);
  await chooseFile(`1.${'A'.repeat(300 * 1024)}`);
  await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/longer than any saved lab/));
  expect(world(actor)).toBe(before);
});
