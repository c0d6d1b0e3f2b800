/**
 * Under prefers-reduced-motion nothing moves (DESIGN.md: animation "is instant under
 * prefers-reduced-motion"): on /lab/ a new snapshot appears without a CSS animation or transition,
 * and the diagram's motion controls give way to a note; in lesson 1 the lifecycle chart follows a
 * stop without its moving token. One control test without the preference proves the probe sees
 * motion when there is some.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForIslands, openLab, resourceTable } from './fixtures.ts';

/** Counts every CSS animation or transition that starts in the page, and every lifecycle token drawn, from now on. */
async function watchMotion(page: Page): Promise<() => Promise<{ started: string[]; running: number; tokens: number }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __motion: { started: string[]; tokens: number } };
    w.__motion = { started: [], tokens: 0 };
    for (const type of ['animationstart', 'transitionrun']) {
      document.addEventListener(type, (e) => {
        const target = e.target as Element;
        w.__motion.started.push(`${type} on .${String(target.getAttribute?.('class') ?? target.nodeName)}`);
      }, true);
    }
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element && n.matches('.lc-token')) w.__motion.tokens += 1;
    }).observe(document.body, { subtree: true, childList: true });
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __motion: { started: string[]; tokens: number } };
      return { started: w.__motion.started, running: document.getAnimations().length, tokens: w.__motion.tokens };
    });
}


/** Snapshots web-data from its row in the text twin, and waits for the snapshot to be drawn. */
async function snapshotDataVolume(lab: Locator): Promise<void> {
  const table = resourceTable(lab);
  const data = table.locator('tr', { has: lab.page().getByRole('button', { name: /^Volume / }), hasText: 'web-data' });
  await data.getByRole('rowheader').getByRole('button').click();
  await lab.getByRole('group', { name: /^Actions possible on / }).getByRole('button', { name: 'CreateSnapshot', exact: true }).click();
  const form = lab.getByRole('form', { name: /^CreateSnapshot on / });
  await form.getByRole('button', { name: 'Run CreateSnapshot' }).click();
  await expect(form.getByRole('status')).toContainText('Ran aws ec2 create-snapshot');
  // Drawn in the diagram (pending or, on a slow machine, already completed).
  await expect(lab.getByRole('region', { name: /^Diagram of the account/ }).getByRole('button', { name: /^Snapshot snap-/ })).toBeVisible();
}

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('/lab/: a new snapshot appears with no animation or transition, and a note replaces the motion controls', async ({ page }) => {
    const lab = await openLab(page, 'web-server-with-data-volume');
    const motion = lab.getByRole('group', { name: 'Animation' });
    await expect(motion.getByText('Animations are off: your system asks for reduced motion.')).toBeVisible();
    await expect(motion.getByLabel('Animation speed')).toBeHidden();
    await expect(motion.getByRole('button', { name: 'Pause animations' })).toBeHidden();
    await expect(motion.getByRole('button', { name: 'Finish animations' })).toBeHidden();

    const seen = await watchMotion(page);
    await snapshotDataVolume(lab);
    // Let the clock tick a few times (the copy's fill grows, the lab re-renders).
    await page.waitForTimeout(1_500);
    const motionSeen = await seen();
    expect(motionSeen.started, 'animations or transitions started').toEqual([]);
    expect(motionSeen.running, 'document.getAnimations()').toBe(0);
  });

  test('lesson 1: the lifecycle chart follows a stop without its moving token, and the lesson lab shows the note', async ({ page }) => {
    await page.goto('/lessons/where-your-data-lives/');
    const chart = page.locator('.lc');
    await chart.scrollIntoViewIfNeeded();
    await waitForIslands(page);
    const seen = await watchMotion(page);
    await chart.getByRole('button', { name: 'StopInstances' }).click();
    await expect(chart.locator('.lc__narration')).toContainText('running → stopping (STOP)');
    await expect(chart.getByTestId('lifecycle-now')).toHaveText(/is stopped\.$/);
    await expect(chart.locator('.lc-state.is-current')).toHaveAttribute('data-state', 'stopped');
    const motionSeen = await seen();
    expect(motionSeen.started, 'animations or transitions started').toEqual([]);
    expect(motionSeen.running, 'document.getAnimations()').toBe(0);
    expect(motionSeen.tokens, 'lifecycle tokens drawn').toBe(0);

    const lab = page.locator('.lab');
    await lab.scrollIntoViewIfNeeded();
    await expect(lab.getByRole('group', { name: 'Animation' }).getByText('Animations are off: your system asks for reduced motion.')).toBeVisible();
    await expect(lab.getByRole('group', { name: 'Animation' }).getByLabel('Animation speed')).toBeHidden();
  });
});

test.describe('without the preference (the probe sees motion when there is some)', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('/lab/: creating a snapshot animates, and the motion controls are offered', async ({ page }) => {
    const lab = await openLab(page, 'web-server-with-data-volume');
    const motion = lab.getByRole('group', { name: 'Animation' });
    await expect(motion.getByLabel('Animation speed')).toBeVisible();
    await expect(motion.getByText('Animations are off: your system asks for reduced motion.')).toBeHidden();
    const seen = await watchMotion(page);
    await snapshotDataVolume(lab);
    await expect.poll(async () => (await seen()).started.length).toBeGreaterThan(0);
  });

  test('lesson 1: the lifecycle chart moves a token along the stop transition', async ({ page }) => {
    await page.goto('/lessons/where-your-data-lives/');
    const chart = page.locator('.lc');
    await chart.scrollIntoViewIfNeeded();
    await waitForIslands(page);
    const seen = await watchMotion(page);
    await chart.getByRole('button', { name: 'StopInstances' }).click();
    await expect(chart.getByTestId('lifecycle-now')).toHaveText(/is stopped\.$/);
    await expect.poll(async () => (await seen()).tokens).toBeGreaterThan(0);
  });
});
