/** A lesson quiz on the built site: answer wrong and right, read the explanations, reorder by keyboard, axe with answers revealed. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, THEMES, useTheme, WCAG_TAGS } from './fixtures.ts';

const LESSON = '/lessons/where-your-data-lives/';

async function openQuiz(page: Page) {
  await page.goto(LESSON);
  await page.locator('#check-your-understanding').scrollIntoViewIfNeeded();
  // The quiz island hydrates once visible; its Check buttons are disabled until then, so an enabled one
  // is the signal (waitForIslands would also wait for every lab island of the lesson, which we do not use).
  await expect(page.locator('.quiz').getByRole('button', { name: 'Check answer' }).first()).toBeEnabled();
  return page.locator('[data-question="attach-across-azs"]');
}

test('a wrong answer explains every option and links the lesson section; trying again gets it right', async ({ page }) => {
  const question = await openQuiz(page);
  await question.getByRole('radio', { name: /EC2 moves the volume/ }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toContainText('Not quite');
  await expect(question.locator('[data-option="moves-automatically"]')).toContainText('Your answer');
  await expect(question.locator('[data-option="zone-mismatch"]')).toContainText('Correct answer');
  for (const id of ['zone-mismatch', 'attaches-across', 'moves-automatically', 'needs-stop']) {
    await expect(question.locator(`[data-option="${id}"] .q-option__why`)).not.toBeEmpty();
  }
  await expect(question.getByRole('link', { name: /Volumes stay in their Availability Zone/ })).toHaveAttribute(
    'href',
    '/lessons/where-your-data-lives/#volumes-are-zonal',
  );

  await question.getByRole('button', { name: 'Try again' }).click();
  await question.getByRole('radio', { name: /InvalidVolume.ZoneMismatch/ }).check();
  await question.getByRole('button', { name: 'Check answer' }).click();
  await expect(question.getByRole('status')).toHaveText(/Correct\./);
});

test('an order question is solved with the keyboard alone', async ({ page }) => {
  await openQuiz(page);
  const question = page.locator('[data-question="stop-then-terminate-states"]');
  const order = ['running', 'stopping', 'stopped', 'shutting-down', 'terminated'];
  const items = () => question.locator('[data-item]').evaluateAll((els) => els.map((el) => el.getAttribute('data-item')));
  for (let guard = 0; guard < 25 && (await items()).join() !== order.join(); guard++) {
    const current = await items();
    const target = order.find((id, i) => current[i] !== id) as string;
    const button = question.locator(`[data-item="${target}"]`).getByRole('button', { name: /^Move up/ });
    await button.focus();
    await page.keyboard.press('Enter');
    // Focus stays on the button, which moved with its item.
    await expect(question.locator(`[data-item="${target}"]`).getByRole('button', { name: /^Move up/ })).toBeFocused();
  }
  expect(await items()).toEqual(order);
  await question.getByRole('button', { name: 'Check answer' }).press('Enter');
  await expect(question.getByRole('status')).toHaveText(/Correct\./);
  await expect(question.getByText('In the right place')).toHaveCount(5);
});

for (const theme of THEMES) {
  test(`a quiz with its answers revealed passes axe (${theme}, 320 px)`, async ({ page }) => {
    test.slow(); // a whole quiz answered, then a scan of it
    await page.setViewportSize({ width: 320, height: 800 });
    await useTheme(page, theme);
    await openQuiz(page);
    // Reveal every question: tick its choices in turn until it can be checked (an order question as given).
    for (const question of await page.locator('.quiz [data-question]').all()) {
      const choices = await question.locator('input').all();
      const tryAgain = question.getByRole('button', { name: 'Try again' });
      for (let i = 0; !(await tryAgain.isVisible()); i++) {
        await choices[i]?.check();
        await question.getByRole('button', { name: 'Check answer' }).click();
      }
    }
    await expect(page.locator('.quiz__score')).toContainText('Your score:');
    const results = await new AxeBuilder({ page }).include('.quiz-section').withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the questions are still there to read, and the page says answering needs JavaScript', async ({ page }) => {
    await page.goto(LESSON);
    // Chromium parses <noscript> as if scripting were on even when it is disabled, so read the markup.
    const html = await (await page.request.get(LESSON)).text();
    expect(html).toMatch(/<noscript><p[^>]*>Answering needs JavaScript, which is off in this browser/);
    await expect(page.locator('.quiz [data-question]')).toHaveCount(7);
    const question = page.getByRole('group', { name: /call AttachVolume to attach web-data to it/ });
    await expect(question.getByRole('radio')).toHaveCount(4);
    await expect(question.getByText('The call fails with InvalidVolume.ZoneMismatch.')).toBeVisible();
    await expect(page.locator('.quiz').getByRole('button', { name: 'Check answer' }).first()).toBeDisabled();
  });
});
