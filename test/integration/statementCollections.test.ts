import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { balanceOf, bankFile, batchCredit, entry, detail, expectBooksHealthy, importFile, pain002, returnOf, statement, transactionsOf } from '../helpers/statements';

let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

/** Three members on direct debit, their invoices collected in one batch. */
function collected(amounts = [15_000, 12_500, 4_500], discountPercent?: number) {
  const ids = amounts.map((a, i) => {
    const d = member(t, { name: ['Anna Bakker', 'Bob Visser', 'Cas Smit', 'Dirk Mol', 'Eva Kok'][i]!, mandate: { reference: `ZWA-${i + 1}` }, discountPercent });
    return { debtorId: d, itemId: invoice(t, d, a) };
  });
  const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
  return { members: ids, batch, txs: transactionsOf(t, batch.id) };
}

const item = (id: number) => t.ctx.db.prepare('SELECT state, balance, batch_transaction_id AS tx FROM open_items WHERE id = ?').get(id) as { state: string; balance: number; tx: number | null };
const history = (id: number) => call(t.ctx, 'items.history', { itemId: id });

describe('the batch credit', () => {
  it('is found by the PmtInfId in its details: Bank / Incasso onderweg, items paid, batch confirmed', () => {
    const { batch, members } = collected();
    expect(balanceOf(t, '1400')).toBe(32_000);
    const r = importFile(t, bankFile([statement([batchCredit(t, batch.id)], { opening: 100_000 })]));
    expect(r.matched).toEqual({ batchCredits: 1, returns: 0, transfers: 0, refunds: 0 });
    expect(r.unmatched).toBe(0);
    expect(balanceOf(t, '1400')).toBe(0);
    expect(balanceOf(t, '1100')).toBe(32_000);
    expect(call(t.ctx, 'batches.get', { id: batch.id, limit: 10, offset: 0 }).batch.status).toBe('confirmed');
    for (const m of members) expect(item(m.itemId).state).toBe('settled');
    expect(history(members[0]!.itemId).at(-1)!.text).toMatch(/Betaald: incasso INC-2026-0001 door de bank bijgeschreven op 26-11-2026/);
    const e = call(t.ctx, 'statements.entries', { filter: 'all' }).entries[0]!;
    expect(e).toMatchObject({ state: 'matched', kind: 'batchCredit' });
    expect(e.explanation.nl).toMatch(/^Bijschrijving van incasso INC-2026-0001 \(3 incasso’s\), gevonden op kenmerk INC-2026-0001-/);
    // a confirmed batch can no longer be cancelled
    expect(dispatch(t.ctx, 'batches.cancel', { id: batch.id, reason: 'te laat' })).toMatchObject({ ok: false, error: { rule: 'not_cancellable' } });
    expectBooksHealthy(t);
  });

  it('is found by amount near the collection date when the bank gives no id, and a difference is shown', () => {
    const { batch } = collected();
    importFile(t, bankFile([statement([batchCredit(t, batch.id, { withId: false, date: '2026-11-27' })])]));
    expect(balanceOf(t, '1400')).toBe(0);
    const e = call(t.ctx, 'statements.entries', { filter: 'all' }).entries[0]!;
    expect(e.explanation.nl).toMatch(/bedrag gelijk aan het openstaande totaal van de batch/);

    // another batch, credited with 1,00 less by id: booked as credited, the difference stays in transit and is said
    const d = member(t, { name: 'Dirk Mol', mandate: { reference: 'ZWA-9' } });
    invoice(t, d, 10_000);
    const second = call(t.ctx, 'collections.create', { collectionDate: '2026-11-27' });
    importFile(t, bankFile([statement([batchCredit(t, second.id, { amount: 9_900, date: '2026-11-27' })], { id: 'S2' })]));
    const e2 = call(t.ctx, 'statements.entries', { filter: 'all', batchId: second.id }).entries[0]!;
    expect(e2.explanation.nl).toMatch(/verschil € -1,00 met de € 100,00 die openstond/);
    expect(call(t.ctx, 'statements.inTransit', {}).batches).toEqual([expect.objectContaining({ reference: second.reference, collected: 10_000, credited: 9_900, outstanding: 100 })]);
    expect(balanceOf(t, '1400')).toBe(100);
    expectBooksHealthy(t);
  });

  it('waits for the treasurer when the bank credits fewer debits than the batch id holds: which ones is unknown', () => {
    const { batch, members } = collected();
    const partial = { ...batchCredit(t, batch.id), amount: 27_500, transactionCount: 2 };
    const r = importFile(t, bankFile([statement([partial])]));
    expect(r.matched.batchCredits).toBe(0);
    expect(r.unmatched).toBe(1);
    expect(balanceOf(t, '1400')).toBe(32_000);
    for (const m of members) expect(item(m.itemId).state).toBe('in_collection');
    // the same credit counting every debit is the batch's
    const whole = { ...batchCredit(t, batch.id), transactionCount: 3 };
    expect(importFile(t, bankFile([statement([whole], { id: 'S2' })])).matched.batchCredits).toBe(1);
    expectBooksHealthy(t);
  });

  it('per debit when the bank books each debit apart: the batch is confirmed with the last one', () => {
    const { batch, txs } = collected();
    const perDebit = txs.map((x) => entry({ amount: x.amount, details: [detail({ endToEndId: x.endToEndId, amount: x.amount })] }));
    const r = importFile(t, bankFile([statement(perDebit.slice(0, 2))]));
    expect(r.matched.batchCredits).toBe(2);
    expect(call(t.ctx, 'batches.get', { id: batch.id, limit: 1, offset: 0 }).batch.status).toBe('saved');
    importFile(t, bankFile([statement(perDebit.slice(2), { id: 'S2' })]));
    expect(call(t.ctx, 'batches.get', { id: batch.id, limit: 1, offset: 0 }).batch.status).toBe('confirmed');
    expect(balanceOf(t, '1400')).toBe(0);
    expectBooksHealthy(t);
  });

  it('per debit in bulk, with a return of one of them later in the same file: the return finds its credit and item, in order', () => {
    // more credits than the import writes at once, so some are written and some still held when the
    // return comes; the last debit is not credited, so nothing else makes the import write them first
    const names = Array.from({ length: 70 }, (_, i) => `Lid ${i + 1}`);
    const items = names.map((name, i) => invoice(t, member(t, { name, mandate: { reference: `ZWA-B${i + 1}` } }), 1_000 + i));
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
    const txs = transactionsOf(t, batch.id);
    const credited = txs.slice(0, 69);
    const perDebit = credited.map((x) => entry({ amount: x.amount, details: [detail({ endToEndId: x.endToEndId, amount: x.amount })] }));
    const returned = txs[66]!;
    const r = importFile(t, bankFile([statement(perDebit), statement([returnOf(returned, 'AM04')], { id: 'S2', opening: perDebit.reduce((s, e) => s + e.amount, 0) })]));
    expect(r.matched).toEqual({ batchCredits: 69, returns: 1, transfers: 0, refunds: 0 });
    const itemOf = (txId: number) => (t.ctx.db.prepare('SELECT item_id AS id FROM batch_transaction_items WHERE transaction_id = ?').get(txId) as { id: number }).id;
    expect(new Set(txs.map((x) => itemOf(x.id)))).toEqual(new Set(items));
    const back = itemOf(returned.id);
    expect(item(back)).toMatchObject({ state: 'open', balance: returned.amount });
    expect(history(back).map((h) => h.kind).slice(-2)).toEqual(['paid', 'returned']);
    for (const x of credited.filter((x) => x.id !== returned.id)) expect(item(itemOf(x.id)).state).toBe('settled');
    expect(item(itemOf(txs[69]!.id)).state).toBe('in_collection');
    expect(call(t.ctx, 'statements.entries', { filter: 'all', limit: 100 }).entries.filter((e) => e.kind === 'batchCredit').every((e) => e.allocations.length === 1)).toBe(true);
    expect(balanceOf(t, '1400')).toBe(txs[69]!.amount);
    expectBooksHealthy(t);
  });
});

