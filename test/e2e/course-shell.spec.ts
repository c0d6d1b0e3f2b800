/** The learner's first journeys through the course shell, on the built site in real Chromium. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test('home lists the lessons in order and leads into lesson 1', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const first = page.getByRole('link', { name: /Where your data lives/ }).first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/\/lessons\/[^/]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Where your data lives/);
  const sidebar = page.getByRole('navigation', { name: 'Lessons' });
  await expect(sidebar.locator('a[aria-current="page"]:visible')).toHaveText(/Where your data lives/);
});

test('on a phone the lesson list folds away so the lesson comes first', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/lessons/where-your-data-lives/');
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toBeInViewport();
  const sidebar = page.getByRole('navigation', { name: 'Lessons' });
  await expect(sidebar.locator('a[aria-current="page"]:visible')).toHaveCount(0);
  await sidebar.getByText(/all lessons/).click();
  await expect(sidebar.locator('a[aria-current="page"]:visible')).toHaveText(/Where your data lives/);
});

test('a lesson has objectives, a table of contents, a recap and a pager', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Where your data lives/ }).first().click();
  await expect(page.getByRole('heading', { name: /You will learn/i })).toBeVisible();
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const tocLinks = toc.getByRole('link');
  expect(await tocLinks.count()).toBeGreaterThan(3);
  // Every table-of-contents entry jumps to a heading that exists.
  for (const href of await tocLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
    await expect(page.locator(href.slice(href.indexOf('#')))).toHaveCount(1);
  }
  await expect(page.getByRole('heading', { name: /Recap/i })).toBeVisible();
  // The lesson's challenges are linked after its quiz.
  const practise = page.getByRole('region', { name: 'Practise in the lab' });
  await expect(practise.getByRole('link', { name: 'Retire the web server, keep its data' })).toHaveAttribute('href', '/challenges/keep-the-data-volume/');
  const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });
  await expect(pager).toBeVisible();
  const next = pager.locator('a[rel="next"]');
  if (await next.count()) {
    const lessonUrl = page.url();
    await next.click();
    await expect(page).not.toHaveURL(lessonUrl);
    await page.getByRole('navigation', { name: 'Previous and next lesson' }).locator('a[rel="prev"]').click();
    await expect(page).toHaveURL(lessonUrl);
  } else {
    // While lesson 1 is the last published lesson, "previous" leads back to the course overview.
    await pager.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/$/);
  }
});

test('search opens with Ctrl+K and finds a lesson by a word in its body', async ({ page }) => {
  await page.goto('/glossary/');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('searchbox');
  await expect(input).toBeFocused();
  // "ZoneMismatch" appears only in lesson 1's body text, not in its title or description.
  await input.fill('ZoneMismatch');
  const hit = dialog.getByRole('link', { name: /Where your data lives/ });
  await expect(hit).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The visible button opens it too.
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('the theme toggle persists across a reload and overrides the system theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const lightBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBg).not.toBe(lightBg);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(darkBg);
});

test('a glossary term shows its definition on keyboard focus and hides it on Escape', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Where your data lives/ }).first().click();
  const trigger = page.locator('.term__trigger').first();
  const popId = await trigger.getAttribute('aria-controls');
  const popup = page.locator(`#${popId}`);
  await expect(popup).toBeHidden();
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  await trigger.focus();
  await expect(popup).toBeVisible();
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');
  await expect(popup).toContainText(/:/);
  await expect(popup.getByRole('link', { name: /Glossary entry/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popup).toBeHidden();
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');
});

/** The glossary term "EBS volumes" in lesson 1, its popover, and the popover's glossary link. */
async function lessonTerm(page: Page) {
  await page.goto('/lessons/where-your-data-lives/');
  const term = page.locator('.term[data-term="ebs-volume"]').first();
  const trigger = term.locator('.term__trigger');
  const popup = term.locator('.term__pop');
  await trigger.scrollIntoViewIfNeeded();
  return { trigger, popup, link: popup.getByRole('link', { name: /Glossary entry/ }) };
}

/** Moves the mouse in small steps from the middle of one box to the middle of another. */
async function glide(page: Page, from: Locator, to: Locator) {
  const [a, b] = [await from.boundingBox(), await to.boundingBox()];
  if (!a || !b) throw new Error('both ends of the move must be on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
}

// WCAG 1.4.13: a definition shown on hover can itself be hovered, and stays until the pointer leaves.
for (const width of [1280, 360]) {
  test(`a glossary definition shown on hover stays while the pointer moves onto it (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const { trigger, popup, link } = await lessonTerm(page);
    await trigger.hover();
    await expect(popup).toBeVisible();
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    // At 360 px the definition is a sheet at the bottom of the screen, away from the term.
    const sheet = await popup.evaluate((element) => getComputedStyle(element).position === 'fixed');
    expect(sheet).toBe(width <= 640);
    await glide(page, trigger, link);
    // Longer than the grace period after leaving the term: it stays because it is hovered.
    await page.waitForTimeout(1_000);
    await expect(popup).toBeVisible();
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await link.hover();
    await expect(link).toBeVisible();
    // Away from both, it closes; Escape closes it at once while hovered.
    await page.mouse.move(5, 5);
    await expect(popup).toBeHidden();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await trigger.hover();
    await expect(popup).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });
}

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 360, height: 800 }, hasTouch: true, isMobile: true });
  test('a tap shows a glossary definition, a second tap or Escape hides it', async ({ page }) => {
    const { trigger, popup, link } = await lessonTerm(page);
    await trigger.tap();
    await expect(popup).toBeVisible();
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await expect(link).toBeInViewport();
    await trigger.tap();
    await expect(popup).toBeHidden();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await trigger.tap();
    await expect(popup).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('an unknown address', () => {
  // The browser logs the document's own 404 status; that one is expected here.
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test('shows the 404 page with a way back', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('main')).toContainText(/not found|doesn.t exist|no page/i);
    await expect(page.getByRole('main').getByRole('link').first()).toBeVisible();
  });
});

test('text is readable with JavaScript turned off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: /Where your data lives/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Where your data lives/);
  await expect(page.getByRole('main')).toContainText('DeleteOnTermination');
  await context.close();
});

test('at 360 px a lesson command keeps its lines: a wide code block scrolls in a named, focusable region, the page does not', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/lessons/amis/');
  const block = page.locator('.prose pre[data-language]').first();
  await expect(block).toHaveAttribute('role', 'region');
  await expect(block).toHaveAttribute('tabindex', '0');
  await expect(block).toHaveAttribute('aria-label', /^Code, scrolls sideways: aws ec2 /);
  // One line per line of the command: nothing wrapped at an option's hyphen.
  const [height, lineHeight, lines] = await block.evaluate((el) => [el.clientHeight, parseFloat(getComputedStyle(el).lineHeight), (el.textContent ?? '').trim().split('\n').length]);
  expect(height).toBeLessThan((lines + 3) * lineHeight);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});
