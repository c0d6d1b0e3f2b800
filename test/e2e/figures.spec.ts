/**
 * Static diagrams (public/figures/*.svg, inlined by Figure.astro) follow the site's theme: the
 * system theme and the toggle's pinned one. In both themes the diagram keeps its accessible name,
 * passes axe, and every text keeps 4.5:1 and every line 3:1 against the fill it is drawn on. On a
 * phone its text stays readable; the one opened alone at full size follows the system theme too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { builtPages } from '../support/site.ts';
import { expect, test, THEMES, useTheme, WCAG_TAGS } from './fixtures.ts';

const FIGURES = join(import.meta.dirname, '..', '..', 'public', 'figures');
/** Lessons with a static diagram, from the build, so a new figure is checked without editing this file. */
const LESSONS = builtPages()
  .filter((page) => page.route.startsWith('/lessons/') && page.html.includes('class="figure__art figure-art"'))
  .map((page) => page.route);

test('the build has lessons with inlined diagrams', () => {
  expect(LESSONS.length).toBeGreaterThanOrEqual(6);
});

test('every colour the diagrams draw with has a light and a dark value in figures.css', () => {
  const css = readFileSync(join(FIGURES, 'figures.css'), 'utf8');
  const mapped = new Set([...css.matchAll(/\[(fill|stroke)='(#[0-9a-f]{6})'\]/g)].map((m) => `${m[1]}=${m[2]}`));
  for (const file of readdirSync(FIGURES).filter((name) => name.endsWith('.svg'))) {
    const svg = readFileSync(join(FIGURES, file), 'utf8');
    expect(svg, `${file} links the palette when opened alone`).toContain('<?xml-stylesheet type="text/css" href="figures.css"?>');
    expect(svg, `${file}: the palette applies to class figure-art`).toMatch(/<svg class="figure-art"/);
    const used = [...svg.matchAll(/\s(fill|stroke)="([^"]+)"/g)].map((m) => `${m[1]}=${m[2]}`).filter((c) => !/=(none|currentColor)$/.test(c));
    expect(used.filter((c) => !mapped.has(c)), `${file} draws with colours figures.css does not map (lower-case #rrggbb)`).toEqual([]);
  }
});

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

interface Pair {
  what: string;
  fg: string;
  bg: string;
  min: number;
}
/**
 * Each text and each stroked shape with the fill behind it: the last filled rect before it in
 * document order that contains its anchor point (the diagrams draw back to front, without transforms).
 */
async function colourPairs(art: Locator): Promise<{ background: string; pairs: Pair[] }> {
  return art.evaluate((svg) => {
    const elements = [...svg.querySelectorAll<SVGGraphicsElement>('rect, path, text, tspan')].filter((e) => !e.closest('defs'));
    const rects = elements.filter((e): e is SVGRectElement => e instanceof SVGRectElement && getComputedStyle(e).fill !== 'none');
    const behind = (element: Element, x: number, y: number) => {
      let fill = '';
      for (const rect of rects) {
        if (rect === element || (rect.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) === 0) continue;
        const box = rect.getBBox();
        if (x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height) fill = getComputedStyle(rect).fill;
      }
      return fill;
    };
    const pairs: Pair[] = [];
    for (const element of elements) {
      const style = getComputedStyle(element);
      const text = element.textContent?.trim() ?? '';
      if (element instanceof SVGTextElement || element instanceof SVGTSpanElement) {
        if (element instanceof SVGTextElement && element.querySelector('tspan') && !element.firstChild?.textContent?.trim()) continue;
        const box = (element instanceof SVGTSpanElement ? element.closest('text')! : element).getBBox();
        pairs.push({ what: `text "${text}"`, fg: style.fill, bg: behind(element, box.x + 2, box.y + box.height / 2), min: 4.5 });
      } else if (style.stroke !== 'none') {
        const box = element.getBBox();
        // A box's edge, a line's middle.
        const [x, y] = element instanceof SVGRectElement ? [box.x, box.y + box.height / 2] : [box.x + box.width / 2, box.y + box.height / 2];
        pairs.push({ what: `${element.tagName} at ${Math.round(x)},${Math.round(y)}`, fg: style.stroke, bg: behind(element, x, y), min: 3 });
      }
    }
    return { background: getComputedStyle(rects[0]!).fill, pairs };
  });
}

