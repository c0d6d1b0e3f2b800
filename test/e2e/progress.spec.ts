/**
 * Progress on the built site: lessons marked read and kept over reloads, quiz answers on the home
 * page and in review, export and import into a fresh browser, recovery from corrupt saved data,
 * erasing, and axe scans of the review and progress pages with data present.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, THEMES, useTheme, WCAG_TAGS } from './fixtures.ts';

const KEY = 'ami-snapshot-lab:progress';
const LESSON = '/lessons/where-your-data-lives/';
const DAY = 24 * 60 * 60 * 1000;

// Journeys over several pages of the built site, on a machine shared with other test runs.
test.describe.configure({ timeout: 120_000 });

/**
 * The review and progress islands (client:load) show their content only once hydrated and reading
 * this browser's progress, so their root element is the signal that they are ready.
 */
async function appReady(page: Page) {
  await expect(page.locator('.review, .summary')).toBeVisible({ timeout: 30_000 });
}

async function readLesson(page: Page) {
  await page.goto(LESSON);
  await page.locator('#recap').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-progress-announce]')).toHaveText('Lesson marked as read.');
}

async function missQuizQuestion(page: Page) {
  await page.goto(LESSON);
  await page.locator('#check-your-understanding').scrollIntoViewIfNeeded();
  const question = page.locator('[data-question="attach-across-azs"]');
  await expect(question.getByRole('button', { name: 'Check answer' })).toBeEnabled();
  await question.getByRole('radio', { name: /EC2 moves the volume/ }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Not quite');
}

/** Saved progress with one lesson read, two answers (one missed, due for review) and a solved challenge. */
function seeded(now: number) {
  const at = now - 2 * DAY;
  return {
    version: 1,
    lessons: { 'where-your-data-lives': { readAt: at } },
    answers: {
      'where-your-data-lives/attach-across-azs': {
        lesson: 'where-your-data-lives',
        questionId: 'attach-across-azs',
        objectives: ['explain-region-az'],
        first: { correct: false, at, source: 'quiz' },
        last: { correct: false, at, source: 'quiz' },
      },
      'where-your-data-lives/where-ebs-lives': {
        lesson: 'where-your-data-lives',
        questionId: 'where-ebs-lives',
        objectives: ['explain-region-az'],
        first: { correct: true, at, source: 'quiz' },
        last: { correct: true, at, source: 'quiz' },
      },
    },
    challenges: { 'keep-the-data-volume': { solved: true, bestCalls: 4, referenceCalls: 2, solvedAt: at, lastAt: at } },
    review: {
      'question:where-your-data-lives/attach-across-azs': {
        kind: 'question',
        lesson: 'where-your-data-lives',
        questionId: 'attach-across-azs',
        log: [{ at, rating: 1 }],
      },
    },
    labLogs: {},
  };
}

async function seed(page: Page) {
  await page.goto('/');
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify(seeded(Date.now()))]);
}

test('a lesson is marked read at its recap; the mark is words, and survives a reload and shows on the home page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await readLesson(page);
  const item = page.locator('.lesson-sidebar__full [data-progress-lesson="where-your-data-lives"]');
  await expect(item.locator('[data-progress-mark]')).toHaveText('✓ Read');
  await page.reload();
  await expect(item.locator('[data-progress-mark]')).toHaveText('✓ Read');
  await page.goto('/');
  const home = page.locator('.lesson-list [data-progress-lesson="where-your-data-lives"] [data-progress-mark]');
  await expect(home).toHaveText('✓ Read');
  await expect(page.locator('.lesson-list [data-progress-lesson="snapshots"] [data-progress-mark]')).toBeHidden();
});

test('a missed quiz question shows as a score, waits a day, then is reviewed and rescheduled', async ({ page }) => {
  await missQuizQuestion(page);
  await page.goto('/');
  // Visible "Quiz 0/7", heard as "quiz: 0 of 7 correct".
  const mark = page.locator('.lesson-list [data-progress-lesson="where-your-data-lives"] [data-progress-mark]');
  await expect(mark).toContainText(/quiz: 0 of \d+ correct/);

  await page.goto('/review/');
  await appReady(page);
  await expect(page.getByText('Nothing is due right now.')).toBeVisible();
  const comingUp = page.locator('.review__later');
  await expect(comingUp).toContainText('A data volume named web-data was created in us-east-1a');
  await expect(comingUp).toContainText('tomorrow');

  // Two days later the question is due.
  await page.clock.install({ time: Date.now() + 2 * DAY });
  await page.goto('/review/');
  await appReady(page);
  const item = page.locator('[data-review-item="question:where-your-data-lives/attach-across-azs"]');
  await expect(item.getByRole('heading', { name: /Quiz question, Where your data lives/ })).toBeVisible();
  await item.getByRole('radio', { name: /InvalidVolume.ZoneMismatch/ }).check();
  await item.getByRole('button', { name: 'Check answer' }).click();
  await expect(item.locator('.review__outcome')).toHaveText(/^Remembered\. Next review: in 3 days/);
  await item.getByRole('button', { name: 'Easy' }).click();
  await expect(item.getByRole('button', { name: 'Easy' })).toHaveAttribute('aria-pressed', 'true');
  await expect(item.locator('.review__outcome')).toHaveText(/Next review: in (1[0-9]|[4-9]) days/);
  await item.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Nothing is due right now.')).toBeVisible();
});

