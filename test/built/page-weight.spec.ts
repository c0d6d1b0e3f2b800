/**
 * Bytes shipped per page are deterministic, so their budgets are tests (times are not: see npm run bench).
 * For every built page, count the gzipped JavaScript it loads without the learner doing anything:
 * module and inline scripts, island components and renderers, and every chunk they import statically.
 * On /lab/, whose budget is the lab's own (issue 5), the CLI engine the lab loads on the learner's
 * first interaction (src/widgets/lab/cli.ts: commands.ts, formatCall and completion) counts too.
 * (Lessons with a lab load the same ~14 KB on first interaction; they are not counted yet.)
 * Chunks loaded only by a particular use are listed in the message, not counted: the command runner
 * (first typed command), JMESPath (--query, wait), the help text, search's code (when search opens).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST, STATIC_IMPORT, pageScripts, builtPages, gzippedBytes, budgetFor } from '../support/site.ts';
import type { BuiltPage, ScriptFile } from '../support/site.ts';

/** The chunk a lab loads on the learner's first interaction (named after src/widgets/lab/commands.ts). */
const FIRST_INTERACTION = /^commands\.[\w-]+\.js$/;
const DYNAMIC_IMPORT = /\bimport\(\s*[`"']([^`"']+\.m?js)[`"']\s*\)/g;

function resolve(from: string, spec: string): string {
  return spec.startsWith('/') ? spec : posix.join(posix.dirname(from), spec);
}

/** A chunk and every chunk it imports statically, leaving out those already loaded. */
function withStaticImports(url: string, loaded: Set<string>): ScriptFile[] {
  if (loaded.has(url) || !existsSync(join(DIST, url))) return [];
  loaded.add(url);
  const source = readFileSync(join(DIST, url), 'utf8');
  const imports = [...source.matchAll(STATIC_IMPORT)].flatMap((m) => withStaticImports(resolve(url, m[1]!), loaded));
  return [{ name: url, source }, ...imports];
}

/** Chunks the loaded scripts import dynamically (on some interaction), each with what it imports statically. */
function dynamicChunks(files: readonly ScriptFile[], loaded: Set<string>): { url: string; files: ScriptFile[] }[] {
  const found: { url: string; files: ScriptFile[] }[] = [];
  const queue = [...files];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (!file.name.startsWith('/')) continue;
    for (const m of file.source.matchAll(DYNAMIC_IMPORT)) {
      const url = resolve(file.name, m[1]!);
      const chunk = withStaticImports(url, loaded);
      if (chunk.length === 0) continue;
      found.push({ url, files: chunk });
      queue.push(...chunk);
    }
  }
  return found;
}

const sum = (files: readonly ScriptFile[]) => files.reduce((total, file) => total + gzippedBytes(file), 0);

for (const page of builtPages()) {
  test(`JS loaded by ${page.route} is within its budget`, () => {
    const files = pageScripts(page);
    const loaded = new Set(files.map((f) => f.name));
    const later = dynamicChunks(files, loaded);
    const isFirst = (url: string) => page.route === '/lab/' && FIRST_INTERACTION.test(posix.basename(url));
    const firstInteraction = later.filter((c) => isFirst(c.url)).flatMap((c) => c.files);
    const counted = [...files, ...firstInteraction];
    const total = sum(counted);
    const budget = budgetFor(page);
    const detail = counted.map((f) => `${f.name}: ${gzippedBytes(f)} B`).join(', ');
    const notCounted = later
      .filter((c) => !isFirst(c.url))
      .map((c) => `${c.url}: ${sum(c.files)} B`)
      .join(', ');
    expect(
      total,
      `${page.route} ships ${total} B of gzipped JS (${budget.kind} budget ${budget.bytes} B): ${detail}. Loaded only by a particular use: ${notCounted || 'nothing'}`,
    ).toBeLessThanOrEqual(budget.bytes);
  });
}

/** A lesson whose only widget is its quiz at the end reads as a text page: issue 9 gives it the text budget on load. */
const isTextLesson = (page: BuiltPage) => {
  const components = [...page.html.matchAll(/\scomponent-url="([^"]+)"/g)].map((m) => posix.basename(m[1]!));
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

test('/lab/ counts the CLI engine its first interaction loads, and only that', () => {
  const lab = builtPages().find((p) => p.route === '/lab/');
  expect(lab, 'the build has /lab/').toBeDefined();
  const files = pageScripts(lab!);
  const later = dynamicChunks(files, new Set(files.map((f) => f.name)));
  const names = later.map((c) => posix.basename(c.url));
  expect(names.filter((n) => FIRST_INTERACTION.test(n))).toHaveLength(1);
  // The runner, JMESPath and the help text stay out of the first interaction.
  const first = later.find((c) => FIRST_INTERACTION.test(posix.basename(c.url)))!;
  expect(first.files.map((f) => posix.basename(f.name)).filter((n) => /^(terminal|jmespath|help)\./.test(n))).toEqual([]);
});
