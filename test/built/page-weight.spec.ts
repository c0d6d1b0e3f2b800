/**
 * Bytes shipped per page are deterministic, so their budgets are tests (times are not: see npm run bench).
 * For every built page, count the gzipped JavaScript it loads without the learner doing anything:
 * module and inline scripts, island components and renderers, and every chunk they import statically.
 * On every page whose lab loads with the page (the lab, lessons, challenges), the CLI engine the lab
 * loads on the learner's first interaction (src/widgets/lab/cli.ts: commands.ts, i.e. formatCall)
 * counts too: issue 9's budget holds after the first click.
 * Chunks loaded only by a particular use are listed in the message, not counted: Tab completion (first
 * focus of the terminal's prompt), the command runner (first typed command), JMESPath (--query, wait),
 * the help text, an error's plain-language explanation, the save panel's body, the saved-lab codec,
 * search's code (when search opens), and a lab inside a quiz question or a review item (loaded when
 * the learner reaches it) with everything it loads in turn.
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

interface DynamicChunk {
  url: string;
  files: ScriptFile[];
  /** The dynamic chunk whose code imports this one (null: a script of the page does). */
  via: string | null;
}

/**
 * Chunks the loaded scripts import dynamically (on some interaction), each with what it imports statically
 * beyond the page's own scripts. Each chunk is measured on its own, as if it were the first one loaded: a
 * module it shares with another dynamic chunk counts in both, so no chunk looks lighter than it is.
 */
function dynamicChunks(files: readonly ScriptFile[]): DynamicChunk[] {
  const onLoad = new Set(files.map((f) => f.name));
  const found = new Map<string, DynamicChunk>();
  const queue = files.map((file) => ({ file, via: null as string | null }));
  for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
    const { file, via } = item;
    if (!file.name.startsWith('/')) continue;
    for (const m of file.source.matchAll(DYNAMIC_IMPORT)) {
      const url = resolve(file.name, m[1]!);
      if (found.has(url) || onLoad.has(url)) continue;
      const chunk = withStaticImports(url, new Set(onLoad));
      if (chunk.length === 0) continue;
      found.set(url, { url, files: chunk, via });
      queue.push(...chunk.map((f) => ({ file: f, via: url })));
    }
  }
  return [...found.values()];
}

/** The CLI engine's chunk when a lab of the page itself imports it (not a lab inside a lazily loaded chunk). */
function firstInteractionChunks(later: readonly DynamicChunk[]): DynamicChunk[] {
  return later.filter((c) => c.via === null && FIRST_INTERACTION.test(posix.basename(c.url)));
}

const unique = (files: readonly ScriptFile[]) => [...new Map(files.map((f) => [f.name, f])).values()];
const sum = (files: readonly ScriptFile[]) => files.reduce((total, file) => total + gzippedBytes(file), 0);

for (const page of builtPages()) {
  test(`JS loaded by ${page.route} is within its budget`, () => {
    const files = pageScripts(page);
    const later = dynamicChunks(files);
    const first = firstInteractionChunks(later);
    const isFirst = (url: string) => first.some((c) => c.url === url);
    const firstInteraction = unique(first.flatMap((c) => c.files));
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

/** Pages whose islands load the lab's CLI engine on the first interaction, with that chunk and the rest. */
function labPages() {
  return builtPages().flatMap((page) => {
    const first = firstInteractionChunks(dynamicChunks(pageScripts(page)));
    return first.length === 0 ? [] : [{ page, first }];
  });
}

test('every page with a lab counts the CLI engine its first interaction loads, and only that', () => {
  const pages = labPages();
  const routes = pages.map((p) => p.page.route);
  // The lab, the first two lessons (each with a lab) and the challenges are among them.
  expect(routes).toContain('/lab/');
  expect(routes).toEqual(expect.arrayContaining(['/lessons/where-your-data-lives/', '/lessons/snapshots/']));
  expect(routes.some((r) => r.startsWith('/challenges/') && r !== '/challenges/')).toBe(true);
  for (const { page, first } of pages) {
    expect(first, page.route).toHaveLength(1);
    // The runner, JMESPath, the help text and the error explanations stay out of the first interaction.
    const names = first[0]!.files.map((f) => posix.basename(f.name));
    expect(names.filter((n) => /^(completion|terminal|jmespath|help|docs|explanations|SavePanelBody|codec-impl)\./.test(n)), page.route).toEqual([]);
  }
});
