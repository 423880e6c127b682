import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { withClub, type Session } from './harness';

/**
 * The settings forms refuse a wrong form with EVERY problem at its field at once (the contract's
 * own zod schema), put the focus on the first one, and write nothing.
 */
let s: Session;
withClub((session) => (s = session));

const wrapperOf = (form: Locator, label: string | RegExp) => form.locator('.mantine-InputWrapper-root').filter({ has: s.page.getByLabel(label, { exact: typeof label === 'string' }) });
const errorAt = (form: Locator, label: string | RegExp) => wrapperOf(form, label).locator('.mantine-InputWrapper-error');
async function errorsShown(form: Locator): Promise<number> {
  return form.locator('.mantine-InputWrapper-error').count();
}
async function focusedName(page: Page): Promise<string | null> {
  return page.evaluate('document.activeElement && (document.activeElement.getAttribute("data-field") || document.activeElement.getAttribute("name"))') as Promise<string | null>;
}
async function settings(tab: string): Promise<Page> {
  const { page } = s;
  await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
  await page.getByRole('tab', { name: tab }).click();
  return page;
}

describe('settings forms show every field error at once', () => {
  it('Vereniging: name, e-mail, creditor id and payment term together; focus on the name; nothing saved', async () => {
    const page = await settings('Vereniging');
    const form = page.getByRole('form', { name: 'Vereniging' });
    await form.getByLabel('Naam', { exact: false }).first().fill('');
    await form.getByLabel('E-mail').fill('penningmeester@');
    await form.getByLabel('Incassant-ID').fill('NL00ZZZ123');
    await form.getByLabel('Standaard betalingstermijn (dagen)').fill('');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await errorAt(form, /^Naam/).waitFor();
    expect(await errorAt(form, /^Naam/).innerText()).toBe('verplicht');
    expect(await errorAt(form, 'E-mail').innerText()).toBe('geen geldig e-mailadres');
    expect(await errorAt(form, 'Incassant-ID').innerText()).not.toBe('');
    expect(await errorAt(form, /Standaard betalingstermijn/).innerText()).not.toBe('');
    expect(await errorsShown(form)).toBe(4);
    expect(await focusedName(page)).toBe('organisation.name');
    // typing in a field forgets only that field's message
    await form.getByLabel('E-mail').fill('pm@zwaluwen.nl');
    expect(await errorsShown(form)).toBe(3);
    expect(call(s.server.ctx, 'settings.get', {}).organisation.name).toBe('Tennisvereniging De Zwaluwen');
    expect(s.problems).toEqual([]);
  });

  it('Incasso: lead time, maximum, discount and pre-notification together; focus on the lead time', async () => {
    const page = await settings('Incasso');
    const form = page.getByRole('form', { name: 'Incasso' });
    const before = call(s.server.ctx, 'settings.get', {}).collection;
    await form.getByLabel(/Aanlevertijd/).fill('30');
    await form.getByLabel('Maximum per incasso').fill('12,3,4');
    await form.getByLabel('Incassokorting voor iedereen').fill('2,5 procent');
    await form.getByLabel(/Vooraankondiging/).fill('');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await errorAt(form, /Aanlevertijd/).waitFor();
    expect(await errorAt(form, /Aanlevertijd/).innerText()).toBe('mag hoogstens 14 zijn');
    expect(await errorAt(form, 'Maximum per incasso').innerText()).not.toBe('');
    expect(await errorAt(form, 'Incassokorting voor iedereen').innerText()).toContain('2,5 procent');
    expect(await errorAt(form, /Vooraankondiging/).innerText()).toBe('verplicht');
    expect(await errorsShown(form)).toBe(4);
    expect(await focusedName(page)).toBe('collection.leadDays');
    expect(call(s.server.ctx, 'settings.get', {}).collection).toEqual(before);
  });

  it('Bankrekeningen, Rekeningschema, Dagboeken: each new row refuses all its mistakes at once', async () => {
    let page = await settings('Bankrekeningen');
    await page.getByRole('button', { name: 'Bankrekening toevoegen' }).click();
    const bank = page.getByRole('form', { name: 'Bankrekening toevoegen' });
    await bank.getByLabel(/^IBAN/).fill('NL00 RABO 0000');
    await bank.getByLabel(/Max. transacties/).fill('0');
    await bank.getByRole('button', { name: 'Opslaan' }).click();
    await errorAt(bank, /^Omschrijving/).waitFor();
    expect(await errorAt(bank, /^Omschrijving/).innerText()).toBe('verplicht');
    expect(await errorAt(bank, /^IBAN/).innerText()).not.toBe('');
    expect(await errorAt(bank, /Max. transacties/).innerText()).toBe('moet minstens 1 zijn');
    expect(await focusedName(page)).toBe('name');

    page = await settings('Rekeningschema');
    await page.getByRole('button', { name: 'Grootboekrekening toevoegen' }).click();
    const account = page.getByRole('form', { name: 'Grootboekrekening toevoegen' });
    await account.getByLabel(/^Code/).fill('12 34');
    await account.getByRole('button', { name: 'Opslaan' }).click();
    await errorAt(account, /^Naam/).waitFor();
    expect(await errorAt(account, /^Code/).innerText()).toBe('alleen cijfers, letters, punt en streepje');
    expect(await errorAt(account, /^Naam/).innerText()).toBe('verplicht');
    expect(await focusedName(page)).toBe('code');

    page = await settings('Dagboeken');
    await page.getByRole('button', { name: 'Dagboek toevoegen' }).click();
    const journal = page.getByRole('form', { name: 'Dagboek toevoegen' });
    await journal.getByRole('button', { name: 'Opslaan' }).click();
    await errorAt(journal, /^Naam/).waitFor();
    expect(await errorAt(journal, /^Code/).innerText()).toBe('verplicht');
    expect(await errorsShown(journal)).toBe(2);
    expect(await focusedName(page)).toBe('code');
    await s.shot('instellingen-dagboek-fouten');
    expect(s.problems).toEqual([]);
  });

  it('Reservekopieën: keep 0 is refused at its field', async () => {
    const { page } = s;
    await page.goto(`${s.server.url.split('#')[0]}#/reservekopieen`);
    const keep = page.getByLabel('Aantal reservekopieën bewaren');
    await keep.fill('0');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    const error = page.locator('.mantine-InputWrapper-root').filter({ has: keep }).locator('.mantine-InputWrapper-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('moet minstens 1 zijn');
    expect(await focusedName(page)).toBe('keep');
  });
});
