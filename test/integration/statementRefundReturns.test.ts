import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { balanceOf, expectBooksHealthy } from '../helpers/statements';
import { loadBatch, refundOut, refundReturned, simulatedBank, transfer } from '../helpers/bankSimulator';
import { xsdErrors } from '../helpers/xsd';

/**
 * A refund (our pain.001 credit transfer) that the member's bank sends back: read from the bank's
 * own camt.053 and MT940 as the simulator writes them, matched to that refund by end-to-end id,
 * never left unmatched and never taken for the member paying.
 */
let t: TestLedger;
beforeEach(() => {
  t = openInitializedLedger();
});
afterEach(() => t.close());

const doc = (itemId: number) => (t.ctx.db.prepare('SELECT document FROM open_items WHERE id = ?').get(itemId) as { document: string }).document;
const importText = (text: string, fileName: string) => call(t.ctx, 'statements.import', { content: Buffer.from(text).toString('base64'), fileName });

function overpaidAndRefunded() {
  const bob = member(t, { name: 'Bob Visser', mandate: null, iban: 'NL44RABO0123456789' });
  const cas = member(t, { name: 'Cas Smit', mandate: null, iban: 'NL02ABNA0123456789' });
  const b1 = invoice(t, bob, 5_000);
  const c1 = invoice(t, cas, 4_500);
  const account = (t.ctx.db.prepare('SELECT iban FROM bank_accounts ORDER BY id LIMIT 1').get() as { iban: string }).iban;
  const bank = simulatedBank({ iban: account, bic: 'INGBNL2A', ownerName: 'TV De Zwaluwen' });
  const paid = bank.statement({ date: '2026-11-20', opening: 100_000, entries: [
    transfer({ from: { name: 'Bob Visser', iban: 'NL44RABO0123456789' }, amount: 7_500, reference: doc(b1) }),
    transfer({ from: { name: 'Cas Smit', iban: 'NL02ABNA0123456789' }, amount: 5_500, reference: doc(c1) }),
  ] });
  expect(importText(paid.xml!, 'betaald.xml').matched.transfers).toBe(2);
  const refund = call(t.ctx, 'refunds.create', { debtorIds: [bob, cas] });
  const batch = loadBatch(t.ctx, refund.id);
  const [bobTx, casTx] = [batch.transactions.find((x) => x.debtorId === bob)!, batch.transactions.find((x) => x.debtorId === cas)!];
  expect([bobTx.amount, casTx.amount]).toEqual([2_500, 1_000]);
  const left = bank.statement({ date: '2026-11-27', opening: paid.statements[0]!.closing, entries: [refundOut(bobTx), refundOut(casTx)] });
  expect(importText(left.xml!, 'terugbetaald.xml')).toMatchObject({ matched: { refunds: 2 }, unmatched: 0 });
  expect(balanceOf(t, '1600')).toBe(0);
  return { bob, cas, bobTx, casTx, bank, closing: left.statements[0]!.closing, bobItem: b1, casItem: c1 };
}

const refundReturns = () => t.ctx.db.prepare('SELECT debtor_id AS debtorId, amount, reason_code AS reasonCode FROM refund_returns ORDER BY id').all();
const creditItems = (debtorId: number) => t.ctx.db.prepare("SELECT state, balance FROM open_items WHERE debtor_id = ? AND balance < 0 ORDER BY id").all(debtorId);

