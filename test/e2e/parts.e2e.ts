import fs from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { startServer, type RunningServer } from '../../electron/server';
import { tempDir } from '../helpers/ledger';
import { launchChromium } from './chromium';
import { SCREENSHOTS } from './harness';

/**
 * The shared form parts (DateField, AmountField, useFormErrors, confirmMoneyAction, notifySuccess,
 * ReasonButton) in real Chromium with an en-US locale, against the real server and a real ledger.
 */
const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'out', 'parts');
let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await build({ root: path.join(__dirname, 'parts'), plugins: [react()], logLevel: 'warn', base: './', build: { outDir, emptyOutDir: true } });
  dir = tempDir('penning-parts-');
  server = await startServer({ ledgerFile: path.join(dir, 'ledger.sqlite'), rendererDir: outDir });
  call(server.ctx, 'setup.initialize', { organisation: { name: 'TV De Zwaluwen' }, creditorId: 'NL51ZZZ405365330000', bankAccounts: [{ name: 'Bank', iban: 'NL91ABNA0417164300' }], language: 'nl' });
  call(server.ctx, 'debtors.create', { name: 'Lotte de Wit' });
  browser = await launchChromium();
  // the browser says en-US: dates must stay Dutch regardless
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Parts' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const values = async () => JSON.parse((await page.getByTestId('values').textContent()) ?? '{}') as { invoiceDate: string | null; dueDate: string | null; amount: number | null };
const errorOf = (label: string) => page.locator(`.mantine-InputWrapper-root:has(label:text-is("${label}")) .mantine-InputWrapper-error, .mantine-InputWrapper-root:has(label:has-text("${label}")) .mantine-InputWrapper-error`).first();

describe('shared form parts', () => {
  it('shows every missing field at once, "verplicht", and focuses the first', async () => {
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => errorOf('Omschrijving').textContent()).toBe('verplicht');
    expect(await errorOf('Factuurdatum').textContent()).toBe('verplicht');
    expect(await errorOf('Bedrag').textContent()).toBe('verplicht');
    expect(await page.locator(':focus').getAttribute('name')).toBe('description');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'parts-verplicht.png') });
  });

  it('reads typed dates day-first in an en-US browser and shows dd-mm-jjjj', async () => {
    const date = page.getByLabel('Factuurdatum');
    const year = new Date().getFullYear();
    await date.fill('9-12');
    await date.blur();
    expect(await date.inputValue()).toBe(`09-12-${year}`);
    expect((await values()).invoiceDate).toBe(`${year}-12-09`);
    await date.fill('3 okt 2026');
    await date.blur();
    expect(await date.inputValue()).toBe('03-10-2026');
    await date.fill('09-12-2026');
    await date.blur();
    expect(await date.inputValue()).toBe('09-12-2026');
    expect((await values()).invoiceDate).toBe('2026-12-09');
  });

  it('says "bestaat niet" for 31-02-2026, keeps the text, and sends nothing', async () => {
    const due = page.getByLabel('Vervaldatum');
    await due.fill('31-02-2026');
    await due.blur();
    await expect.poll(() => errorOf('Vervaldatum').textContent()).toBe('bestaat niet');
    expect(await due.inputValue()).toBe('31-02-2026');
    expect((await values()).dueDate).toBeNull();
    await page.getByLabel('Omschrijving').fill('Contributie');
    await page.getByLabel('Bedrag').fill('150,-');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    // no confirmation for an input that cannot be sent; focus goes to the unreadable date
    await expect.poll(() => page.locator(':focus').getAttribute('data-field')).toBe('dueDate');
    expect(await page.getByRole('dialog').count()).toBe(0);
    const shownText = await page.locator('form').innerText();
    expect(shownText).not.toMatch(/JJJJ|YYYY|\d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'parts-bestaat-niet.png') });
    await due.fill('');
    await due.blur();
  });

  it('takes Dutch amounts in cents: "150,-" and a pasted "1.234,56"', async () => {
    const amount = page.getByLabel('Bedrag');
    await amount.fill('150,-');
    await amount.blur();
    expect(await amount.inputValue()).toBe('150,00');
    expect((await values()).amount).toBe(15_000);
    await amount.fill('1.234,56');
    await amount.blur();
    expect(await amount.inputValue()).toBe('1.234,56');
    expect((await values()).amount).toBe(123_456);
    expect(await page.evaluate("getComputedStyle(document.querySelector('[data-field=amount]')).textAlign")).toBe('right');
    await amount.fill('12,345');
    await amount.blur();
    await expect.poll(() => errorOf('Bedrag').textContent()).toContain('1.234,56');
    await amount.fill('1.234,56');
    await amount.blur();
  });

  it('asks before the money action, then says what happened with a link', async () => {
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect((await dialog.textContent())?.replace(/\u00a0/g, ' ')).toContain('€ 1.234,56');
    expect(await dialog.textContent()).toContain('concepten weggooien');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'parts-bevestigen.png') });
    // Escape cancels: nothing was written
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(call(server.ctx, 'feeRuns.list', {})).toHaveLength(0);

    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Facturen maken' }).click();
    const link = page.getByRole('link', { name: 'Bekijken' });
    await link.waitFor();
    const runs = call(server.ctx, 'feeRuns.list', {});
    expect(runs).toHaveLength(1);
    expect(await link.getAttribute('href')).toBe(`#/facturen/${runs[0]!.id}`);
  });

  it('a disabled action says why, on hover and to screen readers, and does nothing', async () => {
    const settle = page.getByRole('button', { name: 'Vereffenen' });
    expect(await settle.getAttribute('aria-disabled')).toBe('true');
    const describedBy = await settle.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('De gekozen posten moeten samen € 0,00 zijn');
    // keyboard: Tab from the button before it reaches it and the reason shows
    await page.getByRole('button', { name: 'Opslaan' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Vereffenen');
    await page.getByRole('tooltip').waitFor();
    expect(await page.getByRole('tooltip').textContent()).toContain('€ 0,00');
    // force: Playwright itself will not click what says aria-disabled; a treasurer's mouse will
    await settle.click({ force: true });
    expect(await page.getByText('Vereffend').count()).toBe(0);
    await page.getByRole('button', { name: 'Saldo nul' }).click();
    expect(await settle.getAttribute('aria-disabled')).toBeNull();
    await settle.click();
    await page.getByText('Vereffend').waitFor();
  });
});
