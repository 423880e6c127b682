import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The ledger's tables. Money columns are INTEGER cents; dates are 'YYYY-MM-DD' TEXT; moments are
 * ISO-8601 TEXT. Journal entries and lines are immutable: triggers in the hand-written migration
 * 0001_immutable_journal.sql refuse UPDATE and DELETE.
 */

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const organisation = sqliteTable(
  'organisation',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('NL'),
    email: text('email'),
    phone: text('phone'),
    creditorId: text('creditor_id'),
    defaultPaymentTermDays: integer('default_payment_term_days').notNull().default(14),
    /** the pre-notification printed on invoices to debtors on direct debit; {placeholders} are filled in */
    preNotificationText: text('pre_notification_text'),
    /** business days (TARGET2) between saving a collection file and the collection date: D-1 plus the bank's own margin */
    collectionLeadDays: integer('collection_lead_days').notNull().default(2),
    /** per-transaction maximum (cents): a larger item is collected in parts under it */
    maxCollectionAmount: integer('max_collection_amount'),
    /** remittance text of a collection, {placeholders} filled in, cut to 140 SEPA characters */
    remittanceTemplate: text('remittance_template'),
    /** incassokorting for everyone (a debtor's own one wins): cents, or hundredths of a percent */
    collectionDiscountAmount: integer('collection_discount_amount'),
    collectionDiscountPercent: integer('collection_discount_percent'),
    /** send FRST for the first collection of a recurring mandate (optional since 2016; RCUR otherwise) */
    firstAsFrst: integer('first_as_frst', { mode: 'boolean' }).notNull().default(false),
    /** calendar days between invoice and collection the members were told (SDD default 14, may be agreed shorter) */
    prenotificationDays: integer('prenotification_days').notNull().default(14),
    language: text('language', { enum: ['nl', 'en'] }).notNull().default('nl'),
    initializedAt: text('initialized_at').notNull(),
    /** random part of every id sent to the bank; a new one after a restore, so an older copy never repeats ids the bank has */
    idSalt: text('id_salt'),
    /** when this ledger was restored from a backup: the bank may hold files this copy does not know */
    restoredAt: text('restored_at'),
    /** storno policy: after this many refusals a member goes off direct debit (null: never) */
    stornoRefusalLimit: integer('storno_refusal_limit').default(3),
    /** storno policy: a fee (cents) charged as an item of its own after a return; null: none */
    stornoFee: integer('storno_fee'),
    /** storno policy: the action for reason codes without a rule of their own */
    stornoOtherCodes: text('storno_other_codes', { enum: ['represent', 'dun', 'stop', 'endMandate'] }).notNull().default('stop'),
    /** dunning: items whose open total per debtor is below this (cents) get no letter */
    dunningMinimum: integer('dunning_minimum').notNull().default(500),
    /** dunning: the club cannot reclaim VAT, so 21 % BTW goes on top of the statutory collection costs (and the letter says so) */
    collectionCostsVat: integer('collection_costs_vat', { mode: 'boolean' }).notNull().default(false),
    /** dunning: charge statutory interest (wettelijke rente) from the interest_rates table */
    statutoryInterest: integer('statutory_interest', { mode: 'boolean' }).notNull().default(false),
    /** dunning: extra days before a debtor with the gentle profile gets each letter */
    gentleExtraDays: integer('gentle_extra_days').notNull().default(14),
    /** dunning: no letter when the dossier has a contact (call, e-mail, agreement) this many days back */
    recentContactDays: integer('recent_contact_days').notNull().default(7),
    /** letters: the address window of the envelope, from the sheet's left and top edge (mm); null: the common Dutch window envelope */
    letterWindowLeftMm: integer('letter_window_left_mm'),
    letterWindowTopMm: integer('letter_window_top_mm'),
  },
  (t) => [check('organisation_single_row', sql`${t.id} = 1`)],
);

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['asset', 'liability', 'equity', 'revenue', 'expense'] }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accounts_code_unique').on(t.code)],
);

export const accountRoles = sqliteTable('account_roles', {
  role: text('role').primaryKey(),
  accountId: integer('account_id')
    .notNull()
    .references(() => accounts.id),
});

export const journals = sqliteTable(
  'journals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['sales', 'collection', 'bank', 'memorial'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('journals_code_unique').on(t.code)],
);

