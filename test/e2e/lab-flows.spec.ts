/**
 * The lab's journeys from issue 5 on the built site, each starting from a scenario through
 * /lab/?scenario=<id>: snapshots by click and by typing, an image launched in another AZ with the
 * same files, a restore into another AZ, the explained InvalidSnapshot.InUse, undo/redo and the
 * permalink, the text twin and narration as a screen reader gets them, and axe in several states.
 */
import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test, waitForIslands, WCAG_TAGS, openLab, resourceTable } from './fixtures.ts';


/** The row of the resource whose Name tag (or AMI name) is `name`. */
const row = (lab: Locator, kind: string, name: string) =>
  resourceTable(lab).locator('tr', { has: lab.page().getByRole('button', { name: new RegExp(`^${kind} `) }), hasText: name });
const stateCell = (r: Locator) => r.getByRole('cell').nth(1);

async function idOf(r: Locator): Promise<string> {
  const text = (await r.getByRole('rowheader').textContent()) ?? '';
  return /(?:i|vol|snap|ami)-[0-9a-f]+/.exec(text)?.[0] ?? '';
}

async function runAction(lab: Locator, resourceRow: Locator, action: string, fill?: (form: Locator) => Promise<unknown>): Promise<Locator> {
  await resourceRow.getByRole('rowheader').getByRole('button').click();
  await lab.getByRole('group', { name: /^Actions possible on / }).getByRole('button', { name: action, exact: true }).click();
  const form = lab.getByRole('form', { name: new RegExp(`^${action} on `) });
  if (fill) await fill(form);
  await form.getByRole('button', { name: `Run ${action}` }).click();
  return form;
}

async function typeCommand(lab: Locator, command: string): Promise<Locator> {
  const terminal = lab.getByRole('region', { name: 'Terminal', exact: true });
  const prompt = terminal.getByRole('textbox', { name: 'Command' });
  await prompt.fill(command);
  await prompt.press('Enter');
  await expect(prompt).toHaveValue('');
  return terminal;
}

/**
 * Moves the simulated clock to the next completion until `done` holds (each step is one completion).
 * The running clock may complete the last step first, and Skip is disabled once nothing is pending:
 * then there is nothing to click, only the state to check.
 */
async function skipUntil(lab: Locator, done: Locator, text: string | RegExp): Promise<void> {
  const skip = lab.getByRole('button', { name: 'Skip to next completion' });
  for (let i = 0; i < 10 && !(await done.textContent())?.match(text) && (await skip.isEnabled()); i++) {
    await skip.click({ timeout: 2_000 }).catch(() => undefined);
  }
  await expect(done).toHaveText(text);
}

test('the picker opens a scenario by its id; an unknown id says so and opens the empty account', async ({ page }) => {
  const lab = await openLab(page, 'server-with-two-snapshots');
  const picker = page.getByRole('navigation', { name: 'Start from a scenario' });
  await expect(picker.getByRole('link', { name: 'A server with two snapshots of its data volume' })).toHaveAttribute('aria-current', 'page');
  await expect(row(lab, 'Snapshot', 'web-data-backup-2')).toHaveCount(1);
  await expect(lab.locator('.lab__title')).toContainText('A server with two snapshots of its data volume');

  await openLab(page, 'no-such-scenario');
  await expect(page.getByRole('alert')).toContainText('There is no scenario named “no-such-scenario”');
  await expect(picker.getByRole('link', { name: 'An empty account' })).toHaveAttribute('aria-current', 'page');
  await expect(resourceTable(page.locator('.lab')).getByRole('button', { name: /^Instance / })).toHaveCount(0);
  // Every scenario file is offered.
  const files = readdirSync(new URL('../../content/scenarios/', import.meta.url)).filter((f) => f.endsWith('.yaml'));
  await expect(picker.getByRole('link')).toHaveCount(files.length);
});

