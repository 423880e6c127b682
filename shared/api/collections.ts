import { z } from 'zod';
import { EXCLUSION_REASONS } from '../collectionReasons';
import { idField, isoDateField, requiredText } from './fields';
import { Bilingual } from './common';
import { SCHEMES } from './debtors';
import { defineMethods } from './method';

/** Direct-debit collection runs, refunds and their batches and files. */

export const ReadinessCheck = z.object({ key: z.enum(['creditorId', 'bankAccount', 'interimAccount', 'journal', 'debtors']), ok: z.boolean(), detail: Bilingual, fix: z.string() });

/** An item collected sooner than the member was told: what the invoice said, and from when the notice holds. */
export const PrenotificationFlag = z.object({ announcedDate: z.string(), invoiceDate: z.string(), noticeFrom: z.string() });

export const ProposedDebit = z.object({
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  /** the account holder's name as the file carries it */
  name: z.string(),
  iban: z.string(),
  mandateReference: z.string(),
  sequenceType: z.enum(['FRST', 'RCUR', 'OOFF', 'FNAL']),
  date: z.string(),
  gross: z.number(),
  discount: z.number(),
  amount: z.number(),
  amendment: z.boolean(),
  remittance: z.string(),
  fileNo: z.number(),
  /** open credits set off in this debit (negative cents; 0 when none) */
  credits: z.number(),
  items: z.array(
    z.object({
      itemId: z.number(),
      document: z.string(),
      amount: z.number(),
      discount: z.number(),
      part: z.string().nullable(),
      /** set when this item is collected sooner than its invoice announced (pre-notification falls short) */
      prenotification: PrenotificationFlag.nullable(),
      /** the bank returned this item before (AM04/MS03): collected again once */
      represented: z.boolean(),
    }),
  ),
});

export const ExcludedItem = z.object({
  itemId: z.number(),
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  document: z.string(),
  dueDate: z.string(),
  balance: z.number(),
  reason: z.enum(EXCLUSION_REASONS),
  detail: z.string().nullable(),
});

export const Proposal = z.object({
  bankAccount: z.object({ id: z.number(), name: z.string(), iban: z.string() }),
  scheme: z.enum(SCHEMES),
  earliestDate: z.string(),
  /** the latest collection date a bank accepts today (14 calendar days ahead) */
  latestDate: z.string(),
  collectionDate: z.string().nullable(),
  debits: z.array(ProposedDebit),
  excluded: z.array(ExcludedItem),
  /** every item collected sooner than announced: saving needs confirmPrenotification */
  prenotification: z.array(PrenotificationFlag.extend({ itemId: z.number(), document: z.string(), debtorId: z.number(), debtorNumber: z.string(), debtorName: z.string(), date: z.string() })),
  totals: z.object({ count: z.number(), amount: z.number(), discount: z.number(), credits: z.number(), items: z.number(), files: z.number(), prenotification: z.number() }),
});

export const Batch = z.object({
  id: z.number(),
  kind: z.enum(['collection', 'refund']),
  reference: z.string(),
  bankAccountId: z.number(),
  bankAccountIban: z.string(),
  scheme: z.enum(SCHEMES).nullable(),
  requestedDate: z.string().nullable(),
  painVersion: z.string(),
  status: z.enum(['saved', 'confirmed', 'cancelled']),
  transactionCount: z.number(),
  controlSum: z.number(),
  discountTotal: z.number(),
  fileCount: z.number(),
  fileHashes: z.array(z.string()),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  entryId: z.number().nullable(),
  cancelEntryId: z.number().nullable(),
  /** set on every batch of a ledger restored from a backup: the bank may hold files this ledger no longer knows */
  restoredLedger: z.object({ restoredAt: z.string(), message: z.object({ nl: z.string(), en: z.string() }) }).nullable(),
});

export const BatchTransaction = z.object({
  id: z.number(),
  fileNo: z.number(),
  endToEndId: z.string(),
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  name: z.string(),
  iban: z.string(),
  mandateReference: z.string().nullable(),
  sequenceType: z.string().nullable(),
  date: z.string(),
  amount: z.number(),
  discount: z.number(),
  remittance: z.string(),
  amendment: z.boolean(),
  documents: z.string().nullable(),
});

export const RefundCandidate = z.object({ debtorId: z.number(), debtorNumber: z.string(), debtorName: z.string(), iban: z.string().nullable(), credit: z.number(), items: z.number() });

