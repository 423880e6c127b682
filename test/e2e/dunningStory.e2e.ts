import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { simpleParser } from 'mailparser';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, dispatchAsync } from '../../electron/api';
import { addDays, formatDate } from '../../shared/dates';
import { pageCount, pageText } from '../helpers/pdfRead';
import { SCREENSHOTS, type Session, withClub } from './harness';

/**
 * The whole dunning story in real Chromium, as a treasurer lives it: the ladder set up (the
 * Aanmaning level gets an aanmaanboete), earlier months' letters already sent (runs booked through
 * the same API the screen uses), today's run made on the Aanmaningen screen, the print file and an
 * e-mail draft opened, a fee waived on the debtor card, a call and an arrangement from the
 * Belrondje, and the member who ignored every letter handed over to the collection agency; the
 * files read back with poppler, mailparser and csv-parse.
 */
let s: Session;
withClub((session) => (s = session));

const plain = (t: string | null) => (t ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
const bytes = async (d: Download) => fs.readFileSync((await d.path())!);

function club(today: string) {
  const ctx = s.server.ctx;
  const org = call(ctx, 'settings.get', {}).organisation;
  call(ctx, 'settings.update', { organisation: { name: org.name, city: org.city ?? undefined, email: 'penningmeester@zwaluwen.example' } });
  const debtor = (name: string, extra: Record<string, unknown>) => call(ctx, 'debtors.create', { name, street: 'Dorpsstraat 1', postalCode: '3512 AB', city: 'Utrecht', ...extra });
  const invoice = (debtorId: number, cents: number, dueDate: string) => {
    const draft = call(ctx, 'invoices.createDraft', { debtorId, invoiceDate: addDays(dueDate, -14), dueDate, description: 'Contributie 2026-2027', lines: [{ description: 'Contributie 2026-2027', unitPrice: cents }] });
    call(ctx, 'invoices.post', { id: draft.id });
  };
  const anna = debtor('Anna Bakker', { email: 'anna@example.nl' });
  const bob = debtor('Bob Visser', {});
  const dirk = debtor('Dirk Jansen', { phone: '06 11122233' });
  const eva = debtor('Eva de Vries', { phone: '06 44455566' });
  invoice(dirk.id, 20_000, addDays(today, -140));
  invoice(eva.id, 9_000, addDays(today, -54));
  invoice(anna.id, 12_000, addDays(today, -30));
  invoice(bob.id, 8_000, addDays(today, -30));
  return { anna, bob, dirk, eva };
}

/** The letters of the months before, each run for everyone its proposal names (Dirk climbs to Overdracht, Eva to the veertiendagenbrief, Anna and Bob get a Herinnering). */
async function earlierRuns(today: string) {
  for (const back of [126, 112, 98, 75, 40, 26, 16, 12]) {
    const date = addDays(today, -back);
    const debtorIds = call(s.server.ctx, 'dunning.proposal', { date }).debtors.map((d) => d.debtorId);
    const r = await dispatchAsync(s.server.ctx, 'dunning.run', { date, debtorIds });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  }
}

describe('the dunning story', () => {
  it('levels, a run with its print file and e-mail draft, a fee waived, a call and an arrangement, a hand-over', { timeout: 120_000 }, async () => {
    const { page } = s;
    const today = s.server.ctx.today();
    const { anna, dirk, eva } = club(today);

    // 1. the ladder: the Aanmaning gets an aanmaanboete of € 7,50
    await page.getByRole('navigation').getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('tab', { name: 'Aanmaningen' }).click();
    await page.getByRole('button', { name: 'Wijzigen: Aanmaning' }).click();
    const form = page.getByRole('form', { name: 'Wijzigen: Aanmaning' });
    await form.getByLabel('Aanmaankosten').fill('7,50');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Niveau Aanmaning opgeslagen').waitFor();
    await s.shot('verhaal-aanmaningen-01-niveaus');
    await earlierRuns(today);

    // 2. today's run: Anna and Bob reach the Aanmaning (with the fee); Dirk is past the last letter
    await page.getByRole('navigation').getByRole('link', { name: 'Aanmaningen' }).click();
    const proposal = page.getByRole('table', { name: 'Voorgestelde aanmaningen' });
    await proposal.getByText('Anna Bakker').waitFor();
    await proposal.getByText('Bob Visser').waitFor();
    expect(plain(await page.getByRole('table', { name: 'Niet aangemaand, met de reden' }).textContent())).toContain('Dirk Jansen');
    // how each letter goes, beside the name; the whole proposal fits a laptop screen without scrolling sideways
    await proposal.getByRole('row', { name: /Anna Bakker/ }).getByRole('img', { name: 'Per e-mail' }).waitFor();
    await proposal.getByRole('row', { name: /Bob Visser/ }).getByRole('img', { name: 'Per post' }).waitFor();
    expect(await proposal.evaluate((table) => table.scrollWidth <= table.parentElement!.clientWidth)).toBe(true);
    // Eva's unpaid fee of her Aanmaning goes along with her principal's next letter: no letter of its own for € 7,50
    expect(plain(await proposal.textContent())).not.toContain('Eva de Vries');
    await s.shot('verhaal-aanmaningen-02-voorstel');
    await page.getByRole('button', { name: 'Aanmaningen maken (2 brieven)' }).click();
    const ask = page.getByRole('dialog');
    await ask.getByText(`2 brieven met datum ${formatDate(today)}, samen € 215,00`, { exact: false }).waitFor();
    await ask.getByRole('button', { name: 'Aanmaningen maken' }).click();
    await page.getByText(/^2 aanmaningen gemaakt; geboekt: aanmaankosten €\s15,00, incassokosten €\s0,00$/).waitFor();
    const written = page.getByRole('table', { name: 'Geschreven brieven per lid' });
    await written.getByText('Bob Visser').waitFor();
    // the new proposal replaces the old one (a section left behind once the hand-over part shared its key)
    await page.getByRole('region', { name: 'Voorstel' }).getByText('Geen aanmaningen').waitFor();
    expect(await page.getByRole('region', { name: 'Voorstel' }).count()).toBe(1);
    await s.shot('verhaal-aanmaningen-03-brieven');

    // the print file: both letters, a page each
    const [print] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Alles afdrukken (één PDF)' }).click()]);
    const printFile = path.join(SCREENSHOTS, 'verhaal-aanmaningen-afdrukken.pdf');
    fs.writeFileSync(printFile, await bytes(print));
    expect(pageCount(printFile)).toBe(2);
    expect(plain(pageText(printFile, 1) + pageText(printFile, 2))).toMatch(/Anna Bakker.*Bob Visser|Bob Visser.*Anna Bakker/);
    fs.rmSync(printFile);
    // Anna's draft: to her, the letter's subject, the PDF attached
    const [eml] = await Promise.all([page.waitForEvent('download'), written.getByRole('button', { name: 'E-mailconcept' }).click()]);
    const mail = await simpleParser(await bytes(eml));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('anna@example.nl');
    expect(mail.subject).toBe(`Aanmaning van Tennisvereniging De Zwaluwen (lidnummer ${anna.number})`);
    expect(mail.attachments.map((a) => [a.contentType, a.content.subarray(0, 5).toString()])).toEqual([['application/pdf', '%PDF-']]);

    // 3. Anna's fee waived on her card: the invoice cannot be waived (and says why), the fee can
    await page.evaluate(`location.hash = '#/debiteuren/${anna.id}'`);
    const grid = page.getByRole('grid');
    await grid.getByText(/^AK-\d+$/).waitFor();
    const feeDocument = (await grid.getByText(/^AK-\d+$/).textContent())!;
    await page.getByRole('button', { name: `Acties voor ${feeDocument}` }).click();
    await page.getByRole('menuitem', { name: 'Kwijtschelden' }).click();
    const waive = page.getByRole('form', { name: 'Kwijtschelden' });
    await waive.getByLabel('Reden').fill('Eerste keer, netjes gebeld');
    await waive.getByRole('button', { name: 'Kwijtschelden' }).click();
    const sure = page.getByRole('dialog', { name: `Post ${feeDocument} kwijtschelden` });
    expect(plain(await sure.textContent())).toContain(`€ 7,50 aanmaankosten van post ${feeDocument} (Anna Bakker) wordt kwijtgescholden`);
    await page.waitForTimeout(300);
    await s.shot('verhaal-aanmaningen-04-kwijtschelden');
    await sure.getByRole('button', { name: 'Kwijtschelden' }).click();
    await page.getByText(`Post ${feeDocument} kwijtgescholden: € 7,50.`).waitFor();
    expect(call(s.server.ctx, 'debtors.get', { id: anna.id }).balance).toBe(12_000);
    await grid.getByText(/^\d{4}-\d{4}$/).first().click();
    const waiveButton = page.getByRole('button', { name: 'Kwijtschelden' });
    expect(await waiveButton.getAttribute('aria-disabled')).toBe('true');

    // 4. the Belrondje: Eva's Overdracht letter is near; the call, then an arrangement
    await page.getByRole('navigation').getByRole('link', { name: 'Belrondje', exact: true }).click();
    const evaRow = page.locator(`tr[data-debtor="${eva.number}"]`);
    await evaRow.waitFor();
    expect(plain(await evaRow.textContent())).toContain('06 44455566');
    await page.getByRole('button', { name: 'Gesprek vastleggen met Eva de Vries' }).click();
    const callDialog = page.getByRole('dialog', { name: 'Gesprek vastleggen met Eva de Vries' });
    await callDialog.getByLabel('Wat is er besproken of afgesproken').fill('Gebeld: kan niet in één keer betalen');
    await callDialog.getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('Gesprek met Eva de Vries vastgelegd').waitFor();
    await page.getByRole('button', { name: 'Betalingsregeling met Eva de Vries' }).click();
    const arrange = page.getByRole('dialog', { name: 'Betalingsregeling met Eva de Vries' });
    await arrange.getByLabel('Termijnen').fill('3');
    await arrange.getByLabel('Afspraak (toelichting)').fill('Drie maanden, aan de telefoon');
    await arrange.getByRole('button', { name: 'Betalingsregeling' }).click();
    const confirmArrangement = page.getByRole('dialog', { name: 'Betalingsregeling met Eva de Vries vastleggen?' });
    await confirmArrangement.waitFor();
    await page.waitForTimeout(300);
    await s.shot('verhaal-aanmaningen-05-regeling');
    await confirmArrangement.getByRole('button', { name: 'Betalingsregeling' }).click();
    await page.getByText('Betalingsregeling met Eva de Vries in 3 termijnen vastgelegd').waitFor();
    expect(call(s.server.ctx, 'dossier.list', { debtorId: eva.id }).entries.slice(0, 2).map((e) => e.kind).sort()).toEqual(['agreement', 'call']);

    // 5. Dirk ignored every letter: handed over, asked first with the amounts, the files downloaded
    await page.getByRole('navigation').getByRole('link', { name: 'Aanmaningen' }).click();
    const ready = page.getByRole('table', { name: 'Klaar voor overdracht' });
    await ready.getByText('Dirk Jansen').waitFor();
    expect(plain(await ready.textContent())).not.toContain('Eva de Vries');
    await page.getByRole('region', { name: 'Overdragen aan incassobureau' }).scrollIntoViewIfNeeded();
    await s.shot('verhaal-aanmaningen-06-overdracht-lijst');
    const candidate = call(s.server.ctx, 'dunning.handOver.candidates', { date: today })[0]!;
    expect(candidate).toMatchObject({ debtorId: dirk.id, principal: 20_000, fees: 750, costs: 4_000, ready: true });
    await page.getByRole('button', { name: 'Overdragen (1 lid)' }).click();
    const handOver = page.getByRole('dialog', { name: 'Overdragen aan het incassobureau?' });
    expect(plain(await handOver.textContent())).toContain(`${dirk.number} Dirk Jansen wordt op ${formatDate(today)} overgedragen, samen € 247,50 (hoofdsom € 200,00, aanmaan- en incassokosten € 47,50, rente € 0,00)`);
    await page.waitForTimeout(300); // the modal's fade-in, so the picture shows it
    await s.shot('verhaal-aanmaningen-07-overdracht-vraag');
    await handOver.getByRole('button', { name: 'Overdragen' }).click();
    await page.getByText('1 lid overgedragen, samen € 247,50').first().waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Vorderingen (CSV)' }).click()]);
    expect(csv.suggestedFilename()).toBe(`vorderingen-overdracht-${today}.csv`);
    const rows = parse(await bytes(csv), { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.Lidnummer, r.Naam, r.Soort, r.Openstaand])).toEqual([
      [dirk.number, 'Dirk Jansen', 'hoofdsom', '200,00'],
      [dirk.number, 'Dirk Jansen', 'aanmaankosten', '7,50'],
      [dirk.number, 'Dirk Jansen', 'incassokosten', '40,00'],
    ]);
    const [dossierPdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Dossier ${dirk.number} Dirk Jansen (PDF)` }).click()]);
    const dossierFile = path.join(SCREENSHOTS, 'verhaal-aanmaningen-overdrachtsdossier.pdf');
    fs.writeFileSync(dossierFile, await bytes(dossierPdf));
    expect(plain(pageText(dossierFile, 1))).toContain('Totaal € 247,50');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', dossierFile, path.join(SCREENSHOTS, 'verhaal-aanmaningen-09-overdrachtsdossier')]);
    fs.rmSync(dossierFile);
    expect(await page.getByRole('region', { name: 'Niet aangemaand' }).count()).toBe(1);
    await s.shot('verhaal-aanmaningen-08-overgedragen');

    // the card: the status and the hand-over in the dossier
    await page.evaluate(`location.hash = '#/debiteuren/${dirk.id}'`);
    await page.getByRole('table', { name: 'Gegevens' }).getByText('Incassobureau').waitFor();
    await page.getByRole('table', { name: 'Dossier' }).getByText(/Overgedragen aan het incassobureau: € 247,50 \(3 posten\)/).waitFor();
    const handedOver = page.getByRole('status').filter({ hasText: `Overgedragen aan het incassobureau op ${formatDate(today)}` });
    await handedOver.getByText('Overgedragen: € 247,50.', { exact: false }).waitFor();
    const [again] = await Promise.all([page.waitForEvent('download'), handedOver.getByRole('button', { name: `Overdrachtsdossier (overdracht-${dirk.number}.pdf)` }).click()]);
    expect((await bytes(again)).subarray(0, 5).toString()).toBe('%PDF-');
    await s.shot('verhaal-aanmaningen-10-kaart-overgedragen');
    expect(s.problems).toEqual([]);
  });
});