describe('returns (storno) by end-to-end id', () => {
  it('AM04 after settlement: reopens exactly that item, reverses the booking and the discount, charges to Bankkosten, re-presents once', () => {
    const { batch, txs, members } = collected([15_000, 12_500, 4_500], 1000);
    importFile(t, bankFile([statement([batchCredit(t, batch.id)])]));
    const bank = balanceOf(t, '1100');
    const discount = balanceOf(t, '4900');
    expect(discount).toBe(3_200);
    const r = importFile(t, bankFile([statement([returnOf(txs[0]!, 'AM04', { charges: 250 })], { id: 'S2', from: '2026-11-30' })]));
    expect(r.matched.returns).toBe(1);
    expect(item(members[0]!.itemId)).toEqual({ state: 'open', balance: 15_000, tx: null });
    expect(item(members[1]!.itemId).state).toBe('settled');
    expect(balanceOf(t, '1100')).toBe(bank - 13_500 - 250);
    expect(balanceOf(t, '4800')).toBe(250);
    expect(balanceOf(t, '4900')).toBe(3_200 - 1_500);
    const h = history(members[0]!.itemId).at(-1)!;
    expect(h.text).toMatch(/^Incasso INC-2026-0001 teruggeboekt op 30-11-2026: onvoldoende saldo \(AM04\)\. wordt bij de volgende incasso één keer opnieuw aangeboden/);
    const returns = call(t.ctx, 'statements.returns', { debtorId: members[0]!.debtorId });
    expect(returns).toEqual([expect.objectContaining({ reasonCode: 'AM04', action: 'represent', debtorCount: 1, mandateCount: 1, label: { nl: 'onvoldoende saldo', en: 'insufficient funds' } })]);
    const e = call(t.ctx, 'statements.entries', { filter: 'returns' }).entries[0]!;
    expect(e.explanation.nl).toMatch(/Teruggeboekte incasso uit INC-2026-0001, gevonden op end-to-end-id — Anna Bakker: onvoldoende saldo \(AM04\).*kosten € 2,50 naar Bankkosten/);
    expectBooksHealthy(t);
  });

  it('follows the policy per reason code: MD06 for dunning, AC04 ends the mandate, MS02 stops, and none is proposed again', () => {
    const { batch, txs, members } = collected([15_000, 12_500, 4_500]);
    importFile(t, bankFile([statement([batchCredit(t, batch.id)])]));
    importFile(t, bankFile([statement([returnOf(txs[0]!, 'MD06'), returnOf(txs[1]!, 'AC04'), returnOf(txs[2]!, 'MS02')], { id: 'S2', from: '2026-11-30', opening: 32_000 })]));
    const byDebtor = (i: number) => call(t.ctx, 'statements.returns', { debtorId: members[i]!.debtorId })[0]!;
    expect(byDebtor(0)).toMatchObject({ action: 'dun', label: { nl: 'terugboeking door de betaler' }, b2bRefund: false });
    expect(byDebtor(0).outcome.nl).toMatch(/herinnering of aanmaning/);
    expect(byDebtor(1)).toMatchObject({ action: 'endMandate', label: { nl: 'rekening opgeheven' } });
    expect(call(t.ctx, 'mandates.list', { debtorId: members[1]!.debtorId })[0]!.status).toBe('revoked');
    expect(byDebtor(2)).toMatchObject({ action: 'stop', label: { nl: 'geweigerd door de betaler' } });
    expect(call(t.ctx, 'mandates.list', { debtorId: members[2]!.debtorId })[0]!.status).toBe('active');
    for (const m of members) expect(item(m.itemId).state).toBe('open');
    expect(call(t.ctx, 'statements.todo', {})).toEqual({ unmatchedEntries: 0, returnsToHandle: 3, statementProblems: 0 });
    // none of the three is proposed again: the why-not list says why
    const p = call(t.ctx, 'collections.propose', { collectionDate: '2026-12-03' });
    expect(p.debits).toEqual([]);
    expect(members.map((m) => p.excluded.find((x) => x.itemId === m.itemId)).map((x) => [x?.reason, x?.detail])).toEqual([['returned', 'MD06, 1x'], ['returned', 'AC04, 1x'], ['returned', 'MS02, 1x']]);
    expectBooksHealthy(t);
  });

  it('says so when a return is of a debit Penning does not know, and books nothing', () => {
    const r = importFile(t, bankFile([statement([returnOf({ endToEndId: 'ANDER-PROGRAMMA-1', amount: 2_500, name: 'X', iban: 'NL20INGB0001234567', mandateReference: 'M1' }, 'AM04')])]));
    expect(r).toMatchObject({ unmatched: 1, matched: { returns: 0 } });
    expect(call(t.ctx, 'statements.entries', { filter: 'returns' }).entries[0]).toMatchObject({
      state: 'unmatched',
      returnReason: { code: 'AM04', label: { nl: 'onvoldoende saldo' } },
      explanation: { nl: 'Terugboeking (onvoldoende saldo, AM04) van een incasso die Penning niet kent (end-to-end-id ANDER-PROGRAMMA-1); verwerk met de hand' },
    });
    expect(balanceOf(t, '1100')).toBe(0);
  });

  it('flags an MD06 on a B2B debit: the payer has no refund right', () => {
    const bv = member(t, { name: 'Sportkantine BV', kind: 'business', mandate: { reference: 'ZWA-B2B-1', scheme: 'B2B' } });
    const itemId = invoice(t, bv, 60_000);
    const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26', scheme: 'B2B' });
    importFile(t, bankFile([statement([batchCredit(t, batch.id), returnOf(transactionsOf(t, batch.id)[0]!, 'MD06', { date: '2026-11-27' })])]));
    const r = call(t.ctx, 'statements.returns', { debtorId: bv })[0]!;
    expect(r).toMatchObject({ b2bRefund: true, action: 'dun' });
    expect(r.outcome.nl).toMatch(/B2B\) incasso kent geen terugboekrecht/);
    expect(item(itemId).state).toBe('open');
    expectBooksHealthy(t);
  });

  it('a pain.002 reject before settlement touches only Incasso onderweg; the net credit then confirms the batch', () => {
    const { batch, txs, members } = collected();
    const bankBefore = balanceOf(t, '1100');
    const r = importFile(t, pain002(t, batch.id, [{ endToEndId: txs[1]!.endToEndId, code: 'AC01' }]));
    expect(r).toMatchObject({ format: 'pain.002', entries: 1, matched: { returns: 1 } });
    expect(balanceOf(t, '1100')).toBe(bankBefore);
    expect(balanceOf(t, '1400')).toBe(32_000 - 12_500);
    expect(item(members[1]!.itemId)).toMatchObject({ state: 'open', balance: 12_500 });
    expect(history(members[1]!.itemId).at(-1)!.text).toMatch(/geweigerd op .*rekeningnummer onjuist \(AC01\)/);
    // the bank credits what was not refused, found by amount
    importFile(t, bankFile([statement([batchCredit(t, batch.id, { withId: false, amount: 32_000 - 12_500 })])]));
    expect(balanceOf(t, '1400')).toBe(0);
    expect(call(t.ctx, 'batches.get', { id: batch.id, limit: 1, offset: 0 }).batch.status).toBe('confirmed');
    // the same report again books nothing
    expect(importFile(t, pain002(t, batch.id, [{ endToEndId: txs[1]!.endToEndId, code: 'AC01' }]))).toMatchObject({ skipped: 1, matched: { returns: 0 } });
    expectBooksHealthy(t);
  });

  it('a pain.002 that refuses the whole file reopens every debit of it', () => {
    const { batch, members } = collected();
    const file = pain002(t, batch.id, []);
    file.statusReport!.groupStatus = 'RJCT';
    expect(importFile(t, file)).toMatchObject({ matched: { returns: 3 } });
    for (const m of members) expect(item(m.itemId)).toMatchObject({ state: 'open' });
    expect(balanceOf(t, '1400')).toBe(0);
    expect(call(t.ctx, 'batches.get', { id: batch.id, limit: 1, offset: 0 }).batch.status).toBe('confirmed');
    expectBooksHealthy(t);
  });

  it('a storno fee becomes an item of its own; after the refusal limit the member goes off direct debit', () => {
    call(t.ctx, 'statements.settings.save', { fee: 750, refusalLimit: 2 });
    const { batch, txs, members } = collected([15_000]);
    importFile(t, bankFile([statement([batchCredit(t, batch.id)])]));
    importFile(t, bankFile([statement([returnOf(txs[0]!, 'AM04')], { id: 'S2', from: '2026-11-30' })]));
    const open = call(t.ctx, 'items.list', { debtorId: members[0]!.debtorId, status: 'open', limit: 10 }).items;
    expect(open.map((i) => [i.description, i.balance])).toEqual(expect.arrayContaining([['Stornokosten (onvoldoende saldo)', 750], ['Contributie 2026-2027', 15_000]]));
    expect(balanceOf(t, '8200')).toBe(-750);
    expect(call(t.ctx, 'debtors.get', { id: members[0]!.debtorId }).collect).toBe(true);

    // re-presented in the next run, returned again: not re-presented a second time, and now off direct debit
    const next = call(t.ctx, 'collections.propose', { collectionDate: '2026-11-30' });
    const again = next.debits.find((d) => d.debtorId === members[0]!.debtorId);
    expect(again?.items.find((i) => i.itemId === members[0]!.itemId)).toMatchObject({ represented: true });
    const second = call(t.ctx, 'collections.create', { collectionDate: '2026-11-30', confirmPrenotification: true });
    const tx2 = transactionsOf(t, second.id)[0]!;
    importFile(t, bankFile([statement([batchCredit(t, second.id, { date: '2026-11-30' }), returnOf(tx2, 'AM04', { date: '2026-12-02' })], { id: 'S3', from: '2026-11-30' })]));
    const last = call(t.ctx, 'statements.returns', { debtorId: members[0]!.debtorId })[0]!;
    expect(last).toMatchObject({ action: 'stop', debtorCount: 2, mandateCount: 2 });
    expect(last.outcome.nl).toMatch(/al eens opnieuw aangeboden.*2 keer geweigerd: het lid staat niet meer op incasso/);
    expect(call(t.ctx, 'debtors.get', { id: members[0]!.debtorId }).collect).toBe(false);
    const why = call(t.ctx, 'collections.propose', { collectionDate: '2026-12-03' }).excluded.find((x) => x.itemId === members[0]!.itemId);
    expect(why).toMatchObject({ reason: 'returned', detail: 'AM04, 2x' });
    expectBooksHealthy(t);
  });
});

