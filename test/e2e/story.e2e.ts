import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Session, withClub } from './harness';

let s: Session;
withClub((session) => {
  s = session;
});

const FIXTURE = path.resolve(__dirname, '../fixtures/leden-50.csv');
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

/**
 * Issue 3's "done when", in one go as a treasurer clicks it: import 50 members (five refused, each
 * with its reason), a fee run from the members' own contributie, one draft blocked, post, credit part
 * of an invoice and merge it with the invoice, split the rest into 3 instalments, and the card shows it.
 */
describe('the receivables story', () => {
  it('runs from the member list to the debtor card', async () => {
    const { page } = s;
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Debiteuren', exact: true }).click();
    await page.getByRole('link', { name: 'Ledenlijst inlezen' }).click();
    await page.getByLabel('Kies een CSV-bestand').setInputFiles(FIXTURE);
    await page.getByText('50 regels: 45 nieuwe debiteuren, 0 bijgewerkt, 5 geweigerd.').waitFor();
    expect(await page.getByLabel('Contributie').locator('option:checked').textContent()).toBe('Contributie');
    expect(await page.getByRole('table', { name: 'Geweigerde regels' }).locator('tbody tr td:first-child').allTextContents()).toEqual(['8', '15', '23', '32', '44']);
    await page.getByRole('button', { name: '45 regels inlezen' }).click();
    await page.getByText(/Klaar: 45 nieuwe debiteuren/).waitFor();
    await s.shot('50-verhaal-ingelezen');

    await nav.getByRole('link', { name: 'Facturen' }).click();
    await page.getByRole('button', { name: '+ Massa factureren' }).click();
    const form = page.getByRole('form', { name: 'Massa factureren' });
    await form.getByLabel('Omschrijving').fill('Contributie 2026-2027');
    await form.getByLabel('Bedrag').fill('150,00');
    await form.getByLabel(/Contributie van de debiteurkaart/).check();
    await form.getByLabel('Factuurdatum').fill('2026-09-01');
    await form.getByLabel('Vervaldatum').fill('2026-10-01');
    await form.getByRole('button', { name: 'Conceptfacturen maken' }).click();
    await page.getByRole('heading', { name: 'Contributie 2026-2027' }).waitFor();
    await page.getByRole('button', { name: 'Blokkeren Hanneke van der Linden' }).click();
    await page.getByRole('button', { name: /43 facturen boeken/ }).click();
    await page.getByText('43 facturen geboekt; 1 geblokkeerde concepten overgeslagen.').waitFor();
    await s.shot('51-verhaal-run-geboekt');

    await nav.getByRole('link', { name: 'Debiteuren', exact: true }).click();
    await page.getByRole('searchbox').fill('Tim van den');
    await page.getByRole('cell', { name: 'Tim van den Heuvel' }).click();
    await page.getByRole('heading', { name: '2001 Tim van den Heuvel' }).waitFor();
    const invoices = page.getByRole('table', { name: 'Facturen' });
    await invoices.getByRole('button', { name: 'Crediteren 2026-0001' }).click();
    const credit = page.getByRole('form', { name: 'Factuur 2026-0001 crediteren' });
    await credit.getByLabel('Bedrag creditnota').fill('25,00');
    await credit.getByLabel('Omschrijving').fill('Korting blessure');
    await credit.getByRole('button', { name: 'Creditnota boeken' }).click();
    await invoices.getByText('creditnota').waitFor();
    await page.getByText('2 posten').waitFor();

    await page.getByLabel('Selecteer 2026-0001').check();
    await page.getByLabel('Selecteer 2026-0044').check();
    await page.getByRole('button', { name: 'Samenvoegen' }).click();
    await page.getByText('1 posten').waitFor();
    expect(plain(await page.getByRole('grid').getByRole('rowgroup').getByRole('row').first().textContent())).toContain('€ 125,00');

    await page.getByRole('grid').getByRole('rowgroup').getByRole('row').first().click();
    await page.getByRole('button', { name: 'Opsplitsen' }).click();
    const split = page.getByRole('form', { name: 'Opsplitsen' });
    await split.getByLabel('Eerste vervaldatum').fill('2026-10-01');
    await split.getByRole('button', { name: 'Opsplitsen in 3 termijnen' }).click();
    await page.getByText('3 posten').waitFor();
    const parts = (await page.getByRole('grid').getByRole('rowgroup').getByRole('row').allTextContents()).map(plain);
    expect(parts.map((p) => p.match(/€\s?[\d.,]+/g)?.[1])).toEqual(['€ 41,67', '€ 41,67', '€ 41,66']);
    await page.getByRole('grid').getByRole('rowgroup').getByRole('row').first().click();
    await page.getByRole('button', { name: 'Geschiedenis' }).click();
    await page.getByText(/Deel 1 van 3 uit post/).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: '2001 Tim van den Heuvel' }).waitFor();
    const card = plain(await page.locator('.details').textContent());
    expect(card).toContain('Betalingsregeling');
    expect(card).toContain('€ 150,00');
    expect(plain(await page.locator('.balance-pill').textContent())).toContain('€ 125,00');
    await s.shot('52-verhaal-debiteurkaart');
    expect(s.problems).toEqual([]);
  });
});
