/** The block explorer, driven through its buttons on an injected simulator actor (happy-dom). */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { simulatorMachine } from '../../src/sim/actor/index.ts';
import type { SimulatorActor } from '../../src/widgets/lab/actor.ts';
import { BlockExplorerView } from '../../src/widgets/concepts/block-explorer/BlockExplorerView.tsx';
import { EXPLORER_SETUP, EXPLORER_VOLUME_NAME } from '../../src/widgets/concepts/block-explorer/script.ts';
import { widgetSetup } from '../../src/widgets/concepts/shared/setup.ts';

afterEach(cleanup);

const setup = widgetSetup({ setup: EXPLORER_SETUP });

function startActor(): SimulatorActor {
  if (!setup.ok) throw new Error(setup.error);
  // A simulated clock: the timer never fires; the tests finish pending work with the button.
  return createActor(simulatorMachine, { input: { scenarioCalls: setup.setupCalls }, clock: new SimulatedClock() }).start();
}

const click = (name: RegExp | string) => act(() => fireEvent.click(screen.getByRole('button', { name })));
const explanation = () => screen.getByRole('group', { name: 'What just happened' }).querySelector('.cw-narration__explain')?.textContent ?? '';
const twin = () => screen.getByRole('table', { name: /Blocks of volume-1 and its snapshots/ });
/** The text twin's cell for a block (from 0) in a column (0 = the volume, 1 = the first snapshot...). */
const twinCell = (block: number, column: number) => {
  const row = within(twin()).getByRole('rowheader', { name: String(block) }).closest('tr') as HTMLElement;
  return row.querySelectorAll('td')[column]?.textContent ?? '';
};
const monthly = () => screen.getByTestId('monthly-cost').textContent;

function rewriteBlock(block: number) {
  click(new RegExp(`^Block ${block}: `));
  click(/^Rewrite file-/);
}

// The longer stories render the widget some 30 times: room for a busy machine.
const STORY_TIMEOUT = 20_000;

