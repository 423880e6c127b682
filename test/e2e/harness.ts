import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server';
import { tempDir } from '../helpers/ledger';
import { afterEach, beforeEach } from 'vitest';
import { launchChromium } from './chromium';
import { setUpClub } from './pages/firstRun';

const root = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(root, 'test', 'e2e', 'screenshots');

/**
 * One browser-mode session: a fresh temp ledger behind the real server, a real Chromium page, and
 * every console error or page error collected so a test can assert there were none (a CSP
 * violation shows up there).
 */
export interface Session {
  server: RunningServer;
  browser: Browser;
  page: Page;
  problems: string[];
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  const dir = tempDir('penning-e2e-');
  const server = await startServer({ ledgerFile: path.join(dir, 'ledger.sqlite'), rendererDir: path.join(root, 'out', 'renderer') });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  return {
    server,
    browser,
    page,
    problems,
    shot: async (name) => {
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every test in the file gets a fresh browser session with the club set up through the first-run
 * screen; `use` receives it, and it is closed after the test.
 */
export function withClub(use: (session: Session) => void): void {
  let session: Session | undefined;
  beforeEach(async () => {
    session = await openSession();
    await setUpClub(session.page);
    use(session);
  });
  afterEach(async () => {
    await session?.close();
  });
}
