// @ts-check
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

// `/` too: rolldown writes `/* empty css */import ...`, and that import must be followed.
export const STATIC_IMPORT = /(?:^|[;\s}/])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+\.m?js)["']/g;

/**
 * A built module and every module it imports statically, as site URLs, in discovery order.
 * @param {string} dist the build's output folder
 * @param {string} url a site URL such as /_astro/Lab.abc123.js
 * @param {Set<string>} [seen] URLs already collected (shared across calls to collect a page's graph once)
 * @returns {string[]}
 */
export function staticGraph(dist, url, seen = new Set()) {
  if (seen.has(url) || /^https?:/.test(url)) return [];
  const path = join(dist, url);
  if (!existsSync(path)) throw new Error(`A page loads ${url}, which is not in the build.`);
  seen.add(url);
  const source = readFileSync(path, 'utf8');
  return [
    url,
    ...[...source.matchAll(STATIC_IMPORT)].flatMap((m) => {
      const spec = /** @type {string} */ (m[1]);
      return staticGraph(dist, spec.startsWith('/') ? spec : posix.join(posix.dirname(url), spec), seen);
    }),
  ];
}

/** @param {string} dir @returns {string[]} */
function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'pagefind' ? [] : htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/**
 * A `client:load` island is needed at once, but the browser discovers its modules one import level
 * at a time: on a slow phone network each level costs a round trip (over half a second on slow 4G).
 * After the build, this lists every module of such islands (component, renderer and their static
 * imports) as `<link rel="modulepreload">` in the page's head, so they all download in parallel
 * with the HTML's parsing. `client:visible` islands are left alone: a reader who never scrolls to
 * them should not download them.
 * @returns {import('astro').AstroIntegration}
 */
export default function preloadIslands() {
  return {
    name: 'ami-lab:preload-islands',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        let pages = 0;
        for (const file of htmlFiles(dist)) {
          const html = readFileSync(file, 'utf8');
          const seen = new Set();
          const urls = [...html.matchAll(/<astro-island\b[^>]*>/g)]
            .filter((m) => /\sclient="load"/.test(m[0]))
            .flatMap((m) =>
              ['component-url', 'renderer-url'].flatMap((attr) => {
                const url = new RegExp(`\\s${attr}="([^"]+)"`).exec(m[0])?.[1];
                return url === undefined ? [] : staticGraph(dist, url, seen);
              }),
            );
          if (urls.length === 0) continue;
          // Largest first, and after the stylesheets (and the CSP, which must govern them): the browser
          // requests in document order, and the first paint waits for the CSS, never for the modules.
          const size = (/** @type {string} */ url) => statSync(join(dist, url)).size;
          const links = urls
            .sort((a, b) => size(b) - size(a))
            .map((url) => `<link rel="modulepreload" href="${url}">`)
            .join('');
          const at = html.indexOf('</head>');
          writeFileSync(file, html.slice(0, at) + links + html.slice(at));
          pages++;
        }
        logger.info(`Preloaded the modules of client:load islands on ${pages} pages.`);
      },
    },
  };
}
