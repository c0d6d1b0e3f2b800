/**
 * The point-in-time timeline in lesson 2, on the built site in real Chromium: scrub with the
 * keyboard to the upload made while the snapshot is pending, then make one of your own; then an axe
 * scan of the lesson with the widget in that changed state, in both themes at 320 and 1280 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, idsOnSeveralLines, test, THEMES, useTheme, waitForIslands, WIDTHS, WCAG_TAGS } from './fixtures.ts';

const LESSON = '/lessons/snapshots/';
async function scrubStory(page: Page) {
  await page.goto(LESSON);
  await page.locator('.cw-tl').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const timeline = page.locator('.cw-tl');
  await expect(timeline).toHaveAttribute('data-concept-ready', '');
  const slider = timeline.getByRole('slider');
  // The latest step is the 40 s wait; the model completed the snapshot within it, at its CompleteAt.
  await expect(slider).toHaveAttribute('aria-valuetext', /^09:31:00, step 8 of 8: clock moved 40\u00a0s; snapshot web-data-backup completed at 09:30:35, during that wait$/);
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

for (const width of [360, 1280]) {
  test(`lesson 2 at ${width}px after a second snapshot: every lane name fits its column, and no two labels overlap`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    await page.goto(LESSON);
    const timeline = page.locator('.cw-tl');
    await timeline.scrollIntoViewIfNeeded();
    await waitForIslands(page);
    await expect(timeline).toHaveAttribute('data-concept-ready', '');
    await timeline.getByRole('button', { name: 'Take snapshot' }).click();
    await timeline.getByRole('textbox', { name: 'File name' }).fill('refund.csv');
    await timeline.getByRole('button', { name: 'Write file' }).click();
    await timeline.getByRole('button', { name: 'Wait 1 min' }).click();
    await expect(timeline.locator('.cw-tl__write--late')).toHaveCount(2);

    // Each lane name lies inside the names column (not cut off at its left edge), or is cut with an ellipsis and its full name as a tooltip.
    const names = await timeline.locator('.cw-tl__names').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', title: t.querySelector('title')?.textContent ?? null, inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 };
      });
    });
    for (const n of names) expect(n.inside, `lane name "${n.text}" is cut off`).toBe(true);
    for (const full of ['web-data', 'web-data-backup', 'web-data-backup-2']) {
      expect(names.some((n) => n.text.replace(/\s+/g, '') === full || n.title === full), `lane ${full} is named`).toBe(true);
    }

    // Labels of the drawing (file names, "not in …", each snapshot's times): inside the drawing, and none touching another.
    const labels = await timeline.locator('.cw-tl__svg').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('.cw-tl__labels text')]
        .filter((t) => t.closest('.cw-tl__chip') === null)
        .map((t) => {
          const r = t.getBoundingClientRect();
          return { text: t.textContent ?? '', left: r.left - box.left, right: r.right - box.left, top: r.top, bottom: r.bottom, width: box.width };
        });
    });
    expect(labels.filter((l) => l.text.startsWith('not in'))).toHaveLength(2);
    for (const l of labels) expect(l.left >= -0.5 && l.right <= l.width + 0.5, `label "${l.text}" runs out of the drawing`).toBe(true);
    const overlaps: string[] = [];
    labels.forEach((a, i) =>
      labels.slice(i + 1).forEach((b) => {
        // 6 px apart at least: each label has a 2 px halo.
        if (a.left < b.right + 6 && b.left < a.right + 6 && a.top < b.bottom && b.top < a.bottom) overlaps.push(`"${a.text}" / "${b.text}"`);
      }),
    );
    expect(overlaps).toEqual([]);

    // The narration names the volume and instance by id: each id stays on one line.
    await expect(timeline.locator('.cw-narration__events')).toContainText(/vol-[0-9a-f]{17}/);
    expect(await idsOnSeveralLines(timeline), 'ids broken across lines').toEqual([]);
  });
}
