/**
 * The lab on a 320 px touch screen: tap the data volume in the diagram, open CreateSnapshot, run it,
 * and find the snapshot in the text twin, without the page ever scrolling sideways (the diagram and
 * the table scroll inside their own boxes). Each step is saved as a screenshot in test-results/ for
 * a person to look at.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForIslands, resourceTable } from './fixtures.ts';

test.use({ viewport: { width: 320, height: 800 }, hasTouch: true });

async function noSidewaysScroll(page: Page, step: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `the page scrolls sideways at step "${step}"`).toBeLessThanOrEqual(320);
}

test('at 320 px with touch: tap the data volume in the diagram, snapshot it, and see the snapshot in the text twin', async ({ page }, testInfo) => {
  let shot = 0;
  const step = async (name: string) => {
    await noSidewaysScroll(page, name);
    shot += 1;
    await page.screenshot({ path: testInfo.outputPath(`${String(shot).padStart(2, '0')}-${name}.png`) });
  };

  await page.goto('/lab/?scenario=web-server-with-data-volume');
  await page.locator('.lab-page').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const lab = page.locator('.lab');
  await expect(lab).toBeVisible();
  await step('lab-open');

  // The diagram is drawn at full size and scrolls inside its box; the tap scrolls the volume into view.
  const volume = lab.getByRole('button', { name: /^Volume \/dev\/sdf, web-data/ });
  await volume.scrollIntoViewIfNeeded();
  await step('data-volume-in-view');
  await volume.tap();
  await expect(volume).toHaveAttribute('aria-pressed', 'true');
  await step('data-volume-tapped');

  const create = lab.getByRole('group', { name: /^Actions possible on vol-/ }).getByRole('button', { name: 'CreateSnapshot', exact: true });
  await create.scrollIntoViewIfNeeded();
  await step('actions-offered');
  await create.tap();
  const form = lab.getByRole('form', { name: /^CreateSnapshot on vol-/ });
  await expect(form).toBeVisible();
  await form.getByLabel('Description').tap();
  await form.getByLabel('Description').fill('from my phone');
  await form.scrollIntoViewIfNeeded();
  await step('form-open');
  await form.getByRole('button', { name: 'Run CreateSnapshot' }).tap();
  await expect(form.getByRole('status')).toContainText("Ran aws ec2 create-snapshot --description 'from my phone'");
  await step('snapshot-created');

  const table = resourceTable(lab);
  const snapshot = table.locator('tr', { has: page.getByRole('button', { name: /^Snapshot snap-/ }) });
  await expect(snapshot).toHaveCount(1);
  await expect(snapshot).toContainText(/of vol-[0-9a-f]+/);
  await expect(snapshot.getByRole('cell').nth(1)).toHaveText(/^pending, \d+% copied$|^completed$/);
  await snapshot.scrollIntoViewIfNeeded();
  await step('snapshot-in-text-twin');
  // On a phone each row is a card: its state and location are in view, with no sideways scrolling.
  const wrap = lab.getByRole('region', { name: /Resources in the account/ });
  expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expect(snapshot.getByRole('cell').nth(1)).toBeInViewport();
  await snapshot.getByRole('cell').nth(2).scrollIntoViewIfNeeded();
  await step('text-twin-location');
  await expect(snapshot.getByRole('cell').nth(1)).toHaveText('completed', { timeout: 30_000 });
  await step('snapshot-completed');

  // The diagram draws it too, in the Region's snapshot column.
  const drawn = lab.getByRole('region', { name: /^Diagram of the account/ }).getByRole('button', { name: /^Snapshot snap-.*completed/ });
  await drawn.scrollIntoViewIfNeeded();
  await step('snapshot-in-diagram');
});
