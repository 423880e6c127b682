import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { type Session, withClub } from './harness';

let s: Session;
withClub((session) => {
  s = session;
  for (const name of ['Anouk de Vries', 'Bram Jansen', 'Cas van Dijk']) call(s.server.ctx, 'debtors.create', { name });
});

describe('fee run', () => {
  it('drafts the season fee for every member, blocks one draft, posts the rest', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen' }).click();
    await page.getByText('Nog geen facturatierun').waitFor();
    await page.getByRole('button', { name: '+ Massa factureren' }).click();
    const form = page.getByRole('form', { name: 'Massa factureren' });
    await form.getByLabel('Omschrijving').fill('Contributie 2026-2027');
    await form.getByLabel('Bedrag').fill('150,00');
    await form.getByLabel('Factuurdatum').fill('2026-09-01');
    await s.shot('40-massa-factureren');
    await form.getByRole('button', { name: 'Conceptfacturen maken' }).click();
    await page.getByRole('heading', { name: 'Contributie 2026-2027' }).waitFor();
    await page.getByRole('button', { name: 'Blokkeren Bram Jansen' }).click();
    await page.getByRole('button', { name: /2 facturen boeken/ }).waitFor();
    await s.shot('41-concepten');
    await page.getByRole('button', { name: /2 facturen boeken/ }).click();
    await page.getByText('2 facturen geboekt; 1 geblokkeerde concepten overgeslagen.').waitFor();
    const states = await page.getByRole('table', { name: 'Facturen in deze run' }).locator('tbody tr td:nth-child(5)').allTextContents();
    expect(states).toEqual(['Geboekt als 2026-0001', 'Concept (factuurblokkade)', 'Geboekt als 2026-0002']);
    await s.shot('42-run-geboekt');
    await page.getByRole('navigation').getByRole('link', { name: 'Openstaande posten' }).click();
    await page.getByText('2 posten').waitFor();
    expect(s.problems).toEqual([]);
  });

  it('bills only the members the treasurer picks', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen' }).click();
    await page.getByRole('button', { name: '+ Massa factureren' }).click();
    const form = page.getByRole('form', { name: 'Massa factureren' });
    await form.getByLabel('Omschrijving').fill('Boete bardienst');
    await form.getByLabel('Bedrag').fill('25');
    await form.getByLabel('Factuurdatum').fill('2026-11-01');
    await form.getByLabel('Voor wie').selectOption('selected');
    await form.getByRole('button', { name: 'Conceptfacturen maken' }).click();
    await form.getByText('Kies minstens één debiteur').waitFor();
    const picker = form.getByRole('group', { name: 'Kies de debiteuren' });
    await picker.getByRole('searchbox').fill('Cas');
    await picker.getByLabel(/Cas van Dijk/).check();
    await picker.getByRole('searchbox').fill('Anouk');
    await picker.getByLabel(/Anouk de Vries/).check();
    await picker.getByText('2 gekozen:').waitFor();
    await s.shot('43-massa-factureren-gekozen');
    await form.getByRole('button', { name: 'Conceptfacturen maken' }).click();
    await page.getByRole('heading', { name: 'Boete bardienst' }).waitFor();
    const names = await page.getByRole('table', { name: 'Facturen in deze run' }).locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names).toEqual(['Anouk de Vries', 'Cas van Dijk']);
    expect(s.problems).toEqual([]);
  });
});
