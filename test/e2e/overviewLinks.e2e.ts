import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { startServer, type RunningServer } from '../../electron/server';
import { tempDir } from '../helpers/ledger';
import { launchChromium } from './chromium';

/**
 * Every link of the Overzicht (each to-do line, each ageing bar and figure, each batch state) opens
 * a list filtered so that it shows exactly the count and euros the Overzicht showed, with the
 * filter as a chip that removes it. The demo club in a Chromium that says en-US.
 */
const root = path.resolve(__dirname, '../..');
let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = tempDir('penning-links-');
  server = await startServer({ ledgerFile: path.join(dir, 'ledger.sqlite'), rendererDir: path.join(root, 'out', 'renderer') });
  call(server.ctx, 'setup.demo', {});
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en-US', timezoneId: 'America/New_York' });
  page = await context.newPage();
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const base = () => server.url.split('#')[0]!;
/** "321 posten", "€ 40.761,68": the first whole number and the first euro amount of a text. */
const count = (text: string) => Number(/\d[\d.]*/.exec(text)![0].replace(/\./g, ''));
const euros = (text: string) => /€\s?-?[\d.]+,\d\d/.exec(text)![0].replace(/\s/g, ' ');

async function overview(): Promise<void> {
  await page.goto(`${base()}#/overzicht`);
  await page.locator('#todo-title').waitFor();
  await page.locator('#ageing-title').waitFor();
}

async function settled(): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // a locator, not a string predicate: Playwright polls a string with eval, which the app's CSP refuses
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 20_000 });
}

/** Openstaande posten's own count line: "147 posten · Openstaand: € 4.284,16". */
async function itemsShown(): Promise<{ items: number; amount: string }> {
  await settled();
  const status = page.locator('[role=status]').filter({ hasText: 'Openstaand' });
  const text = await status.innerText();
  return { items: count(text), amount: euros(text) };
}

async function debtorsShown(): Promise<number> {
  await settled();
  return count(await page.locator('[role=status]').filter({ hasText: /debiteur/ }).innerText());
}

async function tableRows(name: string): Promise<number> {
  await settled();
  return page.getByRole('table', { name, exact: true }).locator('tbody tr').count();
}

async function chips(): Promise<string[]> {
  return page.getByRole('group', { name: 'Actieve filters' }).locator('[data-filter]').allInnerTexts();
}

