import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * Finds a Chromium to drive: $CHROMIUM_PATH, Debian's /usr/bin/chromium, then Playwright's own
 * download. None found is a failure with instructions, never a silent skip.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // playwright-core has no browser of its own unless `npx playwright install chromium` ran
  }
  const found = candidates.find((c): c is string => !!c && fs.existsSync(c));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install one with "apt-get install chromium" (Debian/Ubuntu), ' +
        'or "npx playwright install chromium", or set CHROMIUM_PATH to a Chromium/Chrome executable.',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for all sessions of a test file: launching and closing one costs seconds on a busy
 * machine, while each session still gets a browser context of its own (no cookies, storage or
 * cache shared between tests). It is launched locally, not connected to over a socket, so
 * `download.path()` keeps working. test/e2e/setup.ts closes it after the file.
 */
export async function sharedChromium(): Promise<Browser> {
  const browser = await (shared ??= launchChromium().catch((e: unknown) => {
    shared = undefined;
    throw e;
  }));
  if (browser.isConnected()) return browser;
  // it crashed or was closed: the next test gets a new one rather than a chain of failures
  shared = undefined;
  return sharedChromium();
}

export async function closeSharedChromium(): Promise<void> {
  const browser = shared;
  shared = undefined;
  await (await browser?.catch(() => undefined))?.close();
}
