import { z } from 'zod';
import { EXCLUSION_REASONS } from '../collectionReasons';
import { ACCOUNT_ROLES, ACCOUNT_TYPES, JOURNAL_KINDS } from '../ledgerRoles';
import {
  bicField,
  centsField,
  creditorIdField,
  ibanField,
  emailField,
  idField,
  isoDateField,
  mandateReferenceField,
  matching,
  memberNumberField,
  optionalText,
  requiredText,
} from './fields';
import { ledgerFileMethods } from './ledgerFile';
import { statementMethods } from './statements';
import type { MethodDef } from './method';

/**
 * The one contract: every method the UI, the browser-mode server and the CLI can call, with the
 * zod schema that validates its input and the schema that describes its output. Transports and the
 * renderer client derive their types from this table, so renaming a method breaks the build.
 */

const language = z.enum(['nl', 'en']);

// ---- domain shapes that cross the boundary -------------------------------------------------

export const PAIN008_VERSIONS = ['001.02', '001.08'] as const;
export const PAIN001_VERSIONS = ['001.03', '001.09'] as const;

export const Organisation = z.object({
  name: z.string(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const BankAccount = z.object({
  id: z.number(),
  name: z.string(),
  iban: z.string(),
  bic: z.string().nullable(),
  ledgerAccountId: z.number(),
  collection: z.boolean(),
  refunds: z.boolean(),
  active: z.boolean(),
  pain008Version: z.enum(PAIN008_VERSIONS),
  pain001Version: z.enum(PAIN001_VERSIONS),
  maxTransactionsPerFile: z.number().nullable(),
  /** BtchBookg: true = one credit per batch on the statement, false = each debit on its own line */
  batchBooking: z.boolean(),
});

/** How collections are made (Instellingen > Incasso). */
export const CollectionSettings = z.object({
  leadDays: z.number(),
  maxAmount: z.number().nullable(),
  remittanceTemplate: z.string(),
  discountAmount: z.number().nullable(),
  discountPercent: z.number().nullable(),
  firstAsFrst: z.boolean(),
  /** calendar days after the invoice before its items may be collected (pre-notification; 14 unless agreed shorter) */
  prenotificationDays: z.number(),
});

export const Settings = z.object({
  initialized: z.boolean(),
  organisation: Organisation,
  creditorId: z.string().nullable(),
  defaultPaymentTermDays: z.number(),
  /** the pre-notification text on invoices for direct debit ({bedrag} {datum} {iban} {rekeninghouder} {kenmerk} {incassant} {factuur}) */
  preNotificationText: z.string(),
  language,
  bankAccounts: z.array(BankAccount),
  collection: CollectionSettings,
});

export const Account = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.enum(ACCOUNT_TYPES),
  active: z.boolean(),
  roles: z.array(z.enum(ACCOUNT_ROLES)),
  /** debit minus credit, in cents */
  balance: z.number(),
});

export const Journal = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(JOURNAL_KINDS),
  entryCount: z.number(),
});

export const EntryLine = z.object({
  accountId: z.number(),
  accountCode: z.string(),
  accountName: z.string(),
  debtorId: z.number().nullable(),
  debtorName: z.string().nullable(),
  debit: z.number(),
  credit: z.number(),
  description: z.string().nullable(),
});