describe('a refund the member\u2019s bank sends back', () => {
  it('camt.053 (RtrInf AC04, charges kept by the bank): Bank / Debiteuren, the credit open again, the refund marked returned with why', async () => {
    const s = overpaidAndRefunded();
    const back = s.bank.statement({ date: '2026-11-30', opening: s.closing, entries: [refundReturned(s.bobTx, 'AC04', { charges: 250 })] });
    expect(await xsdErrors(back.xml!)).toEqual([]);
    const bank1100 = balanceOf(t, '1100');
    const r = importText(back.xml!, 'retour.xml');
    expect(r).toMatchObject({ unmatched: 0, matched: { batchCredits: 0, returns: 0, transfers: 0, refunds: 1 } });
    expect(balanceOf(t, '1100') - bank1100).toBe(2_250);
    expect(balanceOf(t, '4800')).toBe(250);
    expect(balanceOf(t, '1600')).toBe(0);
    expect(refundReturns()).toEqual([{ debtorId: s.bob, amount: 2_500, reasonCode: 'AC04' }]);
    // the credit the refund settled is open again, so a new refund run can pay it once the IBAN is right
    expect(creditItems(s.bob)).toEqual([{ state: 'open', balance: -2_500 }]);
    expect(call(t.ctx, 'refunds.candidates', {})).toEqual([expect.objectContaining({ debtorId: s.bob, credit: 2_500 })]);
    const e = call(t.ctx, 'statements.entries', { filter: 'returns' }).entries;
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ state: 'matched', kind: 'refund' });
    expect(e[0]!.explanation.nl).toBe(
      'Terugbetaling TRB-2026-0001 teruggekomen van de bank van de ontvanger, gevonden op end-to-end-id — Bob Visser (1001): rekening opgeheven (AC04); tegoed € 25,00 staat weer open, controleer het IBAN en betaal opnieuw terug; kosten € 2,50 naar Bankkosten',
    );
    const creditItem = (t.ctx.db.prepare('SELECT id FROM open_items WHERE debtor_id = ? AND balance < 0').get(s.bob) as { id: number }).id;
    expect(call(t.ctx, 'items.history', { itemId: creditItem }).at(-1)).toMatchObject({ kind: 'refund_returned', reason: 'AC04', text: expect.stringMatching(/^Terugbetaling TRB-2026-0001 naar NL44RABO0123456789 teruggekomen op 30-11-2026: rekening opgeheven \(AC04\)/) });
    expectBooksHealthy(t);

    // imported again: nothing twice
    expect(importText(back.xml!, 'retour.xml')).toMatchObject({ skipped: 1, unmatched: 0, matched: { refunds: 0 } });
    expect(refundReturns()).toHaveLength(1);

    // paid back again to the right account: the reopened credit is what the new run refunds
    const again = call(t.ctx, 'refunds.create', { debtorIds: [s.bob] });
    expect(loadBatch(t.ctx, again.id).total).toBe(2_500);
    expect(creditItems(s.bob)).toEqual([]);
    expectBooksHealthy(t);
  });

  it('MT940 (/RTRN/MD07/ on a credit): matched by /EREF/, never as the member paying', () => {
    const s = overpaidAndRefunded();
    const back = s.bank.mt940([{ date: '2026-12-01', opening: s.closing, entries: [refundReturned(s.casTx, 'MD07')] }]);
    expect(back.text).toContain('/RTRN/MD07/');
    const r = importText(back.text!, 'retour.940');
    expect(r).toMatchObject({ unmatched: 0, matched: { transfers: 0, refunds: 1 } });
    expect(refundReturns()).toEqual([{ debtorId: s.cas, amount: 1_000, reasonCode: 'MD07' }]);
    expect(creditItems(s.cas)).toEqual([{ state: 'open', balance: -1_000 }]);
    expect(creditItems(s.bob)).toEqual([]);
    const e = call(t.ctx, 'statements.entries', { filter: 'all' }).entries.find((x) => x.amount === 1_000)!;
    expect(e.explanation.nl).toMatch(/Cas Smit \(1002\): rekeninghouder overleden \(MD07\); tegoed € 10,00 staat weer open/);
    expect(e.explanation.en).toMatch(/account holder deceased \(MD07\); credit €10\.00 is open again/);
    expectBooksHealthy(t);
  });

  it('a credit of a refund that already came back is explained, not booked twice', () => {
    const s = overpaidAndRefunded();
    importText(s.bank.statement({ date: '2026-11-30', opening: s.closing, entries: [refundReturned(s.casTx, 'AC01')] }).xml!, 'a.xml');
    const second = s.bank.statement({ date: '2026-12-02', id: 'OTHER', opening: s.closing + 1_000, entries: [refundReturned(s.casTx, 'AC01')] }, { fileName: 'b.xml' });
    const r = importText(second.xml!.replace(/<AcctSvcrRef>[^<]*<\/AcctSvcrRef>/g, '<AcctSvcrRef>ANDERE-REF</AcctSvcrRef>'), 'b.xml');
    expect(r).toMatchObject({ unmatched: 1, matched: { refunds: 0, transfers: 0 } });
    expect(call(t.ctx, 'statements.entries', { filter: 'unmatched' }).entries[0]!.explanation.nl).toMatch(/is al eerder teruggekomen/);
    expect(refundReturns()).toHaveLength(1);
    expectBooksHealthy(t);
  });
});
