/**
 * Every built page, in both themes, at 320 px (WCAG reflow) and 1280 px: zero axe violations
 * (WCAG 2.2 AA) and no console errors. Widgets must have rendered before the scan, or a crashed
 * island would pass (toolchain.md pitfall 2).
 */
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from '../support/site.ts';
import { expect, test, THEMES, useTheme, waitForIslands, WIDTHS, WCAG_TAGS } from './fixtures.ts';

// Long pages with many islands (the exam, lessons with several widgets) take a while to scan.
test.describe.configure({ timeout: 240_000 });

for (const { route } of builtPages()) {
  // One load per page, then every width and theme: the widgets hydrate once (the slow part) and each
  // combination is scanned in the state a reader would see after resizing or switching theme.
  test(`${route} passes axe in both themes at ${WIDTHS.join(' and ')} px`, async ({ page }) => {
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
    const response = await page.goto(route);
    expect(response?.status(), `${route} should load`).toBeLessThan(route === '/404.html' ? 500 : 400);
    await expect(page.locator('main')).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await waitForIslands(page);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const theme of THEMES) {
        await useTheme(page, theme);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ['violations'] }).analyze();
        const summary = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
        );
        expect.soft(summary, `axe violations on ${route} in ${theme} at ${width}px`).toEqual([]);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect.soft(overflow, `${route} scrolls sideways at ${width}px (WCAG 1.4.10 reflow)`).toBeLessThanOrEqual(0);
    }
  });
}
