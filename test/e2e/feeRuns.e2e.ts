import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { type Session, withClub } from './harness';

let s: Session;
withClub((session) => {
  s = session;
  for (const [name, tags] of [['Anouk de Vries', ['Jeugd']], ['Bram Jansen', []], ['Cas van Dijk', ['Jeugd']]] as const) call(s.server.ctx, 'debtors.create', { name, tags: [...tags] });
});

describe('fee run', () => {
  it('drafts the season fee for every member, blocks one draft, posts the rest', async () => {
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Facturen' }).click();
    await page.getByText('Nog geen facturatierun').waitFor();
    await page.getByRole('button', { name: 'Massa factureren' }).click();
    const form = page.getByRole('form', { name: 'Massa factureren' });
    await form.getByRole('button', { name: 'Conceptfacturen maken' }).click();
    // every problem at once, the first field focused, nothing written
    await form.getByText('verplicht').first().waitFor();
    expect(await form.getByText('verplicht').count()).toBe(3);
    expect(await form.getByRole('textbox', { name: 'Omschrijving' }).evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
    await form.getByLabel('Omschrijving').fill('Contributie 2026-2027');
    await form.getByLabel('Bedrag').fill('150,-');
    await form.getByLabel('Factuurdatum').fill('31-02-2026');
    await form.getByLabel('Factuurdatum').press('Tab');
    await form.getByText('bestaat niet').waitFor();
    await form.getByLabel('Factuurdatum').fill('1-9-2026');
    await form.getByLabel('Factuurdatum').press('Tab');
    await s.shot('40-massa-factureren');
    await form.getByRole('button', { name: 'Conceptfacturen maken' }).click();
    await page.getByRole('heading', { name: 'Contributie 2026-2027' }).waitFor();
    await page.getByRole('button', { name: 'Blokkeren Bram Jansen' }).click();
    await page.getByRole('button', { name: /2 facturen boeken/ }).waitFor();
    await s.shot('41-concepten');
    await page.getByRole('button', { name: /2 facturen boeken/ }).click();
    const ask = page.getByRole('dialog', { name: 'Facturen van deze run boeken?' });
    await ask.getByText(/2 conceptfacturen, samen €\s300,00, worden geboekt/).waitFor();
    await ask.getByText('per factuur met een creditnota').waitFor();
    await s.shot('41b-run-boeken-vraag');
    await ask.getByRole('button', { name: /2 facturen boeken/ }).click();
    await page.getByText('2 facturen geboekt. 1 geblokkeerd concept overgeslagen.').waitFor();
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
    await page.getByRole('button', { name: 'Massa factureren' }).click();
    const form = page.getByRole('form', { name: 'Massa factureren' });
    await form.getByLabel('Omschrijving').fill('Boete bardienst');
    await form.getByLabel('Bedrag').fill('25');
    await form.getByLabel('Factuurdatum').fill('1 nov 2026');
    await form.getByLabel('Factuurdatum').press('Tab');
    await form.getByLabel('Voor wie').selectOption('selected');
    await form.getByRole('button', { name: 'Conceptfacturen maken' }).click();
    await form.getByText('Kies minstens één debiteur').waitFor();
    const picker = form.getByRole('group', { name: 'Kies de debiteuren' });
    // by group: every member shown at once
    await picker.getByLabel('Groep').selectOption('Jeugd');
    await picker.getByRole('button', { name: 'Alle 2 getoonde kiezen' }).click();
    await picker.getByText('2 debiteuren gekozen').waitFor();
    // by search: the choice survives a change of filter
    await picker.getByLabel('Groep').selectOption('');
    await picker.getByRole('searchbox').fill('Bram');
    await picker.getByLabel(/Bram Jansen/).check();
    await picker.getByText('3 debiteuren gekozen').waitFor();
    await picker.getByLabel(/Bram Jansen/).uncheck();
    await picker.getByRole('searchbox').fill('');
    await picker.getByText('2 debiteuren gekozen').waitFor();
    expect(await picker.getByLabel(/Anouk de Vries/).isChecked()).toBe(true);
    expect(await picker.getByLabel(/Bram Jansen/).isChecked()).toBe(false);
    await s.shot('43-massa-factureren-gekozen');
    await form.getByRole('button', { name: 'Conceptfacturen maken' }).click();
    await page.getByRole('heading', { name: 'Boete bardienst' }).waitFor();
    const names = await page.getByRole('table', { name: 'Facturen in deze run' }).locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names).toEqual(['Anouk de Vries', 'Cas van Dijk']);
    expect(s.problems).toEqual([]);
  });
});
