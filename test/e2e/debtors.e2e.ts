import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    await page.getByText('45 debiteuren').waitFor();
    await s.shot('23-debiteuren-na-inlezen');

    await page.getByRole('link', { name: 'Ledenlijst inlezen' }).click();
    await page.getByLabel('Kies een CSV-bestand').setInputFiles(FIXTURE);
    await page.getByText('50 regels: 0 nieuwe debiteuren, 45 bijgewerkt, 5 geweigerd.').waitFor();
    expect(s.problems).toEqual([]);
  });

  it('edits the debtor card, records and revokes a mandate', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Debiteuren', exact: true }).click();
    await page.getByRole('button', { name: '+ Nieuwe debiteur' }).click();
    const create = page.getByRole('form', { name: 'Nieuwe debiteur' });
    await create.getByLabel('Naam').fill('Sem de Graaf');
    await create.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('table tbody tr').filter({ hasText: 'Sem de Graaf' }).click();
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
    const details = await page.locator('dl.details').textContent();
    expect(details).toContain('Automatische incasso');
    expect(details).toContain('NL44 RABO 0123 4567 89');
    expect(details).toContain('P. de Graaf');
    expect(details).toContain('Betalingsregeling');

    await page.getByText('Nog geen machtiging.').waitFor();
    await page.getByRole('button', { name: '+ Machtiging vastleggen' }).click();
    const mandate = page.getByRole('form', { name: 'Machtiging vastleggen' });
    await mandate.getByLabel('Machtigingskenmerk').fill('ZWA 1001');
    await mandate.getByLabel('Ondertekend op').fill('2026-09-01');
    await mandate.getByRole('button', { name: 'Opslaan' }).click();
    await mandate.getByText('Machtigingskenmerk ZWA 1001: alleen letters').waitFor();
    await mandate.getByLabel('Machtigingskenmerk').fill('ZWA-1001');
    await mandate.getByRole('button', { name: 'Opslaan' }).click();
    const table = page.getByRole('table', { name: 'Machtigingen' });
    await table.getByText('ZWA-1001').waitFor();
    expect(await table.locator('tbody tr').first().textContent()).toContain('Actief');
    await s.shot('25-debiteurkaart-machtiging');
    await table.getByRole('button', { name: 'Intrekken' }).click();
    await table.getByText('Ingetrokken').waitFor();
    await page.getByRole('link', { name: '← Terug naar debiteuren' }).click();
    expect(await page.locator('table tbody tr').filter({ hasText: 'Sem de Graaf' }).textContent()).toContain('Betalingsregeling');
    expect(s.problems).toEqual([]);
  });
});
