import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession, SCREENSHOTS, type Session } from './harness';
import { fillFirstRun, setUpClub, submitFirstRun } from './pages/firstRun';

let s: Session;
beforeEach(async () => {
  s = await openSession();
});
afterEach(async () => {
  await s.close();
});

function nav(name: string) {
  return s.page.getByRole('navigation').getByRole('link', { name, exact: true });
}

describe('first run', () => {
  it('refuses a bad IBAN in Dutch at the field, then sets up the club', async () => {
    const { page } = s;
    await page.getByRole('heading', { name: 'Welkom bij Penning' }).waitFor();
    await s.shot('01-eerste-start');
    await fillFirstRun(page, { name: 'Tennisvereniging De Zwaluwen', city: 'Utrecht', creditorId: 'NL51ZZZ405365330000', iban: 'NL91ABNA0417164301' });
    await submitFirstRun(page);
    const error = page.getByRole('alert').filter({ hasText: 'IBAN NL91ABNA0417164301: de controlecijfers kloppen niet' });
    await error.waitFor();
    await s.shot('02-eerste-start-fout-iban');
    expect(await page.getByLabel('IBAN').first().getAttribute('aria-invalid')).toBe('true');
    expect(await s.server.ctx.db.prepare('SELECT COUNT(*) AS n FROM organisation').get()).toEqual({ n: 0 });

    await page.getByLabel('IBAN').first().fill('NL91 ABNA 0417 1643 00');
    await submitFirstRun(page);
    await page.getByRole('heading', { name: 'Overzicht' }).waitFor();
    expect(await page.getByRole('navigation').textContent()).toContain('Tennisvereniging De Zwaluwen');
    await page.getByText('Nog geen debiteuren').waitFor();
    await s.shot('03-overzicht-leeg');
    expect(s.problems).toEqual([]);
  });

  it('creates the demo club from the first-run screen', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'Demo-vereniging aanmaken' }).click();
    await page.getByRole('heading', { name: 'Overzicht' }).waitFor();
    await page.getByText('Tennisvereniging De Zwaluwen').first().waitFor();
    const figure = (name: string) => page.getByRole('region', { name, exact: true }).textContent();
    expect(await figure('Debiteuren')).toBe('Debiteuren300');
    // The demo season leaves most members owing something (fee runs, arrangements, credit balances).
    expect(Number(/(\d+) met een saldo/.exec((await figure('Te ontvangen')) ?? '')?.[1])).toBeGreaterThan(150);
    await page.getByRole('heading', { name: 'Te doen' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, '04-overzicht-demo.png'), fullPage: true });
    // The README's picture is refreshed on request only, so a test run leaves the tree clean.
    if (process.env.UPDATE_README_SCREENSHOT) await page.screenshot({ path: path.resolve(__dirname, '../../resources/screenshots/overzicht.png') });
    await nav('Debiteuren').click();
    await page.getByText('300 debiteuren', { exact: true }).waitFor();
    // the whole list is loaded for sorting and searching; the first 200 rows are drawn
    expect(await page.locator('table tbody tr').count()).toBe(200);
    await page.getByRole('button', { name: 'Meer tonen (200 van 300)' }).waitFor();
    await s.shot('05-debiteuren-demo');
    await page.getByRole('searchbox').fill('van der');
    await page.getByText('300 debiteuren', { exact: true }).waitFor({ state: 'detached' });
    const names = await page.locator('table tbody tr td:nth-child(2)').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('van der'))).toBe(true);
    expect(s.problems).toEqual([]);
  });
});

