import { z } from 'zod';
import { Account } from './bookkeeping';
import { defineMethods } from './method';

/** The Overzicht screen: figures, to-do list and charts, in one read so the screen counts everything once. */

export const overviewMethods = defineMethods({
  'overview.get': {
    kind: 'read',
    summary:
      "Everything on the Overzicht: debtors, receivables, entries, account balances, money in collection; the to-do list (due for collection, batches awaiting the bank, members whose mandate expires within 60 days, direct debit without a mandate, credits to pay back) and the charts (receivables by age, cash-in forecast, collection batches by state). Each to-do and chart figure is the count of the filtered list it links to.",
    input: z.object({}),
    output: z.object({
      today: z.string(),
      debtorCount: z.number(),
      debtorsWithBalance: z.number(),
      receivables: z.number(),
      creditBalances: z.number(),
      entryCount: z.number(),
      lastEntryDate: z.string().nullable(),
      /** Incasso onderweg per batch: saved, not yet confirmed by the bank */
      collectionsInTransit: z.array(z.object({ batchId: z.number(), reference: z.string(), date: z.string(), amount: z.number(), debits: z.number() })),
      accounts: z.array(Account),
      todo: z.object({
        /** = items.list { dueForCollection: true } */
        dueForCollection: z.object({ items: z.number(), debtors: z.number(), amount: z.number() }),
        /** = batches.list { kind: 'collection', state: 'awaiting' } */
        batchesAwaitingBank: z.object({ batches: z.number(), amount: z.number() }),
        /** = debtors.list { mandate: 'expiring' } */
        mandatesExpiring: z.object({ debtors: z.number() }),
        /** = debtors.list { mandate: 'missing' } */
        directDebitWithoutMandate: z.object({ debtors: z.number() }),
        /** = refunds.candidates */
        creditsToPayBack: z.object({ debtors: z.number(), amount: z.number() }),
        /** bank statement entries Penning could not match: the treasurer matches or books them */
        entriesToMatch: z.object({ entries: z.number() }),
        /** returned debits Penning does not collect again by itself whose items are still open */
        returnsToHandle: z.object({ returns: z.number() }),
        /** imported statements that do not add up or leave a gap to the one before */
        statementProblems: z.object({ statements: z.number() }),
      }),
      /** each bucket = items.list { status: 'open', owedOnly: true, dueFrom, dueTo } */
      ageing: z.array(z.object({ bucket: z.enum(['0-30', '31-60', '61-90', '90+']), items: z.number(), debtors: z.number(), amount: z.number(), dueFrom: z.string().nullable(), dueTo: z.string().nullable() })),
      forecast: z.array(z.object({ date: z.string(), scheduled: z.number(), expected: z.number() })),
      /** each state = batches.list { kind: 'collection', state } */
      batchesByState: z.array(z.object({ state: z.enum(['awaiting', 'executed', 'cancelled']), batches: z.number(), amount: z.number() })),
    }),
  },
});
