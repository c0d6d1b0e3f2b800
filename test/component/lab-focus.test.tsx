/** Keyboard focus in the Lab never falls back to the page when the control that had it goes away. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, expect, test } from 'vitest';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { LabView } from '../../src/widgets/lab/LabView.tsx';
import { scenarioActor } from './scenario-actor.ts';

beforeAll(async () => {
  await import('../../src/widgets/lab/ActionForm.tsx');
});
afterEach(cleanup);

const table = () => screen.getByRole('table', { name: /Resources in the account/ });
const inspectorHeading = () => screen.getAllByRole('heading', { level: 3 }).find((h) => h.closest('.lab-inspector')) as HTMLElement;

function snapshotNamed(actor: SimulatorActor, name: string): string {
  const snapshot = Object.values(actor.getSnapshot().context.history.world.snapshots).find((s) => s.Tags.some((t) => t.Key === 'Name' && t.Value === name));
  if (snapshot === undefined) throw new Error(`the scenario has no snapshot named ${name}`);
  return snapshot.SnapshotId;
}

/** A lab with two snapshots, web-data-backup-1 selected and its DeleteSnapshot form opened from the keyboard. */
async function openDeleteForm(): Promise<{ actor: SimulatorActor; opener: HTMLButtonElement; run: HTMLButtonElement }> {
  const actor = scenarioActor('server-with-two-snapshots');
  render(<LabView actor={actor} title="Test lab" />);
  fireEvent.click(within(table()).getByRole('button', { name: new RegExp(snapshotNamed(actor, 'web-data-backup-1')) }));
  const opener = within(screen.getByRole('group', { name: /^Actions possible on/ })).getByRole<HTMLButtonElement>('button', { name: 'DeleteSnapshot' });
  opener.focus();
  fireEvent.click(opener);
  const run = await screen.findByRole<HTMLButtonElement>('button', { name: 'Run DeleteSnapshot' });
  return { actor, opener, run };
}

test('closing a form gives focus back to the button that opened it', async () => {
  const { opener } = await openDeleteForm();
  const close = screen.getByRole('button', { name: 'Close' });
  close.focus();
  fireEvent.click(close);
  expect(screen.queryByRole('button', { name: 'Run DeleteSnapshot' })).toBeNull();
  expect(document.activeElement).toBe(opener);
});

test('Escape closes a form too, and focus goes back to its button', async () => {
  const { actor, opener, run } = await openDeleteForm();
  run.focus();
  fireEvent.keyDown(run, { key: 'Escape' });
  expect(screen.queryByRole('button', { name: 'Run DeleteSnapshot' })).toBeNull();
  expect(document.activeElement).toBe(opener);
  expect(Object.keys(actor.getSnapshot().context.history.world.snapshots)).toContain(snapshotNamed(actor, 'web-data-backup-1'));
});

test('when the selected resource is deleted, focus moves to the inspector heading, not to the page', async () => {
  const { run } = await openDeleteForm();
  run.focus();
  await act(async () => {
    fireEvent.submit(run.closest('form') as HTMLFormElement);
  });
  expect(run.isConnected).toBe(false);
  // The observer runs as a microtask after the DOM changed.
  await act(async () => {});
  expect(inspectorHeading().textContent).toBe('Actions');
  expect(document.activeElement).toBe(inspectorHeading());
});

test('Undo and Redo keep focus when they run out of steps: they are aria-disabled, not disabled', async () => {
  const { run } = await openDeleteForm();
  await act(async () => {
    fireEvent.submit(run.closest('form') as HTMLFormElement);
  });
  const undo = screen.getByRole('button', { name: 'Undo' });
  const redo = screen.getByRole('button', { name: 'Redo' });
  expect(redo.getAttribute('aria-disabled')).toBe('true');
  undo.focus();
  act(() => fireEvent.click(undo));
  expect(undo.getAttribute('aria-disabled')).toBe('true');
  expect(document.activeElement).toBe(undo);
  // Pressing it again does nothing: no step is undone past the start.
  act(() => fireEvent.click(undo));
  expect(redo.getAttribute('aria-disabled')).toBe('false');
});