describe('importing', () => {
  it('is idempotent: the same file, an overlapping file and a repeated day book nothing twice; identical payments both count', () => {
    const { batch, txs } = collected();
    const credit = batchCredit(t, batch.id);
    const same1 = entry({ amount: 2_500, bankReference: null, bookingDate: '2026-11-26', details: [detail({ remittance: 'Bardienst' })] });
    const same2 = { ...same1, source: 'Ntry 2b' };
    const day1 = statement([credit, same1, same2], { id: '1', opening: 50_000 });
    const first = importFile(t, bankFile([day1]));
    expect(first).toMatchObject({ entries: 3, skipped: 0, unmatched: 2, matched: { batchCredits: 1 } });
    expect(importFile(t, bankFile([day1]))).toMatchObject({ entries: 3, skipped: 3, unmatched: 0, matched: { batchCredits: 0 } });
    // an overlapping file: the 26th again plus the 30th with a return
    const ret = returnOf(txs[0]!, 'AM04');
    const overlap = statement([credit, same1, same2, ret], { id: '1-2', opening: 50_000, to: '2026-11-30' });
    const r = importFile(t, bankFile([overlap]));
    expect(r).toMatchObject({ skipped: 3, matched: { returns: 1 }, unmatched: 0 });
    // the two identical payments of the 26th are two entries, left for the treasurer, not booked
    expect(balanceOf(t, '1100')).toBe(32_000 - 15_000);
    expect(call(t.ctx, 'statements.entries', { filter: 'unmatched' }).entries.map((e) => e.amount)).toEqual([2_500, 2_500]);
    const list = call(t.ctx, 'statements.list', {});
    expect(list.map((s) => [s.statementId, s.entries, s.newEntries, s.balanceOk])).toEqual([['1-2', 4, 1, true], ['1', 3, 3, true]]);
    expectBooksHealthy(t);
  });

  it('checks balances: a mismatch and a gap are recorded and shown, the ledger balance beside the bank\u2019s', () => {
    const a = statement([entry({ amount: 1_000, bookingDate: '2026-11-26' })], { id: 'A', opening: 10_000 });
    const b = statement([entry({ amount: 2_000, bookingDate: '2026-11-27' })], { id: 'B', opening: 12_000, from: '2026-11-27', closingOff: 5 });
    const r = importFile(t, bankFile([a, b]));
    expect(r.statements.map((s) => s.balanceOk)).toEqual([true, false]);
    const [sb, sa] = call(t.ctx, 'statements.list', {});
    expect(sa).toMatchObject({ statementId: 'A', balanceOk: true, gap: null, problems: [expect.objectContaining({ nl: expect.stringMatching(/Saldo in de boekhouding/) })] });
    expect(sb).toMatchObject({ statementId: 'B', balanceOk: false, balanceDifference: 5, previousClosing: 11_000, gap: 1_000 });
    expect(sb!.problems.map((p) => p.nl)).toEqual([
      'Beginsaldo plus de regels is niet het eindsaldo: verschil € 0,05',
      'Beginsaldo wijkt € 10,00 af van het eindsaldo van het vorige afschrift: ontbreekt er een afschrift?',
      'Saldo in de boekhouding € 0,00, bij de bank € 140,05',
    ]);
  });

  it('refuses a statement of another account or currency, naming it, and writes nothing', () => {
    const foreign = statement([entry({ amount: 100 })], { account: 'NL02ABNA0123456789' });
    expect(() => importFile(t, bankFile([statement([entry({ amount: 5 })]), foreign]))).toThrow(/NL02ABNA0123456789/);
    expect(() => importFile(t, bankFile([statement([entry({ amount: 100, currency: 'USD' })], { currency: 'USD' })]))).toThrow(/USD/);
    expect(call(t.ctx, 'statements.list', {})).toEqual([]);
    expect(t.ctx.db.prepare('SELECT COUNT(*) AS n FROM statement_entries').get()).toEqual({ n: 0 });
  });
});

describe('the commit of an import', () => {
  it('leaves the copy from the WAL into the ledger file until after the answer, then makes it and turns the automatic checkpoint on again', async () => {
    const { batch } = collected();
    const walFrames = () => t.ctx.db.pragma('wal_checkpoint(PASSIVE)', { simple: false }) as { busy: number; log: number; checkpointed: number }[];
    t.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const r = importFile(t, bankFile([statement([batchCredit(t, batch.id)])]));
    expect(r.matched.batchCredits).toBe(1);
    // right after the commit the automatic checkpoint is off: the commit did not copy
    expect(t.ctx.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.ctx.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const [frames] = walFrames();
    expect(frames!.log).toBeGreaterThan(0);
    expect(frames!.checkpointed).toBe(frames!.log);
    expectBooksHealthy(t);
  });
});
