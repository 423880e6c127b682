import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { addDays, localDate } from '../../shared/dates';
import { xsdErrors } from '../helpers/xsd';
import { type Session, withClub } from './harness';

let s: Session;
withClub((session) => {
  s = session;
});

/** Money is formatted with a no-break space after the euro sign. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

const FIXTURE = path.resolve(__dirname, '../fixtures/leden-50.csv');

async function saveDownload(click: () => Promise<void>): Promise<{ name: string; xml: string }> {
  const [download] = await Promise.all([s.page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), xml: fs.readFileSync((await download.path())!, 'utf8') };
}

/**
 * Issue 4's "done when": readiness, the wizard with the why-not list, a file that validates, items
 * in collection, cancel and re-run, and a refund file.
 */
describe('direct debit', () => {
  it('goes from readiness through the wizard to a valid file, cancels, re-runs and refunds', async () => {
    const { page } = s;
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Incasso' }).click();
    const readiness = page.getByLabel('Klaar voor incasso?');
    await readiness.getByText('Nog 1 punt te regelen voor de eerste incasso').waitFor();
    await readiness.getByText('0 van 0 debiteuren hebben automatische incasso').waitFor();
    // not ready: the button says why instead of only greying out
    const newRun = page.getByRole('button', { name: 'Nieuwe incasso' });
    expect(await newRun.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator(`[id="${await newRun.getAttribute('aria-describedby')}"]`).textContent()).toBe('Regel eerst het punt hieronder (1).');
    await s.shot('60-incasso-gereedheid');

    await readiness.getByRole('link', { name: 'Regelen' }).click();
    await page.getByRole('link', { name: 'Ledenlijst inlezen' }).click();
    await page.getByLabel('Kies een CSV-bestand').setInputFiles(FIXTURE);
    await page.getByRole('button', { name: '45 regels inlezen' }).click();
    await page.getByText(/Klaar: 45 nieuwe debiteuren/).waitFor();

    // the season's invoices, due yesterday, through the same API the Facturen screen uses
    const ctx = s.server.ctx;
    const today = localDate(new Date());
    const run = call(ctx, 'feeRuns.create', { description: 'Contributie 2026-2027', invoiceDate: addDays(today, -30), dueDate: addDays(today, -1), amount: 15_000, amountFromCard: true, selection: { mode: 'all' } });
    call(ctx, 'feeRuns.post', { id: run.id });
    // a member on transfer pays 200 for an invoice of 150: 50 to pay back
    const gerrit = call(ctx, 'debtors.list', { search: 'Gerrit ter Horst' }).debtors[0]!;
    call(ctx, 'entries.post', { journalCode: 'BNK', date: today, description: 'Te veel betaald', lines: [{ accountCode: '1100', debit: 20_000 }, { accountCode: '1300', debtorId: gerrit.id, credit: 20_000 }] });

    await nav.getByRole('link', { name: 'Incasso' }).click();
    await page.getByText('Klaar voor incasso', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nieuwe incasso' }).click();
    await page.getByText(/Leeg: de vroegst mogelijke datum, \d\d-\d\d-\d{4} \(2 bankwerkdagen aanlevertijd\)/).waitFor();
    await s.shot('61a-incasso-wizard');
    await page.getByRole('button', { name: 'Voorstel maken' }).click();
    const proposed = page.getByRole('table', { name: "Voorgestelde incasso's" });
    await proposed.waitFor();
    const whyNot = page.getByRole('region', { name: 'Niet voorgesteld' });
    await whyNot.getByRole('button', { name: /betaalt per overboeking, niet per incasso \(\d+\)/ }).waitFor();
    const firstCount = await proposed.locator('tbody tr').count();
    expect(firstCount).toBeGreaterThan(20);
    await proposed.getByLabel('Niet incasseren: Loïs van den Heuvel').click();
    await whyNot.getByRole('cell', { name: /door u uitgezet/ }).waitFor();
    expect(await proposed.locator('tbody tr').count()).toBe(firstCount - 1);
    await s.shot('61-incasso-voorstel-en-waarom-niet');

    const dialog = page.getByRole('dialog');
    await page.getByRole('button', { name: /Opslaan en bestand maken/ }).click();
    const asked = plain(await dialog.textContent());
    expect(asked).toMatch(new RegExp(`${firstCount - 1} incasso's voor € [\\d.,]+ \\(${firstCount - 1} posten\\) op \\d\\d-\\d\\d-\\d{4}, in 1 bestand voor uw bank`));
    expect(asked).toContain('Terugdraaien: met Annuleren bij de batch');
    await s.shot('61b-incasso-bevestigen');
    const file = await saveDownload(() => dialog.getByRole('button', { name: 'Opslaan en bestand maken', exact: true }).click());
    expect(file.name).toBe('incasso-INC-2026-0001.xml'.replace('2026', today.slice(0, 4)));
    expect(await xsdErrors(file.xml)).toEqual([]);
    expect((file.xml.match(/<DrctDbtTxInf>/g) ?? []).length).toBe(firstCount - 1);
    const notice = page.locator('.mantine-Notification-root');
    await notice.getByText(/Incasso INC-\d{4}-0001 opgeslagen: \d+ incasso's voor €\s[\d.,]+ in 1 bestand\./).waitFor();
    await s.shot('62-incasso-opgeslagen');

    await notice.getByRole('link', { name: 'Naar de openstaande posten' }).click();
    await page.getByText(`${firstCount - 1} posten`, { exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('In incasso');
    await s.shot('63-posten-in-incasso');

    await nav.getByRole('link', { name: 'Incasso' }).click();
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Verzamelstaat INC-/ }).click()]);
    expect(report.suggestedFilename()).toMatch(/^verzamelstaat-INC-\d{4}-0001\.pdf$/);
    expect(fs.readFileSync((await report.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const [specs] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Specificaties per lid INC-/ }).click()]);
    expect(specs.suggestedFilename()).toMatch(/^specificaties-INC-\d{4}-0001\.zip$/);
    expect(fs.readFileSync((await specs.path())!).subarray(0, 4).toString('hex')).toBe('504b0304');
    await page.getByRole('button', { name: /Annuleren INC-/ }).click();
    const cancel = page.getByRole('form', { name: /Batch INC-\d{4}-0001 annuleren/ });
    await cancel.getByRole('button', { name: 'Batch annuleren' }).click();
    await cancel.getByText('verplicht').waitFor();
    await cancel.getByLabel('Reden').fill('Verkeerde incassodatum');
    await cancel.getByRole('button', { name: 'Batch annuleren' }).click();
    expect(plain(await dialog.textContent())).toContain('Dit kan niet ongedaan worden gemaakt.');
    await dialog.getByRole('button', { name: 'Batch annuleren' }).click();
    await page.getByText('Geannuleerd: Verkeerde incassodatum').waitFor();
    await s.shot('64-incasso-geannuleerd');

    await page.getByRole('button', { name: 'Nieuwe incasso' }).click();
    await page.getByRole('button', { name: 'Voorstel maken' }).click();
    await proposed.waitFor();
    expect(await proposed.locator('tbody tr').count()).toBe(firstCount);
    await page.getByRole('button', { name: /Opslaan en bestand maken/ }).click();
    const second = await saveDownload(() => dialog.getByRole('button', { name: 'Opslaan en bestand maken', exact: true }).click());
    expect(second.name).toMatch(/incasso-INC-\d{4}-0002\.xml/);
    expect(await xsdErrors(second.xml)).toEqual([]);

    await nav.getByRole('link', { name: 'Terugbetalingen' }).click();
    const candidates = page.getByRole('table', { name: 'Leden met een tegoed' });
    await candidates.getByText('Gerrit ter Horst').waitFor();
    const refundButton = page.getByRole('button', { name: /Bestand maken: 0 terugbetalingen,/ });
    expect(await refundButton.getAttribute('aria-disabled')).toBe('true');
    await candidates.getByLabel('Terugbetalen aan Gerrit ter Horst').check();
    await s.shot('65-terugbetalingen');
    await page.getByRole('button', { name: /Bestand maken: 1 terugbetaling,/ }).click();
    expect(plain(await dialog.textContent())).toContain('1 overboeking van samen € 50,00 naar de IBAN van het gekozen lid');
    const refund = await saveDownload(() => dialog.getByRole('button', { name: 'Bestand maken', exact: true }).click());
    expect(refund.name).toMatch(/terugbetaling-TRB-\d{4}-0001\.xml/);
    expect(await xsdErrors(refund.xml)).toEqual([]);
    expect(refund.xml).toContain('<InstdAmt Ccy="EUR">50.00</InstdAmt>');
    await notice.getByText(/Terugbetaling TRB-\d{4}-0001 opgeslagen: 1 overboeking voor €\s50,00/).waitFor();
    expect(s.problems).toEqual([]);
  }, 150_000); // two runs, a cancel and a refund through real Chromium: slow on a shared machine
});

describe('Instellingen > Incasso', () => {
  it('keeps the collection settings and refuses a discount it cannot read', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Incasso' }).click();
    const form = page.getByRole('form', { name: 'Incasso' });
    await form.getByLabel('Maximum per incasso').fill('500,00');
    await form.getByLabel('Incassokorting voor iedereen').fill('2,5 procent');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Korting "2,5 procent": schrijf een bedrag (2,50) of een percentage (2,5%)').waitFor();
    await form.getByLabel('Incassokorting voor iedereen').fill('2,5%');
    await form.getByLabel(/als FRST aanbieden/).check();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByRole('status').getByText('Opgeslagen').waitFor();
    await page.reload();
    await page.getByRole('tab', { name: 'Incasso' }).click();
    expect(await form.getByLabel('Maximum per incasso').inputValue()).toBe('500,00');
    expect(await form.getByLabel('Incassokorting voor iedereen').inputValue()).toBe('2,5%');
    expect(await form.getByLabel(/als FRST aanbieden/).isChecked()).toBe(true);
    await s.shot('66-instellingen-incasso');
    expect(s.problems).toEqual([]);
  });
});
