import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { type Session, withClub } from './harness';

let s: Session;
withClub((session) => {
  s = session;
});

/** Seeds through the same API the UI uses: one member with an invoice of 80 and a credit note of 55, one with 100. */
function seed() {
  const ctx = s.server.ctx;
  const lotte = call(ctx, 'debtors.create', { name: 'Lotte de Wit' });
  const koen = call(ctx, 'debtors.create', { name: 'Koen Bakker' });
  const post = (debtorId: number, cents: number) =>
    call(ctx, 'invoices.post', { id: call(ctx, 'invoices.createDraft', { debtorId, invoiceDate: '2026-09-01', description: 'Contributie 2026-2027', lines: [{ description: 'Contributie', unitPrice: cents }] }).id });
  const inv = post(lotte.id, 8_000);
  call(ctx, 'invoices.credit', { invoiceId: inv.id, date: '2026-09-05', lines: [{ description: 'Correctie', unitPrice: 5_500 }] });
  post(koen.id, 10_000);
  return { lotte, koen };
}

/** Money is formatted with a no-break space after the euro sign. */
const plain = (s: string | null) => (s ?? '').replace(/\u00a0/g, ' ');

function rows() {
  return s.page.getByRole('grid').getByRole('rowgroup').getByRole('row');
}

describe('open items', () => {
  it('merges an invoice with a credit note, splits an item into 3 instalments, and the card shows it', async () => {
    const { lotte } = seed();
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Openstaande posten' }).click();
    await page.getByText('3 posten').waitFor();
    await s.shot('30-openstaande-posten');
    expect(await rows().count()).toBe(3);

    await page.getByLabel('Selecteer 2026-0001').check();
    await page.getByLabel('Selecteer 2026-0002').check();
    await page.getByRole('button', { name: 'Samenvoegen' }).click();
    await page.getByText('2 posten').waitFor();
    const merged = rows().filter({ hasText: 'Lotte de Wit' });
    expect(plain(await merged.textContent())).toContain('€ 25,00');
    await s.shot('31-samengevoegd');

    await rows().filter({ hasText: 'Koen Bakker' }).click();
    await page.getByRole('button', { name: 'Opsplitsen' }).click();
    const split = page.getByRole('form', { name: 'Opsplitsen' });
    await split.getByLabel('Eerste vervaldatum').fill('2026-10-01');
    await s.shot('32-opsplitsen');
    await split.getByRole('button', { name: 'Opsplitsen in 3 termijnen' }).click();
    await page.getByText('4 posten').waitFor();
    const parts = (await rows().filter({ hasText: 'Koen Bakker' }).allTextContents()).map(plain);
    expect(parts.map((p) => p.match(/€\s?[\d.,]+/g)?.[1])).toEqual(['€ 33,34', '€ 33,33', '€ 33,33']);
    expect(parts.every((p) => p.includes('Betalingsregeling'))).toBe(true);
    await s.shot('33-opgesplitst');

    await page.goto(`${s.server.url.split('?')[0]}#/debiteuren/${lotte.id}`);
    await page.getByRole('heading', { name: `${lotte.number} Lotte de Wit` }).waitFor();
    await page.getByText('1 posten').waitFor();
    await page.getByRole('grid').getByRole('rowgroup').getByRole('row').first().click();
    await page.getByRole('button', { name: 'Geschiedenis' }).click();
    await page.getByText('Samengevoegd uit 2026-0001, 2026-0002').waitFor();
    await s.shot('34-debiteurkaart-posten');
    expect(s.problems).toEqual([]);
  });
});

describe('invoices on the debtor card', () => {
  it('makes a manual invoice with two lines, credits it, and settles the pair', async () => {
    const ctx = s.server.ctx;
    const d = call(ctx, 'debtors.create', { name: 'Noor Visser' });
    const { page } = s;
    await page.goto(`${s.server.url.split('?')[0]}#/debiteuren/${d.id}`);
    await page.getByRole('heading', { name: `${d.number} Noor Visser` }).waitFor();
    await page.getByRole('button', { name: '+ Factuur maken' }).click();
    const form = page.getByRole('form', { name: 'Factuur maken' });
    await form.getByLabel('Omschrijving').fill('Baanhuur september');
    await form.getByLabel('Factuurdatum').fill('2026-09-30');
    await form.getByLabel('Regel 1').fill('Baan 3, 4 uur');
    await form.getByLabel('Bedrag').first().fill('60,00');
    await form.getByRole('button', { name: '+ Regel toevoegen' }).click();
    await form.getByLabel('Regel 2').fill('Ballen');
    await form.getByLabel('Bedrag').nth(1).fill('12,5x');
    await form.getByRole('button', { name: 'Factuur boeken' }).click();
    await form.getByText('Regel 2: Bedrag "12,5x": schrijf het als 1.234,56').waitFor();
    await form.getByLabel('Bedrag').nth(1).fill('12,50');
    await form.getByRole('button', { name: 'Factuur boeken' }).click();
    const invoices = page.getByRole('table', { name: 'Facturen' });
    await invoices.getByText('2026-0001').waitFor();
    expect(plain(await invoices.locator('tbody tr').first().textContent())).toContain('€ 72,50');
    await s.shot('35-factuur-geboekt');
    const [download] = await Promise.all([page.waitForEvent('download'), invoices.getByRole('button', { name: 'PDF 2026-0001' }).click()]);
    expect(download.suggestedFilename()).toBe('factuur-2026-0001-1001.pdf');
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await invoices.getByRole('button', { name: 'Crediteren 2026-0001' }).click();
    await page.getByRole('button', { name: 'Creditnota boeken' }).click();
    await invoices.getByText('creditnota').waitFor();
    await page.getByText('2 posten').waitFor();
    await page.getByLabel('Selecteer 2026-0001').check();
    await page.getByLabel('Selecteer 2026-0002').check();
    await page.getByRole('button', { name: 'Vereffenen' }).click();
    await page.getByText('Geen openstaande posten').waitFor();
    expect(plain(await page.locator('.balance-pill').textContent())).toContain('€ 0,00');
    await s.shot('36-gecrediteerd-vereffend');
    expect(s.problems).toEqual([]);
  });
});
