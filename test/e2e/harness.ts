import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../electron/server';
import { tempDir } from '../helpers/ledger';
import { afterEach, beforeEach } from 'vitest';
import { sharedChromium } from './chromium';
import { openSetUpClub, setUpClubOverHttp } from './pages/firstRun';

const root = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(root, 'test', 'e2e', 'screenshots');

/**
 * One browser-mode session: a fresh temp ledger behind the real server, a real Chromium page in a
 * browser context of its own, and every console error or page error collected so a test can
 * assert there were none (a CSP violation shows up there).
 */
export interface Session {
  server: RunningServer;
  /** the file's shared Chromium (see sharedChromium); close the session, never the browser */
  browser: Browser;
  page: Page;
  problems: string[];
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** A session whose page has the app open on an empty ledger: the first-run screen. */
export async function openSession(): Promise<Session> {
  return startSession(async (page, server) => {
    await page.goto(server.url);
  });
}

async function startSession(load: (page: Page, server: RunningServer) => Promise<void>): Promise<Session> {
  const dir = tempDir('penning-e2e-');
  const server = await startServer({ ledgerFile: path.join(dir, 'ledger.sqlite'), rendererDir: path.join(root, 'out', 'renderer') });
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const browser = await sharedChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await load(page, server);
    return {
      server,
      browser,
      page,
      problems,
      shot: async (name) => {
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Every test in the file gets a fresh session with the club set up (Tennisvereniging De Zwaluwen,
 * one bank account) and the app open on the Overzicht, as the first-run screen leaves it; `use`
 * receives it, and it is closed after the test. The club is set up with the first-run screen's own
 * request over HTTP; the screen itself is driven in foundation.e2e.ts.
 */
export function withClub(use: (session: Session) => void): void {
  let session: Session | undefined;
  beforeEach(async () => {
    session = await startSession(async (page, server) => {
      await setUpClubOverHttp(server);
      await openSetUpClub(page, server);
    });
    use(session);
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
}
