import { z } from 'zod';
import { centsField, idField, isoDateField, optionalText, requiredText } from './fields';
import { defineMethods } from './method';

/** Open items: the debtor sub-ledger and what a treasurer does with an item. */

/** More parts than this is a typo (a monthly arrangement of ten years), at every entrance. */
export const MAX_SPLIT_PARTS = 120;

export const ITEM_STATUSES = ['open', 'blocked', 'arrangement', 'settled', 'split', 'merged', 'written_off', 'in_collection', 'refunded'] as const;

export const OpenItem = z.object({
  id: z.number(),
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  sourceType: z.string(),
  invoiceId: z.number().nullable(),
  document: z.string(),
  description: z.string(),
  itemDate: z.string(),
  dueDate: z.string(),
  daysOverdue: z.number(),
  amount: z.number(),
  balance: z.number(),
  status: z.enum(ITEM_STATUSES),
  blocked: z.boolean(),
  arrangement: z.boolean(),
  parentItemId: z.number().nullable(),
  mergedIntoItemId: z.number().nullable(),
});

const reason = requiredText(500);

const itemIds = z.array(idField).refine((ids) => ids.length > 0, { params: { rule: 'min', nl: 'kies minstens één post', en: 'choose at least one item' } });

export const itemsMethods = defineMethods({
  'items.list': {
    kind: 'read',
    summary: 'Open items, filtered and sorted in the database, one page at a time, with the total balance of the selection.',
    input: z.object({
      debtorId: idField.optional(),
      status: z.enum(['open', 'blocked', 'arrangement', 'in_collection', 'closed', 'all']).default('open'),
      overdueOnly: z.boolean().default(false),
      /** only what members owe (a positive balance): the Overzicht's ageing buckets */
      owedOnly: z.boolean().default(false),
      /** only items a collection saved today would take: the Overzicht's "due for collection" */
      dueForCollection: z.boolean().default(false),
      dueFrom: isoDateField.optional(),
      dueTo: isoDateField.optional(),
      search: z.string().max(100).optional(),
      sort: z.enum(['dueDate', 'itemDate', 'balance', 'amount', 'debtor', 'document', 'daysOverdue']).default('dueDate'),
      direction: z.enum(['asc', 'desc']).default('asc'),
      limit: z.number().int().min(1).max(5000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number(), totalBalance: z.number(), items: z.array(OpenItem) }),
  },
  'items.history': {
    kind: 'read',
    summary: "An item's history: created, split, merged, blocked, written off ...",
    input: z.object({ itemId: idField }),
    output: z.array(z.object({ at: z.string(), kind: z.string(), text: z.string(), reason: z.string().nullable(), relatedItemId: z.number().nullable() })),
  },
  'items.split': {
    kind: 'write',
    summary: 'Opsplitsen: one item into parts with their own due dates (equal when no amounts are given); optionally a payment arrangement.',
    input: z.object({
      itemId: idField,
      /** a part without dueDate: the first takes the next possible date (never in the past), the others a month after the part before */
      parts: z.array(z.object({ amount: centsField.optional(), dueDate: isoDateField.optional() })).max(MAX_SPLIT_PARTS),
      arrangement: z.boolean().default(false),
      reason: optionalText(500),
    }),
    output: z.object({ itemIds: z.array(z.number()) }),
  },
  'items.merge': {
    kind: 'write',
    summary: 'Samenvoegen: items of one debtor (an invoice with a credit note or payment) into one item with the difference.',
    input: z.object({ itemIds, dueDate: isoDateField.optional(), reason: optionalText(500) }),
    output: z.object({ itemId: z.number() }),
  },
  'items.settle': {
    kind: 'write',
    summary: 'Vereffenen: closes items of one debtor that net to zero.',
    input: z.object({ itemIds, reason: optionalText(500) }),
    output: z.object({ settled: z.number() }),
  },
  'items.writeOff': {
    kind: 'write',
    summary: 'Afboeken: books the balance to the write-off account (Memoriaal) with a reason.',
    input: z.object({ itemId: idField, reason, date: isoDateField.optional() }),
    output: z.object({ entryId: z.number() }),
  },
  'items.changeDueDate': {
    kind: 'write',
    summary: 'Moves the due date; the reason is kept in the history.',
    input: z.object({ itemId: idField, dueDate: isoDateField, reason }),
    output: z.object({ itemId: z.number() }),
  },
  'items.setBlocked': {
    kind: 'write',
    summary: 'Blocks or unblocks items for collection and dunning.',
    input: z.object({ itemIds, blocked: z.boolean(), reason: optionalText(500) }),
    output: z.object({ changed: z.number() }),
  },
});

export type OpenItemT = z.output<typeof OpenItem>;
