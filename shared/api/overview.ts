import { z } from 'zod';
import { Account } from './bookkeeping';
import { defineMethods } from './method';

/** The Overzicht screen: figures, to-do list and charts. */

export const overviewMethods = defineMethods({
  'overview.get': {
    kind: 'read',
    summary: 'Figures for the overview screen: debtors, receivables, entries, account balances.',
    input: z.object({}),
    output: z.object({
      debtorCount: z.number(),
      debtorsWithBalance: z.number(),
      receivables: z.number(),
      creditBalances: z.number(),
      entryCount: z.number(),
      lastEntryDate: z.string().nullable(),
      /** Incasso onderweg per batch: saved, not yet confirmed by the bank */
      collectionsInTransit: z.array(z.object({ batchId: z.number(), reference: z.string(), date: z.string(), amount: z.number(), debits: z.number() })),
      accounts: z.array(Account),
    }),
  },
  'overview.dashboard': {
    kind: 'read',
    summary: "The Overzicht's to-do list (due for collection, batches awaiting the bank, mandates expiring within 60 days, direct debit without a mandate, credits to pay back, bank entries to match, storno's to handle, statements that do not add up) and its charts (receivables by age, cash-in forecast, collection batches by state).",
    input: z.object({}),
    output: z.object({
      today: z.string(),
      todo: z.object({
        dueForCollection: z.object({ items: z.number(), debtors: z.number(), amount: z.number() }),
        batchesAwaitingBank: z.object({ batches: z.number(), amount: z.number() }),
        mandatesExpiring: z.object({ mandates: z.number() }),
        directDebitWithoutMandate: z.object({ debtors: z.number() }),
        creditsToPayBack: z.object({ debtors: z.number(), amount: z.number() }),
        /** bank statement entries Penning could not match: the treasurer matches or books them */
        entriesToMatch: z.object({ entries: z.number() }),
        /** returned debits Penning does not collect again by itself whose items are still open */
        returnsToHandle: z.object({ returns: z.number() }),
        /** imported statements that do not add up or leave a gap to the one before */
        statementProblems: z.object({ statements: z.number() }),
      }),
      ageing: z.array(z.object({ bucket: z.enum(['0-30', '31-60', '61-90', '90+']), items: z.number(), debtors: z.number(), amount: z.number(), dueFrom: z.string().nullable(), dueTo: z.string().nullable() })),
      forecast: z.array(z.object({ date: z.string(), scheduled: z.number(), expected: z.number() })),
      batchesByState: z.array(z.object({ state: z.enum(['awaiting', 'executed', 'cancelled']), batches: z.number(), amount: z.number() })),
    }),
  },
});
