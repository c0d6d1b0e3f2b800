/** Every page carries a Content-Security-Policy without unsafe-eval or unhashed inline script. */
import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { builtPages } from '../support/site.ts';

for (const page of builtPages()) {
  test(`${page.route} has a strict Content-Security-Policy`, () => {
    const meta = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]+)"/i.exec(page.html);
    expect(meta, `${page.route} has no CSP meta element`).not.toBeNull();
    const policy = meta![1]!.replaceAll('&#39;', "'");
    const scriptSrc = /script-src([^;]*)/.exec(policy)?.[1] ?? '';
    expect(scriptSrc, 'script-src must be set').not.toBe('');
    expect(scriptSrc).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    // Every inline script on the page is allowed by one of the policy's hashes.
    const hashes = new Set([...scriptSrc.matchAll(/'(sha(?:256|384|512)-[^']+)'/g)].map((m) => m[1]));
    const inline = [...page.html.matchAll(/<script\b(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/type="application\/(ld\+)?json"/.test(m[1] ?? '') && (m[2] ?? '').trim(),
    );
    for (const [, , body] of inline) {
      const hashed = ['sha256', 'sha384', 'sha512'].map((alg) => `${alg}-${createHash(alg).update(body!).digest('base64')}`);
      expect(hashed.some((h) => hashes.has(h)), `an inline script on ${page.route} is not allowed by the CSP: ${body!.slice(0, 80)}`).toBe(true);
    }
  });
}
