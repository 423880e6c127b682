import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';

/**
 * Golden files for the tricky cases: the whole file is compared, so any change to what we send the
 * bank shows up in review. `UPDATE_GOLDEN=1 npx vitest run test/integration/goldenFiles.test.ts`
 * rewrites them; look at the diff before committing. The creation time (local wall clock) is
 * masked, so the files do not depend on the machine's time zone.
 */
const GOLDEN = path.resolve(__dirname, '../golden');
let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
  // the ledger's random id salt, fixed so the ids in the files are the same on every run
  t.ctx.db.prepare("UPDATE organisation SET id_salt = 'A1B2' WHERE id = 1").run();
});
afterEach(() => t.close());

const mask = (xml: string) => xml.replace(/<CreDtTm>[^<]+<\/CreDtTm>/g, '<CreDtTm>MASKED</CreDtTm>');

async function golden(name: string, batchId: number, fileNo = 1): Promise<void> {
  const xml = call(t.ctx, 'batches.file', { id: batchId, fileNo }).xml;
  expect(await xsdErrors(xml)).toEqual([]);
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, mask(xml).replace(/></g, '>\n<'));
  expect(mask(xml).replace(/></g, '>\n<')).toBe(fs.readFileSync(file, 'utf8'));
}

describe('golden pain files', () => {
  it('CORE: diacritics and &, account holder, consolidated debtor with a credit note, discount, one-off, 0.01', async () => {
    const cafe = member(t, { name: "Café 't Hoekje & Zn.", iban: 'NL20INGB0001234567', holder: 'Jürgen Groß-Ĳsselstein', mandate: { reference: 'ZWA-0001' }, discountPercent: 250 });
    invoice(t, cafe, 15_000);
    const zoe = member(t, { name: 'Zoë Çelik', iban: 'NL44RABO0123456789', mandate: { reference: 'ZWA-0002' }, consolidate: true });
    const z1 = invoice(t, zoe, 15_000);
    invoice(t, zoe, 2_500, '2026-10-15', 'Bardienst (gemist) – boete');
    creditNote(t, zoe, z1, 5_500);
    const once = member(t, { name: 'Eenmalig Lid', iban: 'NL02ABNA0123456789', mandate: { reference: 'ZWA-0003', type: 'one_off' }, discountAmount: 100 });
    invoice(t, once, 101);
    const cent = member(t, { name: 'Een Cent', iban: 'NL39RABO0300065264', mandate: { reference: 'ZWA-0004' } });
    invoice(t, cent, 1);
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    await golden('core-mixed.pain.008.001.02.xml', batch.id);
  });

  it('amendments: new IBAN at the same bank, new bank (SMNDA), new mandate reference; pain.008.001.08', async () => {
    const bank = call(t.ctx, 'settings.get', {}).bankAccounts[0]!;
    call(t.ctx, 'bankAccounts.save', { ...bank, bic: 'ABNANL2A', pain008Version: '001.08' });
    const same = member(t, { name: 'Zelfde Bank', iban: 'NL44RABO0123456789', mandate: { reference: 'ZWA-0101' } });
    const moved = member(t, { name: 'Andere Bank', iban: 'NL20INGB0001234567', mandate: { reference: 'ZWA-0102' } });
    const renamed = member(t, { name: 'Nieuw Kenmerk', iban: 'NL02ABNA0123456789', mandate: { reference: 'ZWA-0103' } });
    for (const d of [same, moved, renamed]) invoice(t, d, 15_000, '2026-10-01');
    call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    const change = (id: number, iban: string) => {
      const c = call(t.ctx, 'debtors.get', { id });
      call(t.ctx, 'debtors.update', { ...c, email: undefined, phone: undefined, street: undefined, postalCode: undefined, city: undefined, bic: undefined, accountHolder: undefined, notes: undefined, statusId: c.statusId ?? undefined, iban });
    };
    change(same, 'NL39RABO0300065264');
    change(moved, 'NL91ABNA0417164300');
    const m = call(t.ctx, 'mandates.list', { debtorId: renamed })[0]!;
    call(t.ctx, 'mandates.save', { id: m.id, debtorId: renamed, reference: 'ZWA-0103-B', signedOn: m.signedOn, type: 'recurring', scheme: 'CORE' });
    for (const d of [same, moved, renamed]) invoice(t, d, 2_000, '2026-11-01', 'Bardienst');
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    await golden('amendments.pain.008.001.08.xml', batch.id);
  });

  it('B2B for a business with a BIC, FRST for a first collection and RCUR after, 999 999 999,99', async () => {
    call(t.ctx, 'settings.update', { collection: { firstAsFrst: true } });
    const bv = member(t, { name: 'Sportkantine B.V.', kind: 'business', iban: 'NL02ABNA0123456789', mandate: { reference: 'ZWA-B2B-01', scheme: 'B2B' } });
    const d = call(t.ctx, 'debtors.get', { id: bv });
    call(t.ctx, 'debtors.update', { ...d, email: undefined, phone: undefined, street: undefined, postalCode: undefined, city: undefined, accountHolder: undefined, notes: undefined, statusId: d.statusId ?? undefined, iban: d.iban!, bic: 'ABNANL2A' });
    invoice(t, bv, 99_999_999_999);
    const b2b = call(t.ctx, 'collections.create', { scheme: 'B2B', collectionDate: '2026-11-26' });
    await golden('b2b-frst.pain.008.001.02.xml', b2b.id);
    const known = member(t, { name: 'Vaste Klant', iban: 'NL20INGB0001234567', mandate: { reference: 'ZWA-0201' } });
    invoice(t, known, 15_000, '2026-10-01');
    const fresh = member(t, { name: 'Nieuw Lid', iban: 'NL44RABO0123456789', mandate: { reference: 'ZWA-0202', signedOn: '2026-11-01' } });
    invoice(t, fresh, 15_000, '2026-12-15');
    call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    invoice(t, known, 2_000, '2026-11-01');
    // the new member's invoice is due 15-12: collected sooner than announced, so the treasurer confirms
    const mixed = call(t.ctx, 'collections.create', { collectionDate: '2026-11-30', includeNotDue: true, confirmPrenotification: true });
    await golden('frst-rcur.pain.008.001.02.xml', mixed.id);
  });

  it('an item above the maximum in parts, cut into files at the bank limit', async () => {
    call(t.ctx, 'settings.update', { collection: { maxAmount: 10_000 } });
    const bank = call(t.ctx, 'settings.get', {}).bankAccounts[0]!;
    call(t.ctx, 'bankAccounts.save', { ...bank, bic: undefined, maxTransactionsPerFile: 2 });
    invoice(t, member(t, { name: 'Groot Bedrag', iban: 'NL20INGB0001234567', mandate: { reference: 'ZWA-0301' } }), 25_001);
    invoice(t, member(t, { name: 'Klein Bedrag', iban: 'NL44RABO0123456789', mandate: { reference: 'ZWA-0302' } }), 5_000);
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    expect(batch.fileCount).toBe(2);
    await golden('limit-split-1.pain.008.001.02.xml', batch.id, 1);
    await golden('limit-split-2.pain.008.001.02.xml', batch.id, 2);
  });

  it('planner: one-off once, one sequence type per mandate, same-date items and equal instalments merged, a credit netted', async () => {
    call(t.ctx, 'settings.update', { collection: { firstAsFrst: true } });
    const once = member(t, { name: 'Eenmalig Lid', iban: 'NL20INGB0001234567', mandate: { reference: 'ZWA-0401', type: 'one_off' } });
    invoice(t, once, 4_500);
    invoice(t, once, 1_500, '2026-11-02', 'Bardienst');
    const fresh = member(t, { name: 'Nieuw Lid', iban: 'NL44RABO0123456789', mandate: { reference: 'ZWA-0402', signedOn: '2026-11-01' } });
    invoice(t, fresh, 15_000, '2026-11-01');
    invoice(t, fresh, 2_000, '2026-12-01', 'Bardienst');
    const credit = member(t, { name: 'Met Tegoed', iban: 'NL02ABNA0123456789', mandate: { reference: 'ZWA-0403' } });
    creditNote(t, credit, invoice(t, credit, 15_000, '2026-11-01'), 5_000);
    const parts = member(t, { name: 'In Termijnen', iban: 'NL39RABO0300065264', mandate: { reference: 'ZWA-0404' } });
    call(t.ctx, 'items.split', { itemId: invoice(t, parts, 9_000, '2026-10-01'), parts: [{ dueDate: '2026-10-01' }, { dueDate: '2026-10-01' }], arrangement: true });
    const batch = call(t.ctx, 'collections.create', { perDueDate: true, dueUpTo: '2026-12-08' });
    await golden('planner.pain.008.001.02.xml', batch.id);
  });

  it('refund: pain.001.001.09', async () => {
    const bank = call(t.ctx, 'settings.get', {}).bankAccounts[0]!;
    call(t.ctx, 'bankAccounts.save', { ...bank, bic: undefined, pain001Version: '001.09' });
    const d = member(t, { name: 'Renée Dubbel-Betaald', iban: 'NL44RABO0123456789', mandate: null });
    call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: 4_250 }, { accountCode: '1300', debtorId: d, credit: 4_250 }] });
    const batch = call(t.ctx, 'refunds.create', { debtorIds: [d] });
    await golden('refund.pain.001.001.09.xml', batch.id);
  });
});