export const CollectionRequestInput = z.object({
  bankAccountId: idField.optional(),
  scheme: z.enum(SCHEMES).default('CORE'),
  /** one collection date for all; left out: the earliest allowed date (or, with perDueDate, each item's due date) */
  collectionDate: isoDateField.optional(),
  perDueDate: z.boolean().default(false),
  dueUpTo: isoDateField.optional(),
  includeNotDue: z.boolean().default(false),
  excludeItemIds: z.array(idField).max(1_000_000).default([]),
  /** a member's items on one date become one debit (default); false: one debit per item (equal ones spread over business days) */
  mergeSameDate: z.boolean().default(true),
  /** open credits (credit notes, overpayments) are set off against the member's debits (default); false: they wait for a refund */
  netCredits: z.boolean().default(true),
  /** collections.create only: the treasurer confirms collecting items sooner than announced (the specification is the new pre-notification) */
  confirmPrenotification: z.boolean().default(false),
});

export const collectionsMethods = defineMethods({
  'collections.readiness': {
    kind: 'read',
    summary: 'What a collection run needs (creditor id, bank account, interim account, journal, debtors with mandates), each with where to fix it.',
    input: z.object({}),
    output: z.array(ReadinessCheck),
  },
  'collections.calendar': {
    kind: 'read',
    summary: 'Today and the earliest collection date a file saved today can ask for (lead time in TARGET2 business days).',
    input: z.object({}),
    output: z.object({ today: z.string(), earliestDate: z.string(), latestDate: z.string(), leadDays: z.number() }),
  },
  'collections.propose': {
    kind: 'read',
    summary: 'The proposed direct debits for a bank account, scheme and date, and every open item that is not proposed with the reason why. Writes nothing.',
    input: CollectionRequestInput,
    output: Proposal,
  },
  'collections.create': {
    kind: 'write',
    summary: 'Saves the proposal as a batch: pain.008 file(s), receivables booked to Incasso onderweg, items in collection, mandates marked used.',
    input: CollectionRequestInput,
    output: Batch,
  },
  'refunds.candidates': {
    kind: 'read',
    summary: 'Debtors with a credit balance that a refund run can pay back, with their IBAN.',
    input: z.object({}),
    output: z.array(RefundCandidate),
  },
  'refunds.create': {
    kind: 'write',
    summary: 'Saves a refund batch (pain.001) for the chosen debtors: Debiteuren -> Terug te betalen, their items settled.',
    input: z.object({ bankAccountId: idField.optional(), executionDate: isoDateField.optional(), debtorIds: z.array(idField).max(100_000) }),
    output: Batch,
  },
  'batches.list': {
    kind: 'read',
    summary: 'Collection and refund batches, newest first.',
    input: z.object({ kind: z.enum(['collection', 'refund']).optional() }),
    output: z.array(Batch),
  },
  'batches.get': {
    kind: 'read',
    summary: 'A batch with (a page of) its transactions.',
    input: z.object({ id: idField, limit: z.number().int().min(1).max(100_000).default(5000), offset: z.number().int().min(0).default(0) }),
    output: z.object({ batch: Batch, transactions: z.array(BatchTransaction) }),
  },
  'batches.file': {
    kind: 'read',
    summary: "A saved batch's file again, byte for byte as first written (same ids); a cancelled batch's file is void.",
    input: z.object({ id: idField, fileNo: z.number().int().min(1).default(1) }),
    output: z.object({ fileName: z.string(), messageId: z.string(), xml: z.string(), sha256: z.string() }),
  },
  'batches.cancel': {
    kind: 'write',
    summary: 'Cancels a batch the bank has not confirmed: the booking is reversed, items open again, the file is void. Ids are never reused.',
    input: z.object({ id: idField, reason: requiredText(200) }),
    output: Batch,
  },
  'batches.report': {
    kind: 'read',
    summary: 'De verzamelstaat of a batch as PDF (base64): per transaction debtor, IBAN, mandate, items and amount; totals and control sum.',
    input: z.object({ id: idField }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  'batches.specifications': {
    kind: 'read',
    summary: 'Per member a PDF specification of what the batch collects (or pays back) and for which items, named by member number.',
    input: z.object({ id: idField }),
    output: z.array(z.object({ fileName: z.string(), debtorNumber: z.string(), base64: z.string() })),
  },
  'batches.specificationsZip': {
    kind: 'read',
    summary: 'The same member specifications as one ZIP (base64), one PDF per member named by member number, ready to mail.',
    input: z.object({ id: idField }),
    output: z.object({ fileName: z.string(), files: z.number(), base64: z.string() }),
  },
});
