import { z } from 'zod';
import { STORNO_ACTIONS } from '../returnReasons';
import { centsField, idField, matching, optionalText, requiredText } from './fields';
import { defineMethods } from './method';

/**
 * Bank statements (Bankafschriften): reading a bank file, importing it idempotently, the balance
 * checks, matching each entry (batch credits, returns, transfers, refunds) with its explanation,
 * the manual-match panel, Incasso onderweg per batch and the storno policy. Spread into the one
 * contract.
 */
const Text = z.object({ nl: z.string(), en: z.string() });

export const STATEMENT_FORMATS = ['camt.052', 'camt.053', 'camt.054', 'pain.002', 'mt940'] as const;
/** what an entry was matched as: the four automatic kinds, a manual match to items, or a booking to a chosen account */
export const MATCH_KINDS = ['batchCredit', 'return', 'transfer', 'refund', 'manual', 'account'] as const;
/** unmatched: waits for the treasurer; matched: booked by Penning or by hand; none: moves no money here (a pain.002 accept, an entry of 0) */
export const ENTRY_STATES = ['unmatched', 'matched', 'none'] as const;

/** One statement as the file states it, with its balance check (what the CLI prints per statement). */
export const StatementReading = z.object({
  account: z.string(),
  currency: z.string(),
  /** the bank's statement id */
  id: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** booked balances in signed cents; null when the file states none (camt.054, pain.002) */
  opening: z.number().nullable(),
  closing: z.number().nullable(),
  entries: z.number(),
  /** sum of the credit entries and of the debit entries' absolute amounts, both positive cents */
  credits: z.number(),
  debits: z.number(),
  /** opening + entries = closing; null when the file states no balances */
  balanceOk: z.boolean().nullable(),
});

/** What reading a file gives, before anything is booked (the dry run). */
export const FileReading = z.object({
  format: z.enum(STATEMENT_FORMATS),
  /** version or dialect read, e.g. camt.053.001.02, mt940-ing-structured */
  variant: z.string(),
  statements: z.array(StatementReading),
  /** every booked entry of all statements (camt Ntry, MT940 :61:); for a pain.002 its rejects */
  entries: z.number(),
  /** per currency: signed cents, credit positive */
  sums: z.record(z.string(), z.number()),
});

/**
 * A bank file: its bytes as base64 (`content`), or, in browser mode, the id of the file streamed
 * to POST /upload (`upload`): a statement file may be far larger than a JSON call should carry.
 */
const BankFileInput = z.object({
  content: z.string().max(200_000_000).optional(),
  upload: z.string().regex(/^[a-f0-9]{32}$/).optional(),
  fileName: z.string().max(260).default(''),
});

export const MatchCounts = z.object({ batchCredits: z.number(), returns: z.number(), transfers: z.number(), refunds: z.number() });

export const ImportResult = FileReading.extend({
  fileId: z.number(),
  matched: MatchCounts,
  /** entries left for the treasurer */
  unmatched: z.number(),
  /** entries already imported before (same, overlapping or repeating file): booked nothing */
  skipped: z.number(),
  /** the imported statements, ids for statements.get */
  statementIds: z.array(z.number()),
  /** days skipped as a whole: already imported from the other format (camt.053 / MT940) with the same total */
  skippedDays: z.array(z.object({ account: z.string(), date: z.string(), importedFrom: z.string(), entries: z.number(), explanation: Text })),
});

/** A statement in the list, with the three balance checks. */
export const StatementSummary = z.object({
  id: z.number(),
  fileId: z.number(),
  fileName: z.string(),
  format: z.enum(STATEMENT_FORMATS),
  importedAt: z.string(),
  bankAccountId: z.number(),
  bankAccountName: z.string(),
  account: z.string(),
  currency: z.string(),
  statementId: z.string(),
  sequence: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  opening: z.number().nullable(),
  closing: z.number().nullable(),
  /** entries in the statement, and of those the ones this import booked (the others were imported before) */
  entries: z.number(),
  newEntries: z.number(),
  credits: z.number(),
  debits: z.number(),
  /** opening + entries = closing */
  balanceOk: z.boolean().nullable(),
  /** closing - (opening + entries), cents; 0 when it adds up; null without balances */
  balanceDifference: z.number().nullable(),
  /** the closing balance of the account's statement before this one (by date), null for the first */
  previousClosing: z.number().nullable(),
  /** opening - previous closing: a gap (missing statement) when not 0; null for the first */
  gap: z.number().nullable(),
  /** the ledger's balance of the bank account up to the statement's last day, beside the bank's closing */
  ledgerBalance: z.number(),
  unmatched: z.number(),
  returns: z.number(),
  /** the checks in words (empty when all is well) */
  problems: z.array(Text),
});

