// Site benchmark (`npm run bench:site`): builds the site, serves it with `astro preview` on 127.0.0.1
// and measures every page kind the way a learner meets it: requests and gzipped bytes per type,
// Lighthouse 13 (mobile preset, median of 3 runs), the lab's time to interactive under applied mobile
// throttling, and its click-to-next-frame latency. Compares with the budgets of issue 9, prints a table
// and writes bench/results/site.json. Budgets that fail are reported, not fatal: the run exits non-zero
// only when something could not be measured. `--skip-build` measures the dist/ already there;
// `--lab-only` measures only the lab's readiness and click latency (into bench/results/site-lab.json).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Response } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { resolveBrowser, type ResolvedBrowser } from '../support/browser.ts';
import { builtPages, dynamicChunks, gzippedBytes, pageScripts, type BuiltPage } from '../support/site.ts';
import { cleanupAll, ensureRunning, kb, median, onCleanup, percentile, round, run, startPreview, wasInterrupted } from './lib.ts';
import { armClickToFrame, collectClickToFrame, labReadinessProbe, type LabReadiness } from './probes.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const LAB_ONLY = process.argv.includes('--lab-only');
const OUT = join(ROOT, 'bench', 'results', LAB_ONLY ? 'site-lab.json' : 'site.json');
const LIGHTHOUSE_RUNS = 3;
const READINESS_RUNS = 3;
const WARMUP_CLICKS = 6;
const MEASURED_CLICKS = 60;
/** Chrome DevTools' "Slow 4G" preset (formerly "Fast 3G"): 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up. */
const SLOW_MOBILE_NETWORK = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const CPU_SLOWDOWN = 4;
const KB = 1024;

type Kind = 'home' | 'text lesson' | 'widget lesson' | 'lab' | 'quiz';
interface PageKind {
  kind: Kind;
  route: string;
  widgets: boolean;
  why: string;
}

// ---------------------------------------------------------------- which pages to measure

const hasIsland = (page: BuiltPage) => page.html.includes('<astro-island');
const QUIZ_HEADING = 'id="check-your-understanding"';
const hasQuiz = (page: BuiltPage) => page.html.includes(QUIZ_HEADING);
/** An island in the lesson itself, before its quiz: a widget. The quiz at the end is not one. */
const hasWidget = (page: BuiltPage) => {
  const island = page.html.indexOf('<astro-island');
  const quiz = page.html.indexOf(QUIZ_HEADING);
  return island >= 0 && (quiz < 0 || island < quiz);
};