describe('Block explorer', () => {
  test('starts from the worked example: 10 written blocks of 15, no snapshot, nothing stored', () => {
    render(<BlockExplorerView actor={startActor()} volumeName={EXPLORER_VOLUME_NAME} />);
    expect(screen.getByText(/volume-1, 15 GiB/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /^Block \d+: file-/ })).toHaveLength(10);
    expect(screen.getAllByRole('button', { name: /^Block \d+: never written/ })).toHaveLength(5);
    expect(twinCell(0, 0)).toBe('file-01.txt v1');
    expect(twinCell(10, 0)).toBe('not written');
    expect(monthly()).toBe('$0.00');
    expect(screen.getByText(/Example prices: \$0\.05 \(standard\) and \$0\.0125 \(archive\)/)).toBeTruthy();
  });

  test('A is full, B stores the 4 rewritten blocks; deleting A frees 4 and hands 6 to B; restoring B gives the whole volume back', () => {
    const actor = startActor();
    render(<BlockExplorerView actor={actor} volumeName={EXPLORER_VOLUME_NAME} />);
    click('Take snapshot A');
    expect(explanation()).toMatch(/Snapshot A started \(pending\)\. It is the first in this lineage, so it is full: it stores all 10 written blocks \(blocks 0-9\)/);
    expect(twinCell(0, 1)).toBe('file-01.txt v1, stored here');
    click('Finish pending work');
    expect(within(twin()).getByRole('columnheader', { name: 'Snapshot A (completed)' })).toBeTruthy();
    expect(monthly()).toBe('$0.50');

    for (const block of [0, 1, 2, 3]) rewriteBlock(block);
    expect(explanation()).toMatch(/Rewrote file-04\.txt as v2: block 3 now holds a new version/);
    expect(twinCell(3, 0)).toBe('file-04.txt v2');
    expect(twinCell(3, 1)).toBe('file-04.txt v1, stored here');

    click('Take snapshot B');
    expect(explanation()).toMatch(/It stores only 4 blocks that changed since the snapshots before it \(blocks 0-3\), and refers to 6 blocks/);
    click('Finish pending work');
    expect(twinCell(0, 2)).toBe('file-01.txt v2, stored here');
    expect(twinCell(4, 2)).toBe('file-05.txt v1, stored by A');
    expect(monthly()).toBe('$0.70');

    // The panel of A previews the deletion before it happens.
    click(/^Snapshot A$/);
    const panel = screen.getByRole('region', { name: 'Snapshot A' });
    expect(panel.textContent).toMatch(/Delete it: frees blocks 0-3; blocks 4-9 stay for B\./);
    act(() => fireEvent.click(within(panel).getByRole('button', { name: 'Delete snapshot A' })));
    expect(explanation()).toMatch(
      /Deleted snapshot A\. Freed: blocks 0-3 \(no other snapshot needs them\)\. Blocks 4-9 are still needed, so they are kept and now stored by B \(highlighted\)\. Standard-tier storage: 14 → 10 GiB\./,
    );
    expect(twinCell(4, 1)).toBe('file-05.txt v1, stored here');
    expect(document.querySelectorAll('[data-snapshot="B"] .cw-bx__cell--moved')).toHaveLength(6);
    expect(monthly()).toBe('$0.50');

    click(/^Snapshot B$/);
    click('Restore B as a new volume');
    expect(explanation()).toMatch(/Restoring B: a new volume with all 10 written blocks of B's moment/);
    click('Finish pending work');
    const restored = screen.getByRole('region', { name: 'Restored volume' });
    expect(restored.textContent).toMatch(/\(available\)/);
    expect(restored.textContent).toMatch(/It holds 10 written blocks, every file of the snapshot's moment: file-01\.txt \(v2\), .*file-10\.txt \(v1\)\./);
  }, STORY_TIMEOUT);

  test('archiving a small incremental snapshot is shown to cost more, and the archive completes on demand', () => {
    const actor = startActor();
    render(<BlockExplorerView actor={actor} volumeName={EXPLORER_VOLUME_NAME} />);
    click('Take snapshot A');
    click('Finish pending work');
    for (const block of [0, 1, 2, 3]) rewriteBlock(block);
    click('Take snapshot B');
    click('Finish pending work');
    click('Write a new file');
    expect(explanation()).toMatch(/Wrote file-11\.txt \(v1\) into block 10, a block that was never written/);
    click('Write a new file');
    click('Take snapshot C');
    click('Finish pending work');
    expect(monthly()).toBe('$0.80');
    // A new snapshot is selected at once: its panel previews what archiving would do.
    const panel = screen.getByRole('region', { name: 'Snapshot C' });
    expect(panel.textContent).toMatch(/Archive it: 16 → 14 GiB standard, 0 → 12 GiB archive: \$0\.80 → \$0\.85 a month \(costs more;/);
    act(() => fireEvent.click(within(panel).getByRole('button', { name: 'Archive C' })));
    click('Finish pending work');
    expect(monthly()).toBe('$0.85');
    expect(twinCell(10, 3)).toBe('file-11.txt v1, in its archive copy');
    // An archived snapshot cannot be restored: the real error, explained.
    click('Restore C as a new volume');
    expect(explanation()).toMatch(/CreateVolume was refused: IncorrectState\./);
  }, STORY_TIMEOUT);

  test('deleting a file empties its block; the snapshot keeps the data', () => {
    const actor = startActor();
    render(<BlockExplorerView actor={actor} volumeName={EXPLORER_VOLUME_NAME} />);
    click('Take snapshot A');
    click(/^Block 2: /);
    click('Delete file-03.txt');
    expect(explanation()).toMatch(/Deleted file-03\.txt: block 2 is empty again on the volume\. Snapshots that hold the old data keep it/);
    expect(twinCell(2, 0)).toBe('not written');
    expect(twinCell(2, 1)).toBe('file-03.txt v1, stored here');
    // A pending snapshot's deletion waits for its completion (A is still selected since it was taken).
    click('Delete snapshot A');
    expect(explanation()).toMatch(/Snapshot A is still pending: AWS deletes it as soon as it completes/);
  });

  test('a setup that could not be replayed is reported, not thrown', () => {
    const actor = createActor(simulatorMachine, { input: {}, clock: new SimulatedClock() }).start();
    render(<BlockExplorerView actor={actor} volumeName={EXPLORER_VOLUME_NAME} problem="Line 3 of the setup script could not be run." />);
    expect(screen.getByRole('note').textContent).toMatch(/could not start: there is no volume named volume-1\. Line 3 of the setup script/);
  });
});