export const Entry = z.object({
  id: z.number(),
  journalCode: z.string(),
  reference: z.string(),
  date: z.string(),
  description: z.string(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  reversesEntryId: z.number().nullable(),
  reversedByEntryId: z.number().nullable(),
  lines: z.array(EntryLine),
});

export const DEBTOR_KINDS = ['person', 'business'] as const;
export const PAYMENT_METHODS = ['direct_debit', 'transfer'] as const;
export const MANDATE_TYPES = ['recurring', 'one_off'] as const;
export const SCHEMES = ['CORE', 'B2B'] as const;
export const MANDATE_STATUSES = ['active', 'revoked', 'expired'] as const;

export const Debtor = z.object({
  id: z.number(),
  number: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  language,
  kind: z.enum(DEBTOR_KINDS),
  paymentMethod: z.enum(PAYMENT_METHODS),
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  accountHolder: z.string().nullable(),
  collect: z.boolean(),
  consolidate: z.boolean(),
  /** null: the organisation's default payment term applies */
  paymentTermDays: z.number().nullable(),
  statusId: z.number().nullable(),
  statusName: z.string().nullable(),
  notes: z.string().nullable(),
  /** own contributie in cents: null = the fee run's amount, 0 = exempt */
  feeAmount: z.number().nullable(),
  /** incassokorting: fixed cents or hundredths of a percent (250 = 2,5 %), at most one of the two */
  discountAmount: z.number().nullable(),
  discountPercent: z.number().nullable(),
  /** groups the treasurer bills by (team, jeugd, ...) */
  tags: z.array(z.string()),
  /** reference of the active mandate, if any */
  activeMandate: z.string().nullable(),
  /** debits in a saved batch the bank has not confirmed yet: not paid, on their way */
  inCollection: z.array(z.object({ batchId: z.number(), reference: z.string(), date: z.string(), amount: z.number() })),
  /** "in incasso (€ 150,00, batch INC-2026-0001)", or null */
  inCollectionText: z.object({ nl: z.string(), en: z.string() }).nullable(),
  /** balance on the receivables control account: positive = the member owes the club */
  balance: z.number(),
  createdAt: z.string(),
});

export const DebtorStatus = z.object({
  id: z.number(),
  name: z.string(),
  sortOrder: z.number(),
  isDefault: z.boolean(),
  active: z.boolean(),
  debtorCount: z.number(),
});

export const Mandate = z.object({
  id: z.number(),
  debtorId: z.number(),
  reference: z.string(),
  signedOn: z.string(),
  type: z.enum(MANDATE_TYPES),
  scheme: z.enum(SCHEMES),
  status: z.enum(MANDATE_STATUSES),
  endedOn: z.string().nullable(),
  lastCollectedOn: z.string().nullable(),
  originalReference: z.string().nullable(),
  originalIban: z.string().nullable(),
  amendmentPending: z.boolean(),
});

export const InvoiceLine = z.object({
  description: z.string(),
  /** thousandths: 1000 is one */
  quantity: z.number(),
  unitPrice: z.number(),
  amount: z.number(),
  accountId: z.number(),
});

export const Invoice = z.object({
  id: z.number(),
  debtorId: z.number(),
  debtorNumber: z.string(),
  debtorName: z.string(),
  kind: z.enum(['invoice', 'credit_note']),
  status: z.enum(['draft', 'posted']),
  number: z.string().nullable(),
  invoiceDate: z.string(),
  dueDate: z.string().nullable(),
  description: z.string(),
  billingInstruction: z.string().nullable(),
  blocked: z.boolean(),
  feeRunId: z.number().nullable(),
  creditsInvoiceId: z.number().nullable(),
  total: z.number(),
  entryId: z.number().nullable(),
  lines: z.array(InvoiceLine),
});

export const FeeRun = z.object({
  id: z.number(),
  description: z.string(),
  invoiceDate: z.string(),
  dueDate: z.string().nullable(),
  amount: z.number(),
  accountId: z.number(),
  createdAt: z.string(),
  counts: z.object({ drafts: z.number(), blocked: z.number(), posted: z.number(), draftTotal: z.number() }),
  invoices: z.array(
    z.object({
      id: z.number(),
      debtorId: z.number(),
      debtorNumber: z.string(),
      debtorName: z.string(),
      status: z.enum(['draft', 'posted']),
      number: z.string().nullable(),
      total: z.number(),
      blocked: z.boolean(),
      billingInstruction: z.string().nullable(),
    }),
  ),
});

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

// ---- inputs ----------------------------------------------------------------------------------

const Bilingual = z.object({ nl: z.string(), en: z.string() });

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

const CollectionRequestInput = z.object({
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

const OrganisationInput = z.object({
  name: requiredText(70),
  street: optionalText(70),
  postalCode: optionalText(16),
  city: optionalText(35),
  country: z.string().length(2).default('NL'),
  email: optionalText(254).pipe(emailField.optional()),
  phone: optionalText(32),
});

const BankAccountInput = z.object({
  id: idField.optional(),
  name: requiredText(70),
  iban: ibanField,
  bic: optionalText(11).pipe(bicField.optional()),
  ledgerAccountId: idField.optional(),
  collection: z.boolean().default(true),
  refunds: z.boolean().default(true),
  active: z.boolean().default(true),
  pain008Version: z.enum(PAIN008_VERSIONS).default('001.02'),
  pain001Version: z.enum(PAIN001_VERSIONS).default('001.03'),
  maxTransactionsPerFile: z.number().int().min(1).max(100_000).nullable().optional(),
  batchBooking: z.boolean().default(true),
});

const EntryLineInput = z
  .object({
    accountId: idField.optional(),
    accountCode: z.string().optional(),
    debtorId: idField.optional(),
    debit: centsField.min(0).default(0),
    credit: centsField.min(0).default(0),
    description: optionalText(140),
  })
  .refine((l) => l.accountId !== undefined || l.accountCode !== undefined, {
    message: 'accountId or accountCode is required',
    path: ['accountId'],
    params: { rule: 'required', nl: 'kies een grootboekrekening', en: 'choose an account' },
  });

const DebtorInput = z.object({
  number: memberNumberField,
  name: requiredText(70),
  email: optionalText(254).pipe(emailField.optional()),
  phone: optionalText(32),
  street: optionalText(70),
  postalCode: optionalText(16),
  city: optionalText(35),
  country: z.string().length(2).default('NL'),
  language: language.default('nl'),
  kind: z.enum(DEBTOR_KINDS).default('person'),
  paymentMethod: z.enum(PAYMENT_METHODS).default('transfer'),
  iban: optionalText(40).pipe(ibanField.optional()),
  bic: optionalText(11).pipe(bicField.optional()),
  accountHolder: optionalText(70),
  collect: z.boolean().default(true),
  consolidate: z.boolean().default(false),
  paymentTermDays: z.number().int().min(0).max(365).nullable().optional(),
  statusId: idField.optional(),
  notes: optionalText(2000),
  tags: z.array(requiredText(40)).max(20).optional(),
  feeAmount: centsField.min(0).nullable().optional(),
  discountAmount: centsField.min(0).nullable().optional(),
  discountPercent: z.number().int().min(0).max(10_000).nullable().optional(),
});

const MEMBER_IMPORT_FIELDS = [
  'number', 'name', 'firstName', 'particle', 'lastName', 'email', 'phone', 'street', 'houseNumber', 'postalCode', 'city', 'country',
  'iban', 'bic', 'accountHolder', 'paymentMethod', 'mandateReference', 'mandateSignedOn', 'mandateType', 'language', 'notes', 'tags',
  'feeAmount', 'discount',
] as const;

const MemberImportInput = z.object({
  /** the file's bytes, base64: the encoding (UTF-8, UTF-16 or Windows-1252) is detected from them */
  content: z.base64().max(40_000_000),
  fileName: optionalText(255),
  /** column index per field, to override the detected mapping; null unmaps a field */
  mapping: z.partialRecord(z.enum(MEMBER_IMPORT_FIELDS), z.number().int().min(0).nullable()).optional(),
});

const MemberImportReport = z.object({
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']),
  separator: z.string(),
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(MEMBER_IMPORT_FIELDS), z.string()),
  totalRows: z.number(),
  created: z.number(),
  updated: z.number(),
  mandatesCreated: z.number(),
  rejected: z.array(z.object({ line: z.number(), column: z.string().nullable(), field: z.string(), message: z.object({ nl: z.string(), en: z.string() }) })),
  /** imported rows with something to look at (a "?" where a Windows-1252 file lost a letter) */
  warnings: z.array(z.object({ line: z.number(), column: z.string().nullable(), field: z.string(), message: z.object({ nl: z.string(), en: z.string() }) })),
  sample: z.array(
    z.object({
      line: z.number(),
      number: z.string().nullable(),
      name: z.string(),
      iban: z.string().nullable(),
      paymentMethod: z.string(),
      mandate: z.string().nullable(),
      action: z.enum(['create', 'update']),
    }),
  ),
});

const InvoiceLineInput = z.object({
  description: requiredText(140),
  quantity: z.number().int().min(1).max(1_000_000_000).default(1000),
  unitPrice: centsField.min(0),
  accountId: idField.optional(),
});

const DraftInput = z.object({
  debtorId: idField,
  invoiceDate: isoDateField,
  dueDate: isoDateField.optional(),
  description: requiredText(140),
  billingInstruction: optionalText(500),
  lines: z.array(InvoiceLineInput).refine((l) => l.length > 0, { params: { rule: 'min', nl: 'een factuur heeft minstens één regel', en: 'an invoice needs at least one line' } }),
});

const reason = requiredText(500);
const itemIds = z.array(idField).refine((ids) => ids.length > 0, { params: { rule: 'min', nl: 'kies minstens één post', en: 'choose at least one item' } });

const paging = { limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) };

// ---- the method table ------------------------------------------------------------------------

export const api = {
  'ledger.status': {
    kind: 'read',
    summary: 'Whether the ledger is set up, which file is open, and the UI language.',
    input: z.object({}),
    output: z.object({
      initialized: z.boolean(),
      file: z.string(),
      organisationName: z.string().nullable(),
      language,
      /** the ledger was restored from a backup: the warning to show with the batches */
      restoredLedger: z.object({ restoredAt: z.string(), message: z.object({ nl: z.string(), en: z.string() }) }).nullable(),
    }),
  },
  'setup.initialize': {
    kind: 'write',
    summary: 'First run: organisation, creditor identifier and bank accounts; creates the default chart and journals.',
    input: z.object({
      organisation: OrganisationInput,
      creditorId: optionalText(35).pipe(creditorIdField.optional()),
      bankAccounts: z.array(BankAccountInput.omit({ id: true })).default([]),
      language: language.default('nl'),
    }),
    output: Settings,
  },
  'setup.demo': {
    kind: 'write',
    summary: 'Creates the demo club (about 300 members, opening balances) in an empty ledger.',
    input: z.object({}),
    output: z.object({ members: z.number(), openingBalances: z.number(), settings: Settings }),
  },
  'settings.get': {
    kind: 'read',
    summary: 'Organisation, creditor identifier, payment term, language and bank accounts.',
    input: z.object({}),
    output: Settings,
  },
  'settings.update': {
    kind: 'write',
    summary: 'Changes the organisation, creditor identifier, default payment term or language.',
    input: z.object({
      organisation: OrganisationInput.optional(),
      creditorId: optionalText(35).pipe(creditorIdField.optional()).nullable().optional(),
      defaultPaymentTermDays: z.number().int().min(0).max(365).optional(),
      preNotificationText: optionalText(1000).nullable().optional(),
      language: language.optional(),
      collection: z
        .object({
          leadDays: z.number().int().min(1).max(14),
          maxAmount: centsField.min(1).nullable(),
          remittanceTemplate: optionalText(200),
          discountAmount: centsField.min(0).nullable(),
          discountPercent: z.number().int().min(0).max(10_000).nullable(),
          firstAsFrst: z.boolean(),
          prenotificationDays: z.number().int().min(1).max(14),
        })
        .partial()
        .optional(),
    }),
    output: Settings,
  },
  'bankAccounts.save': {
    kind: 'write',
    summary: 'Adds a bank account (no id) or changes one (with id). The IBAN is checked and normalised.',
    input: BankAccountInput,
    output: BankAccount,
  },
  'accounts.list': {
    kind: 'read',
    summary: 'The chart of accounts with roles and balances.',
    input: z.object({}),
    output: z.array(Account),
  },
  'accounts.save': {
    kind: 'write',
    summary: 'Adds or changes a ledger account (code, name, type, active).',
    input: z.object({
      id: idField.optional(),
      code: requiredText(10).pipe(matching(/^[0-9A-Za-z.-]+$/, 'format', 'alleen cijfers, letters, punt en streepje', 'digits, letters, dot and dash only')),
      name: requiredText(70),
      type: z.enum(ACCOUNT_TYPES),
      active: z.boolean().default(true),
    }),
    output: Account,
  },
  'accounts.setRole': {
    kind: 'write',
    summary: 'Says which account plays a role (receivables, collection in transit, ...).',
    input: z.object({ role: z.enum(ACCOUNT_ROLES), accountId: idField }),
    output: z.array(Account),
  },
  'journals.list': {
    kind: 'read',
    summary: 'The journals (Verkoop, Incasso, Bank, Memoriaal).',
    input: z.object({}),
    output: z.array(Journal),
  },
  'journals.save': {
    kind: 'write',
    summary: 'Adds or renames a journal.',
    input: z.object({
      id: idField.optional(),
      code: requiredText(8).pipe(matching(/^[A-Z0-9]+$/, 'format', 'hoofdletters en cijfers', 'capitals and digits')),
      name: requiredText(40),
      kind: z.enum(JOURNAL_KINDS),
    }),
    output: Journal,
  },
  'entries.post': {
    kind: 'write',
    summary: 'Posts a balanced journal entry (debits equal credits). Posted entries never change.',
    input: z.object({
      journalCode: requiredText(8),
      date: isoDateField,
      description: requiredText(140),
      sourceType: optionalText(32),
      sourceId: optionalText(64),
      lines: z.array(EntryLineInput).refine((l) => l.length >= 2, { params: { rule: 'min_lines', nl: 'een boeking heeft minstens twee regels', en: 'an entry needs at least two lines' } }),
    }),
    output: Entry,
  },
  'entries.reverse': {
    kind: 'write',
    summary: 'Posts the reversing entry of a posted entry (the only way to correct one).',
    input: z.object({ entryId: idField, date: isoDateField.optional(), description: optionalText(140) }),
    output: Entry,
  },
  'entries.list': {
    kind: 'read',
    summary: 'Posted journal entries, newest first.',
    input: z.object({ journalCode: z.string().optional(), debtorId: idField.optional(), ...paging }),
    output: z.object({ total: z.number(), entries: z.array(Entry) }),
  },
  'debtors.list': {
    kind: 'read',
    summary: 'Debtors with their balance, filtered by name, number, e-mail or IBAN.',
    input: z.object({ search: z.string().max(100).optional(), ...paging }),
    output: z.object({ total: z.number(), debtors: z.array(Debtor) }),
  },
  'debtors.get': {
    kind: 'read',
    summary: 'One debtor with balance.',
    input: z.object({ id: idField }),
    output: Debtor,
  },
  'debtors.create': {
    kind: 'write',
    summary: 'Adds a debtor (number is assigned when left out). Direct debit needs an IBAN.',
    input: DebtorInput,
    output: Debtor,
  },
  'debtors.update': {
    kind: 'write',
    summary: 'Changes a debtor card. A changed IBAN is recorded on the active mandate as an amendment for the next collection.',
    input: DebtorInput.extend({ id: idField }),
    output: Debtor,
  },
  'debtors.tags': {
    kind: 'read',
    summary: 'The groups in use, with how many debtors each has.',
    input: z.object({}),
    output: z.array(z.object({ tag: z.string(), count: z.number() })),
  },
  'debtorStatuses.list': {
    kind: 'read',
    summary: 'The debtor status table (Normaal, Betalingsregeling, Aanmaning, ...).',
    input: z.object({}),
    output: z.array(DebtorStatus),
  },
  'debtorStatuses.save': {
    kind: 'write',
    summary: 'Adds or changes a debtor status; one status is the default for new debtors.',
    input: z.object({ id: idField.optional(), name: requiredText(40), sortOrder: z.number().int().optional(), isDefault: z.boolean().default(false), active: z.boolean().default(true) }),
    output: z.array(DebtorStatus),
  },
  'mandates.list': {
    kind: 'read',
    summary: "A debtor's SEPA mandates, newest first.",
    input: z.object({ debtorId: idField }),
    output: z.array(Mandate),
  },
  'mandates.save': {
    kind: 'write',
    summary: 'Records a signed mandate (no id) or corrects one; a changed reference is kept as an amendment. For a member on transfer it offers (or, with switchToDirectDebit, makes) the switch to direct debit.',
    input: z.object({
      id: idField.optional(),
      debtorId: idField,
      reference: z.string().pipe(mandateReferenceField),
      signedOn: isoDateField,
      type: z.enum(MANDATE_TYPES).default('recurring'),
      scheme: z.enum(SCHEMES).default('CORE'),
      /** the member pays by transfer: also set the payment method to direct debit */
      switchToDirectDebit: z.boolean().default(false),
    }),
    output: Mandate.extend({
      /** the debtor's payment method after saving */
      paymentMethod: z.enum(PAYMENT_METHODS),
      /** an active mandate for a member on transfer: the UI asks whether to switch to direct debit (save again with switchToDirectDebit) */
      switchToDirectDebitOffered: z.boolean(),
      message: z.object({ nl: z.string(), en: z.string() }).nullable(),
    }),
  },
  'mandates.revoke': {
    kind: 'write',
    summary: 'Ends a mandate (the member withdrew it); it is never used again.',
    input: z.object({ id: idField, date: isoDateField.optional() }),
    output: Mandate,
  },
  'mandates.expireStale': {
    kind: 'write',
    summary: 'Marks recurring mandates unused for 36 months as expired (runs when a ledger opens).',
    input: z.object({ today: isoDateField.optional() }),
    output: z.object({ expired: z.array(z.string()) }),
  },
  'invoices.createDraft': {
    kind: 'write',
    summary: 'A draft invoice with lines (description, quantity in thousandths, unit price in cents, revenue account).',
    input: DraftInput,
    output: Invoice,
  },
  'invoices.updateDraft': { kind: 'write', summary: 'Corrects a draft invoice.', input: DraftInput.extend({ id: idField }), output: Invoice },
  'invoices.deleteDraft': { kind: 'write', summary: 'Throws a draft away.', input: z.object({ id: idField }), output: z.object({ deleted: z.number() }) },
  'invoices.setBlocked': {
    kind: 'write',
    summary: 'Factuurblokkade: a blocked draft is skipped when its fee run is posted.',
    input: z.object({ id: idField, blocked: z.boolean() }),
    output: Invoice,
  },
  'invoices.post': {
    kind: 'write',
    summary: 'Posts a draft: next number of the year, receivables against revenue, open item with due date.',
    input: z.object({ id: idField }),
    output: Invoice,
  },
  'invoices.credit': {
    kind: 'write',
    summary: 'Crediteren: posts a credit note for all (no lines) or part (given lines) of a posted invoice.',
    input: z.object({ invoiceId: idField, date: isoDateField.optional(), description: optionalText(140), lines: z.array(InvoiceLineInput).optional() }),
    output: Invoice,
  },
  'invoices.list': {
    kind: 'read',
    summary: "A debtor's invoices and credit notes (drafts and posted), newest first.",
    input: z.object({ debtorId: idField }),
    output: z.array(Invoice.omit({ lines: true })),
  },
  'invoices.pdf': {
    kind: 'read',
    summary: 'The invoice or credit note as a PDF (base64), with the pre-notification for debtors on direct debit.',
    input: z.object({ id: idField }),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  'invoices.get': { kind: 'read', summary: 'One invoice or credit note with its lines.', input: z.object({ id: idField }), output: Invoice },
  'feeRuns.create': {
    kind: 'write',
    summary: 'Massa factureren: a draft invoice per chosen debtor (all, by status, or selected) for one description and amount.',
    input: z.object({
      description: requiredText(140),
      invoiceDate: isoDateField,
      dueDate: isoDateField.optional(),
      amount: centsField.min(1),
      /** bill each member's own contributie from the card where one is set (0 = exempt, no invoice) */
      amountFromCard: z.boolean().default(false),
      accountId: idField.optional(),
      selection: z.object({ mode: z.enum(['all', 'status', 'tag', 'selected']), statusIds: z.array(idField).optional(), tags: z.array(z.string()).optional(), debtorIds: z.array(idField).optional() }),
    }),
    output: FeeRun,
  },
  'feeRuns.list': { kind: 'read', summary: 'Fee runs with their counts.', input: z.object({}), output: z.array(FeeRun.omit({ invoices: true })) },
  'feeRuns.get': { kind: 'read', summary: 'A fee run with its invoices (drafts with billing instruction and block).', input: z.object({ id: idField }), output: FeeRun },
  'feeRuns.post': {
    kind: 'write',
    summary: 'Posts every unblocked draft of the run in one transaction; blocked drafts are skipped until unblocked.',
    input: z.object({ id: idField }),
    output: z.object({ posted: z.number(), skippedBlocked: z.number(), run: FeeRun }),
  },
  'items.list': {
    kind: 'read',
    summary: 'Open items, filtered and sorted in the database, one page at a time, with the total balance of the selection.',
    input: z.object({
      debtorId: idField.optional(),
      status: z.enum(['open', 'blocked', 'arrangement', 'in_collection', 'closed', 'all']).default('open'),
      overdueOnly: z.boolean().default(false),
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
  'imports.members.preview': {
    kind: 'read',
    summary: 'Reads a member list (CSV, base64) and reports what an import would do: column mapping, new and updated debtors, refused rows with line and reason. Writes nothing.',
    input: MemberImportInput,
    output: MemberImportReport,
  },
  'imports.members.commit': {
    kind: 'write',
    summary: 'Imports the valid rows of a member list in one transaction (matched on member number: a re-import updates) and reports the refused ones.',
    input: MemberImportInput,
    output: MemberImportReport,
  },
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
  ...ledgerFileMethods,
  ...statementMethods,
  'overview.dashboard': {
    kind: 'read',
    summary: "The Overzicht's to-do list (due for collection, batches awaiting the bank, mandates expiring within 60 days, direct debit without a mandate, credits to pay back) and its charts (receivables by age, cash-in forecast, collection batches by state).",
    input: z.object({}),
    output: z.object({
      today: z.string(),
      todo: z.object({
        dueForCollection: z.object({ items: z.number(), debtors: z.number(), amount: z.number() }),
        batchesAwaitingBank: z.object({ batches: z.number(), amount: z.number() }),
        mandatesExpiring: z.object({ mandates: z.number() }),
        directDebitWithoutMandate: z.object({ debtors: z.number() }),
        creditsToPayBack: z.object({ debtors: z.number(), amount: z.number() }),
      }),
      ageing: z.array(z.object({ bucket: z.enum(['0-30', '31-60', '61-90', '90+']), items: z.number(), debtors: z.number(), amount: z.number(), dueFrom: z.string().nullable(), dueTo: z.string().nullable() })),
      forecast: z.array(z.object({ date: z.string(), scheduled: z.number(), expected: z.number() })),
      batchesByState: z.array(z.object({ state: z.enum(['awaiting', 'executed', 'cancelled']), batches: z.number(), amount: z.number() })),
    }),
  },
} as const satisfies Record<string, MethodDef>;

export type Api = typeof api;
export type Method = keyof Api;
/** What a caller passes (before defaults and normalisation). */
export type Input<M extends Method> = z.input<Api[M]['input']>;
/** What a handler receives (validated, normalised, defaults filled in). */
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export type OrganisationT = z.output<typeof Organisation>;
export type BankAccountT = z.output<typeof BankAccount>;
export type SettingsT = z.output<typeof Settings>;
export type AccountT = z.output<typeof Account>;
export type JournalT = z.output<typeof Journal>;
export type EntryT = z.output<typeof Entry>;
export type DebtorT = z.output<typeof Debtor>;
export type DebtorStatusT = z.output<typeof DebtorStatus>;
export type MandateT = z.output<typeof Mandate>;
export type InvoiceT = z.output<typeof Invoice>;
export type FeeRunT = z.output<typeof FeeRun>;
export type OpenItemT = z.output<typeof OpenItem>;
export type MemberImportReportT = z.output<typeof MemberImportReport>;
export { MEMBER_IMPORT_FIELDS };

export const METHODS = Object.keys(api) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}
