import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/api';
import type { BankFile } from '../../electron/statements/model';
import { invoice, member } from '../helpers/club';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { balanceOf, bankFile, batchCredit, detail, entry, expectBooksHealthy, importFile, pain002, returnOf, statement, transactionsOf, transfer } from '../helpers/statements';

/**
 * One club's bank answer as six files that overlap (the same days again, a combined statement, a
 * pain.002 and the net credit after it), imported in any order, any of them repeated: after every
 * import the journal balances and the sub-ledger equals the control account; once every file is
 * in, the books are the same whatever the order.
 */
function world(t: TestLedger): BankFile[] {
  const people = ['Anna Bakker', 'Bob Visser', 'Cas Smit', 'Dirk Mol', 'Eva Kok', 'Fleur Jansen'];
  people.forEach((name, i) => {
    const d = member(t, { name, mandate: { reference: `ZWA-${i + 1}` }, discountAmount: i === 0 ? 100 : undefined });
    invoice(t, d, 10_000 + i * 1_000);
  });
  const payer = member(t, { name: 'Gijs de Boer', mandate: null });
  const g1 = invoice(t, payer, 7_500, '2026-10-01');
  const g2 = invoice(t, payer, 2_500, '2026-11-01', 'Bardienst');
  const doc = (id: number) => (t.ctx.db.prepare('SELECT document FROM open_items WHERE id = ?').get(id) as { document: string }).document;
  const batch = call(t.ctx, 'collections.create', { collectionDate: '2026-11-26' });
  const txs = transactionsOf(t, batch.id);
  const total = txs.reduce((s, x) => s + x.amount, 0);
  const credit = batchCredit(t, batch.id, { amount: total - txs[2]!.amount });
  const pay1 = transfer(5_000, { text: `${doc(g1)} deel 1`, date: '2026-11-27' });
  const pay2 = transfer(6_000, { text: `${doc(g1)} ${doc(g2)}`, date: '2026-11-28' });
  const same = entry({ amount: 1_000, bankReference: null, bookingDate: '2026-11-27', details: [detail({ remittance: 'kantine' })] });
  const ret0 = returnOf(txs[0]!, 'AM04', { date: '2026-11-30', charges: 150 });
  const ret1 = returnOf(txs[1]!, 'MD06', { date: '2026-12-01' });
  const d26 = statement([credit], { id: '26', opening: 0 });
  const d27 = statement([pay1, same, { ...same, source: 'twin' }], { id: '27', opening: d26.closing!.amount, from: '2026-11-27' });
  const d27to28 = statement([pay1, same, { ...same, source: 'twin' }, pay2], { id: '27-28', opening: d26.closing!.amount, from: '2026-11-27', to: '2026-11-28' });
  const d30 = statement([ret0, ret1], { id: '30', opening: d27to28.closing!.amount, from: '2026-11-30', to: '2026-12-01' });
  return [
    bankFile([d26]),
    bankFile([d27]),
    bankFile([d27to28]),
    bankFile([d26, d27to28, d30]),
    bankFile([d30], 'camt.054'),
    pain002(t, batch.id, [{ endToEndId: txs[2]!.endToEndId, code: 'AM04' }]),
  ];
}

function booksOf(t: TestLedger) {
  const items = t.ctx.db.prepare('SELECT id, state, balance FROM open_items ORDER BY id').all();
  return { bank: balanceOf(t, '1100'), transit: balanceOf(t, '1400'), receivables: balanceOf(t, '1300'), costs: balanceOf(t, '4800'), discount: balanceOf(t, '4900'), items, entries: t.ctx.db.prepare('SELECT COUNT(*) AS n FROM statement_entries').get() };
}

describe('imports in any order (property)', () => {
  it('keep the books balanced after every step and end the same', { timeout: 600_000 }, () => {
    const reference = (() => {
      const t = openInitializedLedger();
      try {
        const files = world(t);
        for (const f of files) importFile(t, f);
        return booksOf(t);
      } finally {
        t.close();
      }
    })();
    expect(reference).toMatchObject({ transit: 0, costs: 150 });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 10 }), (order) => {
        const t = openInitializedLedger();
        try {
          const files = world(t);
          for (const i of order) {
            importFile(t, files[i]!);
            expectBooksHealthy(t);
          }
          for (const f of files) importFile(t, f);
          expectBooksHealthy(t);
          expect(booksOf(t)).toEqual(reference);
        } finally {
          t.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
