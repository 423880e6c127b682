import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call, dispatch } from '../../electron/api';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { xsdErrors } from '../helpers/xsd';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

const accountBalance = (code: string) => call(t.ctx, 'accounts.list', {}).find((a) => a.code === code)!.balance;

describe('collection readiness', () => {
  it('names what is missing and where to fix it', () => {
    const before = call(t.ctx, 'collections.readiness', {});
    expect(before.map((c) => [c.key, c.ok])).toEqual([['creditorId', true], ['bankAccount', true], ['interimAccount', true], ['journal', true], ['debtors', false]]);
    expect(before[4]).toMatchObject({ fix: 'debiteuren', detail: { nl: '0 van 0 debiteuren hebben automatische incasso, een IBAN en een actieve machtiging' } });
    call(t.ctx, 'settings.update', { creditorId: null });
    expect(call(t.ctx, 'collections.readiness', {})[0]).toMatchObject({ ok: false, fix: 'instellingen/organisation' });
    expect(dispatch(t.ctx, 'collections.propose', {})).toMatchObject({ ok: false, error: { code: 'conflict', rule: 'no_creditor_id' } });
  });
});

describe('the proposal and why-not list', () => {
  it('proposes what can be collected and gives every other item its reason', () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    const bob = member(t, { name: 'Bob Visser', mandate: null });
    const cas = member(t, { name: 'Cas Smit', mandate: undefined, method: 'direct_debit' });
    const dirk = member(t, { name: 'Dirk Mol', mandate: { reference: 'ZWA-4' } });
    call(t.ctx, 'mandates.revoke', { id: call(t.ctx, 'mandates.list', { debtorId: dirk })[0]!.id });
    const eva = member(t, { name: 'Eva Kok', mandate: { reference: 'ZWA-5' } });
    const fleur = member(t, { name: 'Fleur Jansen', mandate: { reference: 'ZWA-6' } });
    const gijs = member(t, { name: 'Gijs de Boer', mandate: { reference: 'ZWA-7' }, consolidate: true });
    const hans = member(t, { name: 'Hans Vos', mandate: { reference: 'ZWA-8' } });
    const ilse = member(t, { name: 'Ilse Post', mandate: { reference: 'ZWA-9', type: 'one_off' } });
    const bv = member(t, { name: 'Sportkantine BV', kind: 'business', mandate: { reference: 'ZWA-B2B-1', scheme: 'B2B' } });

    const a = invoice(t, anna, 15_000);
    invoice(t, bob, 15_000);
    invoice(t, cas, 15_000);
    invoice(t, dirk, 15_000);
    const e = invoice(t, eva, 15_000);
    call(t.ctx, 'items.setBlocked', { itemIds: [e], blocked: true });
    const f = invoice(t, fleur, 15_000, '2026-12-15');
    const g1 = invoice(t, gijs, 15_000);
    invoice(t, gijs, 5_000, '2026-10-01', 'Bardienst');
    creditNote(t, gijs, g1, 2_500);
    const h = invoice(t, hans, 15_000);
    call(t.ctx, 'items.split', { itemId: h, parts: [{ dueDate: '2026-11-01' }, { dueDate: '2026-12-01' }], arrangement: true });
    invoice(t, ilse, 4_500);
    invoice(t, bv, 60_000);

    const p = call(t.ctx, 'collections.propose', {});
    expect(p).toMatchObject({ earliestDate: '2026-11-26', collectionDate: '2026-11-26', scheme: 'CORE' });
    expect(p.debits.map((d) => [d.debtorName, d.amount, d.sequenceType, d.items.length])).toEqual([
      ['Anna Bakker', 15_000, 'RCUR', 1],
      ['Gijs de Boer', 17_500, 'RCUR', 3],
      // the arrangement's first instalment is due: it goes along, the second waits
      ['Hans Vos', 7_500, 'RCUR', 1],
      ['Ilse Post', 4_500, 'OOFF', 1],
    ]);
    const why = (name: string) => p.excluded.filter((x) => x.debtorName === name).map((x) => x.reason);
    expect(why('Bob Visser')).toEqual(['not_direct_debit']);
    expect(why('Cas Smit')).toEqual(['no_mandate']);
    expect(why('Dirk Mol')).toEqual(['mandate_revoked']);
    expect(why('Eva Kok')).toEqual(['blocked']);
    expect(why('Fleur Jansen')).toEqual(['not_due']);
    expect(why('Hans Vos')).toEqual(['arrangement']);
    expect(why('Sportkantine BV')).toEqual(['other_scheme']);
    expect(p.totals).toEqual({ count: 4, amount: 44_500, discount: 0, credits: -2_500, items: 6, files: 1, prenotification: 0 });

    const withNotDue = call(t.ctx, 'collections.propose', { includeNotDue: true, excludeItemIds: [a] });
    // recurring debits first, then one-offs, each in member-number order
    expect(withNotDue.debits.map((d) => d.debtorName)).toEqual(['Fleur Jansen', 'Gijs de Boer', 'Hans Vos', 'Ilse Post']);
    expect(withNotDue.excluded.find((x) => x.itemId === a)?.reason).toBe('deselected');
    expect(withNotDue.debits.find((d) => d.items.some((i) => i.itemId === f))).toBeDefined();

    const b2b = call(t.ctx, 'collections.propose', { scheme: 'B2B' });
    expect(b2b.debits.map((d) => d.debtorName)).toEqual(['Sportkantine BV']);
    expect(b2b.excluded.find((x) => x.debtorName === 'Anna Bakker')?.reason).toBe('other_scheme');
  });

  it('refuses a collection date that is too early or not a business day', () => {
    expect(dispatch(t.ctx, 'collections.propose', { collectionDate: '2026-11-25' })).toMatchObject({
      ok: false,
      error: { field: 'collectionDate', rule: 'too_early', message: { nl: 'Incassodatum 25-11-2026 is te vroeg: de vroegste is 26-11-2026' } },
    });
    expect(dispatch(t.ctx, 'collections.propose', { collectionDate: '2026-12-26' })).toMatchObject({ ok: false, error: { field: 'collectionDate', rule: 'business_day' } });
  });
});