async function expectReadable(art: Locator, theme: string) {
  const { background, pairs } = await colourPairs(art);
  const dark = luminance(background) < 0.05;
  expect(dark, `the diagram's background (${background}) follows the ${theme} theme`).toBe(theme === 'dark');
  expect(pairs.length).toBeGreaterThan(10);
  const failing = pairs
    .filter((p) => !p.bg || contrast(p.fg, p.bg) < p.min)
    .map((p) => `${p.what}: ${p.fg} on ${p.bg || 'nothing'} is ${p.bg ? contrast(p.fg, p.bg).toFixed(2) : '?'}:1, needs ${p.min}:1`);
  expect(failing, `contrast in the ${theme} theme`).toEqual([]);
}

const diagram = (page: Page) => page.locator('main figure svg.figure__art');

for (const route of LESSONS) {
  test(`${route}: the diagram follows the system theme, keeps its name and contrast, and passes axe`, async ({ page }) => {
    await page.goto(route);
    const art = diagram(page);
    await expect(art).toHaveCount(1);
    const alt = await art.getAttribute('aria-label');
    expect(alt?.length, 'the alt text names the diagram').toBeGreaterThan(40);
    await expect(page.getByRole('img', { name: alt!, exact: true })).toBeVisible();
    // Its ids are the page's only ones of that name (another figure's arrow marker would otherwise be used).
    const ids = await art.evaluate((svg) => [...svg.querySelectorAll('[id]')].map((e) => e.id));
    for (const id of ids) expect(await page.locator(`[id="${id}"]`).count(), `id ${id} is unique`).toBe(1);
    for (const theme of THEMES) {
      await useTheme(page, theme);
      await expectReadable(art, theme);
      const results = await new AxeBuilder({ page }).include('main figure:has(svg.figure__art)').withTags(WCAG_TAGS).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help}`), `axe on the figure in the ${theme} theme`).toEqual([]);
    }
  });
}

test('the theme toggle switches the diagram too, whatever the system theme', async ({ page }) => {
  await page.goto('/lessons/baking-a-custom-ami/');
  const art = diagram(page);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await useTheme(page, 'light');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await useTheme(page, 'light'); // let the switch's transitions end
  await expectReadable(art, 'dark');
  await useTheme(page, 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await useTheme(page, 'dark');
  await expectReadable(art, 'light');
});

test('a printed diagram is light even while the dark theme is pinned', async ({ page }) => {
  await page.goto('/lessons/registration-and-cleanup/');
  await page.evaluate(() => (document.documentElement.dataset['theme'] = 'dark'));
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expectReadable(diagram(page), 'light');
});

test('on a phone the decision guide fits the screen; a wide diagram scrolls in its own named region', async ({ page }) => {
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/lessons/ami-or-snapshot/');
    const box = page.locator('main .figure__scroll').first();
    expect(await box.evaluate((e) => e.scrollWidth - e.clientWidth), `the decision guide fits at ${width} px`).toBeLessThanOrEqual(1);
    await expect(box).not.toHaveAttribute('role', 'region');
    // Its smallest text still reads: 14 px drawn at the diagram's scale stays at 11 px or more.
    const smallest = await diagram(page).evaluate((svg: SVGSVGElement) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    expect(smallest, `smallest text at ${width} px`).toBeGreaterThanOrEqual(11);
  }
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/lessons/baking-a-custom-ami/');
  const region = page.getByRole('region', { name: /^Figure 1\. CreateImage/ });
  await expect(region).toBeVisible();
  await expect(region).toHaveAttribute('tabindex', '0');
  expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'the page itself never scrolls sideways').toBeLessThanOrEqual(0);
});

test('the full-size link opens the diagram alone, and it follows the system theme', async ({ page }) => {
  await page.goto('/lessons/where-your-data-lives/');
  const link = page.getByRole('link', { name: 'Open the diagram at full size' });
  await expect(link).toHaveAttribute('href', '/figures/where-data-lives.svg');
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/figures/where-data-lives.svg');
    await expectReadable(page.locator('svg.figure-art'), theme);
  }
});
