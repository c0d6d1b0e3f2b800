/**
 * The lifecycle chart in lesson 1, on the built site in real Chromium: drive web-server through
 * stop, start and terminate with the keyboard and watch the chart follow; then an axe scan of the
 * lesson with the chart in that changed state, in both themes at 320 and 1280 px.
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
