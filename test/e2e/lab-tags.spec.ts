/** Naming resources by clicking: the Name tag of the create forms and CreateTags, on the built site. */
import type { Page } from '@playwright/test';
import { expect, test, resourceTable } from './fixtures.ts';

async function openChallenge(page: Page, id: string) {
  await page.goto(`/challenges/${id}/`);
  // The Task panel shows only once the client:load island is hydrated and running (see challenges.spec.ts).
  const task = page.getByRole('region', { name: 'Task' });
  await expect(task).toBeVisible({ timeout: 60_000 });
  const goals = task.getByRole('group', { name: /^Goals/ });
  return { lab: page.locator('.lab'), task, goals };
}

/** Selects the resource whose Name cell reads `name` in the text twin. */
async function select(page: Page, name: string): Promise<void> {
  const table = resourceTable(page.locator('.lab'));
  await table.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) }).getByRole('button').click();
}

test('back up the data volume by clicking only: CreateSnapshot with a Name tag', async ({ page }) => {
  test.setTimeout(120_000);
  const { lab, task, goals } = await openChallenge(page, 'back-up-the-data-volume');
  await expect(goals).toContainText('(0 of 2 met)');

  await select(page, 'web-data');
  await lab.getByRole('group', { name: /^Actions possible on vol-/ }).getByRole('button', { name: 'CreateSnapshot' }).click();
  const form = lab.getByRole('form', { name: /^CreateSnapshot on vol-/ });
  await form.getByLabel(/^Name tag/).fill('web-data-backup');
  const tagging = "--tag-specifications 'ResourceType=snapshot,Tags=[{Key=Name,Value=web-data-backup}]'";
  await expect(form.locator('pre.lab-cli')).toHaveText(new RegExp(`^aws ec2 create-snapshot --volume-id vol-[0-9a-f]{17} ${tagging.replace(/[[\]{}]/g, '\\$&')}$`));
  await form.getByRole('button', { name: 'Run CreateSnapshot' }).click();
  await expect(form.getByRole('status')).toContainText(tagging);

  await expect(goals).toContainText('(2 of 2 met)', { timeout: 20_000 });
  await expect(task.locator('.challenge-result')).toHaveText(/^Challenge solved! You made 1 call that changed the account; the reference solution makes 1 call\./);
});

test('a snapshot taken without a name can be named afterwards with CreateTags, which also solves it', async ({ page }) => {
  test.setTimeout(120_000);
  const { lab, task, goals } = await openChallenge(page, 'back-up-the-data-volume');

  await select(page, 'web-data');
  await lab.getByRole('group', { name: /^Actions possible on vol-/ }).getByRole('button', { name: 'CreateSnapshot' }).click();
  await lab.getByRole('form', { name: /^CreateSnapshot on vol-/ }).getByRole('button', { name: 'Run CreateSnapshot' }).click();
  // The backup of web-data is met once complete; the named one is not there yet.
  await expect(goals).toContainText('(1 of 2 met)', { timeout: 20_000 });

  const table = resourceTable(lab);
  await table.getByRole('button', { name: /^Snapshot snap-/ }).click();
  await lab.getByRole('group', { name: /^Actions possible on snap-/ }).getByRole('button', { name: 'CreateTags' }).click();
  const form = lab.getByRole('form', { name: /^CreateTags on snap-/ });
  await expect(form.getByLabel('Key', { exact: true })).toHaveValue('Name');
  await form.getByLabel('Value', { exact: true }).fill('web-data-backup');
  await expect(form.locator('pre.lab-cli')).toHaveText(/^aws ec2 create-tags --resources snap-[0-9a-f]{17} --tags Key=Name,Value=web-data-backup$/);
  await form.getByRole('button', { name: 'Run CreateTags' }).click();

  await expect(goals).toContainText('(2 of 2 met)');
  await expect(task.locator('.challenge-result')).toContainText('Challenge solved! You made 2 calls that changed the account; the reference solution makes 1 call.');
});