describe('Overzicht links land on lists that count the same', () => {
  it('each to-do line', async () => {
    await overview();
    const lines = page.locator('section[aria-labelledby="todo-title"] a');
    const todo = await lines.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: (a as unknown as { innerText: string }).innerText })));
    // the demo club has every line but the batches (nothing saved yet)
    expect(todo.map((l) => l.href.split('?')[0])).toEqual(['#/openstaande-posten', '#/debiteuren', '#/debiteuren', '#/terugbetalingen']);
    for (const [i, line] of todo.entries()) {
      await overview();
      await lines.nth(i).click();
      await page.waitForURL((u) => u.hash === line.href);
      if (line.href.startsWith('#/openstaande-posten')) {
        expect(await itemsShown()).toEqual({ items: count(line.text), amount: euros(line.text) });
        expect(await chips()).toEqual(['Klaar voor incasso']);
      } else if (line.href.startsWith('#/debiteuren')) {
        expect(await debtorsShown(), line.text).toBe(count(line.text));
        expect((await chips()).length).toBe(1);
      } else {
        expect(await tableRows('Leden met een tegoed')).toBe(count(line.text));
      }
    }
    // the chip's × removes the filter from the URL and the list shows all open items again
    await overview();
    await lines.first().click();
    const filtered = await itemsShown();
    await page.getByRole('button', { name: 'Filter weghalen: Klaar voor incasso' }).click();
    await page.waitForURL((u) => u.hash === '#/openstaande-posten');
    await expect.poll(async () => (await itemsShown()).items).toBeGreaterThan(filtered.items);
    expect(await chips()).toEqual([]);
  }, 120_000);

  it('each ageing figure and bar', async () => {
    await overview();
    const figures = page.getByRole('list', { name: 'Openstaand naar ouderdom' }).getByRole('link');
    const texts = await figures.allInnerTexts();
    expect(texts).toHaveLength(4);
    for (const [i, text] of texts.entries()) {
      await overview();
      await figures.nth(i).click();
      await page.waitForURL((u) => u.hash.startsWith('#/openstaande-posten?'));
      // "€ 4.284,16 · 147 posten bij 130 leden"
      expect(await itemsShown(), text).toEqual({ items: count(text.split('·')[1]!), amount: euros(text) });
      const shown = await chips();
      expect(shown).toContain('Alleen te ontvangen');
      expect(shown.find((c) => c.startsWith('Vervaldatum'))).toMatch(/^Vervaldatum (vanaf \d\d-\d\d-\d{4}|t\/m \d\d-\d\d-\d{4}|\d\d-\d\d-\d{4} t\/m \d\d-\d\d-\d{4})$/);
    }
    // the bars themselves (a bar too thin to hit is reached through its figure above)
    let clicked = 0;
    for (let i = 0; i < texts.length; i++) {
      await overview();
      const bar = page.locator('section[aria-labelledby="ageing-title"] .recharts-bar-rectangle').nth(i);
      const box = await bar.boundingBox();
      if (!box || box.height < 4) continue;
      await bar.click();
      await page.waitForURL((u) => u.hash.startsWith('#/openstaande-posten?'));
      expect(await itemsShown(), texts[i]).toEqual({ items: count(texts[i]!.split('·')[1]!), amount: euros(texts[i]!) });
      clicked++;
    }
    expect(clicked).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('batches waiting for the bank and each batch state', async () => {
    call(server.ctx, 'collections.create', {});
    await overview();
    const line = page.locator('section[aria-labelledby="todo-title"] a').filter({ hasText: 'wacht' });
    const text = await line.innerText();
    await line.click();
    await page.waitForURL((u) => u.hash === '#/incasso?batches=awaiting');
    expect(await tableRows('Incassobatches')).toBe(count(text));
    expect(await chips()).toEqual(['Incasso-opdrachten die wachten op de bank']);

    await overview();
    const states = page.getByRole('list', { name: 'Incasso-opdrachten per status' }).getByRole('link');
    const figures = await states.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, text: (a as unknown as { innerText: string }).innerText })));
    expect(figures.map((f) => f.href)).toEqual(['#/incasso?batches=awaiting', '#/incasso?batches=executed', '#/incasso?batches=cancelled']);
    for (const [i, f] of figures.entries()) {
      await overview();
      await states.nth(i).click();
      await page.waitForURL((u) => u.hash === f.href);
      expect(await tableRows('Incassobatches'), f.text).toBe(count(f.text.replace(/^\D+/, '')));
    }
  }, 120_000);

  it('in English the filter and the list still read dd-mm-jjjj (Chromium says en-US)', async () => {
    call(server.ctx, 'settings.update', { language: 'en' });
    await page.evaluate("localStorage.setItem('penning.lang', 'en')");
    const bucket = call(server.ctx, 'overview.get', {}).ageing.find((a) => a.bucket === '31-60')!;
    await page.goto(`${base()}#/openstaande-posten?dueFrom=${bucket.dueFrom}&dueTo=${bucket.dueTo}&owed=1`);
    await page.reload();
    await settled();
    const [from, to] = [bucket.dueFrom!, bucket.dueTo!].map((iso) => iso.split('-').reverse().join('-'));
    const chip = page.getByRole('group', { name: 'Active filters' }).locator('[data-filter="due"]');
    expect(await chip.innerText()).toBe(`Due date ${from} to ${to}`);
    const grid = await page.locator('main').innerText();
    expect(grid).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/);
    expect(grid.match(/\b\d{2}-\d{2}-\d{4}\b/g)?.length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
