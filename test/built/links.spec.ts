/** Every internal link and fragment of the built site resolves (a static crawl of dist/). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { builtPages, DIST } from '../support/site.ts';

const ID_ATTR = /\sid="([^"]+)"/g;

function targetFile(pathname: string): string | null {
  const clean = decodeURI(pathname);
  const candidates = clean.endsWith('/') ? [join(DIST, clean, 'index.html')] : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c)) ?? null;
}

const idsCache = new Map<string, Set<string>>();
function idsOf(file: string): Set<string> {
  let ids = idsCache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(ID_ATTR)].map((m) => m[1]!));
    idsCache.set(file, ids);
  }
  return ids;
}

for (const page of builtPages()) {
  test(`every internal link on ${page.route} resolves`, () => {
    const broken: string[] = [];
    const base = new URL(page.route, 'http://site.invalid');
    for (const m of page.html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const raw = m[1]!.replaceAll('&amp;', '&');
      if (/^(https?:|mailto:|data:|javascript:)/.test(raw) && !raw.startsWith('http://site.invalid')) continue;
      const url = new URL(raw, base);
      const file = url.pathname === base.pathname && page.file ? page.file : targetFile(url.pathname);
      if (!file) {
        broken.push(`${raw} (no such page)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) broken.push(`${raw} (no element with id "${fragment}")`);
    }
    expect(broken, `broken links on ${page.route}`).toEqual([]);
  });
}
