import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { addDays } from '../../shared/dates';
import { type Session, withClub } from './harness';
import { dropFiles } from './pages/dropFiles';

let s: Session;
withClub((session) => {
  s = session;
});

const plain = (t: string | null) => (t ?? '').replace(/\u00a0/g, ' ');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/**
 * Two members to call: Anna, whose next letter hands her over to the collection agency in four days
 * (the levels and her last letter as the dunning run leaves them), and Bob, whom the treasurer
 * promised to call back today.
 */
function seed() {
  const ctx = s.server.ctx;
  const today = ctx.today();
  const db = ctx.db;
  const post = (debtorId: number, cents: number, dueDate: string) =>
    call(ctx, 'invoices.post', { id: call(ctx, 'invoices.createDraft', { debtorId, invoiceDate: '2026-09-01', dueDate, description: 'Contributie 2026-2027', lines: [{ description: 'Contributie', unitPrice: cents }] }).id });
  const anna = call(ctx, 'debtors.create', { name: 'Anna Bakker', phone: '06 12345678' });
  const bob = call(ctx, 'debtors.create', { name: 'Bob Visser', phone: '030 2345678' });
  const cas = call(ctx, 'debtors.create', { name: 'Cas Smit' });
  post(anna.id, 15_000, addDays(today, -60));
  post(bob.id, 4_500, addDays(today, 20));
  post(cas.id, 9_000, addDays(today, -60));
  // a ladder of the test's own in place of the default levels
  db.prepare('DELETE FROM dunning_levels').run();
  const level = (position: number, name: string, handOver = 0) =>
    Number(db.prepare("INSERT INTO dunning_levels (position, name, days_after, text_nl, text_en, hand_over) VALUES (?, ?, 14, 'Tekst', 'Text', ?)").run(position, name, handOver).lastInsertRowid);
  level(1, 'Herinnering');
  const second = level(2, 'Aanmaning');
  level(3, 'Overdracht', 1);
  const run = Number(db.prepare('INSERT INTO dunning_runs (run_date, letters, fees, costs) VALUES (?, 1, 0, 0)').run(addDays(today, -10)).lastInsertRowid);
  db.prepare("INSERT INTO dunning_letters (run_id, debtor_id, level_id, date, language, principal, fees, costs, total, payment_reference, delivery) VALUES (?, ?, ?, ?, 'nl', 15000, 0, 0, 15000, 'RF18', 'print')").run(run, anna.id, second, addDays(today, -10));
  const letter = db.prepare("INSERT INTO dunning_letters (run_id, debtor_id, level_id, date, language, principal, fees, costs, total, payment_reference, delivery) VALUES (?, ?, ?, ?, 'nl', ?, 0, 0, ?, 'RF18', 'print')");
  letter.run(run, cas.id, second, addDays(today, -12), 9_000, 9_000);
  db.prepare('UPDATE open_items SET dunning_level_id = ?, dunned_on = ? WHERE debtor_id = ?').run(second, addDays(today, -10), anna.id);
  db.prepare('UPDATE open_items SET dunning_level_id = ?, dunned_on = ? WHERE debtor_id = ?').run(second, addDays(today, -12), cas.id);
  call(ctx, 'dossier.add', { debtorId: bob.id, kind: 'call', date: addDays(today, -7), text: 'Terugbellen na de vakantie', followUpOn: today });
  return { anna, bob, cas, today };
}