describe('saving, re-saving and cancelling a collection', () => {
  it('books receivables to Incasso onderweg, marks items in collection, writes a valid file, and cancels cleanly', async () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: { reference: 'ZWA-1' } });
    const joop = member(t, { name: "Café 't Hoekje & Zn.", holder: 'Jürgen Groß', mandate: { reference: 'ZWA-2' }, discountPercent: 250 });
    const a = invoice(t, anna, 15_000);
    const j = invoice(t, joop, 15_000);

    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    expect(batch).toMatchObject({ reference: 'INC-2026-0001', status: 'saved', transactionCount: 2, controlSum: 29_625, discountTotal: 375, fileCount: 1, painVersion: '001.02' });
    expect(accountBalance('1400')).toBe(29_625);
    expect(accountBalance('4900')).toBe(375);
    expect(accountBalance('1300')).toBe(0);
    expect(unbalancedEntries(t.ledger.db)).toEqual([]);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    expect(call(t.ctx, 'items.list', { status: 'in_collection' }).items.map((i) => [i.id, i.status])).toEqual([[a, 'in_collection'], [j, 'in_collection']]);
    expect(call(t.ctx, 'mandates.list', { debtorId: anna })[0]!.lastCollectedOn).toBe('2026-11-27');

    const file = call(t.ctx, 'batches.file', { id: batch.id });
    expect(await xsdErrors(file.xml)).toEqual([]);
    expect(file.sha256).toBe(batch.fileHashes[0]);
    expect(file.fileName).toBe('incasso-INC-2026-0001.xml');
    expect(file.xml).toContain('<Nm>Jurgen Gross</Nm>');
    expect(file.xml).toContain("<Ustrd>Tennisvereniging De Zwaluwen Contributie 2026-2027 factuur 2026-0002</Ustrd>");
    expect(file.xml).toContain('<InstdAmt Ccy="EUR">146.25</InstdAmt>');
    expect(file.xml).toMatch(/<EndToEndId>INC-2026-0001-[0-9A-F]{4}[0-9A-Z]{6}-000001<\/EndToEndId>/);
    expect(call(t.ctx, 'batches.file', { id: batch.id }).xml).toBe(file.xml); // re-save: the identical file

    // nothing is proposed twice: the items are on their way
    expect(call(t.ctx, 'collections.propose', { collectionDate: '2026-11-27' }).excluded.map((x) => [x.reason, x.detail])).toEqual([['in_batch', 'INC-2026-0001'], ['in_batch', 'INC-2026-0001']]);

    const cancelled = call(t.ctx, 'batches.cancel', { id: batch.id, reason: 'Verkeerde datum' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Verkeerde datum' });
    expect(accountBalance('1400')).toBe(0);
    expect(accountBalance('1300')).toBe(30_000);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    expect(call(t.ctx, 'items.list', {}).items.map((i) => [i.id, i.balance, i.status])).toEqual([[a, 15_000, 'open'], [j, 15_000, 'open']]);
    expect(call(t.ctx, 'mandates.list', { debtorId: anna })[0]!.lastCollectedOn).toBeNull();
    expect(dispatch(t.ctx, 'batches.file', { id: batch.id })).toMatchObject({ ok: false, error: { code: 'conflict', rule: 'void' } });
    expect(dispatch(t.ctx, 'batches.cancel', { id: batch.id, reason: 'x' })).toMatchObject({ ok: false, error: { rule: 'not_cancellable' } });
    expect(() => t.ledger.db.prepare('DELETE FROM batches').run()).toThrow(/never deleted/);

    const again = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    expect(again.reference).toBe('INC-2026-0002');
    const xml2 = call(t.ctx, 'batches.file', { id: again.id }).xml;
    expect(xml2).toMatch(/<EndToEndId>INC-2026-0002-[0-9A-F]{4}[0-9A-Z]{6}-000001<\/EndToEndId>/);
    expect(xml2).not.toContain('INC-2026-0001');
    // the cancellation's journal entry is not named like a batch (issue 8 §16)
    const entries = call(t.ctx, 'entries.list', { journalCode: 'INC', limit: 10 }).entries.map((e) => e.reference);
    expect(entries).toEqual(['INC 2026/0003', 'INC 2026/0002', 'INC 2026/0001']);
    expect(entries.some((e) => /^INC-\d{4}-\d{4}$/.test(e))).toBe(false);
  });

  it('reports an IBAN change once, with the original account, and SMNDA when the bank changed', async () => {
    const anna = member(t, { name: 'Anna Bakker', iban: 'NL20INGB0001234567', mandate: { reference: 'ZWA-1' } });
    invoice(t, anna, 15_000);
    call(t.ctx, 'collections.create', {});
    const card = call(t.ctx, 'debtors.get', { id: anna });
    call(t.ctx, 'debtors.update', { ...card, email: undefined, phone: undefined, street: undefined, postalCode: undefined, city: undefined, bic: undefined, accountHolder: undefined, notes: undefined, statusId: card.statusId ?? undefined, iban: 'NL44RABO0123456789' });
    invoice(t, anna, 5_000, '2026-11-20', 'Bardienst');
    const b = call(t.ctx, 'collections.create', {});
    const xml = call(t.ctx, 'batches.file', { id: b.id }).xml;
    expect(xml).toContain('<AmdmntInd>true</AmdmntInd><AmdmntInfDtls><OrgnlDbtrAcct><Id><Othr><Id>SMNDA</Id></Othr></Id></OrgnlDbtrAcct></AmdmntInfDtls>');
    expect(await xsdErrors(xml)).toEqual([]);
    invoice(t, anna, 5_000, '2026-11-21', 'Bardienst');
    const c = call(t.ctx, 'collections.create', {});
    expect(call(t.ctx, 'batches.file', { id: c.id }).xml).not.toContain('AmdmntInd');
  });

  it('splits items above the per-transaction maximum and cuts files at the bank limit, each file complete', async () => {
    call(t.ctx, 'settings.update', { collection: { maxAmount: 10_000 } });
    const bank = call(t.ctx, 'settings.get', {}).bankAccounts[0]!;
    call(t.ctx, 'bankAccounts.save', { ...bank, bic: undefined, maxTransactionsPerFile: 2, pain008Version: '001.08' });
    const ids = ['Anna', 'Bram', 'Cor'].map((name, i) => member(t, { name, mandate: { reference: `ZWA-${i}` } }));
    const big = invoice(t, ids[0]!, 25_001);
    invoice(t, ids[1]!, 5_000);
    invoice(t, ids[2]!, 7_000);
    const p = call(t.ctx, 'collections.propose', {});
    // two equal parts on one date would look like a duplicate to the bank: the second goes a business day later
    expect(p.debits.map((d) => [d.debtorName, d.amount, d.items[0]!.part, d.date])).toEqual([
      ['Anna', 8_334, '1/3', '2026-11-26'], ['Anna', 8_333, '3/3', '2026-11-26'], ['Bram', 5_000, null, '2026-11-26'], ['Cor', 7_000, null, '2026-11-26'], ['Anna', 8_334, '2/3', '2026-11-27'],
    ]);
    expect(p.totals.files).toBe(3);
    const batch = call(t.ctx, 'collections.create', {});
    expect(batch).toMatchObject({ fileCount: 3, transactionCount: 5, controlSum: 37_001 });
    let sum = 0;
    for (const fileNo of [1, 2, 3]) {
      const f = call(t.ctx, 'batches.file', { id: batch.id, fileNo });
      expect(await xsdErrors(f.xml)).toEqual([]);
      const amounts = [...f.xml.matchAll(/<InstdAmt Ccy="EUR">([\d.]+)<\/InstdAmt>/g)].map((m) => Math.round(Number(m[1]) * 100));
      expect(f.xml).toMatch(new RegExp(`<GrpHdr><MsgId>INC-2026-0001-[0-9A-F]{4}[0-9A-Z]{6}-${fileNo}</MsgId>`));
      expect(f.xml).toContain(`<NbOfTxs>${amounts.length}</NbOfTxs>`);
      sum += amounts.reduce((s, x) => s + x, 0);
    }
    expect(sum).toBe(37_001);
    const parts = call(t.ctx, 'items.list', { status: 'all', debtorId: ids[0] }).items;
    expect(parts.find((i) => i.id === big)!.status).toBe('split');
    expect(parts.filter((i) => i.status === 'in_collection').map((i) => [i.amount, i.dueDate])).toEqual([[8_334, '2026-11-26'], [8_333, '2026-11-26'], [8_334, '2026-11-27']]);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
  });

  it('sends FRST for a first collection when the club asks for it, RCUR after', () => {
    call(t.ctx, 'settings.update', { collection: { firstAsFrst: true } });
    const anna = member(t, { name: 'Anna', mandate: { reference: 'ZWA-1' } });
    invoice(t, anna, 1);
    expect(call(t.ctx, 'collections.propose', {}).debits[0]).toMatchObject({ sequenceType: 'FRST', amount: 1 });
    call(t.ctx, 'collections.create', {});
    invoice(t, anna, 99_999_999_999, '2026-11-02');
    expect(call(t.ctx, 'collections.propose', {}).debits[0]).toMatchObject({ sequenceType: 'RCUR', amount: 99_999_999_999 });
  });
});

