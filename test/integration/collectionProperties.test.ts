import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call } from '../../electron/api';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger } from '../helpers/ledger';

const memberArb = fc.record({
  consolidate: fc.boolean(),
  discount: fc.oneof(fc.constant(null), fc.record({ percent: fc.integer({ min: 1, max: 1_000 }) }), fc.record({ amount: fc.integer({ min: 1, max: 500 }) })),
  items: fc.array(fc.record({ cents: fc.integer({ min: 1, max: 200_000 }), credit: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 3 }),
});

/**
 * Whatever the members, discounts, maximum and bank limit: the control sum in the files equals
 * the sum of the debits equals what is booked to Incasso onderweg, the discount is booked to its
 * account, and the sub-ledger still matches the control account.
 */
describe('collection sums (property)', () => {
  it('file control sums = debits = booked amounts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(memberArb, { minLength: 1, maxLength: 6 }), fc.option(fc.integer({ min: 5_000, max: 500_000 })), fc.option(fc.integer({ min: 1, max: 4 })), async (members, maxAmount, perFile) => {
        const t = openInitializedLedger();
        try {
          if (maxAmount !== null) call(t.ctx, 'settings.update', { collection: { maxAmount } });
          if (perFile !== null) {
            const bank = call(t.ctx, 'settings.get', {}).bankAccounts[0]!;
            call(t.ctx, 'bankAccounts.save', { ...bank, bic: undefined, maxTransactionsPerFile: perFile });
          }
          members.forEach((m, i) => {
            const id = member(t, { name: `Lid ${i}`, mandate: { reference: `ZWA-P${i}` }, consolidate: m.consolidate, discountPercent: m.discount && 'percent' in m.discount ? m.discount.percent : undefined, discountAmount: m.discount && 'amount' in m.discount ? m.discount.amount : undefined });
            for (const it of m.items) {
              const item = invoice(t, id, it.cents);
              // a partial credit note on some invoices: a consolidated member nets it, others leave it aside
              if (it.credit === 1 && it.cents >= 3) creditNote(t, id, item, Math.floor(it.cents / 3));
            }
          });
          const proposal = call(t.ctx, 'collections.propose', {});
          if (proposal.debits.length === 0) return;
          const batch = call(t.ctx, 'collections.create', {});
          expect(batch.controlSum).toBe(proposal.totals.amount);
          expect(batch.controlSum).toBe(proposal.debits.reduce((s, d) => s + d.amount, 0));
          let inFiles = 0;
          let count = 0;
          for (let fileNo = 1; fileNo <= batch.fileCount; fileNo++) {
            const xml = call(t.ctx, 'batches.file', { id: batch.id, fileNo }).xml;
            const amounts = [...xml.matchAll(/<InstdAmt Ccy="EUR">(\d+)\.(\d\d)<\/InstdAmt>/g)].map((m) => Number(m[1]) * 100 + Number(m[2]));
            const header = /<GrpHdr>.*?<NbOfTxs>(\d+)<\/NbOfTxs><CtrlSum>(\d+)\.(\d\d)<\/CtrlSum>/.exec(xml)!;
            expect(Number(header[1])).toBe(amounts.length);
            expect(Number(header[2]) * 100 + Number(header[3])).toBe(amounts.reduce((s, a) => s + a, 0));
            inFiles += amounts.reduce((s, a) => s + a, 0);
            count += amounts.length;
            if (perFile !== null) expect(amounts.length).toBeLessThanOrEqual(perFile);
            if (maxAmount !== null) for (const a of amounts) expect(a).toBeLessThanOrEqual(maxAmount);
          }
          expect(count).toBe(batch.transactionCount);
          expect(inFiles).toBe(batch.controlSum);
          const accounts = call(t.ctx, 'accounts.list', {});
          expect(accounts.find((a) => a.code === '1400')!.balance).toBe(batch.controlSum);
          expect(accounts.find((a) => a.code === '4900')!.balance).toBe(batch.discountTotal);
          expect(unbalancedEntries(t.ledger.db)).toEqual([]);
          expect(subLedgerMismatches(t.ledger.db)).toEqual([]);
        } finally {
          t.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
