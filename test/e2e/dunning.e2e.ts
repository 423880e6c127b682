import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { withClub, type Session } from './harness';

/**
 * Aanmaningen in real Chromium: the proposal for today with who is left out and why, deselecting a
 * member, "Aanmaningen maken" asking first and confirming after; Instellingen > Aanmaningen with
 * the levels, a level's letter text refused at its field, the member's dunning profile on the card.
 */
let s: Session;
withClub((session) => (s = session));

function club() {
  const ctx = s.server.ctx;
  const debtor = (name: string, extra: Record<string, unknown> = {}) => call(ctx, 'debtors.create', { name, ...extra }).id;
  const invoice = (debtorId: number, cents: number, dueDate: string) => {
    const draft = call(ctx, 'invoices.createDraft', { debtorId, invoiceDate: '2026-09-01', dueDate, description: 'Contributie 2026-2027', lines: [{ description: 'Contributie 2026-2027', unitPrice: cents }] });
    call(ctx, 'invoices.post', { id: draft.id });
    return call(ctx, 'items.list', { debtorId }).items[0]!.id;
  };
  const anna = debtor('Anna Bakker', { street: 'Dorpsstraat 1', postalCode: '3512 AB', city: 'Utrecht' });
  invoice(anna, 15_000, '2026-10-01');
  const dirk = debtor('Sportschool De Rek BV', { kind: 'business', email: 'info@derek.nl' });
  invoice(dirk, 42_000, '2026-10-15');
  const bob = debtor('Bob Visser');
  call(ctx, 'items.setBlocked', { itemIds: [invoice(bob, 9_000, '2026-10-01')], blocked: true, reason: 'geschil over de factuur' });
  const cas = debtor('Cas Smit');
  invoice(cas, 300, '2026-10-01');
  return { anna, dirk, bob, cas };
}

