/**
 * The lifecycle chart in lessons 1, 3 and 5, on the built site in real Chromium: drive web-server
 * through stop, start and terminate with the keyboard and watch the chart follow; then an axe scan
 * of the lesson with the chart in that changed state, in both themes at 320 and 1280 px. With the
 * clock paused, the chart holds a new snapshot (lesson 3), a new AMI (lesson 5) and a stopping
 * instance (lesson 1) in their short states until the learner skips on.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, idsOnSeveralLines, test, THEMES, useTheme, waitForIslands, WIDTHS, WCAG_TAGS } from './fixtures.ts';

const LESSON = '/lessons/where-your-data-lives/';
async function stopStory(page: Page) {
  await page.goto(LESSON);
  const chart = page.locator('.lc');
  await chart.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const now = chart.getByTestId('lifecycle-now');
  await expect(now).toHaveText(/^Now: web-server \(i-[0-9a-f]{17}\) is running\.$/);
  await expect(chart.locator('.lc-state.is-current')).toHaveAttribute('data-state', 'running');
  // Keyboard only: focus the call and press Enter.
  await chart.getByRole('button', { name: 'StopInstances' }).focus();
  await page.keyboard.press('Enter');
  await expect(chart.locator('.lc__narration')).toContainText('running → stopping (STOP)');
  await expect(now).toHaveText(/is stopped\.$/);
  await expect(chart.locator('.lc__narration')).toContainText('stopping → stopped (STOPPED)');
  return chart;
}

test('lesson 1: stop, start and terminate web-server from the chart; each state is highlighted and announced', async ({ page }) => {
  const chart = await stopStory(page);
  await expect(chart.locator('.lc-state.is-current')).toHaveAttribute('data-state', 'stopped');
  await expect(chart.getByRole('button', { name: 'StopInstances' })).toBeDisabled();
  await chart.getByRole('button', { name: 'StartInstances' }).click();
  await expect(chart.locator('.lc__narration')).toContainText('stopped → pending (START)');
  await expect(chart.getByTestId('lifecycle-now')).toHaveText(/is running\.$/);
  await chart.getByRole('button', { name: 'TerminateInstances' }).click();
  await expect(chart.getByTestId('lifecycle-now')).toHaveText(/is terminated\.$/);
  await expect(chart.locator('.lc__narration')).toContainText('shutting-down → terminated (TERMINATED)');
  await expect(chart.locator('.lc-state.is-current')).toHaveAttribute('data-state', 'terminated');
  // The text twin lists the transitions, none leaving the final state.
  await chart.getByText('The instance lifecycle as a table').click();
  await expect(chart.locator('table tbody tr')).toHaveCount(10);
  await expect(chart.locator('table tbody tr.is-current')).toHaveCount(0);
});

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`lesson 1 with the lifecycle chart changed passes axe in ${theme} at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await useTheme(page, theme);
      await stopStory(page);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the lesson scrolls sideways').toBeLessThanOrEqual(0);
    });
  }
}


for (const width of [320, 360]) {
  test(`lesson 3 at ${width}px: the lifecycle table opens without widening the page, in a labelled scrolling region`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/lessons/inside-a-snapshot/');
    const chart = page.locator('.lc');
    await chart.scrollIntoViewIfNeeded();
    await waitForIslands(page);
    await chart.getByText('The snapshot lifecycle as a table').click();
    await expect(chart.locator('.lc__table table')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the lesson scrolls sideways with the table open').toBeLessThanOrEqual(0);
    const wrap = chart.locator('.lc__table .table-wrap');
    const overflows = await wrap.evaluate((box) => box.scrollWidth > box.clientWidth + 1);
    if (overflows) {
      await expect(wrap).toHaveAttribute('tabindex', '0');
      await expect(wrap).toHaveAttribute('role', 'region');
      await expect(wrap).toHaveAccessibleName(/snapshot lifecycle/);
    }
  });
}

test('lessons 3 and 5 at 360px: ids in the chart\'s "Now:" line and its buttons stay on one line', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/lessons/inside-a-snapshot/');
  let chart = page.locator('.lc');
  await chart.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  await chart.getByRole('button', { name: /^CreateSnapshot of / }).first().click();
  await expect(chart.getByTestId('lifecycle-now')).toHaveText(/^Now: snap-[0-9a-f]{17} is pending\.$/);
  expect(await idsOnSeveralLines(chart)).toEqual([]);

  await page.goto('/lessons/baking-a-custom-ami/');
  chart = page.locator('.lc');
  await chart.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  await chart.getByRole('button', { name: /^CreateImage of / }).first().click();
  await expect(chart.getByTestId('lifecycle-now')).toHaveText(/\(ami-[0-9a-f]{17}\) is pending\.$/);
  expect(await idsOnSeveralLines(chart)).toEqual([]);
});

/** Opens a lesson's chart, pauses its clock from the keyboard, and checks that the pause is said and shown. */
async function pausedChart(page: Page, lesson: string) {
  await page.goto(lesson);
  const chart = page.locator('.lc');
  await chart.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const clock = chart.getByRole('group', { name: 'Simulated clock' });
  await expect(clock.getByTestId('lifecycle-clock')).toHaveText(/^The clock is running: .*Pause the clock to stay in each state/);
  await clock.getByRole('button', { name: 'Pause the clock' }).focus();
  await page.keyboard.press('Enter');
  await expect(clock.getByRole('button', { name: 'Resume the clock' })).toBeFocused();
  await expect(chart.locator('.lc__narration')).toContainText('Clock paused');
  return { chart, clock };
}

