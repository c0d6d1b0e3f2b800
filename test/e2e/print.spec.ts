/**
 * Printing a lesson: the text, figures and drawings stay; navigation and every interactive control
 * go, and each widget leaves a note that it is used online (print rules in src/styles/).
 */
import { expect, test, waitForIslands } from './fixtures.ts';

/** The text of an element's ::before, as the print stylesheet sets it ('none' when it has none). */
const noteOf = (element: Element) => getComputedStyle(element, '::before').content;

test('a printed lesson keeps its text and figures and drops navigation and controls', async ({ page }) => {
  await page.goto('/lessons/where-your-data-lives/');
  await waitForIslands(page);
  const main = page.getByRole('main');
  const lab = main.locator('.lab');
  const prompt = lab.getByRole('textbox', { name: 'Command' });
  // On screen the controls are there, so what follows is not passing on an empty page.
  await expect(prompt).toBeVisible();
  await expect(main.getByRole('button', { name: 'Check answer' }).first()).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Previous and next lesson' })).toBeHidden();
  await expect(prompt).toBeHidden();
  await expect(lab.getByRole('button', { name: 'Run' })).toBeHidden();
  for (const check of await main.getByRole('button', { name: 'Check answer' }).all()) await expect(check).toBeHidden();
  // No control of any widget prints: the only buttons left are glossary terms, which read as words.
  await expect(main.locator('button:visible:not(.term__trigger), input:visible, select:visible, textarea:visible')).toHaveCount(0);
  await expect(main.locator('.term__trigger').first()).toBeVisible();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Where your data lives/);
  await expect(main.getByRole('heading', { name: 'Root volume and data volumes' })).toBeVisible();
  await expect(main.getByText(/Any other EBS volume you attach is a/)).toBeVisible();
  await expect(main.locator('figure .figure__art').first()).toBeVisible();
  await expect(main.locator('.lc svg').first()).toBeVisible();
  // The quiz prints as a worksheet: its questions and options, without the radio buttons.
  await expect(main.locator('.quiz .q__legend').first()).toBeVisible();
  await expect(main.locator('.quiz .q-option__choice').first()).toBeVisible();

  // Where a widget was, a note says to use it online.
  expect(await lab.evaluate(noteOf)).toContain('Interactive lab: open this page online to use it.');
  expect(await main.locator('.lc').evaluate(noteOf)).toContain('open this page online');
  expect(await main.locator('.quiz').evaluate(noteOf)).toContain('open this page online');

  // The notes are for paper only.
  await page.emulateMedia({ media: 'screen' });
  expect(await lab.evaluate(noteOf)).toBe('none');
  await expect(prompt).toBeVisible();
});
