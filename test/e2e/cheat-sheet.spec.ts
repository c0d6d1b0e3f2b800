/** The cheat sheet keeps its promise: it prints on exactly one sheet of A4 and of US Letter. */
import { expect, test } from './fixtures.ts';

/**
 * Pages of a PDF, from its bytes: Chromium writes one page object per page (`/Type /Page`) and
 * one page tree (`/Type /Pages`, whose `/Count` is the total). Both are counted, and must agree.
 */
function pdfPages(pdf: Buffer): { objects: number; count: number } {
  const text = pdf.toString('latin1');
  const objects = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const tree = /\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/.exec(text);
  return { objects, count: Number(tree?.[1] ?? tree?.[2] ?? NaN) };
}

for (const format of ['A4', 'Letter'] as const) {
  test(`prints on exactly one ${format} page`, async ({ page }) => {
    await page.goto('/cheat-sheet/');
    await expect(page.getByRole('heading', { level: 1, name: 'AMI vs snapshot at a glance' })).toBeVisible();
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    const pdf = await page.pdf({ format });
    const { objects, count } = pdfPages(pdf);
    expect(objects, 'page objects in the PDF').toBe(count);
    expect(count, `the cheat sheet fills ${count} ${format} pages`).toBe(1);
  });
}

test('the page count of a PDF is read correctly (two pages when the content needs two)', async ({ page }) => {
  await page.setContent('<p>one</p><p style="break-before: page">two</p>');
  expect(pdfPages(await page.pdf({ format: 'A4' }))).toEqual({ objects: 2, count: 2 });
});
