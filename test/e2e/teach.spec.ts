/** The teachers' page on the built site: every challenge with a working hand-out link, and the answer keys. */
import { expect, test } from './fixtures.ts';

test('lists every challenge with its goals, hints, reference solution and a hand-out link that opens it', async ({ page, request }) => {
  await page.goto('/challenges/');
  const listed = await page.locator('.challenge-item').evaluateAll((items) => items.map((item) => item.id));
  expect(listed.length).toBeGreaterThan(0);

  await page.goto('/teach/');
  for (const id of listed) {
    const section = page.getByRole('region', { name: new RegExp(`^\\d+\\. .*\\(`) }).filter({ has: page.locator(`#challenge-${id}`) });
    await expect(section).toHaveCount(1);
    await expect(section.getByText('Solved when:')).toBeVisible();
    await expect(section.locator('ol li').first()).not.toBeEmpty();
    await expect(section.locator('pre code')).toContainText('aws ');
    const link = section.getByRole('link', { name: new RegExp(`/challenges/${id}/$`) });
    await expect(link).toHaveAttribute('href', `/challenges/${id}/`);
    expect((await request.get(`/challenges/${id}/`)).status()).toBe(200);
  }
});

test('the answer key marks the correct option, with every explanation, for quizzes and the exam', async ({ page }) => {
  await page.goto('/teach/');
  const question = page.locator('#quiz-where-your-data-lives-attach-across-azs');
  await expect(question.locator('li').filter({ hasText: 'InvalidVolume.ZoneMismatch' })).toContainText('Correct.');
  await expect(question.locator('li').filter({ hasText: 'EC2 moves the volume' })).toContainText('Not correct.');
  await expect(question).toContainText('Checks:');
  await expect(page.locator('[id^="exam-"]').first()).toBeVisible();
  // Static: the page has no islands, and it stays out of the site search.
  await expect(page.locator('astro-island')).toHaveCount(0);
  await expect(page.locator('main')).not.toHaveAttribute('data-pagefind-body');
});