/** One page per kind, found in the build so the choice follows the course as it grows. */
function discoverPages(pages: BuiltPage[]): { found: PageKind[]; missing: Array<{ kind: Kind; why: string }> } {
  const byRoute = new Map(pages.map((p) => [p.route, p]));
  const home = byRoute.get('/');
  // Lessons in course order: the order the home page links them; any it does not link come after.
  const linked = home ? [...home.html.matchAll(/href="(\/lessons\/[^"#?]+\/)"/g)].map((m) => m[1]!) : [];
  const lessonRoutes = [...new Set([...linked, ...pages.map((p) => p.route)])].filter((r) => /^\/lessons\/[^/]+\/$/.test(r) && byRoute.has(r));
  const lessons = lessonRoutes.map((r) => byRoute.get(r)!);
  const found: PageKind[] = [];
  const missing: Array<{ kind: Kind; why: string }> = [];
  const add = (kind: Kind, page: BuiltPage | undefined, why: string, absent: string) => {
    if (page) found.push({ kind, route: page.route, widgets: hasIsland(page), why });
    else missing.push({ kind, why: absent });
  };
  add('home', home, 'the home page', 'no index.html in dist/');
  const text = lessons.find((p) => !hasWidget(p));
  add('text lesson', text, 'first lesson in course order with no widget (its quiz may be an island)', 'every lesson embeds a widget');
  add('widget lesson', lessons.find(hasWidget), 'first lesson in course order with a widget', 'no lesson embeds a widget (an island) yet');
  const lab = byRoute.get('/lab/');
  add('lab', lab && hasIsland(lab) ? lab : undefined, 'the lab page', '/lab/ is missing or has no island');
  const exam = byRoute.get('/exam/');
  if (exam && hasIsland(exam)) add('quiz', exam, 'the exam (an island)', '');
  else {
    // Until the exam is interactive: a lesson with its quiz, other than the text lesson above if possible.
    const withQuiz = lessons.filter(hasQuiz);
    add('quiz', withQuiz.filter((p) => p !== text).at(-1) ?? withQuiz.at(-1), '/exam/ is not interactive yet: a lesson page with its quiz', 'no page has a quiz');
  }
  return { found, missing };
}

// ---------------------------------------------------------------- bytes and requests

type ResourceType = 'js' | 'css' | 'html' | 'font' | 'other';
interface Transfer {
  url: string;
  type: ResourceType;
  gzipBytes: number;
}
interface Weight {
  requests: number;
  /** js counts the page's inline scripts too (they also travel inside the HTML), as the page-weight test does. */
  gzipBytes: Record<ResourceType, number>;
  fontFiles: number;
}

function typeOf(contentType: string, url: string): ResourceType {
  if (/javascript|ecmascript/.test(contentType) || /\.m?js$/.test(url)) return 'js';
  if (contentType.includes('text/css')) return 'css';
  if (contentType.includes('text/html')) return 'html';
  if (contentType.startsWith('font/') || /\.(woff2?|ttf|otf)$/.test(url)) return 'font';
  return 'other';
}

async function describe(response: Response): Promise<Transfer> {
  const url = response.url();
  const body = await response.body().catch(() => Buffer.alloc(0));
  // Same compression as the page-weight test (gzip -9), whatever the preview server sends.
  return { url, type: typeOf(response.headers()['content-type'] ?? '', new URL(url).pathname), gzipBytes: body.length === 0 ? 0 : gzipSync(body, { level: 9 }).length };
}

function weigh(transfers: Transfer[], inlineJsGzipBytes: number): Weight {
  const gzipBytes: Record<ResourceType, number> = { js: inlineJsGzipBytes, css: 0, html: 0, font: 0, other: 0 };
  for (const t of transfers) gzipBytes[t.type] += t.gzipBytes;
  return { requests: transfers.length, gzipBytes, fontFiles: transfers.filter((t) => t.type === 'font').length };
}

/** Resolves once the page has had no request in flight for `quietMs`. */
async function settle(page: Page, inFlight: () => number, quietMs = 750, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`requests still in flight after ${timeoutMs / 1000} s`);
}

/** client:visible islands hydrate once seen: bring each into view in turn and wait for it. */
async function hydrateIslands(page: Page): Promise<void> {
  // page.$ answers at once: an island can hydrate between a count and a locator's wait for it.
  for (let island = await page.$('astro-island[ssr]'); island !== null; island = await page.$('astro-island[ssr]')) {
    await island.evaluate((element) => (element.firstElementChild ?? element).scrollIntoView({ block: 'center' }));
    await page.waitForFunction((element) => !element.hasAttribute('ssr'), island, { timeout: 60_000 });
  }
}

interface PageWeight {
  /** Loaded with the page, at a phone's viewport, nothing scrolled or touched (client:visible islands below the fold wait). */
  onLoad: Weight;
  /** After scrolling to every island and waiting until each is hydrated; null on a page without islands. */
  hydrated: Weight | null;
  /** Then focusing into each island (whatever a widget fetches on its first touch): everything a visit loads by itself. */
  afterInteraction: Weight | null;
  inlineJsGzipBytes: number;
  /** pageScripts() of test/support/site.ts (the HTML's scripts and their static imports), for comparison. */
  staticJsGzipBytes: number;
  /** Chunks the page imports only on some use (a form, the terminal, help...): each with what it adds, gzipped. */
  onDemand: Array<{ chunk: string; gzipBytes: number }>;
  transfers: Transfer[];
}

async function measureWeight(browser: Browser, origin: string, page: BuiltPage): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const tab = await context.newPage();
    const pending: Array<Promise<Transfer>> = [];
    let inFlight = 0;
    tab.on('request', () => inFlight++);
    tab.on('requestfinished', () => inFlight--);
    tab.on('requestfailed', () => inFlight--);
    tab.on('response', (response) => pending.push(describe(response)));
    const scripts = pageScripts(page);
    const inlineJsGzipBytes = scripts.filter((f) => f.name === 'inline script').reduce((sum, file) => sum + gzippedBytes(file), 0);
    const sofar = async () => weigh(await Promise.all(pending.slice()), inlineJsGzipBytes);

    await tab.goto(origin + page.route, { waitUntil: 'load', timeout: 120_000 });
    await settle(tab, () => inFlight);
    const onLoad = await sofar();
    let hydrated: Weight | null = null;
    let afterInteraction: Weight | null = null;
    if (hasIsland(page)) {
      await hydrateIslands(tab);
      await settle(tab, () => inFlight);
      hydrated = await sofar();
      const islands = tab.locator('astro-island');
      for (let i = 0, n = await islands.count(); i < n; i++) {
        const target = islands.nth(i).locator(':is(textarea, input, select, button, [tabindex="0"]):not([disabled])').first();
        if ((await target.count()) > 0) await target.focus();
      }
      await settle(tab, () => inFlight);
      afterInteraction = await sofar();
    }
    const staticJsGzipBytes = scripts.reduce((sum, file) => sum + gzippedBytes(file), 0);
    const name = (url: string) => url.replace(/^.*\//, '').replace(/\.[\w-]{8}\.js$/, '');
    const chunks = dynamicChunks(scripts);
    // A chunk imported by another on-demand chunk counts only what it adds to that one.
    const onDemand = chunks
      .map((c) => {
        const before = new Set(chunks.find((parent) => parent.url === c.via)?.files.map((f) => f.name) ?? []);
        const added = c.files.filter((f) => !before.has(f.name));
        return { chunk: c.via === null ? name(c.url) : `${name(c.url)} (after ${name(c.via)})`, gzipBytes: added.reduce((sum, file) => sum + gzippedBytes(file), 0) };
      })
      .sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { onLoad, hydrated, afterInteraction, inlineJsGzipBytes, staticJsGzipBytes, onDemand, transfers: await Promise.all(pending.slice()) };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- the lab: readiness and click latency

interface Readiness {
  runs: LabReadiness[];
  hydratedMs: number;
  interactiveMs: number;
}

async function measureLabReadiness(browser: Browser, url: string): Promise<Readiness> {
  const runs: LabReadiness[] = [];
  for (let n = 0; n < READINESS_RUNS; n++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_MOBILE_NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.addInitScript(labReadinessProbe);
      await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
      const handle = await page.waitForFunction(
        () => {
          const state = (window as unknown as { __labReadiness?: LabReadiness }).__labReadiness;
          return state?.inputMs != null ? state : null;
        },
        undefined,
        { timeout: 90_000, polling: 200 },
      );
      runs.push((await handle.jsonValue()) as LabReadiness);
    } finally {
      await context.close();
    }
  }
  return {
    runs,
    hydratedMs: round(median(runs.map((r) => r.hydratedMs!))),
    interactiveMs: round(median(runs.map((r) => r.inputMs!))),
  };
}

interface ClickLatency {
  action: string;
  clicks: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

async function clickLatency(page: Page, action: string, target: (n: number) => ReturnType<Page['locator']>): Promise<ClickLatency> {
  const samples: number[] = [];
  for (let n = 0; n < WARMUP_CLICKS + MEASURED_CLICKS; n++) {
    await page.evaluate(armClickToFrame);
    await target(n).click();
    const ms = await page.evaluate(collectClickToFrame);
    if (n >= WARMUP_CLICKS) samples.push(ms);
  }
  return { action, clicks: samples.length, medianMs: round(median(samples), 1), p95Ms: round(percentile(samples, 0.95), 1), maxMs: round(Math.max(...samples), 1) };
}

/**
 * Unthrottled, at the default desktop size: creates two volumes, waits until they are available and
 * pauses the simulated clock (so only the clicks change the table), then times selecting the two
 * volumes in turn in the text twin, and undo/redo pairs.
 */
async function measureLabClicks(browser: Browser, url: string): Promise<ClickLatency[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await hydrateIslands(page);
    const lab = page.locator('.lab');
    const table = lab.getByRole('table', { name: /Resources in the account/ });
    const volumes = table.getByRole('button', { name: /^Volume vol-/ });
    for (let made = 1; made <= 2; made++) {
      // The button toggles its form, which stays open after a run.
      const open = lab.getByRole('button', { name: 'Create an empty volume' });
      if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
      await lab.getByRole('form', { name: 'Create an empty volume' }).getByRole('button', { name: 'Run CreateVolume' }).click();
      await volumes.nth(made - 1).waitFor({ timeout: 30_000 });
    }
    await page.waitForFunction(() => !/\bcreating\b/.test(document.querySelector('.lab table')?.textContent ?? 'creating'), undefined, { timeout: 60_000 });
    await lab.getByRole('button', { name: 'Pause clock' }).click();
    const select = await clickLatency(page, 'select a volume in the text twin (two in turn)', (n) => volumes.nth(n % 2));
    const undo = lab.getByRole('button', { name: 'Undo', exact: true });
    const redo = lab.getByRole('button', { name: 'Redo', exact: true });
    const history = await clickLatency(page, 'undo / redo pairs', (n) => (n % 2 === 0 ? undo : redo));
    return [select, history];
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- Lighthouse

interface LighthouseFigures {
  runs: Array<{ score: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number; warnings: string[] }>;
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  benchmarkIndex: number | null;
}

async function measureLighthouse(port: number, url: string): Promise<LighthouseFigures> {
  const runs: LighthouseFigures['runs'] = [];
  let benchmarkIndex: number | null = null;
  for (let n = 0; n < LIGHTHOUSE_RUNS; n++) {
    // The default config is the mobile preset (Moto G Power, simulated slow 4G and 4x CPU slowdown).
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const audit = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse gave no ${id} for ${url}`);
      return value;
    };
    const score = lhr.categories.performance?.score;
    if (score === null || score === undefined) throw new Error(`Lighthouse gave no performance score for ${url}`);
    runs.push({
      score: Math.round(score * 100),
      lcpMs: audit('largest-contentful-paint'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      speedIndexMs: audit('speed-index'),
      warnings: lhr.runWarnings,
    });
    benchmarkIndex = lhr.environment.benchmarkIndex ?? benchmarkIndex;
  }
  return {
    runs,
    // Median of each figure over the runs (not the single median run).
    score: median(runs.map((r) => r.score)),
    lcpMs: round(median(runs.map((r) => r.lcpMs))),
    tbtMs: round(median(runs.map((r) => r.tbtMs))),
    cls: round(median(runs.map((r) => r.cls)), 4),
    speedIndexMs: round(median(runs.map((r) => r.speedIndexMs))),
    benchmarkIndex,
  };
}

// ---------------------------------------------------------------- budgets

interface Check {
  page: string;
  budget: string;
  measured: string;
  pass: boolean;
}

interface PageResult extends PageKind {
  weight: PageWeight | null;
  lighthouse: LighthouseFigures | null;
}

/** Home and text lessons (a quiz at the end allowed) have the text budget; pages with widgets, the lab and the exam the widget one. */
const textBudget = (p: PageKind) => p.kind === 'home' || p.kind === 'text lesson' || !p.widgets;

function checkBudgets(pages: PageResult[], readiness: Readiness | null, clicks: ClickLatency[]): Check[] {
  const checks: Check[] = [];
  const add = (page: string, budget: string, measured: string, pass: boolean) => checks.push({ page, budget, measured, pass });
  for (const p of pages) {
    const name = `${p.kind} (${p.route})`;
    const lh = p.lighthouse;
    const w = p.weight;
    const total = w?.afterInteraction ?? w?.onLoad;
    if (textBudget(p)) {
      if (lh) add(name, 'Lighthouse performance 100', String(lh.score), lh.score === 100);
      if (w) add(name, 'JS loaded with the page <= 15 KB gzipped', `${kb(w.onLoad.gzipBytes.js)} KB`, w.onLoad.gzipBytes.js <= 15 * KB);
      if (lh) add(name, 'CLS 0', lh.cls.toFixed(3), lh.cls < 0.0005);
    } else {
      if (lh) add(name, 'Lighthouse performance >= 98', String(lh.score), lh.score >= 98);
      if (total) add(name, 'JS in total (every island hydrated and touched) <= 150 KB gzipped', `${kb(total.gzipBytes.js)} KB`, total.gzipBytes.js <= 150 * KB);
      if (lh) add(name, 'TBT < 100 ms', `${lh.tbtMs} ms`, lh.tbtMs < 100);
    }
    if (total) {
      const fonts = total.fontFiles;
      add(name, 'Fonts: system stack or one self-hosted font file', fonts === 0 ? 'system fonts (0 files)' : `${fonts} font file(s)`, fonts <= 1);
    }
  }
  if (readiness) {
    add('lab', `Interactive within 3 s (${CPU_SLOWDOWN}x CPU, slow 4G, median of ${READINESS_RUNS})`, `${readiness.interactiveMs} ms`, readiness.interactiveMs <= 3000);
  }
  for (const c of clicks) add('lab', `Click-to-next-frame p95 < 50 ms (${c.action})`, `${c.p95Ms} ms`, c.p95Ms < 50);
  return checks;
}

// ---------------------------------------------------------------- main

function version(pkg: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<number> {
  const problems: string[] = [];
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | null> => {
    ensureRunning();
    try {
      return await fn();
    } catch (error) {
      ensureRunning();
      const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
      problems.push(message);
      console.error(`  could not measure ${message}`);
      return null;
    }
  };

  if (process.argv.includes('--skip-build')) console.log('Using the dist/ already built (--skip-build).');
  else {
    console.log('Building the site (npx astro build)...');
    await run('npx', ['astro', 'build'], ROOT, 600_000);
  }
  const built = builtPages();
  const { found, missing } = discoverPages(built);
  const byRoute = new Map(built.map((p) => [p.route, p]));
  console.log(`Pages measured: ${found.map((p) => `${p.kind} ${p.route}`).join(', ')}`);
  for (const m of missing) console.log(`Not in this build: ${m.kind} (${m.why})`);

  ensureRunning();
  const server = await startPreview(ROOT);
  console.log(`Serving dist/ on ${server.origin}`);
  const resolved: ResolvedBrowser = await resolveBrowser();

  // Sequential on purpose: on a shared 2-core machine parallel runs would measure each other.
  ensureRunning();
  // Signals are handled in lib.ts, which stops the server too: the launchers' own handlers would exit first.
  const browser = await chromium.launch({
    executablePath: resolved.executablePath,
    args: resolved.args,
    timeout: 120_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const closeBrowser = onCleanup(() => browser.close());
  const chromiumVersion = browser.version();
  const pages: PageResult[] = [];
  for (const kind of LAB_ONLY ? [] : found) {
    console.log(`Weighing ${kind.route}...`);
    pages.push({ ...kind, weight: await attempt(`bytes of ${kind.route}`, () => measureWeight(browser, server.origin, byRoute.get(kind.route)!)), lighthouse: null });
  }
  const labPage = found.find((p) => p.kind === 'lab');
  let readiness: Readiness | null = null;
  let clicks: ClickLatency[] = [];
  if (labPage) {
    console.log(`Lab readiness under ${CPU_SLOWDOWN}x CPU slowdown and slow 4G (${READINESS_RUNS} runs)...`);
    readiness = await attempt('lab readiness', () => measureLabReadiness(browser, server.origin + labPage.route));
    console.log(`Lab click-to-next-frame latency (${MEASURED_CLICKS} clicks per action)...`);
    clicks = (await attempt('lab click latency', () => measureLabClicks(browser, server.origin + labPage.route))) ?? [];
  }
  await closeBrowser();

  if (!LAB_ONLY) {
    ensureRunning();
    const chrome = await chromeLauncher.launch({
      chromePath: resolved.executablePath,
      chromeFlags: resolved.args.includes('--headless') ? resolved.args : [...resolved.args, '--headless'],
      handleSIGINT: false,
      logLevel: 'silent',
    });
    const killChrome = onCleanup(() => chrome.kill());
    for (const page of pages) {
      console.log(`Lighthouse on ${page.route} (${LIGHTHOUSE_RUNS} runs)...`);
      page.lighthouse = await attempt(`Lighthouse on ${page.route}`, () => measureLighthouse(chrome.port, server.origin + page.route));
    }
    await killChrome();
  }
  await server.stop();

  const checks = checkBudgets(pages, readiness, clicks);
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverage: loadavg().map((l) => round(l, 2)) },
    versions: { node: process.version, chromium: chromiumVersion, browserSource: resolved.source, lighthouse: version('lighthouse') },
    method: {
      gzip: 'each response body compressed with gzip -9 (as test/built/page-weight.spec.ts does); JS includes inline scripts, which the HTML figure contains too',
      lighthouse: `npm lighthouse, default (mobile) config, ${LIGHTHOUSE_RUNS} runs per page, median of each figure`,
      labReadiness: `Playwright, ${CPU_SLOWDOWN}x CPU slowdown and ${JSON.stringify(SLOW_MOBILE_NETWORK)}, 412x823, lab scrolled into view at DOMContentLoaded; from navigation start to the island losing ssr and React handling a keystroke in the terminal; median of ${READINESS_RUNS}`,
      clickToFrame: `unthrottled, 1280x800; click event timeStamp to the first requestAnimationFrame after the resource table changed; ${WARMUP_CLICKS} warm-up clicks not counted`,
    },
    pages,
    missing,
    lab: { readiness, clicks },
    budgets: checks,
    problems,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);

  console.log(`\nSite benchmark, ${results.date}: Node ${process.version}, Chromium ${chromiumVersion} (${resolved.source}), Lighthouse ${results.versions.lighthouse}`);
  console.log(`Machine: ${results.machine.cpus} x ${results.machine.cpuModel}, load average ${results.machine.loadAverage.join(' ')}`);
  const cell = (bytes: number | undefined) => (bytes === undefined ? '-' : kb(bytes));
  console.table(
    pages.map((p) => ({
      page: `${p.kind} ${p.route}`,
      'requests (load / total)': p.weight ? `${p.weight.onLoad.requests}${p.weight.afterInteraction ? ` / ${p.weight.afterInteraction.requests}` : ''}` : '-',
      'JS on load KB': cell(p.weight?.onLoad.gzipBytes.js),
      'JS islands hydrated KB': p.weight?.hydrated ? kb(p.weight.hydrated.gzipBytes.js) : '',
      'JS after 1st interaction KB': p.weight?.afterInteraction ? kb(p.weight.afterInteraction.gzipBytes.js) : '',
      'CSS KB': cell((p.weight?.afterInteraction ?? p.weight?.onLoad)?.gzipBytes.css),
      'HTML KB': cell((p.weight?.afterInteraction ?? p.weight?.onLoad)?.gzipBytes.html),
      'font KB': cell((p.weight?.afterInteraction ?? p.weight?.onLoad)?.gzipBytes.font),
      score: p.lighthouse?.score ?? '-',
      'LCP ms': p.lighthouse?.lcpMs ?? '-',
      'TBT ms': p.lighthouse?.tbtMs ?? '-',
      CLS: p.lighthouse ? p.lighthouse.cls.toFixed(3) : '-',
      'SI ms': p.lighthouse?.speedIndexMs ?? '-',
    })),
  );
  console.log('(KB gzipped; JS counts inline scripts; CSS, HTML and fonts in total; Lighthouse mobile, median of 3)');
  console.log('\nJS loaded only on some use, not in the totals above (KB gzipped, each with what it adds to the page, or to the chunk it loads after):');
  for (const p of pages) {
    const chunks = p.weight?.onDemand ?? [];
    if (chunks.length > 0) console.log(`${p.kind} ${p.route}: ${chunks.map((c) => `${c.chunk} ${kb(c.gzipBytes)}`).join(', ')}`);
  }
  if (readiness) console.log(`Lab hydrated at ${readiness.hydratedMs} ms, accepts input at ${readiness.interactiveMs} ms (median of ${READINESS_RUNS}; runs: ${readiness.runs.map((r) => `${round(r.inputMs!)}`).join(', ')} ms)`);
  for (const c of clicks) console.log(`Lab click-to-next-frame, ${c.action}: median ${c.medianMs} ms, p95 ${c.p95Ms} ms, max ${c.maxMs} ms over ${c.clicks} clicks`);
  const lhWarnings = new Set(pages.flatMap((p) => p.lighthouse?.runs.flatMap((r) => r.warnings) ?? []));
  for (const w of lhWarnings) console.log(`Lighthouse warning: ${w}`);

  console.log('\nBudgets (issue 9)');
  console.table(checks.map((c) => ({ result: c.pass ? 'PASS' : 'FAIL', page: c.page, budget: c.budget, measured: c.measured })));
  const failed = checks.filter((c) => !c.pass).length;
  console.log(failed === 0 ? 'Every budget holds.' : `${failed} of ${checks.length} budgets FAIL (reported, not fatal).`);
  console.log(`Wrote ${OUT}`);
  if (problems.length > 0) {
    console.error(`\nSome figures could not be measured:\n- ${problems.join('\n- ')}`);
    return 1;
  }
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  if (!wasInterrupted()) console.error(`\nThe site benchmark could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanupAll();
}
process.exit(wasInterrupted() ? 130 : code);