export const bankAccounts = sqliteTable(
  'bank_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    ledgerAccountId: integer('ledger_account_id')
      .notNull()
      .references(() => accounts.id),
    collection: integer('collection', { mode: 'boolean' }).notNull().default(true),
    refunds: integer('refunds', { mode: 'boolean' }).notNull().default(true),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** pain.008 version this bank takes: 001.02 (2009, everywhere) or 001.08 (2019) */
    pain008Version: text('pain008_version', { enum: ['001.02', '001.08'] }).notNull().default('001.02'),
    pain001Version: text('pain001_version', { enum: ['001.03', '001.09'] }).notNull().default('001.03'),
    /** the bank's limit of transactions per file (Rabobank 1 500, ABN AMRO 3 000, ING 5 000); null: none */
    maxTransactionsPerFile: integer('max_transactions_per_file'),
    /** BtchBookg: one credit per batch on the statement (true), or each debit on its own line (false) */
    batchBooking: integer('batch_booking', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bank_accounts_iban_unique').on(t.iban)],
);

/** The treasurer's own list of debtor statuses (Normaal, Betalingsregeling, Aanmaning, ...). */
export const debtorStatuses = sqliteTable(
  'debtor_statuses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('debtor_statuses_name_unique').on(t.name)],
);

export const debtors = sqliteTable(
  'debtors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    number: text('number').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    iban: text('iban'),
    bic: text('bic'),
    /** Who holds the account when someone else pays (a parent for a child); the bank file carries it. */
    accountHolder: text('account_holder'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('NL'),
    phone: text('phone'),
    language: text('language', { enum: ['nl', 'en'] }).notNull().default('nl'),
    kind: text('kind', { enum: ['person', 'business'] }).notNull().default('person'),
    paymentMethod: text('payment_method', { enum: ['direct_debit', 'transfer'] }).notNull().default('transfer'),
    collect: integer('collect', { mode: 'boolean' }).notNull().default(true),
    consolidate: integer('consolidate', { mode: 'boolean' }).notNull().default(false),
    /** null: the organisation's default term */
    paymentTermDays: integer('payment_term_days'),
    statusId: integer('status_id'),
    notes: text('notes'),
    /** this member's own contributie (cents); null: the fee run's amount, 0: exempt (erelid) */
    feeAmount: integer('fee_amount'),
    /** incassokorting for this debtor: a fixed amount in cents or a percentage in hundredths (250 = 2,5 %) */
    discountAmount: integer('discount_amount'),
    discountPercent: integer('discount_percent'),
    /** dunning: normal, gentle (later letters, seeds/002: the best customers) or excluded from dunning */
    dunningProfile: text('dunning_profile', { enum: ['normal', 'gentle', 'excluded'] }).notNull().default('normal'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex('debtors_number_unique').on(t.number), index('debtors_name').on(t.name)],
);

export const mandates = sqliteTable(
  'mandates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    reference: text('reference').notNull(),
    signedOn: text('signed_on').notNull(),
    type: text('type', { enum: ['recurring', 'one_off'] }).notNull().default('recurring'),
    scheme: text('scheme', { enum: ['CORE', 'B2B'] }).notNull().default('CORE'),
    status: text('status', { enum: ['active', 'revoked', 'expired'] }).notNull().default('active'),
    endedOn: text('ended_on'),
    lastCollectedOn: text('last_collected_on'),
    /** Amendment to report with the next collection: the values before the change (SEPA AmdmntInfDtls). */
    originalReference: text('original_reference'),
    originalIban: text('original_iban'),
    amendmentPending: integer('amendment_pending', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('mandates_reference_unique').on(t.reference), index('mandates_debtor').on(t.debtorId)],
);

export const journalEntries = sqliteTable(
  'journal_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    journalId: integer('journal_id')
      .notNull()
      .references(() => journals.id),
    /** Numbering restarts per journal per year and has no gaps: MEM-2026-0001. */
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    date: text('date').notNull(),
    description: text('description').notNull(),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    reversesEntryId: integer('reverses_entry_id').references((): any => journalEntries.id),
    /** How many lines the entry has; once they are in, the entry is closed (a trigger refuses more). */
    lineCount: integer('line_count'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('journal_entries_number_unique').on(t.journalId, t.year, t.number),
    uniqueIndex('journal_entries_reverses_unique').on(t.reversesEntryId),
    index('journal_entries_date').on(t.date),
    index('journal_entries_source').on(t.sourceType, t.sourceId),
    check('journal_entries_date_format', sql`${t.date} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
  ],
);

export const journalLines = sqliteTable(
  'journal_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id')
      .notNull()
      .references(() => journalEntries.id),
    lineNo: integer('line_no').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The debtor sub-ledger: set on every line of the receivables control account. */
    debtorId: integer('debtor_id').references(() => debtors.id),
    debit: integer('debit').notNull().default(0),
    credit: integer('credit').notNull().default(0),
    description: text('description'),
  },
  (t) => [
    uniqueIndex('journal_lines_entry_line').on(t.entryId, t.lineNo),
    index('journal_lines_account').on(t.accountId),
    index('journal_lines_debtor').on(t.debtorId),
    check('journal_lines_amounts', sql`${t.debit} >= 0 AND ${t.credit} >= 0 AND (${t.debit} = 0 OR ${t.credit} = 0) AND ${t.debit} + ${t.credit} > 0`),
  ],
);

/** Invoices and credit notes. A draft can change; a posted one never does (triggers in 0003). */
export const invoices = sqliteTable(
  'invoices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    kind: text('kind', { enum: ['invoice', 'credit_note'] }).notNull().default('invoice'),
    status: text('status', { enum: ['draft', 'posted'] }).notNull().default('draft'),
    /** assigned when posted: 2026-0001, one gap-free series per year for invoices and credit notes */
    number: text('number'),
    year: integer('year'),
    sequence: integer('sequence'),
    invoiceDate: text('invoice_date').notNull(),
    /** null: invoice date + the debtor's (or the default) payment term, fixed when posted */
    dueDate: text('due_date'),
    description: text('description').notNull(),
    billingInstruction: text('billing_instruction'),
    /** factuurblokkade: a blocked draft is skipped when its fee run is posted */
    blocked: integer('blocked', { mode: 'boolean' }).notNull().default(false),
    feeRunId: integer('fee_run_id'),
    creditsInvoiceId: integer('credits_invoice_id').references((): any => invoices.id),
    entryId: integer('entry_id').references(() => journalEntries.id),
    total: integer('total').notNull().default(0),
    createdAt: createdAt(),
    postedAt: text('posted_at'),
  },
  (t) => [
    uniqueIndex('invoices_number_unique').on(t.number),
    uniqueIndex('invoices_year_sequence_unique').on(t.year, t.sequence),
    index('invoices_debtor').on(t.debtorId),
    index('invoices_fee_run').on(t.feeRunId),
    // see open_items_entry
    index('invoices_entry').on(t.entryId),
    index('invoices_credits').on(t.creditsInvoiceId).where(sql`credits_invoice_id IS NOT NULL`),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invoiceId: integer('invoice_id')
      .notNull()
      .references(() => invoices.id),
    lineNo: integer('line_no').notNull(),
    description: text('description').notNull(),
    /** thousandths: 1000 is one; 1500 is one and a half */
    quantity: integer('quantity').notNull().default(1000),
    unitPrice: integer('unit_price').notNull(),
    amount: integer('amount').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
  },
  (t) => [uniqueIndex('invoice_lines_invoice_line').on(t.invoiceId, t.lineNo)],
);

/**
 * The debtor sub-ledger: what each debtor owes, item by item. The sum of a debtor's balances equals
 * the debtor's balance on the receivables control account, always.
 */
export const openItems = sqliteTable(
  'open_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    sourceType: text('source_type', { enum: ['invoice', 'credit_note', 'opening_balance', 'journal', 'split', 'merge', 'dunning_fee', 'collection_costs', 'interest'] }).notNull(),
    invoiceId: integer('invoice_id').references(() => invoices.id),
    entryId: integer('entry_id').references(() => journalEntries.id),
    document: text('document').notNull(),
    description: text('description').notNull(),
    itemDate: text('item_date').notNull(),
    dueDate: text('due_date').notNull(),
    /** signed cents: positive is owed by the debtor, negative is owed to the debtor */
    amount: integer('amount').notNull(),
    balance: integer('balance').notNull(),
    state: text('state', { enum: ['open', 'settled', 'split', 'merged', 'written_off', 'in_collection', 'refunded'] }).notNull().default('open'),
    blocked: integer('blocked', { mode: 'boolean' }).notNull().default(false),
    arrangement: integer('arrangement', { mode: 'boolean' }).notNull().default(false),
    parentItemId: integer('parent_item_id').references((): any => openItems.id),
    mergedIntoItemId: integer('merged_into_item_id').references((): any => openItems.id),
    closedOn: text('closed_on'),
    /** the collection or refund transaction that holds this item (state in_collection / refunded) */
    batchTransactionId: integer('batch_transaction_id'),
    /** dunning: the last level this item reached, and the date of that letter */
    dunningLevelId: integer('dunning_level_id'),
    dunnedOn: text('dunned_on'),
    /** statutory interest on this item is booked through this day (a dunning letter charged it); null: none yet */
    interestThrough: text('interest_through'),
    createdAt: createdAt(),
  },
  (t) => [
    index('open_items_debtor').on(t.debtorId),
    index('open_items_state_due').on(t.state, t.dueDate),
    index('open_items_invoice').on(t.invoiceId),
    // a bank credit or return finds the items its debit holds
    index('open_items_batch_transaction').on(t.batchTransactionId),
    // an import holds foreign-key checks to its commit (entries named before they are written): while
    // one is outstanding, SQLite looks for the rows naming every new parent row, so each such column
    // of a growing table needs an index or every insert of a parent scans it
    index('open_items_entry').on(t.entryId),
    index('open_items_parent').on(t.parentItemId),
    index('open_items_merged_into').on(t.mergedIntoItemId),
    check('open_items_closed_balance', sql`${t.state} = 'open' OR ${t.balance} = 0`),
  ],
);

export const openItemEvents = sqliteTable(
  'open_item_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => openItems.id),
    at: text('at').notNull(),
    kind: text('kind').notNull(),
    /** what happened, in the treasurer's words (Dutch), with amounts and related items */
    text: text('text').notNull(),
    reason: text('reason'),
    relatedItemId: integer('related_item_id'),
    entryId: integer('entry_id'),
    /** The item's balance after this event; a trigger lets open_items.balance change only to the newest one. */
    balanceAfter: integer('balance_after'),
  },
  (t) => [index('open_item_events_item').on(t.itemId)],
);

/** Massa factureren: one description and amount for a selection of debtors, reviewed as drafts, posted at once. */
export const feeRuns = sqliteTable('fee_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  description: text('description').notNull(),
  invoiceDate: text('invoice_date').notNull(),
  dueDate: text('due_date'),
  amount: integer('amount').notNull(),
  accountId: integer('account_id')
    .notNull()
    .references(() => accounts.id),
  /** how the debtors were chosen, as the treasurer said it (JSON) */
  selection: text('selection').notNull(),
  createdAt: createdAt(),
});

/** Groups a treasurer bills by (team, jeugd, senioren, ...); a debtor may be in several. */
export const debtorTags = sqliteTable(
  'debtor_tags',
  {
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    tag: text('tag').notNull(),
  },
  (t) => [uniqueIndex('debtor_tags_unique').on(t.debtorId, t.tag), index('debtor_tags_tag').on(t.tag)],
);

/**
 * A collection run (pain.008) or refund run (pain.001). Its reference, message ids and end-to-end
 * ids are never reused, also not after a cancellation; the file is rebuilt from these rows, so a
 * re-save writes the identical file.
 */
export const batches = sqliteTable(
  'batches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['collection', 'refund'] }).notNull(),
    /** INC-2026-0001 / TRB-2026-0001: gap-free per kind and year */
    reference: text('reference').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    bankAccountId: integer('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    scheme: text('scheme', { enum: ['CORE', 'B2B'] }),
    /** the collection (or execution) date asked for; null: each item on its own due date */
    requestedDate: text('requested_date'),
    painVersion: text('pain_version').notNull(),
    /** CreDtTm of the file, kept so a re-save is byte for byte the same */
    createdStamp: text('created_stamp').notNull(),
    /** who collects into which account, as it stood when saved (JSON: name, creditor id, IBAN, BIC) */
    header: text('header').notNull(),
    /** saved: sent, waiting for the bank; confirmed: the bank answered for every debit (credited or refused, from its statements); cancelled: void */
    status: text('status', { enum: ['saved', 'confirmed', 'cancelled'] }).notNull().default('saved'),
    transactionCount: integer('transaction_count').notNull(),
    controlSum: integer('control_sum').notNull(),
    discountTotal: integer('discount_total').notNull().default(0),
    fileCount: integer('file_count').notNull(),
    /** sha-256 per file as first written, to prove a re-save identical */
    fileHashes: text('file_hashes').notNull(),
    /** salt + creation time (base 36) in every MsgId, PmtInfId and EndToEndId; null for batches saved before it existed */
    idKey: text('id_key'),
    entryId: integer('entry_id').references(() => journalEntries.id),
    cancelEntryId: integer('cancel_entry_id').references(() => journalEntries.id),
    cancelledAt: text('cancelled_at'),
    cancelReason: text('cancel_reason'),
    /** when a bank statement confirmed the batch (its credit was matched) */
    confirmedAt: text('confirmed_at'),
    createdAt: createdAt(),
  },
  // batches_entry, batches_cancel_entry: see open_items_entry
  (t) => [
    uniqueIndex('batches_reference_unique').on(t.reference),
    uniqueIndex('batches_kind_year_seq').on(t.kind, t.year, t.seq),
    index('batches_entry').on(t.entryId),
    index('batches_cancel_entry').on(t.cancelEntryId).where(sql`cancel_entry_id IS NOT NULL`),
  ],
);

export const batchTransactions = sqliteTable(
  'batch_transactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    fileNo: integer('file_no').notNull(),
    endToEndId: text('end_to_end_id').notNull(),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    mandateId: integer('mandate_id').references(() => mandates.id),
    mandateReference: text('mandate_reference'),
    mandateSignedOn: text('mandate_signed_on'),
    sequenceType: text('sequence_type', { enum: ['FRST', 'RCUR', 'OOFF', 'FNAL'] }),
    date: text('date').notNull(),
    /** what the bank moves (net of discount), always positive */
    amount: integer('amount').notNull(),
    discount: integer('discount').notNull().default(0),
    name: text('name').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    remittance: text('remittance').notNull(),
    originalMandateReference: text('original_mandate_reference'),
    originalIban: text('original_iban'),
    /** the debtor moved to another bank: SMNDA instead of the original IBAN */
    smnda: integer('smnda', { mode: 'boolean' }).notNull().default(false),
    /** the club's creditor id as the debtor's bank last saw it, when it has changed since (OrgnlCdtrSchmeId) */
    originalCreditorId: text('original_creditor_id'),
    /** the debtor's address, carried for a debtor outside the EEA: country and up to two lines */
    addressCountry: text('address_country'),
    addressLines: text('address_lines'),
    /** the mandate's state before this collection, restored when the batch is cancelled */
    previousLastCollectedOn: text('previous_last_collected_on'),
    previousAmendmentPending: integer('previous_amendment_pending', { mode: 'boolean' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('batch_transactions_e2e_unique').on(t.endToEndId), index('batch_transactions_batch').on(t.batchId), index('batch_transactions_debtor').on(t.debtorId), index('batch_transactions_mandate').on(t.mandateId)],
);

export const batchTransactionItems = sqliteTable(
  'batch_transaction_items',
  {
    transactionId: integer('transaction_id')
      .notNull()
      .references(() => batchTransactions.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => openItems.id),
    /** the item's balance taken into this transaction (signed as the item) and the discount on it */
    amount: integer('amount').notNull(),
    discount: integer('discount').notNull().default(0),
    /** set when the item was collected sooner than its invoice announced: the date it had announced (the specification is the new pre-notification) */
    announcedDate: text('announced_date'),
  },
  (t) => [index('batch_transaction_items_tx').on(t.transactionId), index('batch_transaction_items_item').on(t.itemId)],
);

/**
 * Where each file of a batch was written on this machine, with its sha-256: so that on opening,
 * Penning can say which booked batch lost its file and re-create it at the same place. One row per
 * write (the first save and every re-save); rows are never changed.
 */
export const batchOutputs = sqliteTable(
  'batch_outputs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id')
      .notNull()
      .references(() => batches.id),
    fileNo: integer('file_no').notNull(),
    path: text('path').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('batch_outputs_batch').on(t.batchId)],
);

/** Facts about the ledger file itself (backup rotation, when it was restored), not about the club. */
export const ledgerMeta = sqliteTable('ledger_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** One imported bank file: what it was (name, sha-256, format) and when it came in. */
export const statementFiles = sqliteTable('statement_files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  format: text('format').notNull(),
  variant: text('variant').notNull(),
  entries: integer('entries').notNull(),
  skipped: integer('skipped').notNull(),
  importedAt: text('imported_at').notNull(),
});

/**
 * A statement of one of the club's bank accounts as the bank stated it, with the results of the
 * balance checks at import. camt.054 notifications and pain.002 reports have no balances.
 */
export const bankStatements = sqliteTable(
  'bank_statements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileId: integer('file_id')
      .notNull()
      .references(() => statementFiles.id),
    bankAccountId: integer('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    account: text('account').notNull(),
    currency: text('currency').notNull(),
    /** the bank's statement id (not unique: Rabobank starts again every year) */
    statementId: text('statement_id').notNull(),
    sequence: text('sequence'),
    fromDate: text('from_date'),
    toDate: text('to_date'),
    openingDate: text('opening_date'),
    opening: integer('opening'),
    closingDate: text('closing_date'),
    closing: integer('closing'),
    entries: integer('entries').notNull(),
    newEntries: integer('new_entries').notNull(),
    credits: integer('credits').notNull(),
    debits: integer('debits').notNull(),
    /** closing - (opening + entries) at import; null without balances */
    balanceDifference: integer('balance_difference'),
    /** the closing balance of the account's previous statement at import (null: none before) */
    previousClosing: integer('previous_closing'),
    createdAt: createdAt(),
  },
  (t) => [index('bank_statements_account').on(t.bankAccountId, t.toDate)],
);

/**
 * Every entry of an imported statement, once: `entry_key` (account + the bank's reference, or the
 * content + an occurrence counter) makes a repeated or overlapping file book nothing twice. Once
 * matched it is booked; a correction is a reversing entry (statements.unmatch).
 */
export const statementEntries = sqliteTable(
  'statement_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    statementId: integer('statement_id')
      .notNull()
      .references(() => bankStatements.id),
    entryKey: text('entry_key').notNull(),
    bankAccountId: integer('bank_account_id')
      .notNull()
      .references(() => bankAccounts.id),
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    bookingDate: text('booking_date').notNull(),
    valueDate: text('value_date'),
    bankReference: text('bank_reference'),
    reversal: integer('reversal', { mode: 'boolean' }).notNull().default(false),
    transactionCode: text('transaction_code'),
    proprietaryCode: text('proprietary_code'),
    transactionCount: integer('transaction_count'),
    information: text('information'),
    /** the entry's transaction details as read (JSON array of the model's EntryDetail) */
    details: text('details').notNull(),
    source: text('source').notNull(),
    state: text('state', { enum: ['unmatched', 'matched', 'none'] }).notNull().default('unmatched'),
    matchKind: text('match_kind', { enum: ['batchCredit', 'return', 'transfer', 'refund', 'manual', 'account'] }),
    explanationNl: text('explanation_nl').notNull(),
    explanationEn: text('explanation_en').notNull(),
    journalEntryId: integer('journal_entry_id').references(() => journalEntries.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('statement_entries_key_unique').on(t.entryKey),
    index('statement_entries_statement').on(t.statementId),
    // only the entries still waiting for the treasurer: an import leaves nearly every entry matched,
    // and every list and count asks for the unmatched ones
    index('statement_entries_unmatched').on(t.statementId).where(sql`state = 'unmatched'`),
    // see open_items_entry
    index('statement_entries_journal_entry').on(t.journalEntryId),
  ],
);

/** What an entry was matched to: a batch, one debit, an item, a credit left over, an account. */
export const statementAllocations = sqliteTable(
  'statement_allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    statementEntryId: integer('statement_entry_id')
      .notNull()
      .references(() => statementEntries.id),
    kind: text('kind', { enum: ['batch', 'transaction', 'item', 'credit', 'account', 'charges'] }).notNull(),
    batchId: integer('batch_id').references(() => batches.id),
    transactionId: integer('transaction_id').references(() => batchTransactions.id),
    itemId: integer('item_id').references(() => openItems.id),
    accountId: integer('account_id').references(() => accounts.id),
    /** signed cents as the entry (credit positive) */
    amount: integer('amount').notNull(),
    journalEntryId: integer('journal_entry_id').references(() => journalEntries.id),
    /** the reversing entry when this allocation was undone */
    reversedByEntryId: integer('reversed_by_entry_id').references(() => journalEntries.id),
  },
  (t) => [
    index('statement_allocations_entry').on(t.statementEntryId),
    // each allocation names a debit or an item, seldom both: the empty column is left out of its index
    index('statement_allocations_batch').on(t.batchId).where(sql`batch_id IS NOT NULL`),
    index('statement_allocations_tx').on(t.transactionId).where(sql`transaction_id IS NOT NULL`),
    index('statement_allocations_item').on(t.itemId).where(sql`item_id IS NOT NULL`),
    // see open_items_entry; also how undoing one match finds its share of a gathered entry
    index('statement_allocations_journal_entry').on(t.journalEntryId),
    index('statement_allocations_reversed_by').on(t.reversedByEntryId).where(sql`reversed_by_entry_id IS NOT NULL`),
  ],
);

/**
 * A returned, rejected or refunded debit (storno): one row per R-transaction, so refusals are
 * counted per debtor and per mandate, and the planner knows why an item is not collected again.
 */
export const collectionReturns = sqliteTable(
  'collection_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    statementEntryId: integer('statement_entry_id')
      .notNull()
      .references(() => statementEntries.id),
    transactionId: integer('transaction_id')
      .notNull()
      .references(() => batchTransactions.id),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    mandateId: integer('mandate_id').references(() => mandates.id),
    date: text('date').notNull(),
    amount: integer('amount').notNull(),
    kind: text('kind', { enum: ['return', 'reject', 'refund', 'reversal'] }).notNull(),
    reasonCode: text('reason_code'),
    reasonText: text('reason_text'),
    action: text('action', { enum: ['represent', 'dun', 'stop', 'endMandate'] }).notNull(),
    outcomeNl: text('outcome_nl').notNull(),
    outcomeEn: text('outcome_en').notNull(),
    b2bRefund: integer('b2b_refund', { mode: 'boolean' }).notNull().default(false),
    charges: integer('charges').notNull().default(0),
    journalEntryId: integer('journal_entry_id').references(() => journalEntries.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('collection_returns_tx_unique').on(t.transactionId),
    index('collection_returns_debtor').on(t.debtorId),
    index('collection_returns_mandate').on(t.mandateId),
    // see open_items_entry
    index('collection_returns_statement_entry').on(t.statementEntryId),
    index('collection_returns_journal_entry').on(t.journalEntryId),
  ],
);

/**
 * A refund (pain.001 credit transfer) the beneficiary's bank sent back (account closed, holder
 * deceased, IBAN wrong): one row per returned payment, so the refund shows as returned with why,
 * and the member's credit is open again to be paid back once the treasurer has the right account.
 */
export const refundReturns = sqliteTable(
  'refund_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    statementEntryId: integer('statement_entry_id')
      .notNull()
      .references(() => statementEntries.id),
    transactionId: integer('transaction_id')
      .notNull()
      .references(() => batchTransactions.id),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    date: text('date').notNull(),
    /** the refund payment that came back, positive cents (charges the banks kept are on the entry, to Bankkosten) */
    amount: integer('amount').notNull(),
    reasonCode: text('reason_code'),
    reasonText: text('reason_text'),
    journalEntryId: integer('journal_entry_id').references(() => journalEntries.id),
    createdAt: createdAt(),
  },
  // refund_returns_statement_entry: see open_items_entry
  (t) => [
    uniqueIndex('refund_returns_tx_unique').on(t.transactionId),
    index('refund_returns_debtor').on(t.debtorId),
    index('refund_returns_statement_entry').on(t.statementEntryId),
    index('refund_returns_journal_entry').on(t.journalEntryId),
  ],
);

/** The storno policy per reason code, where the treasurer changed the default. */
export const stornoRules = sqliteTable('storno_rules', {
  code: text('code').primaryKey(),
  action: text('action', { enum: ['represent', 'dun', 'stop', 'endMandate'] }).notNull(),
});

/** IBANs a member paid from (learned from manual matches), beside the one on the debtor card. */
export const debtorIbans = sqliteTable(
  'debtor_ibans',
  {
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    iban: text('iban').notNull(),
    learnedAt: text('learned_at').notNull(),
  },
  (t) => [uniqueIndex('debtor_ibans_unique').on(t.debtorId, t.iban), index('debtor_ibans_iban').on(t.iban)],
);

/** Aanmaningen: the treasurer's dunning levels in order (position 1, 2, ...), each one letter. */
export const dunningLevels = sqliteTable(
  'dunning_levels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** days after the due date (first level) or after the previous letter (later levels) */
    daysAfter: integer('days_after').notNull(),
    /** aanmaanboete in cents, booked as an item of its own; null: none */
    fee: integer('fee'),
    /** statutory collection costs (WIK): not mentioned, announced (the 14-day letter), or charged */
    collectionCosts: text('collection_costs', { enum: ['none', 'announce', 'charge'] }).notNull().default('none'),
    /** letter text with {placeholders}, per language */
    textNl: text('text_nl').notNull(),
    textEn: text('text_en').notNull(),
    /** the debtor status this letter sets; null: unchanged */
    setsStatusId: integer('sets_status_id').references(() => debtorStatuses.id),
    /** the last step: hand the claim over to a collection agency */
    handOver: integer('hand_over', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dunning_levels_position_unique').on(t.position)],
);

/** One dunning run: the date it was run for, and what it produced. */
export const dunningRuns = sqliteTable('dunning_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  runDate: text('run_date').notNull(),
  letters: integer('letters').notNull(),
  fees: integer('fees').notNull(),
  costs: integer('costs').notNull(),
  /** the folder the letters were written to */
  folder: text('folder'),
  journalEntryId: integer('journal_entry_id').references(() => journalEntries.id),
  createdAt: createdAt(),
}, (t) => [index('dunning_runs_journal_entry').on(t.journalEntryId)]);

/** One letter to one debtor in a run: the level, the amounts, and the files written. */
export const dunningLetters = sqliteTable(
  'dunning_letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => dunningRuns.id),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    levelId: integer('level_id')
      .notNull()
      .references(() => dunningLevels.id),
    date: text('date').notNull(),
    language: text('language', { enum: ['nl', 'en'] }).notNull(),
    /** cents: the overdue principal, fees and costs (without and with BTW) this letter asks for */
    principal: integer('principal').notNull(),
    fees: integer('fees').notNull(),
    costs: integer('costs').notNull(),
    costsVat: integer('costs_vat').notNull().default(0),
    interest: integer('interest').notNull().default(0),
    total: integer('total').notNull(),
    paymentReference: text('payment_reference').notNull(),
    /** the day the 14-day term ends (veertiendagenbrief); costs are charged only after it */
    termEndsOn: text('term_ends_on'),
    delivery: text('delivery', { enum: ['print', 'email'] }).notNull(),
    pdfFile: text('pdf_file'),
    emlFile: text('eml_file'),
    pdfSha256: text('pdf_sha256'),
    createdAt: createdAt(),
  },
  (t) => [index('dunning_letters_debtor').on(t.debtorId), index('dunning_letters_run').on(t.runId)],
);

/** The items a letter named, with what was open on each at the time. */
export const dunningLetterItems = sqliteTable(
  'dunning_letter_items',
  {
    letterId: integer('letter_id')
      .notNull()
      .references(() => dunningLetters.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => openItems.id),
    open: integer('open').notNull(),
    /** the letter charged the statutory collection costs on this item's open amount (a part payment later lowers them) */
    chargedCosts: integer('charged_costs', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('dunning_letter_items_unique').on(t.letterId, t.itemId), index('dunning_letter_items_item').on(t.itemId)],
);

/**
 * Debiteurbewaking (seeds/001, 002): every call, e-mail, letter, agreement, return and note about
 * a debtor, dated, with an optional follow-up date. Letters and returns are written by Penning itself.
 */
export const dossierEntries = sqliteTable(
  'dossier_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    date: text('date').notNull(),
    kind: text('kind', { enum: ['call', 'email', 'letter', 'agreement', 'return', 'note', 'handover', 'due_date'] }).notNull(),
    text: text('text').notNull(),
    followUpOn: text('follow_up_on'),
    followUpDone: integer('follow_up_done', { mode: 'boolean' }).notNull().default(false),
    letterId: integer('letter_id').references(() => dunningLetters.id),
    returnId: integer('return_id').references(() => collectionReturns.id),
    createdAt: createdAt(),
  },
  // dossier_entries_letter, dossier_entries_return: see open_items_entry
  (t) => [
    index('dossier_entries_debtor').on(t.debtorId, t.date),
    index('dossier_entries_follow_up').on(t.followUpOn),
    index('dossier_entries_letter').on(t.letterId).where(sql`letter_id IS NOT NULL`),
    index('dossier_entries_return').on(t.returnId).where(sql`return_id IS NOT NULL`),
  ],
);

/** A file kept with a dossier entry (a signed agreement, a scanned letter), inside the ledger file. */
export const dossierAttachments = sqliteTable(
  'dossier_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entryId: integer('entry_id')
      .notNull()
      .references(() => dossierEntries.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('dossier_attachments_entry').on(t.entryId)],
);

/** Wettelijke rente: the statutory interest rates with the day each starts, per kind of debtor. */
export const interestRates = sqliteTable(
  'interest_rates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['consumer', 'commercial'] }).notNull(),
    startsOn: text('starts_on').notNull(),
    /** hundredths of a percent per year: 400 = 4 % */
    rate: integer('rate').notNull(),
  },
  (t) => [uniqueIndex('interest_rates_unique').on(t.kind, t.startsOn)],
);

/**
 * Overdracht aan een incassobureau: one hand-over on a date, with the folder it was written to and
 * the claims CSV of all its debtors (the agency's copy; read back only while unchanged).
 */
export const handOvers = sqliteTable('hand_overs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  date: text('date').notNull(),
  folder: text('folder').notNull(),
  claimsFile: text('claims_file').notNull(),
  claimsSha256: text('claims_sha256').notNull(),
  createdAt: createdAt(),
});

/** One debtor in a hand-over: what was claimed and the dossier PDF written for the agency. */
export const handOverDebtors = sqliteTable(
  'hand_over_debtors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    handOverId: integer('hand_over_id')
      .notNull()
      .references(() => handOvers.id),
    debtorId: integer('debtor_id')
      .notNull()
      .references(() => debtors.id),
    /** cents: principal, fees, charged costs with BTW and interest as claimed */
    total: integer('total').notNull(),
    pdfFile: text('pdf_file').notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    dossierEntryId: integer('dossier_entry_id').references(() => dossierEntries.id),
  },
  (t) => [uniqueIndex('hand_over_debtors_unique').on(t.handOverId, t.debtorId), index('hand_over_debtors_debtor').on(t.debtorId), index('hand_over_debtors_dossier_entry').on(t.dossierEntryId)],
);
