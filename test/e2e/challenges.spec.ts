/** Challenges in real Chromium on the built site: solved by clicking and by typing, remembered, accessible. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, WCAG_TAGS, resourceTable } from './fixtures.ts';

async function expectNoAxeViolations(page: Page, when: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`);
  expect(summary, `axe violations ${when}`).toEqual([]);
}

async function openChallenge(page: Page, id: string) {
  await page.goto(`/challenges/${id}/`);
  // The island is client:load and shows the lab (with its Task panel) only once hydrated and running,
  // so the Task panel is the sign it is ready. (waitForIslands can miss a client:load island that
  // hydrates between its count and its lookup, then wait for it until the test times out.)
  const task = page.getByRole('region', { name: 'Task' });
  await expect(task).toBeVisible({ timeout: 60_000 });
  const goals = task.getByRole('group', { name: /^Goals/ });
  return { lab: page.locator('.lab'), task, goals, items: goals.getByRole('listitem') };
}

test('the list shows the track by difficulty, and each challenge reads fully without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/challenges/');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Beginner', 'Intermediate', 'Advanced']);
  const links = page.locator('.challenge-item__title a');
  expect(await links.count()).toBeGreaterThanOrEqual(12);
  await expect(links.first()).toHaveText('Back up the data volume');
  await expect(links.last()).toHaveText('Recover the deleted web server in another Region');

  await links.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Back up the data volume');
  await expect(page.getByRole('heading', { name: 'Goals' })).toBeVisible();
  await expect(page.getByText('A completed snapshot of the web-data volume exists')).toBeVisible();
  await page.getByText('Show the hints, from gentle to explicit').click();
  await expect(page.locator('details ol li')).toHaveCount(3);
  await page.getByText('Show the reference solution').click();
  await expect(page.locator('details pre')).toContainText('aws ec2 create-snapshot --volume-id $VOLUME_ID');
  await context.close();
});

test('solve one by clicking: terminate the web server, watch the checklist, see the result, axe-clean mid-way and solved, still solved after skipping past the purge', async ({ page }) => {
  // Two axe scans of a page holding a whole lab take a while on a shared machine.
  test.setTimeout(240_000);
  const { lab, task, goals, items } = await openChallenge(page, 'keep-the-data-volume');
  await expect(goals).toContainText('(1 of 2 met)');
  await expect(items.nth(0)).toHaveText(/Not met: The web-server instance is terminated\s*Because i-[0-9a-f]{17} \(web-server\) is running\./);
  await expect(items.nth(1)).toHaveText(/^✓Met: The web-data volume is in us-east-1a/);
  await expectNoAxeViolations(page, 'with one goal of two met');

  const table = resourceTable(lab);
  await table.getByRole('button', { name: /^Instance i-/ }).click();
  await lab.getByRole('group', { name: /^Actions possible on i-/ }).getByRole('button', { name: 'TerminateInstances' }).click();
  await lab.getByRole('form', { name: /^TerminateInstances on i-/ }).getByRole('button', { name: 'Run TerminateInstances' }).click();

  // shutting-down first, then terminated as the simulated clock runs.
  await expect(items.nth(0)).toHaveText(/Not met: .*is shutting-down\./);
  await expect(items.nth(0)).toHaveText(/Met: The web-server instance is terminated\s*Because i-[0-9a-f]{17} \(web-server\) is terminated\./, { timeout: 20_000 });
  await expect(goals).toContainText('(2 of 2 met)');
  await expect(task.locator('.challenge-result')).toHaveText(
    'Challenge solved! You made 1 call that changed the account; the reference solution makes 1 call. As few as the reference: well done.',
  );
  await expectNoAxeViolations(page, 'once solved');

  // Skipping ahead: about an hour later AWS no longer lists the terminated instance, and the goal stays met.
  await lab.getByRole('button', { name: 'Pause clock' }).click();
  const instances = table.getByRole('button', { name: /^Instance i-/ });
  for (let i = 0; i < 5 && (await instances.count()) > 0; i++) await lab.getByRole('button', { name: 'Skip to next completion' }).click();
  await expect(instances).toHaveCount(0);
  await expect(items.nth(0)).toHaveText(/^✓Met: The web-server instance is terminated\s*Because i-[0-9a-f]{17} \(web-server\) was terminated and is no longer listed\./);
  await expect(goals).toContainText('(2 of 2 met)');
  await expect(task.locator('.challenge-result')).toContainText('Challenge solved!');
});

test('solve one by typing, see it remembered after a reload and on the list', async ({ page }) => {
  test.setTimeout(150_000);
  const { lab, task, goals, items } = await openChallenge(page, 'back-up-the-data-volume');
  await expect(goals).toContainText('(0 of 2 met)');
  const prompt = lab.getByRole('region', { name: 'Terminal', exact: true }).getByRole('textbox', { name: 'Command' });
  await prompt.click();
  await prompt.fill("VOLUME_ID=$(aws ec2 describe-volumes --filters Name=tag:Name,Values=web-data --query 'Volumes[0].VolumeId' --output text)");
  await prompt.press('Enter');
  // Pause the clock to see the snapshot pending: not met yet, and the checklist says why.
  await lab.getByRole('button', { name: 'Pause clock' }).click();
  await prompt.fill("aws ec2 create-snapshot --volume-id $VOLUME_ID --tag-specifications 'ResourceType=snapshot,Tags=[{Key=Name,Value=web-data-backup}]'");
  await prompt.press('Enter');
  await expect(items.nth(1)).toHaveText(/Not met: .*Because snap-[0-9a-f]{17} \(web-data-backup\) is still pending \(0%\)\./);
  await expect(goals).toContainText('(0 of 2 met)');
  await lab.getByRole('button', { name: 'Resume clock' }).click();
  await expect(goals).toContainText('(2 of 2 met)', { timeout: 20_000 });
  await expect(task.locator('.challenge-result')).toContainText('You made 1 call that changed the account; the reference solution makes 1 call.');

  // The lab is saved 1.5 s after its last change (the clock has nothing pending once solved); reloading reopens it, still solved.
  await page.waitForTimeout(3000);
  await page.reload();
  const again = await openChallenge(page, 'back-up-the-data-volume');
  await expect(again.goals).toContainText('(2 of 2 met)');
  await expect(again.task.locator('.challenge-result')).toContainText('Challenge solved!');

  await page.goto('/challenges/');
  await expect(page.locator('[data-challenge-mark="back-up-the-data-volume"]')).toHaveText('✓ Solved in 1 call (reference: 1)');
  await expect(page.locator('[data-challenge-mark="keep-the-data-volume"]')).toBeHidden();
});

test('hints one at a time, and Show solution replays the reference in the lab, which undo takes back', async ({ page }) => {
  test.setTimeout(120_000);
  const { lab, task, goals } = await openChallenge(page, 'share-the-golden-image');
  const hints = task.getByRole('region', { name: 'Hints' });
  await hints.getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await expect(hints.getByRole('listitem').first()).toBeFocused();
  await hints.getByRole('button', { name: 'Show the next hint (2 of 3)' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(2);

  await task.getByRole('button', { name: 'Show solution' }).click();
  await expect(task.getByText('The reference solution was replayed from your current lab.')).toBeVisible({ timeout: 20_000 });
  await expect(goals).toContainText('(1 of 1 met)');
  await expect(task.locator('.challenge-result')).toContainText("with the reference solution's help");

  await lab.getByRole('button', { name: 'Undo' }).click();
  await expect(goals).toContainText('(0 of 1 met)');
});
