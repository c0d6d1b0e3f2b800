/**
 * Bytes shipped per page are deterministic, so their budgets are tests (times are not: see npm run bench).
 * For every built page, count the gzipped JavaScript it loads without the learner doing anything:
 * module and inline scripts, island components and renderers, and every chunk they import statically.
 * Dynamic imports (search's code, loaded only when search opens) are not counted.
 */
import { expect, test } from '@playwright/test';
import { pageScripts, builtPages, gzippedBytes, budgetFor } from '../support/site.ts';

for (const page of builtPages()) {
  test(`JS loaded by ${page.route} is within its budget`, () => {
    const files = pageScripts(page);
    const total = files.reduce((sum, file) => sum + gzippedBytes(file), 0);
    const budget = budgetFor(page);
    const detail = files.map((f) => `${f.name}: ${gzippedBytes(f)} B`).join(', ');
    expect(total, `${page.route} ships ${total} B of gzipped JS (${budget.kind} budget ${budget.bytes} B): ${detail}`).toBeLessThanOrEqual(budget.bytes);
  });
}