test('snapshot the data volume by clicking and by typing; undo, redo, and the permalink reopens exactly that', async ({ page }) => {
  const lab = await openLab(page, 'web-server-with-data-volume');
  // With the clock paused, the history holds only the two calls (no clock moves between them).
  await lab.getByRole('button', { name: 'Pause clock' }).click();
  const data = row(lab, 'Volume', 'web-data');
  const volumeId = await idOf(data);
  await runAction(lab, data, 'CreateSnapshot', (form) => form.getByLabel('Description').fill('by click'));
  // The root volume by typing (a second snapshot of web-data this soon would be refused:
  // SnapshotCreationPerVolumeRateExceeded, as in AWS).
  const rootId = await idOf(row(lab, 'Volume', '/dev/xvda'));
  const terminal = await typeCommand(lab, `aws ec2 create-snapshot --volume-id ${rootId} --description 'by typing'`);
  await expect(terminal.locator('.lab-terminal__stdout').last()).toContainText('"Description": "by typing"');
  const snapshots = resourceTable(lab).locator('tr', { has: page.getByRole('button', { name: /^Snapshot snap-/ }) });
  await expect(snapshots).toHaveCount(2);
  await expect(lab.getByRole('region', { name: 'What just happened' })).toContainText(`of ${volumeId}`);

  await lab.getByRole('button', { name: 'Undo' }).click();
  await expect(snapshots).toHaveCount(1);
  await lab.getByRole('button', { name: 'Redo' }).click();
  await expect(snapshots).toHaveCount(2);

  await lab.locator('summary', { hasText: 'Save, share or load this lab' }).click();
  await lab.getByRole('button', { name: 'Make a permalink' }).click();
  const link = await lab.getByRole('textbox', { name: /Permalink to this exact state/ }).inputValue();
  expect(link).toMatch(/\/lab\/\?scenario=web-server-with-data-volume#lab=1\./);
  await page.goto('about:blank');
  await page.goto(link);
  await page.locator('.lab-page').scrollIntoViewIfNeeded();
  await waitForIslands(page);
  const reopened = page.locator('.lab');
  await expect(resourceTable(reopened).locator('tr', { has: page.getByRole('button', { name: /^Snapshot snap-/ }) })).toHaveCount(2);
  await expect(resourceTable(reopened)).toContainText('web-data');
});

test('create an image from the server, launch it in another AZ and find the same files there', async ({ page }) => {
  const lab = await openLab(page, 'server-with-two-snapshots');
  await runAction(lab, row(lab, 'Instance', 'web-server'), 'CreateImage', (form) => form.getByLabel('Name', { exact: true }).fill('web-v1'));
  const image = row(lab, 'AMI', 'web-v1');
  await expect(stateCell(image)).toHaveText('pending');
  // The AMI waits for its snapshots (one per volume), then is available.
  await expect(lab.getByRole('button', { name: /^AMI web-v1.*pending · waits for its snapshots/ })).toBeVisible();
  await skipUntil(lab, stateCell(image), 'available');

  await runAction(lab, image, 'RunInstances', (form) => form.getByLabel('Placement.AvailabilityZone').selectOption('us-east-1c'));
  const launched = resourceTable(lab).locator('tr', { has: page.getByRole('button', { name: /^Instance / }), hasText: 'us-east-1c' });
  await expect(launched).toHaveCount(1);
  await launched.getByRole('rowheader').getByRole('button').click();
  const files = lab.locator('details.lab-files-panel');
  await files.getByText('Files by volume', { exact: true }).click();
  // The data volume's files as they were when the image was taken, under the same mount point.
  await expect(files).toContainText('mounted at /mnt/sdf');
  await expect(files).toContainText('orders 1001 to 1004');
  await expect(files).toContainText('January sales: 4 orders');
  await expect(files).toContainText('/etc/nginx/nginx.conf');
});

test('restore a snapshot into another AZ: a new volume there, from the snapshot', async ({ page }) => {
  const lab = await openLab(page, 'server-with-two-snapshots');
  const backup = row(lab, 'Snapshot', 'web-data-backup-1');
  const snapshotId = await idOf(backup);
  await runAction(lab, backup, 'CreateVolume', (form) => form.getByLabel('AvailabilityZone').selectOption('us-east-1b'));
  const restored = resourceTable(lab).locator('tr', { has: page.getByRole('button', { name: /^Volume / }), hasText: 'us-east-1b' });
  await expect(restored).toHaveCount(1);
  await expect(restored).toContainText(snapshotId);
  await skipUntil(lab, stateCell(restored), 'available');
  // The diagram draws it in us-east-1b too.
  await expect(lab.getByRole('button', { name: new RegExp(`^Volume .*available`) }).first()).toBeVisible();
  // As lesson 2 asks: attaching it to web-server (us-east-1a) is listed as refused, with why.
  await restored.getByRole('rowheader').getByRole('button').click();
  await lab.getByText(/^Not possible now/).click();
  await expect(lab.locator('.lab-refused li', { hasText: 'AttachVolume' })).toContainText(/InvalidVolume\.ZoneMismatch: The volume 'vol-[0-9a-f]+' is not in the same availability zone as instance 'i-[0-9a-f]+'/);
});

test('deleting a snapshot an AMI uses is refused with InvalidSnapshot.InUse and what to do', async ({ page }) => {
  const lab = await openLab(page, 'custom-ami-with-instances');
  const snapshotId = await idOf(row(lab, 'Snapshot', 'golden-image-root'));
  const terminal = await typeCommand(lab, `aws ec2 delete-snapshot --snapshot-id ${snapshotId}`);
  await expect(terminal).toContainText('An error occurred (InvalidSnapshot.InUse) when calling the DeleteSnapshot operation');
  await expect(terminal.locator('.lab-error__why').last()).toContainText(/deregister/i);
  await expect(row(lab, 'Snapshot', 'golden-image-root')).toHaveCount(1);
});

test('the text twin and the narration read as a screen reader gets them, step by step', async ({ page }) => {
  const lab = await openLab(page, 'web-server-with-data-volume');
  const narration = lab.getByRole('region', { name: 'What just happened' });
  await expect(resourceTable(lab)).toMatchAriaSnapshot(`
    - table /Resources in the account \\(\\d+\\)/:
      - rowgroup:
        - row "Resource Name State Where Relations"
      - rowgroup:
        - row /Instance i-[0-9a-f]+ web-server running us-east-1a/
        - row /Volume vol-[0-9a-f]+ web-data in-use us-east-1a 20 GiB gp3; attached to i-[0-9a-f]+ at \\/dev\\/sdf/
  `);
  const data = row(lab, 'Volume', 'web-data');
  await runAction(lab, data, 'CreateSnapshot');
  await expect(narration).toMatchAriaSnapshot(`
    - region "What just happened":
      - list:
        - listitem: /Snapshot snap-[0-9a-f]+ of vol-[0-9a-f]+ started/
  `);
  await skipUntil(lab, stateCell(row(lab, 'Snapshot', 'snap-')), 'completed');
  await expect(narration).toMatchAriaSnapshot(`
    - region "What just happened":
      - list:
        - listitem: /Snapshot snap-[0-9a-f]+ of vol-[0-9a-f]+ completed/
  `);
  await expect(resourceTable(lab)).toMatchAriaSnapshot(`
    - table:
      - rowgroup:
        - row /Snapshot snap-[0-9a-f]+ completed .*vol-[0-9a-f]+/
  `);
});

test('axe finds nothing in several lab states: a scenario, a form open, an error, the save panel', async ({ page }) => {
  // Four scans of a large accessibility tree on a shared machine.
  test.setTimeout(240_000);
  const lab = await openLab(page, 'custom-ami-with-instances');
  const scan = async (state: string) => {
    const results = await new AxeBuilder({ page }).include('.lab').withTags(WCAG_TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(summary, `axe violations with ${state}`).toEqual([]);
  };
  await scan('the scenario loaded');
  await row(lab, 'AMI', 'golden-image').getByRole('rowheader').getByRole('button').click();
  await lab.getByRole('group', { name: /^Actions possible on / }).getByRole('button', { name: 'RunInstances', exact: true }).click();
  await expect(lab.getByRole('form', { name: /^RunInstances on / })).toBeVisible();
  await scan('a form open');
  const snapshotId = await idOf(row(lab, 'Snapshot', 'golden-image-root'));
  const terminal = await typeCommand(lab, `aws ec2 delete-snapshot --snapshot-id ${snapshotId}`);
  await expect(terminal).toContainText('InvalidSnapshot.InUse');
  await scan('a refused command explained');
  await lab.locator('summary', { hasText: 'Save, share or load this lab' }).click();
  await lab.getByRole('button', { name: 'Make a permalink' }).click();
  await expect(lab.getByRole('textbox', { name: /Permalink to this exact state/ })).toBeVisible();
  await scan('the save panel open');
});

test('keyboard only: snapshot the data volume from the diagram, then wait for it in the terminal with Tab completion', async ({ page }) => {
  const lab = await openLab(page, 'web-server-with-data-volume');
  const volume = lab.getByRole('button', { name: /^Volume \/dev\/sdf, web-data/ });
  await volume.focus();
  await page.keyboard.press('Enter');
  await expect(volume).toHaveAttribute('aria-pressed', 'true');
  const create = lab.getByRole('group', { name: /^Actions possible on vol-/ }).getByRole('button', { name: 'CreateSnapshot', exact: true });
  await create.focus();
  await page.keyboard.press('Enter');
  const form = lab.getByRole('form', { name: /^CreateSnapshot on vol-/ });
  await form.getByLabel('Description').focus();
  await page.keyboard.type('nightly');
  await form.getByRole('button', { name: 'Run CreateSnapshot' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toContainText('Ran aws ec2 create-snapshot');

  // In the terminal, Tab completes the waiter, then the snapshot id from its first characters
  // (the public AMIs' snapshots are ids too).
  const snapshotId = await idOf(row(lab, 'Snapshot', 'snap-'));
  const prompt = lab.getByRole('textbox', { name: 'Command' });
  await prompt.focus();
  await page.keyboard.type('aws ec2 wait snapshot-comp');
  await page.keyboard.press('Tab');
  await expect(prompt).toHaveValue('aws ec2 wait snapshot-completed ');
  await page.keyboard.type(`--snapshot-ids ${snapshotId.slice(0, 9)}`);
  await page.keyboard.press('Tab');
  await expect(prompt).toHaveValue(`aws ec2 wait snapshot-completed --snapshot-ids ${snapshotId} `);
  await page.keyboard.press('Enter');
  await expect(prompt).toHaveValue('');
  await expect(stateCell(row(lab, 'Snapshot', 'snap-'))).toHaveText('completed');
});
