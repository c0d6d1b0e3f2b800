/**
 * Finds a Chromium for the end-to-end tests, in the order toolchain.md gives:
 * CHROMIUM_PATH, a system Chromium or Chrome, Playwright's own browser if one was installed,
 * then the Chromium that ships inside the @sparticuz/chromium npm package (Linux x64), so that
 * `npm install && npm test` works on a machine that has nothing but Node and npm.
 */
import { existsSync } from 'node:fs';
import { chromium as playwrightChromium } from '@playwright/test';

export interface ResolvedBrowser {
  executablePath: string;
  args: string[];
  source: string;
}

/** Flags every headless run needs here: without the network ones Chromium keeps dialling hosts it cannot reach. */
const COMMON_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];


export async function resolveBrowser(): Promise<ResolvedBrowser> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there. Fix the path or unset it.`);
    }
    return { executablePath: fromEnv, args: COMMON_ARGS, source: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_CANDIDATES.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: COMMON_ARGS, source: 'system' };

  try {
    const own = playwrightChromium.executablePath();
    if (own && existsSync(own)) return { executablePath: own, args: COMMON_ARGS, source: 'playwright' };
  } catch {
    // Playwright throws when it has no browser of its own: fall through to the bundled one.
  }

  if (process.platform === 'linux' && process.arch === 'x64') {
    const { default: bundled } = await import('@sparticuz/chromium');
    // No WebGL needed: skip unpacking SwiftShader. The package's own flags are tuned for AWS Lambda
    // (--single-process, in-process GPU): here they let one crashed page take the whole browser down
    // with it, so the bundled build runs with the same flags as a system Chromium.
    bundled.setGraphicsMode = false;
    const executablePath = await bundled.executablePath();
    return { executablePath, args: [...COMMON_ARGS, '--no-zygote'], source: '@sparticuz/chromium' };
  }
  throw new Error(
    'No Chromium found for the browser tests. Install Chromium or Chrome, or set CHROMIUM_PATH to its executable.',
  );
}
