import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { type Session, withClub } from './harness';

let s: Session;
withClub((session) => {
  s = session;
});

const FIXTURE = path.resolve(__dirname, '../fixtures/leden-50.csv');

describe('debtors and mandates', () => {
  it('imports a member list of 50 with five bad rows, shows why each was refused, and updates on a re-import', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Debiteuren', exact: true }).click();
    await page.getByRole('link', { name: 'Ledenlijst inlezen' }).click();
    await page.getByRole('heading', { name: 'Ledenlijst inlezen' }).waitFor();
    await s.shot('20-inlezen-leeg');
    await page.getByLabel('Kies een CSV-bestand').setInputFiles(FIXTURE);
    await page.getByText('50 regels: 45 nieuwe debiteuren, 0 bijgewerkt, 5 geweigerd.').waitFor();
    expect(await page.getByLabel('IBAN', { exact: true }).locator('option:checked').textContent()).toBe('IBAN');
    expect(await page.getByLabel('Machtigingskenmerk').locator('option:checked').textContent()).toBe('Machtigingskenmerk');
    const refused = page.getByRole('table', { name: 'Geweigerde regels' });
    const rows = await refused.locator('tbody tr').allTextContents();
    expect(rows).toEqual([
      '8IBANIBAN NL91ABNA0417164301: de controlecijfers kloppen niet',
      '15Achternaamis verplicht',
      '23Lidnummerlidnummer 2021 staat ook op regel 22',
      "32MachtigingskenmerkMachtigingskenmerk ZWA 2031: alleen letters, cijfers en / - ? : ( ) . , ' + (geen spaties of accenten)",
      '44E-mailadresgeen geldig e-mailadres',
    ]);
    await s.shot('21-inlezen-voorbeeld');
    await page.getByRole('button', { name: '45 regels inlezen' }).click();
    await page.getByText('Klaar: 45 nieuwe debiteuren, 0 bijgewerkt, 33 machtigingen vastgelegd, 5 regels geweigerd.').waitFor();
    await s.shot('22-inlezen-klaar');
    await page.getByRole('button', { name: 'Naar de debiteuren' }).click();
    await page.getByText('45 debiteuren', { exact: true }).waitFor();
    await s.shot('23-debiteuren-na-inlezen');

    await page.getByRole('link', { name: 'Ledenlijst inlezen' }).click();
    await page.getByLabel('Kies een CSV-bestand').setInputFiles(FIXTURE);
    await page.getByText('50 regels: 0 nieuwe debiteuren, 45 bijgewerkt, 5 geweigerd.').waitFor();
    expect(s.problems).toEqual([]);
  });

  it('edits the debtor card, records and revokes a mandate', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Debiteuren', exact: true }).click();
    await page.getByRole('button', { name: 'Nieuwe debiteur' }).click();
    const create = page.getByRole('form', { name: 'Nieuwe debiteur' });
    await create.getByLabel('Naam').fill('Sem de Graaf');
    await create.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('table', { name: 'Debiteuren' }).getByRole('row').filter({ hasText: 'Sem de Graaf' }).click();
    await page.getByRole('heading', { name: '1001 Sem de Graaf' }).waitFor();

    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Gegevens wijzigen' });
    await form.getByLabel('Betaalwijze').selectOption('direct_debit');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Voor automatische incasso is een IBAN nodig').waitFor();
    await s.shot('24-debiteur-incasso-zonder-iban');
    await form.getByLabel('IBAN').fill('NL44 RABO 0123 4567 89');
    await form.getByLabel('Tenaamstelling rekening').fill('P. de Graaf');
    await form.getByLabel('Status').selectOption({ label: 'Betalingsregeling' });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Gegevens opgeslagen').waitFor();
    const details = await page.getByRole('table', { name: 'Gegevens' }).textContent();
    expect(details).toContain('Automatische incasso');
    expect(details).toContain('NL44 RABO 0123 4567 89');
    expect(details).toContain('P. de Graaf');
    expect(details).toContain('Betalingsregeling');

    await page.getByText('Nog geen machtiging.').waitFor();
    await page.getByRole('button', { name: 'Machtiging vastleggen' }).click();
    const mandate = page.getByRole('form', { name: 'Machtiging vastleggen' });
    await mandate.getByLabel('Machtigingskenmerk').fill('ZWA 1001');
    await mandate.getByLabel('Ondertekend op').fill('1-9-2026');
    await mandate.getByRole('button', { name: 'Opslaan' }).click();
    await mandate.getByText('Machtigingskenmerk ZWA 1001: alleen letters').waitFor();
    await mandate.getByLabel('Machtigingskenmerk').fill('ZWA-1001');
    await mandate.getByRole('button', { name: 'Opslaan' }).click();
    const table = page.getByRole('table', { name: 'Machtigingen' });
    await table.getByText('ZWA-1001').waitFor();
    expect(await table.locator('tbody tr').first().textContent()).toContain('Actief');
    await s.shot('25-debiteurkaart-machtiging');
    await table.getByRole('button', { name: 'Intrekken ZWA-1001' }).click();
    const ask = page.getByRole('dialog', { name: 'Machtiging ZWA-1001 intrekken?' });
    await ask.getByText('Dit kan niet ongedaan worden gemaakt.').waitFor();
    await ask.getByRole('button', { name: 'Intrekken' }).click();
    await table.getByText('Ingetrokken').waitFor();
    await page.getByText('Machtiging ZWA-1001 is ingetrokken.').waitFor();
    await page.getByRole('link', { name: 'Terug naar debiteuren' }).click();
    expect(await page.getByRole('table', { name: 'Debiteuren' }).getByRole('row').filter({ hasText: 'Sem de Graaf' }).textContent()).toContain('Betalingsregeling');
    expect(s.problems).toEqual([]);
  });

  it('shows every field error of the debtor card at once and focuses the first', async () => {
    const { page } = s;
    const d = call(s.server.ctx, 'debtors.create', { name: 'Fenna Bakker' });
    await page.goto(`${s.server.url.split('?')[0]}#/debiteuren/${d.id}`);
    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    const form = page.getByRole('form', { name: 'Gegevens wijzigen' });
    await form.getByRole('textbox', { name: 'Naam', exact: true }).fill('');
    await form.getByLabel('E-mail').fill('fenna@');
    await form.getByLabel('IBAN').fill('NL00 ABNA 0000 0000 00');
    await form.getByLabel('Contributie', { exact: true }).fill('12,5x');
    // leave the field first: its own message appears on blur and moves the button down
    await form.getByLabel('Contributie', { exact: true }).press('Tab');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('verplicht').waitFor();
    await form.getByText('geen geldig e-mailadres').waitFor();
    await form.getByText(/IBAN NL00/).waitFor();
    await form.getByText('Bedrag "12,5x": schrijf het als 1.234,56').waitFor();
    expect(await form.getByRole('textbox', { name: 'Naam', exact: true }).evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
    await s.shot('26-debiteur-alle-fouten');
    expect((await call(s.server.ctx, 'debtors.get', { id: d.id })).name).toBe('Fenna Bakker');
    expect(s.problems).toEqual([]);
  });

  it('sorts the list by every column, finds members by number prefix, and keeps long names on one line', async () => {
    const { page } = s;
    const long = 'Maximiliaan Johannes Theodorus van der Meer-Oudshoorn de Bruijn';
    call(s.server.ctx, 'debtors.create', { number: '2001', name: 'Bas Mulder' });
    call(s.server.ctx, 'debtors.create', { number: '2010', name: long, iban: 'NL91 ABNA 0417 1643 00' });
    call(s.server.ctx, 'debtors.create', { number: '310', name: 'Anna Zwart' });
    call(s.server.ctx, 'debtors.create', { number: '1200', name: 'Chris de Wit' });
    await page.getByRole('navigation').getByRole('link', { name: 'Debiteuren', exact: true }).click();
    const table = page.getByRole('table', { name: 'Debiteuren' });
    const column = async (n: number) => table.locator(`tbody tr td:nth-child(${n})`).allTextContents();
    await table.getByText('Bas Mulder').waitFor();
    expect(await column(1)).toEqual(['310', '1200', '2001', '2010']);
    await table.getByRole('button', { name: 'Naam' }).click();
    expect(await column(2)).toEqual(['Anna Zwart', 'Bas Mulder', 'Chris de Wit', long]);
    expect(await table.getByRole('columnheader', { name: 'Naam' }).getAttribute('aria-sort')).toBe('ascending');
    await table.getByRole('button', { name: 'Naam' }).click();
    expect(await column(2)).toEqual([long, 'Chris de Wit', 'Bas Mulder', 'Anna Zwart']);
    await table.getByRole('button', { name: 'Nummer' }).click();
    expect(await column(1)).toEqual(['310', '1200', '2001', '2010']);
    await table.getByRole('button', { name: 'IBAN' }).click();
    expect((await column(2))[0]).toBe(long);
    // the long name stays on one line, cut off, with the whole name on hover
    const nameCell = table.getByTitle(long);
    const box = await nameCell.boundingBox();
    expect(box!.height).toBeLessThan(30);
    expect(await nameCell.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    // headers never clip
    const clipped = await table.locator('thead th').evaluateAll((ths) => ths.filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => `${th.textContent}: ${th.scrollWidth} > ${th.clientWidth}`));
    expect(clipped).toEqual([]);
    await s.shot('27-debiteuren-gesorteerd');

    await page.getByRole('searchbox').fill('20');
    await page.getByText('2 van 4 debiteuren gevonden').waitFor();
    // still in IBAN order: the member without an IBAN last
    expect(await column(1)).toEqual(['2010', '2001']);
    await page.getByRole('searchbox').fill('zwart');
    await page.getByText('1 van 4 debiteuren gevonden').waitFor();
    await table.getByRole('link', { name: 'Anna Zwart openen' }).click();
    await page.getByRole('heading', { name: '310 Anna Zwart' }).waitFor();
    expect(s.problems).toEqual([]);
  });
});
