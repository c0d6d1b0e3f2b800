/** The final exam on the built site: answer part of it, finish, read the per-objective scores and the review; lab tasks load on demand; axe on the results. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, THEMES, useTheme, WCAG_TAGS } from './fixtures.ts';

/** Answers two questions of lesson 1 (the first right, the second wrong) and finishes. */
async function takePartOfTheExam(page: Page) {
  await page.goto('/exam/');
  // The finish button is disabled until the exam island (the page's only widget) has hydrated.
  await expect(page.getByRole('button', { name: 'Finish and see your results' })).toBeEnabled();
  await expect(page.locator('[data-exam="taking"] fieldset').nth(24)).toBeVisible();
  const first = page.locator('#question-exam-console-launch-terminate');
  await first.getByRole('radio', { name: /root volume is deleted; the data volume is detached and kept/ }).check();
  const second = page.locator('#question-exam-instance-store-overnight');
  await second.getByRole('radio', { name: /The intermediate files and the reports/ }).check();
  await expect(page.getByText(/^2 of \d+ answered\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'Finish and see your results' }).click();
  await expect(page.getByRole('heading', { name: 'Your results' })).toBeFocused();
}

test('part of the exam gives a score per learning objective and a review of every answer', async ({ page }) => {
  test.slow();
  await takePartOfTheExam(page);
  await expect(page.getByText(/^You answered 1 of \d+ questions right \(\d+%\)\.$/)).toBeVisible();
  const lesson1 = page.locator('table[data-lesson="where-your-data-lives"]');
  const stopTerminate = lesson1.locator('[data-objective="predict-stop-terminate"]');
  await expect(stopTerminate).toContainText('Predict what stopping and terminating do to each volume');
  await expect(stopTerminate).toContainText('1 of 2');
  await expect(lesson1.locator('[data-objective="compare-ebs-instance-store"]')).toContainText('0 of 1');
  await expect(page.locator('h4').getByRole('link', { name: /Where your data lives/ })).toHaveAttribute('href', '/lessons/where-your-data-lives/');

  const wrong = page.locator('.exam__review[data-question="exam-instance-store-overnight"]');
  await expect(wrong).toContainText('wrong');
  await expect(wrong.locator('[data-option="both-kept"]')).toContainText('Your answer');
  await expect(wrong.locator('[data-option="reports-only"]')).toContainText('Correct answer');
  await expect(wrong.locator('.q-option__why')).toHaveCount(4);
  await expect(wrong.getByRole('link', { name: /Instance store: fast, but temporary/ })).toHaveAttribute('href', '/lessons/where-your-data-lives/#instance-store');
  await expect(page.locator('.exam__review[data-question="exam-claim-g"]')).toContainText('not answered');
});

test('a lab task loads its lab only when opened, with the goals as a live checklist', async ({ page }) => {
  await page.goto('/exam/');
  await expect(page.getByRole('button', { name: 'Finish and see your results' })).toBeEnabled();
  // The lab's code (JavaScript) is fetched on demand; its styles may be linked up front by the build.
  const loaded = () =>
    page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/(LabTask|LabView)\.[^/]*\.js$/.test(n)));
  expect(await loaded()).toEqual([]);
  const task = page.locator('#question-exam-bake-web-server');
  await task.getByRole('button', { name: 'Open the lab for this task' }).click();
  const checklist = task.getByRole('group', { name: /Goals/ });
  await expect(checklist).toContainText('The web-server-v1 AMI is available');
  await expect(task.locator('.lab')).toBeVisible();
  expect((await loaded()).length).toBeGreaterThan(0);
});

for (const theme of THEMES) {
  test(`the exam results pass axe (${theme}, 320 px)`, async ({ page }) => {
    test.slow(); // the results review every one of the exam's questions
    await page.setViewportSize({ width: 320, height: 800 });
    await useTheme(page, theme);
    await takePartOfTheExam(page);
    const results = await new AxeBuilder({ page }).include('main').withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
