/** Reads the built site in dist/: its pages, and the JavaScript each one loads. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { STATIC_IMPORT, staticGraph } from '../../src/integrations/preload-islands.mjs';
import { gzipSync } from 'node:zlib';

export const DIST = join(import.meta.dirname, '..', '..', 'dist');

export interface BuiltPage {
  route: string;
  file: string;
  html: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every HTML page of the build except Pagefind's own files. */
export function builtPages(): BuiltPage[] {
  if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  return walk(DIST)
    .filter((file) => file.endsWith('.html') && !relative(DIST, file).startsWith('pagefind'))
    .sort()
    .map((file) => {
      const rel = relative(DIST, file).split('\\').join('/');
      const route = rel === '404.html' ? '/404.html' : '/' + rel.replace(/index\.html$/, '');
      return { route, file, html: readFileSync(file, 'utf8') };
    });
}

export interface ScriptFile {
  name: string;
  source: string;
}

/**
 * Scripts a page loads on its own: <script src>, inline scripts, island components and renderers, and their
 * static imports; with 'on load', only the islands that hydrate at once (client:load).
 */
export function pageScripts(page: BuiltPage, islands: 'all' | 'on load' = 'all'): ScriptFile[] {
  const seen = new Map<string, ScriptFile>();
  const urls = new Set<string>();
  for (const m of page.html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attrs = m[1] ?? '';
    const src = /\ssrc="([^"]+)"/.exec(attrs)?.[1];
    if (src) urls.add(src);
    else if (!/type="application\/(ld\+)?json"/.test(attrs) && (m[2] ?? '').trim()) {
      seen.set(`inline#${seen.size}`, { name: 'inline script', source: m[2]! });
    }
  }
  for (const m of page.html.matchAll(/<astro-island\b[^>]*>/g)) {
    // 'on load': what the page loads before the reader scrolls, i.e. without client:visible islands.
    if (islands === 'on load' && !/\sclient="load"/.test(m[0])) continue;
    for (const attr of ['component-url', 'renderer-url']) {
      const url = new RegExp(`${attr}="([^"]+)"`).exec(m[0])?.[1];
      if (url) urls.add(url);
    }
  }
  const graph = new Set<string>();
  for (const url of urls) {
    for (const module of staticGraph(DIST, url.replace(/^\.\//, '/'), graph)) {
      seen.set(module, { name: module, source: readFileSync(join(DIST, module), 'utf8') });
    }
  }
  return [...seen.values()];
}

const gzipCache = new Map<string, number>();
export function gzippedBytes(file: ScriptFile): number {
  let size = gzipCache.get(file.source);
  if (size === undefined) {
    size = gzipSync(file.source, { level: 9 }).length;
    gzipCache.set(file.source, size);
  }
  return size;
}

export interface Budget {
  kind: 'text page' | 'widget page';
  bytes: number;
}

/** Text-only pages: 15 KB. Pages with widgets (React islands) and the lab: 150 KB (issues 2, 5 and 9). */
export function budgetFor(page: BuiltPage): Budget {
  return page.html.includes('<astro-island')
    ? { kind: 'widget page', bytes: 150 * 1024 }
    : { kind: 'text page', bytes: 15 * 1024 };
}

/** A dynamic import() of a built chunk. */
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

export interface DynamicChunk {
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
export function dynamicChunks(files: readonly ScriptFile[]): DynamicChunk[] {
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
