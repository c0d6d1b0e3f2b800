/** The lab on /lab/: a learner's first session in real Chromium, on the built site. */
import { expect, test, waitForIslands, resourceTable } from './fixtures.ts';

test('launch an instance by typing, snapshot its root volume by clicking, watch it complete, undo and redo', async ({ page }) => {
  await page.goto('/lab/');
  // client:visible: the island hydrates once it is scrolled into view.
  await page.locator('.lab').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const lab = page.locator('.lab');
  await expect(lab).toBeVisible();
  const terminal = lab.getByRole('region', { name: 'Terminal', exact: true });
  const prompt = terminal.getByRole('textbox', { name: 'Command' });
  const table = resourceTable(lab);

  // Find the Amazon Linux AMI, as a learner would, then launch from it.
  await prompt.click();
  await prompt.fill("aws ec2 describe-images --owners amazon --query 'Images[0].ImageId' --output text");
  await prompt.press('Enter');
  const imageId = (await terminal.locator('.lab-terminal__stdout').last().textContent())?.trim() ?? '';
  expect(imageId).toMatch(/^ami-[0-9a-f]{17}$/);
  await prompt.fill(`aws ec2 run-instances --image-id ${imageId} \\\n  --instance-type t3.micro --placement AvailabilityZone=us-east-1a`);
  await prompt.press('Enter');
  await expect(terminal.locator('.lab-terminal__stdout').last()).toContainText('"InstanceId": "i-');

  const instanceRow = table.locator('tr', { has: page.getByRole('button', { name: /^Instance i-/ }) });
  await expect(instanceRow).toHaveCount(1);
  await expect(instanceRow).toContainText('us-east-1a');
  // The simulated clock runs: pending, then running.
  await expect(instanceRow.getByRole('cell').nth(1)).toHaveText('running');
  // The diagram draws it too.
  await expect(lab.getByRole('button', { name: /^Instance i-[0-9a-f]+, t3.micro · ami-[0-9a-f]+, running/ })).toBeVisible();

  // Select the root volume in the text twin and snapshot it with the form.
  await table.getByRole('button', { name: /^Volume vol-/ }).click();
  const actions = lab.getByRole('group', { name: /^Actions possible on vol-/ });
  await actions.getByRole('button', { name: 'CreateSnapshot' }).click();
  const form = lab.getByRole('form', { name: /^CreateSnapshot on vol-/ });
  await form.getByLabel('Description').fill('first backup');
  await expect(form.locator('.lab-cli')).toHaveText(/^aws ec2 create-snapshot --description 'first backup' --volume-id vol-[0-9a-f]{17}$/);
  // The clock is paused while the snapshot starts, so a slow machine cannot miss its pending state.
  await lab.getByRole('button', { name: 'Pause clock' }).click();
  await form.getByRole('button', { name: 'Run CreateSnapshot' }).click();
  await expect(form.getByRole('status')).toContainText('Ran aws ec2 create-snapshot');

  const snapshotRow = table.locator('tr', { has: page.getByRole('button', { name: /^Snapshot snap-/ }) });
  // Pending, with how much is copied (the diagram shows that as a fill the text twin cannot).
  await expect(snapshotRow.getByRole('cell').nth(1)).toHaveText(/^pending, \d+% copied$/);
  await lab.getByRole('button', { name: 'Resume clock' }).click();
  await expect(snapshotRow.getByRole('cell').nth(1)).toHaveText('completed', { timeout: 20_000 });
  // The narration said so (aria-live).
  await expect(lab.getByRole('region', { name: 'What just happened' })).toContainText(/Snapshot snap-[0-9a-f]+ of vol-[0-9a-f]+ completed/);

  // Undo steps back over the clock's progress: the snapshot is pending again; redo completes it.
  // (Paused, so the clock does not complete it again before the check.)
  await lab.getByRole('button', { name: 'Pause clock' }).click();
  await lab.getByRole('button', { name: 'Undo' }).click();
  await expect(snapshotRow.getByRole('cell').nth(1)).toHaveText(/^pending, \d+% copied$/);
  await lab.getByRole('button', { name: 'Redo' }).click();
  await expect(snapshotRow.getByRole('cell').nth(1)).toHaveText('completed');
});

