/**
 * Every built page, in both themes, at 320 px (WCAG reflow) and 1280 px: zero axe violations
 * (WCAG 2.2 AA) and no console errors. Widgets must have rendered before the scan, or a crashed
 * island would pass (toolchain.md pitfall 2).
 */
import AxeBuilder from '@axe-core/playwright';
import { builtPages } from '../support/site.ts';
import { expect, test, THEMES, useTheme, waitForIslands, WIDTHS } from './fixtures.ts';

// Long pages with many islands (the exam, lessons with several widgets) take a while to scan.
test.describe.configure({ timeout: 120_000 });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const { route } of builtPages()) {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      test(`${route} passes axe in ${theme} at ${width}px`, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await useTheme(page, theme);
        const response = await page.goto(route);
        expect(response?.status(), `${route} should load`).toBeLessThan(route === '/404.html' ? 500 : 400);
        await expect(page.locator('main')).toBeVisible();
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await waitForIslands(page);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        const summary = results.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
        );
        expect(summary, `axe violations on ${route}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${route} scrolls sideways at ${width}px (WCAG 1.4.10 reflow)`).toBeLessThanOrEqual(0);
      });
    }
  }
}
