/**
 * Bytes shipped per page are deterministic, so their budgets are tests (times are not: see npm run bench).
 * For every built page, count the gzipped JavaScript it loads without the learner doing anything:
 * module and inline scripts, island components and renderers, and every chunk they import statically.
 * On a lesson, the progress marks and the store they read count too: src/scripts/progress-page.ts loads
 * them when the lesson is read to its end (to mark it read), so every reader of a whole lesson gets them.
 * Chunks loaded only by a particular use are listed in the message, not counted: an action form with
 * its command line (a resource selected), Tab completion (first focus of the terminal's prompt), the
 * command runner (first typed command), JMESPath (--query, wait), the help text, an error's
 * plain-language explanation, the save panel's body, the saved-lab codec and the progress store a lab
 * saves to (the learner's first step), search's code (when search opens), and a lab inside a quiz
 * question or a review item (opened with its button) with everything it loads in turn.
 */
import { posix } from 'node:path';
import { expect, test } from '@playwright/test';
import { pageScripts, builtPages, gzippedBytes, budgetFor, dynamicChunks } from '../support/site.ts';
import type { BuiltPage, DynamicChunk, ScriptFile } from '../support/site.ts';

/** The progress marks (src/widgets/progress/marks.ts), which a lesson loads once it has been read to its end. */
const READ_TO_THE_END = /^marks\.[\w-]+\.js$/;
/** The marks' chunk, with the store it imports, on a lesson (another page loads it only to show saved progress). */
function readToTheEndChunks(page: BuiltPage, later: readonly DynamicChunk[]): DynamicChunk[] {
  if (!page.route.startsWith('/lessons/')) return [];
  return later.filter((c) => c.via === null && READ_TO_THE_END.test(posix.basename(c.url)));
}

const unique = (files: readonly ScriptFile[]) => [...new Map(files.map((f) => [f.name, f])).values()];
const sum = (files: readonly ScriptFile[]) => files.reduce((total, file) => total + gzippedBytes(file), 0);

for (const page of builtPages()) {
  test(`JS loaded by ${page.route} is within its budget`, () => {
    const files = pageScripts(page);
    const later = dynamicChunks(files);
    const read = readToTheEndChunks(page, later);
    const isRead = (url: string) => read.some((c) => c.url === url);
    const counted = unique([...files, ...read.flatMap((c) => c.files)]);
    const total = sum(counted);
    const budget = budgetFor(page);
    const detail = counted.map((f) => `${f.name}: ${gzippedBytes(f)} B`).join(', ');
    const notCounted = later
      .filter((c) => !isRead(c.url))
      .map((c) => `${c.url}: ${sum(c.files)} B`)
      .join(', ');
    expect(
      total,
      `${page.route} ships ${total} B of gzipped JS (${budget.kind} budget ${budget.bytes} B): ${detail}. Loaded only by a particular use: ${notCounted || 'nothing'}`,
    ).toBeLessThanOrEqual(budget.bytes);
  });
}

/** The file names of the page's island components (Quiz.[hash].js, Lab.[hash].js, ...). */
const islandComponents = (page: BuiltPage) => [...page.html.matchAll(/\scomponent-url="([^"]+)"/g)].map((m) => posix.basename(m[1]!));

/** A lesson whose only widget is its quiz at the end reads as a text page: issue 9 gives it the text budget on load. */
const isTextLesson = (page: BuiltPage) => {
  const components = islandComponents(page);
  return page.route.startsWith('/lessons/') && components.length > 0 && components.every((c) => /^Quiz\./.test(c));
};

for (const page of builtPages().filter(isTextLesson)) {
  test(`${page.route} (a text lesson with its quiz) loads at most 15 KB of JS with the page`, () => {
    const onLoad = pageScripts(page, 'on load');
    const total = sum(onLoad);
    expect(total, `${page.route} loads ${total} B of gzipped JS before the quiz is scrolled to: ${onLoad.map((f) => `${f.name}: ${gzippedBytes(f)} B`).join(', ')}`).toBeLessThanOrEqual(15 * 1024);
  });
}

test('the build has text lessons, checked against the text budget on load', () => {
  expect(builtPages().filter(isTextLesson).length).toBeGreaterThan(0);
});

const LAB_ON_DEMAND = /^(ActionForm|completion|terminal|jmespath|help|docs|explanations|SavePanelBody|codec-impl)\./;

test('a lab loads none of its on-demand code with the page, and every lesson counts the marks it loads once read', () => {
  const pages = builtPages();
  const withLab = pages.filter((page) => islandComponents(page).some((name) => /^(Lab|LabPage|ChallengeLab)\./.test(name)));
  const lessons = pages.filter((p) => /^\/lessons\/[^/]+\/$/.test(p.route));
  // The lab, the first two lessons (each with a lab) and the challenges are among them.
  expect(withLab.map((p) => p.route)).toEqual(expect.arrayContaining(['/lab/', '/lessons/where-your-data-lives/', '/lessons/snapshots/']));
  expect(withLab.some((p) => p.route.startsWith('/challenges/') && p.route !== '/challenges/')).toBe(true);
  expect(lessons.length).toBeGreaterThan(0);
  for (const page of withLab) {
    const onLoad = pageScripts(page).map((f) => posix.basename(f.name));
    // The forms, the CLI's runner and completion, JMESPath, the help, the explanations and the save panel wait for their use.
    expect(onLoad.filter((name) => LAB_ON_DEMAND.test(name)), page.route).toEqual([]);
  }
  for (const page of lessons) {
    const read = readToTheEndChunks(page, dynamicChunks(pageScripts(page)));
    expect(read, page.route).toHaveLength(1);
    // The marks bring the store they read.
    expect(read[0]!.files.map((f) => posix.basename(f.name)).some((name) => /^progress\./.test(name)), page.route).toBe(true);
  }
});