describe('Aanmaningen', () => {
  it('shows the proposal and the excluded with reasons; makes the letters for the chosen members after asking', async () => {
    const { page } = s;
    const { anna, dirk } = club();
    await page.getByRole('navigation').getByRole('link', { name: 'Aanmaningen' }).click();
    const table = page.getByRole('table', { name: 'Voorgestelde aanmaningen' });
    await table.getByText('Anna Bakker').waitFor();
    await table.getByText('Sportschool De Rek BV').waitFor();
    const excluded = page.getByRole('table', { name: 'Niet aangemaand, met de reden' });
    await excluded.getByText('geblokkeerd voor incasso en aanmaningen').waitFor();
    await excluded.getByText(/^samen minder dan het minimum \(€\s5,00\)$/).waitFor();
    await s.shot('dunning-01-voorstel');
    // Dirk is deselected: only Anna's letter is made
    await page.getByRole('checkbox', { name: 'Meenemen: Sportschool De Rek BV' }).click();
    await page.getByRole('button', { name: 'Aanmaningen maken (1 brief)' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/1 brief met datum \d\d-\d\d-\d{4}, samen €\s150,00/).waitFor();
    await s.shot('dunning-02-vraag');
    await dialog.getByRole('button', { name: 'Aanmaningen maken' }).click();
    await page.getByText(/^1 aanmaning gemaakt; geboekt: aanmaankosten €\s0,00, incassokosten €\s0,00$/).waitFor();
    await table.getByText('Sportschool De Rek BV').waitFor();
    await table.getByText('Anna Bakker').waitFor({ state: 'detached' });
    // the next proposal starts with everyone chosen again
    await page.getByRole('button', { name: 'Aanmaningen maken (1 brief)' }).waitFor();
    // the letters written: Anna's PDF and the print file download; she has no e-mail, so no draft
    const written = page.getByRole('table', { name: 'Geschreven brieven per lid' });
    await written.getByText('Anna Bakker').waitFor();
    await written.getByText('geen e-mailadres: per post').waitFor();
    await s.shot('dunning-03-gemaakt');
    const [pdf] = await Promise.all([page.waitForEvent('download'), written.getByRole('button', { name: 'Brief (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^herinnering-.+\.pdf$/);
    expect(fs.readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const [print] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Alles afdrukken (één PDF)' }).click()]);
    expect(print.suggestedFilename()).toMatch(/^aanmaningen-\d{4}-\d{2}-\d{2}-run-1\.pdf$/);
    const letters = s.server.ctx.db.prepare('SELECT debtor_id AS debtorId FROM dunning_letters').all();
    expect(letters).toEqual([{ debtorId: anna }]);
    // with the club's e-mail address set, Dirk (who has one) also gets a draft to open in the mail program
    const org = call(s.server.ctx, 'settings.get', {}).organisation;
    call(s.server.ctx, 'settings.update', { organisation: { name: org.name, city: org.city ?? undefined, email: 'penningmeester@zwaluwen.example' } });
    await page.getByRole('button', { name: 'Aanmaningen maken (1 brief)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Aanmaningen maken' }).click();
    await written.getByText('Sportschool De Rek BV').waitFor();
    const [eml] = await Promise.all([page.waitForEvent('download'), written.getByRole('button', { name: 'E-mailconcept' }).click()]);
    expect(eml.suggestedFilename()).toMatch(/\.eml$/);
    const draft = fs.readFileSync((await eml.path())!, 'utf8');
    expect(draft).toMatch(/^X-Unsent: 1\r$/m);
    expect(draft).toMatch(/^To: .*info@derek\.nl/m);
    await s.shot('dunning-03b-concept');
    expect(call(s.server.ctx, 'debtors.get', { id: anna }).statusName).toBe('Herinnering');
    expect(call(s.server.ctx, 'debtors.get', { id: dirk }).statusName).toBe('Herinnering');
    expect(s.problems).toEqual([]);
  });

  it('Instellingen > Aanmaningen: the ladder, a level edited, an unknown placeholder refused at its field; the profile on the card', async () => {
    const { page } = s;
    const { anna } = club();
    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Aanmaningen' }).click();
    const levels = page.getByRole('table', { name: 'Aanmaanniveaus' });
    await levels.getByText('Veertiendagenbrief', { exact: true }).waitFor();
    await levels.getByText('Aankondigen (veertiendagenbrief)').waitFor();
    await s.shot('dunning-04-instellingen');
    await page.getByRole('button', { name: 'Wijzigen: Aanmaning' }).click();
    const form = page.getByRole('form', { name: 'Wijzigen: Aanmaning' });
    await form.getByLabel('Aanmaankosten').fill('7,50');
    await form.getByLabel(/Brieftekst Nederlands/).fill('Beste {voornaam}, u bent {bedrag} verschuldigd.');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText(/onbekende invulplek/).waitFor();
    await s.shot('dunning-05-invulplek');
    expect(call(s.server.ctx, 'dunning.levels.list', {}).find((l) => l.name === 'Aanmaning')!.fee).toBeNull();
    await form.getByLabel(/Brieftekst Nederlands/).fill('Beste {naam}, u bent {bedrag} verschuldigd.');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Niveau Aanmaning opgeslagen').waitFor();
    expect(call(s.server.ctx, 'dunning.levels.list', {}).find((l) => l.name === 'Aanmaning')!.fee).toBe(750);
    // the member's profile on the debtor card
    await page.goto(`${s.server.url.split('#')[0]}#/debiteuren/${anna}`);
    await page.getByRole('button', { name: 'Gegevens wijzigen' }).click();
    await page.getByLabel('Aanmanen').selectOption('gentle');
    await page.getByRole('form').getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Mild (later)').first().waitFor();
    expect(call(s.server.ctx, 'debtors.get', { id: anna }).dunningProfile).toBe('gentle');
    await s.shot('dunning-06-kaart');
    expect(s.problems).toEqual([]);
  });
});
