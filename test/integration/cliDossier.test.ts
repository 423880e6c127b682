import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { cliOn } from '../helpers/cli';
import { openInitializedLedger } from '../helpers/ledger';
import { bankFile, batchCredit, importFile, returnOf, statement, transactionsOf } from '../helpers/statements';

/** The dossier commands as a treasurer types them, on a real ledger file with a returned debit in it. */
const t = openInitializedLedger();
const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
member(t, { name: 'Jan de Vries', mandate: null });
member(t, { name: 'Jan de Vries', mandate: null });
invoice(t, anna, 15_000);
const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
importFile(t, bankFile([statement([batchCredit(t, batch.id)])]));
importFile(t, bankFile([statement([returnOf(transactionsOf(t, batch.id)[0]!, 'MD06')], { id: 'S2', from: '2026-11-30' })]));
const annaNumber = call(t.ctx, 'debtors.get', { id: anna }).number;
t.ledger.close();
afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));
const penning = cliOn(t.file);

describe('penning dossier', { timeout: 120_000 }, () => {
  it('adds a call by member number and by name, and prints the dossier newest first with the return beside it', () => {
    const added = penning('dossier', 'add', annaNumber, '--kind', 'call', '--text', 'Gebeld: MD06 was een vergissing', '--date', '2026-11-20', '--follow-up', '2026-12-08');
    expect(added.code, added.stderr).toBe(0);
    expect(added.json).toEqual({ entryId: expect.any(Number) });
    expect(added.stderr).toBe(`Vastgelegd in het dossier (${added.json.entryId})\n`);
    // without --date: today (the real clock; an earlier date keeps the test stable against the day it runs)
    expect(penning('dossier', 'add', 'anna bakker', '--kind', 'note', '--text', 'Notitie zonder datum').code).toBe(0);

    const list = penning('dossier', 'Anna Bakker');
    expect(list.code, list.stderr).toBe(0);
    const entries = list.json as { kind: string; date: string; text: string; followUpOn: string | null; source: string }[];
    expect(entries.map((e) => e.date)).toEqual(entries.map((e) => e.date).sort().reverse());
    expect(entries.map((e) => e.kind).sort()).toEqual(['call', 'note', 'return']);
    expect(entries.find((e) => e.kind === 'call')).toMatchObject({ date: '2026-11-20', text: 'Gebeld: MD06 was een vergissing', followUpOn: '2026-12-08', followUpDone: false, source: 'entry' });
    expect(entries.find((e) => e.kind === 'note')).toMatchObject({ text: 'Notitie zonder datum', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(entries.find((e) => e.kind === 'return')).toMatchObject({ date: '2026-11-30', source: 'return', text: expect.stringMatching(/^Incasso INC-2026-0001 van € 150,00 teruggevraagd door de betaler: terugboeking door de betaler \(MD06\)\./) });
    const en = penning('--lang', 'en', 'dossier', annaNumber);
    expect(en.json.find((e: { kind: string }) => e.kind === 'return').text).toMatch(/^Direct debit INC-2026-0001 of €150\.00 refunded at the payer’s request/);
  });

  it('refuses in Dutch by default and in English with --lang en, exit 2, nothing written', () => {
    const before = penning('dossier', annaNumber).json.length;
    expect(penning('dossier', 'add', annaNumber, '--kind', 'fax', '--text', 'x')).toMatchObject({ code: 2, stdout: '', stderr: 'Fout: kind: kies uit: call, email, letter, agreement, note\n' });
    expect(penning('dossier', 'add', annaNumber, '--kind', 'call', '--text', 'x', '--follow-up', '8-12-2026')).toMatchObject({ code: 2, stderr: 'Fout: followUpOn: datum moet JJJJ-MM-DD zijn\n' });
    expect(penning('--lang', 'en', 'dossier', 'add', annaNumber, '--kind', 'call', '--text', 'x', '--date', '2026-11-20', '--follow-up', '2026-11-01')).toMatchObject({
      code: 2,
      stderr: 'Error: The follow-up date 01-11-2026 is before the date of the contact (20-11-2026)\n',
    });
    expect(penning('dossier', 'add', annaNumber, '--kind', 'call', '--text', '  ')).toMatchObject({ code: 2, stderr: 'Fout: text: is verplicht\n' });
    expect(penning('dossier', annaNumber).json.length).toBe(before);
  });

  it('names a member it cannot find or cannot tell apart, and shows the usage on wrong use', () => {
    expect(penning('dossier', 'Piet Puk')).toMatchObject({ code: 2, stdout: '', stderr: 'Fout: Geen lid met nummer of naam Piet Puk\n' });
    expect(penning('--lang', 'en', 'dossier', 'Piet Puk')).toMatchObject({ code: 2, stderr: 'Error: No member with number or name Piet Puk\n' });
    expect(penning('dossier', 'Jan de Vries')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^Fout: Er zijn 2 leden met de naam Jan de Vries \(\d+, \d+\); geef het lidnummer\n$/) });
    // wrong use of the command: exit 1 with the usage
    expect(penning('dossier')).toMatchObject({ code: 1, stderr: expect.stringContaining('gebruik: dossier <lid>') });
    expect(penning('dossier', 'add', annaNumber, '--text', 'zonder soort')).toMatchObject({ code: 1 });
  });
});