test('lesson 5: with the clock paused, a new AMI stays pending while the learner reads which calls pending allows, then moves on', async ({ page }) => {
  const { chart, clock } = await pausedChart(page, '/lessons/baking-a-custom-ami/');
  await chart.getByRole('button', { name: 'CreateImage of web-server' }).click();
  const now = chart.getByTestId('lifecycle-now');
  await expect(now).toHaveText(/\(ami-[0-9a-f]{17}\) is pending\.$/);
  // Well past the ~2 s pending lasts with the clock running.
  await page.waitForTimeout(4_000);
  await expect(now).toHaveText(/is pending\.$/);
  await expect(chart.locator('.lc-state.is-current')).toHaveAttribute('data-state', 'pending');
  await expect(chart.getByRole('button', { name: 'DeregisterImage' })).toBeEnabled();
  await expect(chart.getByRole('button', { name: 'DisableImage' })).toBeDisabled();
  await expect(chart.getByRole('button', { name: 'DisableImage' })).toHaveAccessibleDescription(/^DisableImage now: /);
  await expect(chart.locator('.lc__why')).toContainText('EnableImage now: ');
  await expect(clock.getByTestId('lifecycle-clock')).toHaveText(/stays pending while you read which calls it allows\. Its next change, pending → available, comes \d+ simulated seconds later\.$/);
  const skip = clock.getByRole('button', { name: 'Skip to the next change: pending → available' });
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(now).toHaveText(/is available\.$/);
  await expect(chart.locator('.lc__narration')).toContainText('pending → available (SNAPSHOTS_COMPLETED)');
  await expect(chart.getByRole('button', { name: 'DisableImage' })).toBeEnabled();
  await clock.getByRole('button', { name: 'Resume the clock' }).click();
  await expect(chart.locator('.lc__narration')).toContainText('Clock running');
});

test('lesson 3: with the clock paused, a new snapshot stays pending, then skips on to completed (standard)', async ({ page }) => {
  const { chart, clock } = await pausedChart(page, '/lessons/inside-a-snapshot/');
  await chart.getByRole('button', { name: 'CreateSnapshot of web-data' }).click();
  const now = chart.getByTestId('lifecycle-now');
  await expect(now).toHaveText(/^Now: snap-[0-9a-f]{17} is pending\.$/);
  await page.waitForTimeout(3_000);
  await expect(now).toHaveText(/is pending\.$/);
  await expect(chart.getByRole('button', { name: 'DeleteSnapshot' })).toBeEnabled();
  await expect(chart.getByRole('button', { name: 'ModifySnapshotTier' })).toBeDisabled();
  await expect(chart.getByRole('button', { name: 'ModifySnapshotTier' })).toHaveAccessibleDescription(/^ModifySnapshotTier now: /);
  await clock.getByRole('button', { name: 'Skip to the next change: pending → completed (standard)' }).click();
  await expect(now).toHaveText(/is completed \(standard\)\.$/);
  // The archive wait, too, is skipped from the same button, which names the change.
  await chart.getByRole('button', { name: 'ModifySnapshotTier' }).click();
  await clock.getByRole('button', { name: 'Skip to the next change: completed (archiving) → completed (archived)' }).click();
  await expect(now).toHaveText(/is completed \(archived\)\.$/);
});

test('lesson 1: with the clock paused, web-server stays stopping until the learner skips on', async ({ page }) => {
  const { chart, clock } = await pausedChart(page, LESSON);
  await chart.getByRole('button', { name: 'StopInstances' }).click();
  const now = chart.getByTestId('lifecycle-now');
  await expect(now).toHaveText(/is stopping\.$/);
  await page.waitForTimeout(3_000);
  await expect(now).toHaveText(/is stopping\.$/);
  await expect(chart.getByRole('button', { name: 'StartInstances' })).toBeDisabled();
  await clock.getByRole('button', { name: 'Skip to the next change: stopping → stopped' }).click();
  await expect(now).toHaveText(/is stopped\.$/);
  await chart.getByRole('button', { name: 'StartInstances' }).click();
  await expect(now).toHaveText(/is pending\.$/);
  await clock.getByRole('button', { name: 'Skip to the next change: pending → running' }).click();
  await expect(now).toHaveText(/is running\.$/);
});