export const Allocation = z.object({
  kind: z.enum(['batch', 'transaction', 'item', 'credit', 'account', 'charges']),
  amount: z.number(),
  batchId: z.number().nullable(),
  batchReference: z.string().nullable(),
  transactionId: z.number().nullable(),
  endToEndId: z.string().nullable(),
  itemId: z.number().nullable(),
  document: z.string().nullable(),
  debtorId: z.number().nullable(),
  debtorName: z.string().nullable(),
  accountId: z.number().nullable(),
  accountCode: z.string().nullable(),
  accountName: z.string().nullable(),
});

export const StatementEntry = z.object({
  id: z.number(),
  statementId: z.number(),
  bookingDate: z.string(),
  valueDate: z.string().nullable(),
  /** signed cents, credit positive */
  amount: z.number(),
  currency: z.string(),
  counterpartyName: z.string().nullable(),
  counterpartyIban: z.string().nullable(),
  /** remittance text, creditor reference and the bank's own text, joined */
  description: z.string(),
  endToEndIds: z.array(z.string()),
  bankReference: z.string().nullable(),
  reversal: z.boolean(),
  transactionCode: z.string().nullable(),
  /** number of transactions in the entry (a batch credit) when the bank says so */
  transactionCount: z.number().nullable(),
  returnReason: z.object({ code: z.string().nullable(), label: Text, kind: z.enum(['return', 'reject', 'refund', 'reversal']) }).nullable(),
  state: z.enum(ENTRY_STATES),
  kind: z.enum(MATCH_KINDS).nullable(),
  /** why Penning matched it this way, or why it could not */
  explanation: Text,
  /** the journal entry that booked it */
  journalEntryId: z.number().nullable(),
  allocations: z.array(Allocation),
  /** where in the file: "Ntry 3 in Stmt 1", "regel 14" */
  source: z.string(),
});

export const SuggestionReason = z.object({
  key: z.enum(['amount', 'iban', 'name', 'reference', 'date']),
  /** the share of the score this reason gives */
  points: z.number(),
  text: Text,
});

export const Suggestion = z.object({
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  /** the open items this payment would settle, oldest first */
  items: z.array(z.object({ itemId: z.number(), document: z.string(), dueDate: z.string(), balance: z.number() })),
  /** sum of the items' balances */
  amount: z.number(),
  /** 0-100 */
  score: z.number(),
  reasons: z.array(SuggestionReason),
});

/** Incasso onderweg explained, per collection batch. */
export const BatchInTransit = z.object({
  batchId: z.number(),
  reference: z.string(),
  date: z.string().nullable(),
  status: z.enum(['saved', 'confirmed', 'cancelled']),
  transactions: z.number(),
  /** what the batch asked for (net of discount) */
  collected: z.number(),
  /** credited by the bank (batch or per debit) */
  credited: z.number(),
  /** debited back after settlement (returns, refunds by the payer) */
  returned: z.number(),
  /** refused before settlement (pain.002): never credited */
  rejected: z.number(),
  returns: z.number(),
  /** still on Incasso onderweg for this batch: collected - credited - rejected */
  outstanding: z.number(),
  explanation: Text,
});

export const DebtorReturn = z.object({
  id: z.number(),
  date: z.string(),
  debtorId: z.number(),
  mandateReference: z.string().nullable(),
  batchReference: z.string(),
  endToEndId: z.string(),
  amount: z.number(),
  kind: z.enum(['return', 'reject', 'refund', 'reversal']),
  reasonCode: z.string().nullable(),
  label: Text,
  action: z.enum(STORNO_ACTIONS),
  /** what Penning did after it (re-present, dunning, mandate ended, off direct debit, fee item) */
  outcome: Text,
  /** refusals of this debtor and of this mandate up to and including this one */
  debtorCount: z.number(),
  mandateCount: z.number(),
  /** an MD06 on a B2B debit: the payer has no refund right, ask the bank */
  b2bRefund: z.boolean(),
  itemIds: z.array(z.number()),
});

export const StornoSettings = z.object({
  /** action per reason code; codes not listed take `otherCodes` */
  actions: z.record(z.string(), z.enum(STORNO_ACTIONS)),
  otherCodes: z.enum(STORNO_ACTIONS),
  /** after this many refusals a member goes off direct debit until the treasurer decides; null: never */
  refusalLimit: z.number().nullable(),
  /** a storno fee in cents charged as an item of its own; null: none */
  fee: z.number().nullable(),
});

const codeField = matching(/^[A-Z0-9]{4}$/, 'reason_code', 'redencode: vier hoofdletters of cijfers', 'reason code: four capitals or digits');

