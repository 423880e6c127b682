import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger } from '../helpers/ledger';
import { balanceOf, bankFile, batchCredit, detail, entry, expectBooksHealthy, importFile, returnOf, statement, transactionsOf, transfer } from '../helpers/statements';

/**
 * The story on the model: collect 500 items, the bank credits the batch, 12 returns with
 * 5 reason codes, 30 transfers of which 3 partial and 1 overpaid, 2 refunds leave. The ledger is
 * exactly as expected, importing everything twice is importing it once, and the next proposal
 * re-presents exactly the AM04/MS03 items.
 */
describe('the storno loop, end to end on 500 debits', () => {
  it('books the bank\u2019s answer exactly once', { timeout: 300_000 }, () => {
    const t = openInitializedLedger();
    try {
      const debits: { debtorId: number; itemId: number }[] = [];
      for (let i = 0; i < 500; i++) {
        const d = member(t, { name: `Lid ${String(i + 1).padStart(3, '0')}`, mandate: { reference: `ZWA-${i + 1}` } });
        debits.push({ debtorId: d, itemId: invoice(t, d, 5_000 + (i % 7) * 250) });
      }
      const payers: { debtorId: number; itemId: number; doc: string }[] = [];
      for (let i = 0; i < 30; i++) {
        const d = member(t, { name: `Betaler ${i + 1}`, mandate: null });
        const itemId = invoice(t, d, 4_500);
        payers.push({ debtorId: d, itemId, doc: (t.ctx.db.prepare('SELECT document FROM open_items WHERE id = ?').get(itemId) as { document: string }).document });
      }
      const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
      const txs = transactionsOf(t, batch.id);
      expect(txs).toHaveLength(500);
      const collected = txs.reduce((s, x) => s + x.amount, 0);

      const codes = ['AM04', 'AM04', 'AM04', 'AM04', 'MS03', 'MS03', 'MD06', 'MD06', 'MD06', 'AC04', 'AC04', 'MD01'];
      const returned = codes.map((code, i) => ({ tx: txs[i * 37]!, code }));
      const returnEntries = returned.map((r, i) => returnOf(r.tx, r.code, { date: i < 6 ? '2026-11-30' : '2026-12-01' }));
      const transferEntries = payers.map((p, i) => transfer(i < 3 ? 2_000 : i === 3 ? 5_000 : 4_500, { name: `Betaler ${i + 1}`, text: `Factuur ${p.doc}`, date: '2026-11-27' }));
      const day26 = statement([batchCredit(t, batch.id)], { id: '2026-330', opening: 250_000 });
      const day27 = statement(transferEntries, { id: '2026-331', opening: day26.closing!.amount, from: '2026-11-27' });
      const days30 = statement(returnEntries, { id: '2026-332', opening: day27.closing!.amount, from: '2026-11-30', to: '2026-12-01' });
      const file = bankFile([day26, day27, days30]);

      const first = importFile(t, file);
      expect(first).toMatchObject({ entries: 1 + 30 + 12, skipped: 0, unmatched: 0, matched: { batchCredits: 1, returns: 12, transfers: 30, refunds: 0 } });
      expect(first.statements.every((s) => s.balanceOk)).toBe(true);
      expect(importFile(t, file)).toMatchObject({ skipped: 43, unmatched: 0, matched: { batchCredits: 0, returns: 0, transfers: 0, refunds: 0 } });
      expectBooksHealthy(t);

      // two refunds: the overpaid member and a member with a credit note
      creditNote(t, payers[4]!.debtorId, payers[4]!.itemId, 1_000);
      const refund = call(t.ctx, 'refunds.create', { debtorIds: [payers[3]!.debtorId, payers[4]!.debtorId] });
      const refundTxs = transactionsOf(t, refund.id);
      expect(refundTxs.map((x) => x.amount)).toEqual([500, 1_000]);
      const out = statement(refundTxs.map((x) => entry({ amount: -x.amount, bookingDate: '2026-12-02', details: [detail({ endToEndId: x.endToEndId })] })), { id: '2026-333', opening: days30.closing!.amount, from: '2026-12-02' });
      expect(importFile(t, bankFile([out]))).toMatchObject({ matched: { refunds: 2 }, unmatched: 0 });

      const returnedNet = returned.reduce((s, r) => s + r.tx.amount, 0);
      const transfers = 26 * 4_500 + 3 * 2_000 + 5_000;
      expect(balanceOf(t, '1100')).toBe(collected - returnedNet + transfers - 1_500);
      expect(call(t.ctx, 'statements.list', {})[0]).toMatchObject({ closing: 250_000 + collected - returnedNet + transfers - 1_500, problems: [expect.objectContaining({ nl: expect.stringMatching(/^Saldo in de boekhouding/) })] });
      expect(balanceOf(t, '1400')).toBe(0);
      expect(balanceOf(t, '1600')).toBe(0);
      // what members still owe: the 12 returned debits and the 3 partial payments' rest
      expect(balanceOf(t, '1300')).toBe(returnedNet + 3 * 2_500);
      expect(call(t.ctx, 'batches.get', { id: batch.id, limit: 1, offset: 0 }).batch.status).toBe('confirmed');
      expect(call(t.ctx, 'statements.inTransit', { includeSettled: true }).batches[0]).toMatchObject({ collected, credited: collected, returned: returnedNet, outstanding: 0, returns: 12 });
      expect(call(t.ctx, 'statements.returns', { limit: 100 })).toHaveLength(12);
      expectBooksHealthy(t);

      // the next proposal: AM04 and MS03 re-presented once, the others not, each with its reason
      const next = call(t.ctx, 'collections.propose', { collectionDate: '2026-12-03', includeNotDue: true });
      const returnedItems = returned.map((r) => debits.find((d) => d.debtorId === r.tx.debtorId)!.itemId);
      const represented = next.debits.flatMap((d) => d.items.filter((i) => i.represented).map((i) => i.itemId));
      expect(represented.sort()).toEqual(returnedItems.slice(0, 6).sort());
      expect(returnedItems.slice(6).map((id) => next.excluded.find((x) => x.itemId === id)?.detail)).toEqual(['MD06, 1x', 'MD06, 1x', 'MD06, 1x', 'AC04, 1x', 'AC04, 1x', 'MD01, 1x']);
    } finally {
      t.close();
    }
  });
});
