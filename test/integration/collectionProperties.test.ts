import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { subLedgerMismatches, unbalancedEntries } from '../../db/checks';
import { call } from '../../electron/api';
import { creditNote, invoice, member } from '../helpers/club';
import { openInitializedLedger } from '../helpers/ledger';
import { MAX_CENTS } from '../../shared/money';

const memberArb = fc.record({
  consolidate: fc.boolean(),
  oneOff: fc.boolean(),
  discount: fc.oneof(fc.constant(null), fc.record({ percent: fc.integer({ min: 1, max: 1_000 }) }), fc.record({ amount: fc.integer({ min: 1, max: 500 }) })),
  items: fc.array(
    fc.record({
      cents: fc.integer({ min: 1, max: 200_000 }),
      // 0-3: a partial credit note on 1, a credit note larger than the invoice on 2
      credit: fc.integer({ min: 0, max: 3 }),
      // a few due dates, so items share a date (merged or spread) or fall on their own
      due: fc.constantFrom('2026-11-01', '2026-11-01', '2026-11-20', '2026-12-01'),
      // 0: as is; 1: equal instalments on one date; 2: an arrangement over two months
      split: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/**
 * Whatever the members, discounts, maximum and bank limit: the control sum in the files equals
 * the sum of the debits equals what is booked to Incasso onderweg, the discount is booked to its
 * account, and the sub-ledger still matches the control account.
 */
describe('collection sums (property)', () => {
  it('file control sums = debits = booked amounts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(memberArb, { minLength: 1, maxLength: 6 }), fc.option(fc.integer({ min: 5_000, max: 500_000 })), fc.option(fc.integer({ min: 1, max: 4 })), fc.record({ perDueDate: fc.boolean(), mergeSameDate: fc.boolean(), netCredits: fc.boolean() }), async (members, maxAmount, perFile, options) => {
        const t = openInitializedLedger();
        try {
          if (maxAmount !== null) call(t.ctx, 'settings.update', { collection: { maxAmount } });
          if (perFile !== null) {
            const bank = call(t.ctx, 'settings.get', {}).bankAccounts[0]!;
            call(t.ctx, 'bankAccounts.save', { ...bank, bic: undefined, maxTransactionsPerFile: perFile });
          }
          members.forEach((m, i) => {
            const id = member(t, { name: `Lid ${i}`, mandate: { reference: `ZWA-P${i}`, type: m.oneOff ? 'one_off' : 'recurring' }, consolidate: m.consolidate, discountPercent: m.discount && 'percent' in m.discount ? m.discount.percent : undefined, discountAmount: m.discount && 'amount' in m.discount ? m.discount.amount : undefined });
            for (const it of m.items) {
              const item = invoice(t, id, it.cents, it.due);
              // credit notes: netted against the member's debits (or left for a refund)
              if (it.credit === 1 && it.cents >= 3) creditNote(t, id, item, Math.floor(it.cents / 3));
              if (it.credit === 2) creditNote(t, id, invoice(t, id, it.cents + 100, it.due), it.cents + 100);
              if (it.split === 1 && it.cents >= 2 && it.credit !== 1) call(t.ctx, 'items.split', { itemId: item, parts: [{ dueDate: it.due }, { dueDate: it.due }], arrangement: false });
              if (it.split === 2 && it.cents >= 2 && it.credit !== 1) call(t.ctx, 'items.split', { itemId: item, parts: [{ dueDate: it.due }, { dueDate: '2026-12-20' }], arrangement: true });
            }
          });
          const request = { ...options, dueUpTo: '2026-12-08', confirmPrenotification: true };
          const proposal = call(t.ctx, 'collections.propose', request);
          // every open item is either in a debit or in the why-not list, once
          const open = call(t.ctx, 'items.list', { status: 'open', limit: 5000 }).items.map((i) => i.id).sort((a, b) => a - b);
          const answered = [...proposal.debits.flatMap((d) => d.items.map((i) => i.itemId)), ...proposal.excluded.map((x) => x.itemId)];
          expect([...new Set(answered)].sort((a, b) => a - b)).toEqual(open);
          // one sequence type per mandate; a one-off mandate once; no two equal debits of one mandate on one date
          const byMandate = new Map<string, typeof proposal.debits>();
          for (const d of proposal.debits) byMandate.set(d.mandateReference, [...(byMandate.get(d.mandateReference) ?? []), d]);
          for (const [, ds] of byMandate) {
            expect(new Set(ds.map((d) => d.sequenceType)).size).toBe(1);
            if (ds[0]!.sequenceType === 'OOFF') expect(ds).toHaveLength(1);
            expect(new Set(ds.map((d) => `${d.date}|${d.amount}`)).size).toBe(ds.length);
          }
          for (const d of proposal.debits) {
            expect(d.amount).toBeGreaterThan(0);
            expect(d.amount).toBeLessThanOrEqual(maxAmount ?? MAX_CENTS);
            expect(d.gross).toBe(d.items.reduce((s, i) => s + i.amount, 0));
            expect(d.discount).toBe(d.items.reduce((s, i) => s + i.discount, 0));
            expect(d.credits).toBe(d.items.filter((i) => i.amount < 0).reduce((s, i) => s + i.amount, 0));
            if (!options.netCredits) expect(d.credits).toBe(0);
          }
          if (proposal.debits.length === 0) return;
          const batch = call(t.ctx, 'collections.create', request);
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