export const statementMethods = defineMethods({
  'statements.preview': {
    kind: 'read',
    summary: 'Reads a bank file (camt.052/053/054, pain.002, MT940) and says what it holds, without booking anything (dry run; any account or currency).',
    input: BankFileInput,
    output: FileReading,
  },
  'statements.import': {
    kind: 'write',
    summary: 'Imports a bank file in one transaction: only the club\u2019s own EUR accounts, every entry once (idempotent), balance checks, and matches what it can.',
    input: BankFileInput,
    output: ImportResult,
  },
  'statements.list': {
    kind: 'read',
    summary: 'Imported statements, newest first, with their balance checks.',
    input: z.object({ bankAccountId: idField.optional() }),
    output: z.array(StatementSummary),
  },
  'statements.get': {
    kind: 'read',
    summary: 'One statement with its balance checks and its entries.',
    input: z.object({ id: idField }),
    output: z.object({ statement: StatementSummary, entries: z.array(StatementEntry) }),
  },
  'statements.entries': {
    kind: 'read',
    summary: 'Entries over all statements: only unmatched ones, only returns, or those of one batch.',
    input: z.object({
      filter: z.enum(['all', 'unmatched', 'returns']).default('all'),
      statementId: idField.optional(),
      batchId: idField.optional(),
      limit: z.number().int().min(1).max(5000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({ total: z.number(), entries: z.array(StatementEntry) }),
  },
  'statements.entry': {
    kind: 'read',
    summary: 'One entry with its match and explanation.',
    input: z.object({ id: idField }),
    output: StatementEntry,
  },
  'statements.suggestions': {
    kind: 'read',
    summary: 'For an unmatched entry: debtors and items it may pay, ranked by a score with the reasons (amount, IBAN, name, reference, date).',
    input: z.object({ entryId: idField, limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(Suggestion),
  },
  'statements.match': {
    kind: 'write',
    summary: 'Matches an unmatched incoming payment to open items by hand (oldest first; the rest becomes a credit) and remembers the payer\u2019s IBAN for that member.',
    input: z.object({ entryId: idField, itemIds: z.array(idField).min(1).max(500), learnIban: z.boolean().default(true) }),
    output: StatementEntry,
  },
  'statements.bookToAccount': {
    kind: 'write',
    summary: 'Books an unmatched entry to a chosen account (bank costs, other income, ...).',
    input: z.object({ entryId: idField, accountId: idField, description: optionalText(140) }),
    output: StatementEntry,
  },
  'statements.unmatch': {
    kind: 'write',
    summary: 'Undoes a manual match or a booking to an account by a reversing entry; the entry is unmatched again.',
    input: z.object({ entryId: idField, reason: requiredText(140) }),
    output: StatementEntry,
  },
  'statements.inTransit': {
    kind: 'read',
    summary: 'Incasso onderweg explained: per collection batch collected, credited, returned, rejected and still outstanding.',
    input: z.object({ includeSettled: z.boolean().default(false) }),
    output: z.object({ balance: z.number(), batches: z.array(BatchInTransit) }),
  },
  'statements.returns': {
    kind: 'read',
    summary: 'Returned and rejected debits (storno\u2019s) with reason, counts per debtor and mandate, and what Penning did.',
    input: z.object({ debtorId: idField.optional(), limit: z.number().int().min(1).max(5000).default(200) }),
    output: z.array(DebtorReturn),
  },
  'statements.todo': {
    kind: 'read',
    summary: 'For the overview’s to-do list: entries to match, returns whose items are still open and not re-presented, statements that do not add up.',
    input: z.object({}),
    output: z.object({ unmatchedEntries: z.number(), returnsToHandle: z.number(), statementProblems: z.number() }),
  },
  'statements.settings.get': {
    kind: 'read',
    summary: 'The storno policy: what happens after each reason code, the refusal limit and the storno fee.',
    input: z.object({}),
    output: StornoSettings,
  },
  'statements.settings.save': {
    kind: 'write',
    summary: 'Changes the storno policy.',
    input: z.object({
      actions: z.record(codeField, z.enum(STORNO_ACTIONS)).optional(),
      otherCodes: z.enum(STORNO_ACTIONS).optional(),
      refusalLimit: z.number().int().min(1).max(99).nullable().optional(),
      fee: centsField.refine((n) => n > 0, { message: 'fee must be positive', params: { rule: 'positive', nl: 'kosten moeten positief zijn', en: 'fee must be positive' } }).nullable().optional(),
    }),
    output: StornoSettings,
  },
});

export type StatementEntryT = z.infer<typeof StatementEntry>;
export type StatementSummaryT = z.infer<typeof StatementSummary>;
export type SuggestionT = z.infer<typeof Suggestion>;
export type FileReadingT = z.infer<typeof FileReading>;
export type ImportResultT = z.infer<typeof ImportResult>;
export type StornoSettingsT = z.infer<typeof StornoSettings>;
export type BatchInTransitT = z.infer<typeof BatchInTransit>;
export type DebtorReturnT = z.infer<typeof DebtorReturn>;
export type AllocationT = z.infer<typeof Allocation>;