describe('after set-up', () => {
  beforeEach(async () => {
    await setUpClub(s.page);
  });

  it('creates a debtor, shows it in the list with a grouped IBAN, and refuses a bad IBAN', async () => {
    const { page } = s;
    await nav('Debiteuren').click();
    await page.getByText('Nog geen debiteuren').waitFor();
    await s.shot('06-debiteuren-leeg');
    await page.getByRole('button', { name: 'Nieuwe debiteur' }).click();
    const form = page.getByRole('form', { name: 'Nieuwe debiteur' });
    await form.getByLabel('Naam').fill('Zoë van der Berg');
    await form.getByLabel('IBAN').fill('NL91ABNA0417164301');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('IBAN NL91ABNA0417164301: de controlecijfers kloppen niet').waitFor();
    await s.shot('07-debiteur-fout-iban');
    await form.getByLabel('IBAN').fill('nl20 ingb 0001 2345 67');
    await form.getByLabel('E-mail').fill('zoe@example.nl');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Debiteur 1001 Zoë van der Berg is toegevoegd.').waitFor();
    const row = page.locator('table tbody tr').filter({ hasText: 'Zoë van der Berg' });
    expect(await row.textContent()).toContain('NL20 INGB 0001 2345 67');
    await s.shot('08-debiteuren-lijst');
    await row.click();
    await page.getByRole('heading', { name: '1001 Zoë van der Berg' }).waitFor();
    await page.getByText('Er is nog niets geboekt op deze debiteur.').waitFor();
    await s.shot('09-debiteurkaart');
    expect(s.problems).toEqual([]);
  });

  it('saves settings that survive a reload, and adds a bank account', async () => {
    const { page } = s;
    await nav('Instellingen').click();
    const form = page.getByRole('form', { name: 'Vereniging' });
    await form.getByLabel('Naam').fill('TV De Zwaluwen Utrecht');
    await form.getByLabel('Standaard betalingstermijn (dagen)').fill('30');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').getByText('Opgeslagen').waitFor();
    await s.shot('10-instellingen-vereniging');
    await page.reload();
    await page.getByRole('navigation').getByText('TV De Zwaluwen Utrecht').waitFor();
    expect(await page.getByLabel('Standaard betalingstermijn (dagen)').inputValue()).toBe('30');

    await page.getByRole('tab', { name: 'Bankrekeningen' }).click();
    await page.getByRole('button', { name: 'Bankrekening toevoegen' }).click();
    const bank = page.getByRole('form', { name: 'Bankrekening toevoegen' });
    await bank.getByLabel('Omschrijving').fill('Spaarrekening');
    await bank.getByLabel('IBAN').fill('NL44RABO0123456789');
    await bank.getByLabel('Incasso', { exact: true }).uncheck();
    await bank.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('cell', { name: 'NL44 RABO 0123 4567 89' }).waitFor();
    await s.shot('11-instellingen-bankrekeningen');

    await page.getByRole('tab', { name: 'Rekeningschema' }).click();
    await page.getByRole('cell', { name: 'Incasso onderweg', exact: true }).first().waitFor();
    await s.shot('12-instellingen-rekeningschema');
    await page.getByRole('tab', { name: 'Dagboeken' }).click();
    await page.getByRole('cell', { name: 'Memoriaal' }).first().waitFor();
    await s.shot('13-instellingen-dagboeken');
    expect(s.problems).toEqual([]);
  });

  it('switches to English and back', async () => {
    const { page } = s;
    await page.getByRole('button', { name: 'English' }).click();
    await nav('Debtors').waitFor();
    for (const label of ['Overview', 'Open items', 'Direct debit', 'Bank statements', 'Reminders', 'Refunds', 'Settings']) await nav(label).waitFor();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await s.shot('14-shell-english');
    await page.reload();
    await nav('Debtors').waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await nav('Debiteuren').waitFor();
    expect(s.problems).toEqual([]);
  });

  it('shows an honest empty state on the screens that come later', async () => {
    const { page } = s;
    await nav('Aanmaningen').click();
    await page.getByRole('heading', { name: 'Aanmaningen', level: 1 }).waitFor();
    await page.getByText('Geen aanmaningen', { exact: true }).waitFor();
    await s.shot('15-leeg-aanmaningen');
    // the screens that work say what to do next
    await nav('Bankafschriften').click();
    await page.getByRole('heading', { name: 'Nog geen afschriften', level: 2 }).waitFor();
    await page.getByText('Download een camt.053 of MT940 bij je bank en sleep het hierheen.').waitFor();
    await nav('Terugbetalingen').click();
    await page.getByText('Niemand heeft een tegoed').waitFor();
    await nav('Incasso').click();
    await page.getByText('Nog 1 punt te regelen voor de eerste incasso').waitFor();
    expect(s.problems).toEqual([]);
  });
});
