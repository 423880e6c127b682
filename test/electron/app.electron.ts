import fs from 'node:fs';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinaryPath } from '../../scripts/start-mode.mjs';
import { tempDir } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';
import { CSP } from '../../electron/server';

/**
 * The Electron window itself (issue 9, Electron): the real app on a demo ledger, the preload's IPC
 * bridge, the CSP of app://penning, the Electron build of better-sqlite3 and a collection file
 * saved by the main process. `npm run test:electron` runs it; without a binary it stops before.
 */
const root = path.resolve(__dirname, '../..');
const dir = tempDir('penning-electron-');
const db = path.join(dir, 'demo.sqlite');
const downloads = path.join(dir, 'downloads');
let app: ElectronApplication;
let page: Page;

type Result = { ok: true; value: Record<string, unknown> } | { ok: false; error: { code: string } };
/** The little of the renderer's globals these checks touch (this project compiles tests without the DOM library). */
interface RendererGlobals {
  penning: { call(method: string, input: unknown): Promise<unknown> };
  document: {
    addEventListener(type: 'securitypolicyviolation', listener: (e: { effectiveDirective: string }) => void, options: { once: boolean }): void;
    createElement(tag: 'script'): { textContent: string };
    head: { appendChild(node: unknown): void };
  };
  __injected?: boolean;
}
const ipc = (method: string, input: unknown = {}) =>
  page.evaluate(([m, i]) => (globalThis as unknown as RendererGlobals).penning.call(m, i), [method, input] as const) as Promise<Result>;

beforeAll(async () => {
  const binary = process.env.PENNING_ELECTRON_BINARY ?? electronBinaryPath(path.join(root, 'node_modules', 'electron'));
  if (!binary) throw new Error('No Electron binary installed: run these tests with "npm run test:electron" on a machine that has one.');
  fs.mkdirSync(downloads);
  app = await _electron.launch({
    executablePath: binary,
    // Chromium refuses to run as root with its sandbox; CI containers often are root.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root, '--db', db, '--demo'],
    cwd: root,
    env: { ...process.env, PENNING_NATIVE_BINDING: process.env.PENNING_NATIVE_BINDING ?? '' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Electron app', () => {
  it('opens its window on app://penning', async () => {
    expect(await page.title()).toBe('Penning');
    expect(page.url()).toMatch(/^app:\/\/penning\//);
    const window = await app.browserWindow(page);
    await expect.poll(() => window.evaluate((w) => w.isVisible())).toBe(true);
    await page.getByRole('navigation').getByRole('link', { name: 'Incasso' }).waitFor();
  });

  it('answers a contract call over IPC, from the Electron build of better-sqlite3', async () => {
    const status = await ipc('ledger.status');
    expect(status).toMatchObject({ ok: true, value: { initialized: true, file: db } });
    const refused = await ipc('debtors.create', { name: 'X', iban: 'NL91ABNA0417164301' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unknown = await ipc('no.such.method');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    const main = await app.evaluate(() => ({ electron: process.versions.electron, modules: process.versions.modules, binding: process.env.PENNING_NATIVE_BINDING }));
    expect(main.electron).toBe(JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version);
    // Electron's ABI differs from Node's, so the ledger above was opened by the Electron build, not node_modules'.
    expect(main.modules).not.toBe(process.versions.modules);
    expect(main.binding).toMatch(/\.native[\\/]electron-.*better_sqlite3\.node$/);
  });

  it('keeps the renderer sandboxed and holds its CSP', async () => {
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require + typeof (globalThis as { process?: unknown }).process)).toBe('undefinedundefined');
    const violation = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const { document } = globalThis as unknown as RendererGlobals;
          document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.head.appendChild(script);
        }),
    );
    expect(violation).toMatch(/^script-src/);
    expect(await page.evaluate(() => (globalThis as unknown as RendererGlobals).__injected)).toBeUndefined();
    // The header comes from main.ts's app:// handler; the same policy as browser mode.
    expect(await page.evaluate(() => fetch('/index.html').then((r) => r.headers.get('content-security-policy')))).toBe(CSP);
    expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'fetched', () => 'blocked'))).toBe('blocked');
  });

  it('saves a collection file through the main process', async () => {
    // The treasurer gets a save dialog; here the main process is told where to save, nothing else changes.
    await app.evaluate(({ session }, folder) => {
      (globalThis as { saved?: Promise<{ state: string; file: string }> }).saved = new Promise((resolve) => {
        session.defaultSession.once('will-download', (_event, item) => {
          const file = `${folder}/${item.getFilename()}`;
          item.setSavePath(file);
          item.once('done', (_e, state) => resolve({ state, file }));
        });
      });
    }, downloads);
    await page.getByRole('navigation').getByRole('link', { name: 'Incasso' }).click();
    await page.getByRole('button', { name: '+ Nieuwe incasso' }).click();
    await page.getByRole('button', { name: 'Voorstel maken' }).click();
    await page.getByRole('table', { name: "Voorgestelde incasso's" }).waitFor();
    await page.getByRole('button', { name: /Opslaan en bestand maken/ }).click();
    const { state, file } = await app.evaluate(() => (globalThis as { saved?: Promise<{ state: string; file: string }> }).saved!);
    expect(state).toBe('completed');
    expect(path.basename(file)).toMatch(/^incasso-INC-\d{4}-0001\.xml$/);
    const xml = fs.readFileSync(file, 'utf8');
    expect(await xsdErrors(xml)).toEqual([]);
    const batches = await ipc('batches.list');
    expect(JSON.stringify(batches)).toContain(path.basename(file, '.xml').replace('incasso-', ''));
  });
});
