/**
 * The block explorer in lesson 3, on the built site in real Chromium: the worked example's story
 * (A full, B incremental, delete A), with the keyboard, then an axe scan of the lesson with the
 * widget in that changed state, in both themes at 320 and 1280 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, THEMES, useTheme, waitForIslands, WIDTHS, WCAG_TAGS } from './fixtures.ts';

const LESSON = '/lessons/inside-a-snapshot/';
async function openExplorer(page: Page) {
  await page.goto(LESSON);
  await page.locator('.cw-bx').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const explorer = page.locator('.cw-bx');
  await expect(explorer).toHaveAttribute('data-concept-ready', '');
  return explorer;
}

/** A and B of the worked example, then A deleted: driven with the keyboard only (Tab to a button, Enter). */
async function deleteAStory(page: Page) {
  const explorer = await openExplorer(page);
  const press = async (name: string | RegExp) => {
    await explorer.getByRole('button', { name }).first().focus();
    await page.keyboard.press('Enter');
  };
  await press('Take snapshot A');
  // The clock runs: the pending snapshot completes by itself within seconds.
  const twin = explorer.getByRole('table', { name: /Blocks of volume-1 and its snapshots/ });
  await expect(twin.getByRole('columnheader', { name: 'Snapshot A (completed)' })).toBeVisible({ timeout: 20_000 });
  for (const block of [0, 1, 2, 3]) {
    await press(new RegExp(`^Block ${block}: `));
    await press(/^Rewrite file-/);
  }
  await press('Take snapshot B');
  await expect(twin.getByRole('columnheader', { name: 'Snapshot B (completed)' })).toBeVisible({ timeout: 20_000 });
  await expect(explorer.getByTestId('monthly-cost')).toHaveText('$0.70');
  await press(/^Snapshot A$/);
  await expect(explorer.getByRole('region', { name: 'Snapshot A' })).toContainText('Delete it: frees blocks 0-3; blocks 4-9 stay for B.');
  await press('Delete snapshot A');
  return { explorer, twin };
}

test('lesson 3: take A and B, delete A: 4 blocks freed, 6 handed to B, cost down to $0.50', async ({ page }) => {
  // Keyboard steps and real snapshot completions on a machine shared with other runs.
  test.setTimeout(120_000);
  const { explorer, twin } = await deleteAStory(page);
  await expect(explorer.locator('.cw-narration__explain')).toContainText(
    'Deleted snapshot A. Freed: blocks 0-3 (no other snapshot needs them). Blocks 4-9 are still needed, so they are kept and now stored by B (highlighted). Standard-tier storage: 14 → 10 GiB.',
  );
  await expect(explorer.locator('[data-snapshot="B"] .cw-bx__cell--moved')).toHaveCount(6);
  await expect(explorer.getByTestId('monthly-cost')).toHaveText('$0.50');
  const row4 = twin.locator('tr', { has: page.getByRole('rowheader', { name: '4', exact: true }) });
  await expect(row4.getByRole('cell').nth(1)).toHaveText('file-05.txt v1, stored here');
  // Restoring B brings the whole volume back.
  await explorer.getByRole('button', { name: /^Snapshot B$/ }).click();
  await explorer.getByRole('button', { name: 'Restore B as a new volume' }).click();
  await expect(explorer.getByRole('region', { name: 'Restored volume' })).toContainText('(available)', { timeout: 20_000 });
  await expect(explorer.getByRole('region', { name: 'Restored volume' })).toContainText('It holds 10 written blocks');
});

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`lesson 3 with the explorer changed passes axe in ${theme} at ${width}px`, async ({ page }) => {
      // A long lesson page: the scan alone can take half a minute on a busy machine.
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await useTheme(page, theme);
      // A changed state with every kind of cell: A stored, B stored and shared, A's panel open, a block selected.
      const explorer = await openExplorer(page);
      await explorer.getByRole('button', { name: 'Take snapshot A' }).click();
      await explorer.getByRole('button', { name: 'Finish pending work' }).click();
      await explorer.getByRole('button', { name: /^Block 0: / }).click();
      await explorer.getByRole('button', { name: /^Rewrite file-01/ }).click();
      await explorer.getByRole('button', { name: 'Take snapshot B' }).click();
      await explorer.getByRole('button', { name: /^Snapshot A$/ }).click();
      await expect(explorer.getByRole('region', { name: 'Snapshot A' })).toContainText('Delete it:');
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the lesson scrolls sideways').toBeLessThanOrEqual(0);
    });
  }
}
