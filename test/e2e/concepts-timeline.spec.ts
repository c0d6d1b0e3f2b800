/**
 * The point-in-time timeline in lesson 2, on the built site in real Chromium: scrub with the
 * keyboard to the upload made while the snapshot is pending, then make one of your own; then an axe
 * scan of the lesson with the widget in that changed state, in both themes at 320 and 1280 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, THEMES, useTheme, waitForIslands, WIDTHS, WCAG_TAGS } from './fixtures.ts';

const LESSON = '/lessons/snapshots/';
async function scrubStory(page: Page) {
  await page.goto(LESSON);
  await page.locator('.cw-tl').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const timeline = page.locator('.cw-tl');
  await expect(timeline).toHaveAttribute('data-concept-ready', '');
  const slider = timeline.getByRole('slider');
  // The latest step is the 40 s wait; the model completed the snapshot within it, at its CompleteAt.
  await expect(slider).toHaveAttribute('aria-valuetext', /^09:31:00, step 8 of 8: clock moved 40 s; snapshot web-data-backup completed at 09:30:35, during that wait$/);
  await expect(timeline.locator('[data-snapshot-label="web-data-backup"]')).toHaveText('requested 09:30:00 (its point in time), completed 09:30:35');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', '09:30:20, step 7 of 8: photo.jpg written while web-data-backup is pending');
  return timeline;
}

test('lesson 2: the upload made while the snapshot is pending is on the volume, not in the snapshot', async ({ page }) => {
  // Keyboard steps and real snapshot completions on a machine shared with other runs.
  test.setTimeout(120_000);
  const timeline = await scrubStory(page);
  await expect(timeline.locator('.cw-narration__explain')).toHaveText(
    '09:30:20, step 7 of 8: photo.jpg written while web-data-backup is pending. photo.jpg is on web-data but not in web-data-backup, although the snapshot is still pending.',
  );
  const snapshots = timeline.getByRole('region', { name: 'Snapshots at 09:30:20' });
  await expect(snapshots).toContainText('web-data-backup (pending), point in time 09:30:00. Holds: index.html and orders.csv.');
  await expect(snapshots).toContainText('Not in it: photo.jpg (written at 09:30:20, while the snapshot was still pending)');
  await expect(timeline.getByRole('region', { name: 'web-data at 09:30:20' })).toContainText('photo.jpg');
  // Home goes to the starting point: nothing written yet.
  await page.keyboard.press('Home');
  await expect(timeline.getByRole('region', { name: 'web-data at 09:00:00' })).toContainText('No files.');

  // A snapshot of one's own, a write before waiting: the write is not in it, even after it completes.
  await timeline.getByRole('button', { name: 'Take snapshot' }).click();
  await timeline.getByRole('textbox', { name: 'File name' }).fill('refund.csv');
  await timeline.getByRole('button', { name: 'Write file' }).click();
  await timeline.getByRole('button', { name: 'Wait 1 min' }).click();
  const mine = timeline.getByRole('region', { name: /^Snapshots at / }).locator('[data-snapshot="web-data-backup-2"]');
  await expect(mine).toContainText('(completed at 09:31:25)');
  await expect(mine).toContainText('Not in it: refund.csv (written at 09:31:00, while the snapshot was still pending)');
  await expect(timeline.locator('.cw-tl__write--late')).toHaveCount(2);
});

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`lesson 2 with the timeline changed passes axe in ${theme} at ${width}px`, async ({ page }) => {
      // A long lesson page: the scan alone can take half a minute on a busy machine.
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 900 });
      await useTheme(page, theme);
      await scrubStory(page);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the lesson scrolls sideways').toBeLessThanOrEqual(0);
    });
  }
}