describe('Belrondje', () => {
  it('records a call that closes the follow-up, moves a due date, makes an arrangement, and the dossier on the card shows both with an attachment', { timeout: 240_000 }, async () => {
    const { anna, bob, cas, today } = seed();
    const { page } = s;
    await page.getByRole('navigation').getByRole('link', { name: 'Belrondje', exact: true }).click();
    await page.getByRole('heading', { name: 'Belrondje', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Belrondje' });
    await table.waitFor();
    const annaRow = page.locator(`tr[data-debtor="${anna.number}"]`);
    const bobRow = page.locator(`tr[data-debtor="${bob.number}"]`);
    expect(plain(await bobRow.textContent())).toContain('Terugbellen na de vakantie');
    const annaText = plain(await annaRow.textContent());
    expect(annaText).toContain('06 12345678');
    expect(annaText).toContain('€ 150,00');
    expect(annaText).toMatch(/Overdracht aan incassobureau op \d{2}-\d{2}-\d{4}/);
    expect(annaText).toContain('Aanmaning verstuurd per post');
    await s.shot('belrondje-1-lijst');

    // the call with Bob: recorded, the follow-up closed, so he leaves the list
    await page.getByRole('button', { name: 'Gesprek vastleggen met Bob Visser' }).click();
    const callDialog = page.getByRole('dialog', { name: 'Gesprek vastleggen met Bob Visser' });
    await callDialog.waitFor();
    await callDialog.getByRole('button', { name: 'Vastleggen' }).click();
    await callDialog.getByText('verplicht').waitFor();
    await callDialog.getByLabel('Wat is er besproken of afgesproken').fill('Gebeld: betaalt bij de volgende incasso');
    expect(await callDialog.getByLabel('Hiermee is de terugbelafspraak afgehandeld').isChecked()).toBe(true);
    await s.shot('belrondje-2-gesprek');
    await callDialog.getByRole('button', { name: 'Vastleggen' }).click();
    await callDialog.waitFor({ state: 'detached' });
    await page.getByText('Gesprek met Bob Visser vastgelegd').waitFor();
    await bobRow.waitFor({ state: 'detached' });
    expect(call(s.server.ctx, 'dossier.list', { debtorId: bob.id }).entries.map((e) => [e.kind, e.text.nl, e.followUpDone])).toEqual([
      ['call', 'Gebeld: betaalt bij de volgende incasso', false],
      ['call', 'Terugbellen na de vakantie', true],
    ]);

    // Cas has a good reason: the due date moves, asked first and confirmed after, and the hand-over waits
    const casRow = page.locator(`tr[data-debtor="${cas.number}"]`);
    expect(plain(await casRow.textContent())).toContain('geen nummer');
    await page.getByRole('button', { name: 'Vervaldatum verschuiven voor Cas Smit' }).click();
    const move = page.getByRole('dialog', { name: 'Vervaldatum verschuiven voor Cas Smit' });
    await move.waitFor();
    const newDue = addDays(today, 30);
    const dmy = `${newDue.slice(8, 10)}-${newDue.slice(5, 7)}-${newDue.slice(0, 4)}`;
    await move.getByLabel('Nieuwe vervaldatum').fill(dmy);
    await move.getByLabel('Nieuwe vervaldatum').blur();
    await move.getByRole('button', { name: 'Vervaldatum verschuiven' }).click();
    await move.getByText('verplicht').waitFor();
    await move.getByLabel('Reden').fill('Wacht op de zorgtoeslag');
    await move.getByRole('button', { name: 'Vervaldatum verschuiven' }).click();
    const sure = page.getByRole('dialog', { name: /^Vervaldatum van .+ verschuiven\?$/ });
    await sure.waitFor();
    expect(plain(await sure.textContent())).toContain(`van Cas Smit (€ 90,00) vervalt dan op ${dmy}`);
    await s.shot('belrondje-3a-vervaldatum-bevestigen');
    await sure.getByRole('button', { name: 'Vervaldatum verschuiven' }).click();
    await page.getByText(`is nu ${dmy}`, { exact: false }).waitFor();
    await casRow.waitFor({ state: 'detached' });
    expect(call(s.server.ctx, 'items.list', { debtorId: cas.id }).items[0]!.dueDate).toBe(newDue);
    expect(call(s.server.ctx, 'dossier.list', { debtorId: cas.id }).entries[0]!.text.nl).toMatch(new RegExp(`^Vervaldatum .+ verschoven van \\d{2}-\\d{2}-\\d{4} naar ${dmy}: Wacht op de zorgtoeslag$`));

    // the arrangement with Anna: asked first, confirmed after
    await page.getByRole('button', { name: 'Betalingsregeling met Anna Bakker' }).click();
    const form = page.getByRole('dialog', { name: 'Betalingsregeling met Anna Bakker' });
    await form.waitFor();
    await form.getByLabel('Termijnen').fill('3');
    await form.getByLabel('Afspraak (toelichting)').fill('Aan de telefoon afgesproken');
    await form.getByText('Termijnen: € 50,00 · € 50,00 · € 50,00').waitFor();
    await s.shot('belrondje-3-regeling');
    await form.getByRole('button', { name: 'Betalingsregeling' }).click();
    const confirm = page.getByRole('dialog', { name: 'Betalingsregeling met Anna Bakker vastleggen?' });
    await confirm.waitFor();
    expect(plain(await confirm.textContent())).toContain('€ 150,00 wordt verdeeld over 3 termijnen (€ 50,00, € 50,00, € 50,00)');
    await s.shot('belrondje-4-bevestigen');
    await confirm.getByRole('button', { name: 'Betalingsregeling' }).click();
    await page.getByText('Betalingsregeling met Anna Bakker in 3 termijnen vastgelegd').waitFor();
    await form.waitFor({ state: 'detached' });
    const items = call(s.server.ctx, 'items.list', { debtorId: anna.id, status: 'open' }).items;
    expect(items.map((i) => [i.balance, i.arrangement])).toEqual([[5_000, true], [5_000, true], [5_000, true]]);
    expect(items[0]!.dueDate).toBe(today);
    expect(items.map((i) => i.dueDate)).toEqual([...new Set(items.map((i) => i.dueDate))].sort());
    // the new instalments start the dunning afresh: Anna leaves today's list
    await annaRow.waitFor({ state: 'detached' });
    await s.shot('belrondje-5-na-regeling');

    // the card: the agreement, the letter, and a file attached to a note (a zip named .pdf is refused)
    await page.evaluate(`location.hash = '#/debiteuren/${anna.id}'`);
    const dossier = page.getByRole('table', { name: 'Dossier' });
    await dossier.waitFor();
    const text = plain(await dossier.textContent());
    expect(text).toMatch(/Betalingsregeling voor .+ \(€ 150,00\) in 3 termijnen: 1\. \d{2}-\d{2}-\d{4} € 50,00; 2\..+Aan de telefoon afgesproken/);
    expect(text).toContain('Aanmaning verstuurd per post: € 150,00');
    await page.getByRole('button', { name: 'Contact vastleggen' }).click();
    await page.getByLabel('Soort').selectOption('note');
    await page.getByLabel('Wat is er besproken of afgesproken').fill('Getekende regeling ontvangen');
    const fileInput = page.locator('[data-testid=dossier-drop] input[type=file]');
    await fileInput.setInputFiles({ name: 'regeling.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40)]) });
    await page.getByRole('form', { name: 'Contact vastleggen' }).getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('regeling.pdf is geen PDF, PNG, JPEG, tekstbestand of e-mail (.eml); alleen die worden bewaard').waitFor();
    await s.shot('belrondje-6-bijlage-geweigerd');
    await page.getByRole('button', { name: 'regeling.pdf weghalen' }).click();
    // dropped this time: the zone takes it, and a file dropped beside it is not opened by the browser
    expect(await dropFiles(page, [{ name: 'naast.pdf', text: PDF.toString('latin1') }], 'h1')).toBe(true);
    expect(await dropFiles(page, [{ name: 'regeling.pdf', text: PDF.toString('latin1') }], '[data-testid="dossier-drop"]')).toBe(true);
    await page.getByRole('button', { name: 'regeling.pdf weghalen' }).waitFor();
    expect(await page.getByRole('button', { name: 'naast.pdf weghalen' }).count()).toBe(0);
    await page.getByRole('form', { name: 'Contact vastleggen' }).getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByText('Vastgelegd in het dossier').waitFor();
    const link = page.getByRole('button', { name: 'regeling.pdf downloaden' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('regeling.pdf');
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of saved) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    await page.getByRole('table', { name: 'Dossier' }).scrollIntoViewIfNeeded();
    await s.shot('belrondje-7-dossier-op-kaart');
    expect(s.problems).toEqual([]);
  });
});