test('a refused command shows the AWS error and what to do, and changes nothing', async ({ page }) => {
  await page.goto('/lab/');
  // client:visible: the island hydrates once it is scrolled into view.
  await page.locator('.lab').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const terminal = page.locator('.lab').getByRole('region', { name: 'Terminal', exact: true });
  const prompt = terminal.getByRole('textbox', { name: 'Command' });
  await prompt.click();
  await prompt.fill('aws ec2 attach-volume --volume-id vol-0123456789abcdef0 --instance-id i-0123456789abcdef0 --device /dev/sdf');
  await prompt.press('Enter');
  await expect(terminal).toContainText('An error occurred (InvalidVolume.NotFound) when calling the AttachVolume operation');
  await expect(terminal.locator('.lab-error__why')).toContainText('No volume with this id');
  await expect(page.locator('.lab').getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a permalink reopens the same lab; a tampered one is refused and leaves the lab as it was', async ({ page }) => {
  await page.goto('/lab/');
  await page.locator('.lab').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const lab = page.locator('.lab');
  await lab.getByRole('button', { name: 'Create an empty volume' }).click();
  const form = lab.getByRole('form', { name: 'Create an empty volume' });
  await form.getByLabel('AvailabilityZone').selectOption('us-east-1c');
  await expect(form.locator('.lab-cli')).toHaveText('aws ec2 create-volume --availability-zone us-east-1c --size 8 --volume-type gp3');
  await form.getByRole('button', { name: 'Run CreateVolume' }).click();
  const table = resourceTable(lab);
  const volumeButton = table.getByRole('button', { name: /^Volume vol-/ });
  const volumeId = ((await volumeButton.textContent()) ?? '').replace('Volume', '').trim();

  await lab.locator('summary', { hasText: 'Save, share or load this lab' }).click();
  await lab.getByRole('button', { name: 'Make a permalink' }).click();
  const link = await lab.getByRole('textbox', { name: /Permalink to this exact state/ }).inputValue();
  expect(link).toMatch(/\/lab\/#lab=1\./);

  await page.goto('about:blank');
  await page.goto(link);
  await page.locator('.lab').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  await expect(page.locator('.lab').getByRole('button', { name: `Volume ${volumeId}`, exact: true })).toBeVisible();

  // Someone edited the link: it is refused with a reason, and the lab keeps its state.
  const reopened = page.locator('.lab');
  await reopened.locator('summary', { hasText: 'Save, share or load this lab' }).click();
  await reopened.getByRole('textbox', { name: 'Paste a permalink or a saved log' }).fill(`${link.slice(0, -6)}AAAAAA`);
  await reopened.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(reopened.getByRole('alert')).toBeVisible();
  await expect(reopened.getByRole('button', { name: `Volume ${volumeId}`, exact: true })).toBeVisible();
});

test('keyboard only: launch from a public AMI selected in the diagram, then see it in the text twin', async ({ page }) => {
  await page.goto('/lab/');
  await page.locator('.lab').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const lab = page.locator('.lab');
  // Focus the Amazon Linux AMI in the diagram and select it with Enter.
  const ami = lab.getByRole('button', { name: /^AMI al2023-ami-.*us-east|^AMI al2023-ami-/ }).first();
  await ami.focus();
  await expect(ami).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ami).toHaveAttribute('aria-pressed', 'true');
  const actions = lab.getByRole('group', { name: /^Actions possible on ami-/ });
  const run = actions.getByRole('button', { name: 'RunInstances' });
  await run.focus();
  await page.keyboard.press('Enter');
  const form = lab.getByRole('form', { name: /^RunInstances on ami-/ });
  await form.getByLabel('Placement.AvailabilityZone').focus();
  await page.keyboard.press('End');
  await expect(form.getByLabel('Placement.AvailabilityZone')).toHaveValue('us-east-1c');
  await expect(form.locator('.lab-cli')).toContainText('--placement AvailabilityZone=us-east-1c');
  await form.getByRole('button', { name: 'Run RunInstances' }).focus();
  await page.keyboard.press('Enter');
  const table = resourceTable(lab);
  const row = table.locator('tr', { has: page.getByRole('button', { name: /^Instance i-/ }) });
  await expect(row).toContainText('us-east-1c');
  await expect(row.getByRole('cell').nth(1)).toHaveText(/pending|running/);
});

test('a lab in a lesson keeps its state across a reload, and Reset starts over from the scenario', async ({ page }) => {
  test.setTimeout(120_000);
  const open = async () => {
    await page.locator('.lab').scrollIntoViewIfNeeded();
    await waitForIslands(page);
    return page.locator('.lab');
  };
  await page.goto('/lessons/across-regions-and-accounts/');
  let lab = await open();
  const table = () => resourceTable(lab);
  const scratchRow = () => table().locator('tr', { hasText: 'scratch' });
  const prompt = lab.getByRole('region', { name: 'Terminal', exact: true }).getByRole('textbox', { name: 'Command' });
  await prompt.click();
  await prompt.fill("aws ec2 create-volume --availability-zone us-east-1b --size 5 --tag-specifications 'ResourceType=volume,Tags=[{Key=Name,Value=scratch}]'");
  await prompt.press('Enter');
  await expect(scratchRow()).toHaveCount(1);

  // Saved 1.5 s after the last change; the clock keeps changing the lab, so give it a quiet moment.
  await lab.getByRole('button', { name: 'Pause clock' }).click();
  await page.waitForTimeout(3000);
  await page.reload();
  lab = await open();
  await expect(scratchRow()).toHaveCount(1);

  await lab.getByRole('button', { name: 'Reset' }).click();
  await expect(scratchRow()).toHaveCount(0);
  await expect(table().locator('tr', { hasText: 'db-data-nightly' })).toHaveCount(1);
});

test('in a lesson column at 1280 px the text twin fits: no column is cut, and long AMI names wrap between their parts', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const lesson of ['snapshots', 'baking-a-custom-ami']) {
    await page.goto(`/lessons/${lesson}/`);
    const table = page.locator('.lab-table table').first();
    await table.scrollIntoViewIfNeeded();
    await expect(table.locator('tbody tr').first()).toBeVisible();
    const [tableWidth, boxWidth] = await table.evaluate((t) => [t.getBoundingClientRect().width, t.closest('.lab-table')!.getBoundingClientRect().width]);
    expect(tableWidth, `${lesson}: table ${tableWidth}px in a ${boxWidth}px box`).toBeLessThanOrEqual(boxWidth);
  }
  const ubuntu = page.locator('.lab-table td', { hasText: /^ubuntu\// }).first();
  // Each line of the name ends at a part's end (after "/", "-", "." or "_"), never inside a word.
  const lines = await ubuntu.evaluate((td) => {
    const range = document.createRange();
    const text = td.textContent ?? '';
    const node = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
    const ends: string[] = [];
    let top: number | null = null;
    let offsetInText = 0;
    for (let n = node.nextNode(); n; n = node.nextNode()) {
      for (let i = 0; i < (n.textContent ?? '').length; i++) {
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const y = range.getClientRects()[0]?.top ?? 0;
        if (top !== null && Math.abs(y - top) > 2) ends.push(text[offsetInText - 1] ?? '');
        top = y;
        offsetInText++;
      }
    }
    return ends;
  });
  expect(lines.length, 'the long name wraps in the narrow Name column').toBeGreaterThan(0);
  expect(lines.every((c) => /[/\-._]/.test(c)), `lines end with ${JSON.stringify(lines)}`).toBe(true);
});
