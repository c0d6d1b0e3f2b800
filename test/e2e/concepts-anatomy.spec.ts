/**
 * The AMI anatomy in lesson 6, on the built site in real Chromium: the snapshot golden-image maps
 * cannot be deleted; after DeregisterImage it remains, still billed, web-1 and web-2 keep running,
 * and then it can be deleted. Then an axe scan of the lesson with the widget in that changed state,
 * in both themes at 320 and 1280 px.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, idsOnSeveralLines, test, THEMES, useTheme, waitForIslands, WIDTHS, WCAG_TAGS } from './fixtures.ts';

const LESSON = '/lessons/registration-and-cleanup/';
async function deregisterStory(page: Page) {
  await page.goto(LESSON);
  const anatomy = page.locator('.anat');
  await anatomy.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  await expect(anatomy.getByTestId('anatomy-state')).toHaveText('available');
  const root = anatomy.locator('.anat-row[data-device="/dev/xvda"]');
  await expect(root).toContainText('golden-image-root');
  // Wrong order first, keyboard only: the snapshot is in use by the AMI.
  await root.getByRole('button', { name: 'DeleteSnapshot' }).focus();
  await page.keyboard.press('Enter');
  await expect(anatomy.locator('.lab-narration__list')).toContainText(/DeleteSnapshot failed: InvalidSnapshot\.InUse: The snapshot snap-[0-9a-f]{17} is currently in use by ami-/);
  await anatomy.getByRole('button', { name: 'DeregisterImage' }).focus();
  await page.keyboard.press('Enter');
  await expect(anatomy.getByTestId('anatomy-state')).toHaveText('deregistered');
  return anatomy;
}

test('lesson 6: a mapped snapshot is in use; after DeregisterImage it remains and keeps costing, the instances keep running', async ({ page }) => {
  const anatomy = await deregisterStory(page);
  const remains = anatomy.getByRole('region', { name: 'What remains after DeregisterImage' });
  await expect(remains).toContainText(/Its snapshot snap-[0-9a-f]{17} is still there, costing \$\d+\.\d\d per month until you delete it\./);
  await expect(remains).toContainText(/web-1 \(i-[0-9a-f]{17}\) is running/);
  await expect(remains).toContainText(/web-2 \(i-[0-9a-f]{17}\) is running/);
  await expect(anatomy.getByRole('button', { name: 'Launch an instance (RunInstances)' })).toBeDisabled();
  await expect(anatomy).toContainText(/RunInstances now: InvalidAMIID\.Unavailable/);
  // Now the snapshot can go.
  const root = anatomy.locator('.anat-row[data-device="/dev/xvda"]');
  await root.getByRole('button', { name: 'DeleteSnapshot' }).click();
  await expect(remains).toContainText('None of its snapshots is left.');
  await expect(root).toContainText('no longer in the account');
});

test('lesson 4: launching golden-image turns its mapping entry into a new volume from the snapshot', async ({ page }) => {
  await page.goto('/lessons/amis/');
  const anatomy = page.locator('.anat');
  await anatomy.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const root = anatomy.locator('.anat-row[data-device="/dev/xvda"]');
  const snapshotId = (await root.locator('.anat-snapshot__title code').textContent()) ?? '';
  expect(snapshotId).toMatch(/^snap-[0-9a-f]{17}$/);
  await anatomy.getByRole('button', { name: 'Launch an instance (RunInstances)' }).click();
  await expect(root.locator('.anat-row__launched')).toContainText(new RegExp(`Volume vol-[0-9a-f]{17} of i-[0-9a-f]{17}: \\d+ GiB, in-use, attached at /dev/xvda; created from ${snapshotId}`));
  await expect(root.locator('.anat-arrow.is-drawn')).toHaveCount(1);
});

for (const theme of THEMES) {
  for (const width of WIDTHS) {
    test(`lesson 6 with the AMI anatomy changed passes axe in ${theme} at ${width}px`, async ({ page }) => {
      // The story, then a scan of a long lesson page with a quiz: well over a minute on a loaded 2-core machine.
      test.slow();
      await page.setViewportSize({ width, height: 900 });
      await useTheme(page, theme);
      await deregisterStory(page);
      const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'the lesson scrolls sideways').toBeLessThanOrEqual(0);
    });
  }
}


test('lessons 4 and 6 at 360px: no id or date in the anatomy breaks across lines', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/lessons/amis/');
  let anatomy = page.locator('.anat');
  await anatomy.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  await anatomy.getByRole('button', { name: 'Launch an instance (RunInstances)' }).click();
  await expect(anatomy.locator('.anat-row[data-device="/dev/xvda"] .anat-row__launched')).toContainText(/Volume vol-/);
  expect(await idsOnSeveralLines(anatomy)).toEqual([]);
  anatomy = await deregisterStory(page);
  expect(await idsOnSeveralLines(anatomy)).toEqual([]);
});
