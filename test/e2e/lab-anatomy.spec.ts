/**
 * The AMI anatomy opened from the Lab's inspector (issue 6) on the built site in real Chromium, on
 * /lab/?scenario=custom-ami-with-instances: keyboard only, select golden-image in the text twin, open
 * its anatomy (loaded on demand), read its block device mapping, launch from it and find the new
 * instance in the lab's own resource table. Then axe on the inspector with the anatomy open, light at
 * 1280 px and dark at 320 px, and no sideways scrolling.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, openLab, resourceTable, test, useTheme, WCAG_TAGS } from './fixtures.ts';
import type { Theme } from './fixtures.ts';


const amiRow = (lab: Locator) => resourceTable(lab).locator('tr', { has: lab.page().getByRole('button', { name: /^AMI ami-/ }), hasText: 'golden-image' });

/** Selects golden-image in the text twin and opens its anatomy, with the keyboard. */
async function openAnatomy(page: Page, lab: Locator): Promise<Locator> {
  const select = amiRow(lab).getByRole('rowheader').getByRole('button');
  await select.focus();
  await page.keyboard.press('Enter');
  await expect(select).toHaveAttribute('aria-pressed', 'true');
  const toggle = lab.getByRole('button', { name: "Open this AMI's anatomy" });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const anatomy = lab.getByRole('region', { name: 'Anatomy of golden-image' });
  await expect(anatomy).toBeVisible();
  return anatomy;
}

test('an AMI selected in the text twin opens its anatomy; a launch there is a call of the lab', async ({ page }) => {
  const lab = await openLab(page, 'custom-ami-with-instances');
  const imageId = /ami-[0-9a-f]{17}/.exec((await amiRow(lab).getByRole('rowheader').textContent()) ?? '')?.[0] ?? '';
  expect(imageId).not.toBe('');
  const anatomy = await openAnatomy(page, lab);
  await expect(anatomy.getByRole('heading', { level: 4, name: 'Anatomy of golden-image' })).toBeVisible();
  await expect(anatomy.locator('.anat-dl')).toContainText(`${imageId} (us-east-1)`);
  await expect(anatomy.getByRole('heading', { level: 5, name: 'Block device mapping: one entry' })).toBeVisible();
  const root = anatomy.locator('.anat-row[data-device="/dev/xvda"]');
  await expect(root).toContainText('(root device)');
  await expect(root.locator('.anat-snapshot__title')).toContainText(/Snapshot snap-[0-9a-f]{17} \(golden-image-root\)/);
  await expect(root).toContainText(/Mapped by golden-image \(available\)/);

  const instances = resourceTable(lab).locator('tr', { has: page.getByRole('button', { name: /^Instance i-/ }) });
  const before = await instances.count();
  const launch = anatomy.getByRole('button', { name: 'Launch an instance (RunInstances)' });
  await launch.focus();
  await page.keyboard.press('Enter');
  await expect(instances).toHaveCount(before + 1);
  // web-1, web-2 and the new one: the same table, the same actor.
  await expect(instances.filter({ hasText: `from ${imageId}` })).toHaveCount(3);
  await expect(lab.getByRole('region', { name: 'What just happened' })).toContainText(new RegExp(`launching from ${imageId}`));
  await expect(root.locator('.anat-row__launched')).toContainText(/Volume vol-[0-9a-f]{17} of i-[0-9a-f]{17}/);
});

const SCANS: Array<{ theme: Theme; width: number }> = [
  { theme: 'light', width: 1280 },
  { theme: 'dark', width: 320 },
];

for (const { theme, width } of SCANS) {
  test(`the lab with an AMI's anatomy open passes axe in ${theme} at ${width}px`, async ({ page }) => {
    // A scan of the lab's large accessibility tree on a shared machine.
    test.slow();
    await page.setViewportSize({ width, height: 900 });
    await useTheme(page, theme);
    const lab = await openLab(page, 'custom-ami-with-instances');
    const anatomy = await openAnatomy(page, lab);
    await expect(anatomy.locator('.anat-row')).toHaveCount(1);
    // The inspector, where the anatomy opens (lab-flows.spec.ts scans the whole lab).
    const results = await new AxeBuilder({ page }).include('.lab-inspector').withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  });
}