test('a due challenge links to its page', async ({ page }) => {
  await page.goto('/');
  const at = Date.now() - 3 * DAY;
  const progress = {
    version: 1,
    challenges: { 'keep-the-data-volume': { solved: false, referenceCalls: 2, lastAt: at } },
    review: { 'challenge:keep-the-data-volume': { kind: 'challenge', challengeId: 'keep-the-data-volume', log: [{ at, rating: 1 }] } },
  };
  await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, JSON.stringify(progress)]);
  await page.goto('/review/');
  await appReady(page);
  await expect(page.getByRole('link', { name: 'Open the challenge' })).toHaveAttribute('href', '/challenges/keep-the-data-volume/');
});

test('the review page explains how items get there when there is nothing', async ({ page }) => {
  await page.goto('/review/');
  await appReady(page);
  await expect(page.locator('[data-review-empty]')).toContainText('When you answer a quiz or exam question wrong');
});

test('progress exported here imports into a fresh browser, merged; a bad file changes nothing', async ({ page, browser }, testInfo) => {
  await seed(page);
  await page.goto('/progress/');
  await appReady(page);
  await expect(page.locator('.summary__totals')).toContainText('Lessons read: 1 of');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download your progress' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ami-snapshot-lab-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = testInfo.outputPath('progress.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'ami-snapshot-lab-progress', progress: { version: 1 } });

  const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const other = await fresh.newPage();
  await other.goto('/progress/');
  await appReady(other);
  await expect(other.locator('.summary__totals')).toContainText('Lessons read: 0 of');

  const input = other.getByLabel('Progress file');
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
  await expect(other.getByRole('alert')).toContainText('This file is not a progress export of AMI & Snapshot Lab');
  await expect(other.getByRole('alert')).toContainText('Nothing was changed.');
  await expect(other.locator('.summary__totals')).toContainText('Lessons read: 0 of');

  await input.setInputFiles(file);
  await expect(other.locator('[data-import-pending]')).toContainText('1 lesson read, 2 questions answered, 1 challenge tried, 1 review item');
  await other.getByRole('radio', { name: /Merge/ }).check();
  await other.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Merged' })).toContainText('Merged progress.json');
  await expect(other.locator('.summary__totals')).toContainText('Lessons read: 1 of');
  await expect(other.locator('[data-challenge="keep-the-data-volume"]')).toContainText('Solved in 4 calls (reference: 2)');
  await other.reload();
  await appReady(other);
  await expect(other.locator('.summary__totals')).toContainText('Challenges solved: 1 of');
  await fresh.close();
});

test('corrupt saved progress: the site recovers with a message, keeps a copy, and the message goes once dismissed', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"lessons":'), KEY);
  await page.reload();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your saved progress could not be read (it is not valid JSON), so it was reset.');
  await expect(alert).toContainText('A copy was kept');
  // The site still works: reading a lesson is recorded again.
  await readLesson(page);
  await expect(page.getByRole('alert')).toContainText('could not be read');

  await page.goto('/progress/');
  await appReady(page);
  const copy = page.locator('[data-backup]');
  await expect(copy).toContainText('it is not valid JSON');
  const [download] = await Promise.all([page.waitForEvent('download'), copy.getByRole('button', { name: 'Download the copy' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ami-snapshot-lab-unreadable-progress-/);
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto('/');
  await expect(page.locator('.lesson-list [data-progress-lesson="where-your-data-lives"] [data-progress-mark]')).toHaveText('✓ Read');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('corrupt saved progress: the challenges, a challenge and the exam say it was reset too', async ({ page }) => {
  for (const path of ['/challenges/back-up-the-data-volume/', '/challenges/', '/exam/']) {
    // A page that does not read progress, to write the corrupt record from the site's origin.
    await page.goto('/glossary/');
    await page.evaluate((key) => {
      localStorage.setItem(key, '{not json');
      localStorage.removeItem(`${key}-backup`);
    }, KEY);
    await page.goto(path);
    await expect(page.locator('[data-progress-notice]').getByRole('alert'), path).toContainText(
      'Your saved progress could not be read (it is not valid JSON), so it was reset. A copy was kept',
    );
  }
});

test('erasing asks first, then starts over', async ({ page }) => {
  await seed(page);
  await page.goto('/progress/');
  await appReady(page);
  await page.getByRole('button', { name: 'Erase all progress…' }).click();
  await expect(page.getByRole('button', { name: 'Keep my progress' })).toBeFocused();
  // Escape keeps the progress, as Cancel would, and gives focus back to the button that asked.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Erase all progress…' })).toBeFocused();
  await page.getByRole('button', { name: 'Erase all progress…' }).click();
  await page.getByRole('button', { name: 'Erase everything' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'erased' })).toHaveText('All progress in this browser was erased.');
  await expect(page.locator('.summary__totals')).toContainText('Lessons read: 0 of');
});

for (const theme of THEMES) {
  for (const route of ['/review/', '/progress/']) {
    test(`${route} with progress passes axe in ${theme} at 320 and 1280 px`, async ({ page }) => {
      await seed(page);
      await useTheme(page, theme);
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(route);
        await appReady(page);
        await expect(page.locator(route === '/review/' ? '[data-review-item]' : '[data-summary-lesson]').first()).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${route} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
      }
    });
  }
}
