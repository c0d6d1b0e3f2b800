/** Shared e2e helpers: console-error capture, theme and width settings, waiting for islands to hydrate. */
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export const WIDTHS = [320, 1280] as const;
/** The axe rule tags of WCAG 2.2 AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Every test fails if the page logged an error or threw (a crashed widget must never pass silently;
 * a CSP violation is logged as an error too), or if it asked any host but this site (the course is
 * self-contained and private), or if it set a cookie.
 */
export const test = base.extend<{ allowedConsoleErrors: RegExp[]; pageHealth: string[] }>({
  /** Console errors a test provokes on purpose (the 404 page's own status, a rejected permalink...). */
  allowedConsoleErrors: [[], { option: true }],
  pageHealth: [
    async ({ page, context, allowedConsoleErrors }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error' || allowedConsoleErrors.some((re) => re.test(msg.text()))) return;
        problems.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (/^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1') problems.push(`request to another host: ${request.url()}`);
      });
      await use(problems);
      expect(await context.cookies(), 'the site sets no cookies').toEqual([]);
      expect(problems, 'the page logged errors or reached another host').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Follows the system theme the way a learner's OS would set it, then waits until the colour
 * transitions the switch started have ended: an axe scan mid-fade measures colours no reader sees
 * for long (seen on a loaded CI machine, where the fade outlasted the scan's start).
 */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.evaluate(async () => {
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * client:visible islands ignore input until hydrated (toolchain.md pitfall 3), and hydrate only
 * once seen: a test that scrolled past an island before its observer fired would wait forever.
 * So bring each waiting island into view in turn (its child: the island is display: contents).
 */
export async function waitForIslands(page: Page): Promise<void> {
  const waiting = page.locator('astro-island[ssr]');
  for (let left = await waiting.count(); left > 0; left = await waiting.count()) {
    // It may hydrate between count() and here: then there is nothing to wait for, count again.
    const island = await waiting.first().elementHandle({ timeout: 1_000 }).catch(() => null);
    if (!island) continue;
    await island.evaluate((element) => (element.firstElementChild ?? element).scrollIntoView({ block: 'center' }));
    await page.waitForFunction((element) => !element.hasAttribute('ssr'), island, { timeout: 30_000 });
  }
}

/** /lab/, or /lab/?scenario=<id>: the page's island (picker and lab) hydrated, the lab shown. */
export async function openLab(page: Page, scenario?: string): Promise<Locator> {
  await page.goto(scenario === undefined ? '/lab/' : `/lab/?scenario=${scenario}`);
  await page.locator('.lab-page').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const lab = page.locator('.lab');
  await expect(lab).toBeVisible();
  return lab;
}

/** The lab's text twin. */
export const resourceTable = (lab: Locator): Locator => lab.getByRole('table', { name: /Resources in the account/ });

/**
 * Each AWS id (and ISO date) in the text under `root` that lies on more than one line box, as
 * "text (N lines)": a browser breaks "vol-" / "0d3a…" after the hyphen unless the id is kept whole.
 */
export async function idsOnSeveralLines(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const split: string[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      for (const m of (node.textContent ?? '').matchAll(/\b(?:i|vol|snap|ami)-[0-9a-f]{17}\b|\d{4}-\d\d-\d\dT[\d:]+Z/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(`${m[0]} (${tops.size} lines)`);
      }
    }
    return split;
  });
}