describe('refunds', () => {
  it('pays back credit balances with a valid pain.001 and settles the items', async () => {
    const anna = member(t, { name: 'Anna Bakker', mandate: null });
    const bob = member(t, { name: 'Bob', mandate: null, iban: 'NL44RABO0123456789' });
    const inv = invoice(t, anna, 10_000);
    creditNote(t, anna, inv, 10_000);
    call(t.ctx, 'entries.post', { journalCode: 'BNK', date: '2026-11-10', description: 'Dubbel betaald', lines: [{ accountCode: '1100', debit: 5_000 }, { accountCode: '1300', debtorId: bob, credit: 5_000 }] });
    // Anna's credit note cancels her invoice: nothing to pay back; Bob paid twice
    expect(call(t.ctx, 'refunds.candidates', {}).map((c) => [c.debtorName, c.credit])).toEqual([['Bob', 5_000]]);
    const batch = call(t.ctx, 'refunds.create', { debtorIds: [bob] });
    expect(batch).toMatchObject({ kind: 'refund', reference: 'TRB-2026-0001', controlSum: 5_000, requestedDate: '2026-11-25', painVersion: '001.03' });
    expect(accountBalance('1600')).toBe(-5_000);
    expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
    const f = call(t.ctx, 'batches.file', { id: batch.id });
    expect(await xsdErrors(f.xml)).toEqual([]);
    expect(f.xml).toContain('<CdtrAcct><Id><IBAN>NL44RABO0123456789</IBAN></Id></CdtrAcct>');
    expect(call(t.ctx, 'refunds.candidates', {})).toEqual([]);
    call(t.ctx, 'batches.cancel', { id: batch.id, reason: 'Lid betaalt het verschil zelf terug' });
    expect(call(t.ctx, 'refunds.candidates', {}).map((c) => c.debtorName)).toEqual(['Bob']);
  });
});
