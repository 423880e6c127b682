import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { addDays, localDate } from '../../shared/dates';
import { type Session, withClub } from './harness';

let s: Session;
withClub((session) => {
  s = session;
});

const FIXTURE = path.resolve(__dirname, '../fixtures/leden-50.csv');

/**
 * Issue 8 in the UI: a new mandate for a member on transfer asks to switch to incasso; items
 * collected sooner than their invoice announced are listed and the save waits for the
 * treasurer's confirmation; afterwards the debtor list says "in incasso" instead of paid.
 */
describe('collection rules in the UI', () => {
  it('asks to switch a member with a new mandate to incasso, confirms an early collection, and shows what is in incasso', async () => {
    const { page } = s;
    const ctx = s.server.ctx;
    call(ctx, 'imports.members.commit', { content: fs.readFileSync(FIXTURE).toString('base64'), fileName: 'leden-50.csv' });
    const gerrit = call(ctx, 'debtors.list', { search: 'Gerrit ter Horst' }).debtors[0]!;
    expect(gerrit.paymentMethod).toBe('transfer');

    // the mandate: saved, then the question, then the switch
    await page.goto(`${s.server.url.split('?')[0]}#/debiteuren/${gerrit.id}`);
    await page.getByRole('button', { name: 'Machtiging vastleggen' }).click();
    const form = page.getByRole('form', { name: 'Machtiging vastleggen' });
    await form.getByLabel('Machtigingskenmerk').fill('ZWA-2004');
    await form.getByLabel('Ondertekend op').fill('1-11-2026');
    await form.getByLabel('Ondertekend op').blur();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Dit lid betaalt nu per overboeking').waitFor();
    await s.shot('90-machtiging-naar-incasso');
    await dialog.getByRole('button', { name: 'Op incasso zetten' }).click();
    await page.getByText('De betaalwijze staat nu op incasso.').waitFor();
    expect(call(ctx, 'debtors.get', { id: gerrit.id }).paymentMethod).toBe('direct_debit');

    // invoices of today, due in a month: collecting them now is sooner than announced
    const today = localDate(new Date());
    const run = call(ctx, 'feeRuns.create', { description: 'Contributie', invoiceDate: today, dueDate: addDays(today, 30), amount: 15_000, amountFromCard: true, selection: { mode: 'all' } });
    call(ctx, 'feeRuns.post', { id: run.id });

    await page.getByRole('navigation').getByRole('link', { name: 'Incasso', exact: true }).click();
    await page.getByRole('button', { name: 'Nieuwe incasso' }).click();
    await page.getByLabel(/Ook posten die nog niet vervallen zijn/).check();
    await page.getByRole('button', { name: 'Voorstel maken' }).click();
    await page.getByText(/posten worden eerder geïncasseerd dan aangekondigd/).waitFor();
    const save = page.getByRole('button', { name: /^Opslaan en bestand maken: / });
    expect(await save.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator(`[id="${await save.getAttribute('aria-describedby')}"]`).textContent()).toContain('nieuwe vooraankondiging');
    await s.shot('91-eerder-dan-aangekondigd');
    await page.getByLabel('Ik stuur deze leden de specificatie als nieuwe vooraankondiging').check();
    expect(await save.getAttribute('aria-disabled')).toBeNull();
    await save.click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('dialog').getByRole('button', { name: 'Opslaan en bestand maken' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xml$/);

    // collected is not paid: the list says so
    await page.getByRole('navigation').getByRole('link', { name: 'Debiteuren', exact: true }).click();
    await page.getByText(/^in incasso €/).first().waitFor();
    await s.shot('92-debiteuren-in-incasso');
    expect(s.problems).toEqual([]);
  }, 180_000);
});
