// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import react from '@astrojs/react';
import pagefind from './src/integrations/pagefind.mjs';
import preloadIslands from './src/integrations/preload-islands.mjs';
import { wholeInlineCode } from './src/integrations/whole-inline-code.mjs';

// The theme script runs inline in <head> (before first paint, so no flash of the wrong theme);
// the CSP allows exactly this script by its hash.
const themeInit = readFileSync(new URL('./src/scripts/theme-init.js', import.meta.url), 'utf8');
const themeInitHash = /** @type {`sha256-${string}`} */ (
  `sha256-${createHash('sha256').update(themeInit).digest('base64')}`
);

export default defineConfig({
  // The public address, for canonical and Open Graph URLs: SITE_URL=https://your.host npm run build.
  site: process.env.SITE_URL || undefined,
  trailingSlash: 'always',
  integrations: [mdx(), react(), preloadIslands(), pagefind()],
  // Shiki writes inline style attributes, which the CSP forbids; Prism uses classes instead.
  markdown: { syntaxHighlight: 'prism', processor: satteri({ hastPlugins: [wholeInlineCode] }) },
  // External stylesheets only: styles of components rendered inside MDX were inlined without a CSP
  // hash; files from 'self' need none.
  build: { inlineStylesheets: 'never' },
  security: {
    csp: {
      // Everything comes from this origin: no other host is ever contacted.
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // 'self' for bundled and Pagefind scripts; 'wasm-unsafe-eval' lets Pagefind compile its
      // WebAssembly search engine (no 'unsafe-eval' and no unhashed inline script).
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [themeInitHash],
      },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    resolve: {
      // @xstate/react imports the shim of useSyncExternalStore for React < 18; React 19 has the hook, and the
      // shim then only forwards to it. The package's own non-shim entries do exactly that without the
      // fallback code (about 0.4 KB gzipped on every widget page).
      alias: [
        { find: 'use-sync-external-store/shim/with-selector', replacement: 'use-sync-external-store/with-selector' },
        { find: 'use-sync-external-store/shim', replacement: 'use-sync-external-store' },
      ],
    },
    build: {
      rollupOptions: {
        output: {
          // Fewer requests for a widget page: on a phone network each one costs a round trip, and an
          // HTTP/1.1 host serves six at a time. React gets one chunk; the small modules every widget
          // island shares (its actor, the explanations, @xstate/react, the sim's index and queries) go
          // with the simulation they import (a group takes its modules' dependencies along). /lab/
          // went from 13 scripts to 7 and its lab became ready about 0.4 s sooner under 4x CPU and
          // slow 4G; a module shared by pages without widgets (preload-helper) must never be captured
          // here, or those pages would download the simulation.
          codeSplitting: {
            groups: [
              // Vite's preload helper (behind every dynamic import) stays a chunk of its own: a group takes its
              // modules' dependencies along, and the saved-lab codec (in the widget-runtime group) loads its
              // work with a dynamic import.
              { name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 10 },
              // Likewise the progress store's keys: every page's progress script reads them, and so does a lab.
              { name: 'progress-keys', test: /src[\\/]progress[\\/]keys\.ts/, priority: 10 },
              // React, with the small helpers the quiz and the lab share (a text helper, the on-demand boundary): a chunk
              // of their own would cost a request.
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|src[\\/]widgets[\\/]shared[\\/](WithBreakHints|OnDemand)\.tsx/ },
              {
                name: 'widget-runtime',
                test: /node_modules[\\/](@xstate[\\/]react|use-sync-external-store|use-isomorphic-layout-effect)[\\/]|src[\\/]widgets[\\/]lab[\\/](actor|useLabActor|useBoxWidth|useSavedLab|explain)\.ts|src[\\/]widgets[\\/]shared[\\/]WithWholeIds\.tsx|src[\\/]sim[\\/](index|queries)\.ts/,
              },
              {
                name: 'cli-core',
                test: /src[\\/]cli[\\/](format-call|operations|shapes|argparse-option|simcommands)\.ts|node_modules[\\/]shlex[\\/]/,
              },
            ],
          },
        },
        onwarn(warning, warn) {
          // Astro 7 + MDX emits a harmless "use client"-style directive warning per MDX file.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
