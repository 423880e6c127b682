import type Database from 'better-sqlite3';
import type { ImportResultT } from '../../shared/api/statements';
import { validationError } from '../../shared/api/errors';
import { normalizeIban } from '../../shared/iban';
import type { Ctx } from '../context';
import { collectGarbage } from '../collectGarbage';
import { withFixedLookups } from '../fixedLookups';
import { nextAutoincrementId, stmt } from '../preparedStatements';
import { previousClosing, statementTotals } from './balanceCheck';
import { type EntryOutcome, type EntryToMatch, matchBeforeInsert } from './entryRecord';
import { entryKeys } from './idempotencyKey';
import { matchBatchCredit } from './match/batchCredit';
import { scopeOfId, transactionsInScope } from './match/batchIds';
import { withOpenDebits } from './match/openDebits';
import { withGatheredEntries } from '../ledger/gatheredEntry';
import { matchRefund } from './match/refunds';
import { matchRefundReturn } from './match/refundReturns';
import { matchReturns } from './match/returns';
import { buildPayerIndex, matchTransfer, type PayerIndex } from './match/transfers';
import type { BankFile, Statement, StatementEntry } from './model';
import { fileReading } from './reading';
import { daysFromOtherFormat } from './formatOverlap';
import { withWriteBehind, writeBehind } from './writeBehind';
import { RowBuffer } from '../rowBuffer';
import { detailsToStore } from './storedDetails';

interface OwnAccount {
  id: number;
  ledgerAccountId: number;
  name: string;
}

function ownAccount(ctx: Ctx, iban: string): OwnAccount | undefined {
  return stmt(ctx.db, 'SELECT id, ledger_account_id AS ledgerAccountId, name FROM bank_accounts WHERE iban = ?').get(normalizeIban(iban)) as OwnAccount | undefined;
}

/** A statement to book: its account, and its entries with their keys. */
interface Planned {
  statement: Statement;
  account: OwnAccount;
  keys: string[];
  preSettlement: boolean;
}

/**
 * A real import takes only statements of the club's own accounts in EUR; anything else is refused
 * as a whole, naming the account, before anything is written.
 */
function plan(ctx: Ctx, file: BankFile): Planned[] {
  const seen = new Map<string, number>();
  const planned: Planned[] = file.statements.map((s, i) => {
    const account = ownAccount(ctx, s.account);
    if (!account) {
      throw validationError(`statements.${i}.account`, 'foreign_account', `Afschrift ${s.id} is van rekening ${s.account}: dat is geen bankrekening van de vereniging (Instellingen > Bankrekeningen). Er is niets ingelezen`, `Statement ${s.id} is of account ${s.account}, which is not one of the club's bank accounts (Settings > Bank accounts). Nothing was imported`);
    }
    const other = s.currency !== 'EUR' ? s.currency : s.entries.find((e) => e.currency !== 'EUR')?.currency;
    if (other) {
      throw validationError(`statements.${i}.currency`, 'currency', `Afschrift ${s.id} van rekening ${s.account} is in ${other}; Penning boekt alleen euro's. Er is niets ingelezen`, `Statement ${s.id} of account ${s.account} is in ${other}; Penning books euros only. Nothing was imported`);
    }
    // a camt.052 may report entries the bank has not booked yet (PDNG, INFO): they come again
    // once booked, so only booked ones are taken in
    const booked = s.entries.filter((e) => e.status == null || e.status === 'BOOK');
    const statement = booked.length === s.entries.length ? s : { ...s, entries: booked };
    return { statement, account, keys: entryKeys(normalizeIban(s.account), booked, seen), preSettlement: false };
  });
  if (file.statusReport) planned.push(statusReportAsStatement(ctx, file));
  return planned;
}

/**
 * A pain.002 moves no money: its rejects become entries of 0 on the account the batch was
 * collected into, each keyed on its end-to-end id, booked against Incasso onderweg only.
 */
function statusReportAsStatement(ctx: Ctx, file: BankFile): Planned {
  const r = file.statusReport!;
  const scope = scopeOfId(ctx, r.originalMessageId) ?? r.rejects.map((x) => scopeOfId(ctx, x.originalPaymentInfoId)).find((s) => s);
  const batch = scope
    ? (stmt(ctx.db, 'SELECT bank_account_id AS bankAccountId FROM batches WHERE id = ?').get(scope.batchId) as { bankAccountId: number })
    : (r.rejects.map((x) => x.endToEndId && stmt(ctx.db, 'SELECT b.bank_account_id AS bankAccountId FROM batch_transactions t JOIN batches b ON b.id = t.batch_id WHERE t.end_to_end_id = ?').get(x.endToEndId)).find((x) => x) as { bankAccountId: number } | undefined);
  if (!batch) {
    throw validationError('content', 'unknown_batch', `Dit statusrapport (pain.002 ${r.messageId}) gaat over een incasso die Penning niet kent (MsgId ${r.originalMessageId ?? '?'}). Er is niets ingelezen`, `This status report (pain.002 ${r.messageId}) is about a collection Penning does not know (MsgId ${r.originalMessageId ?? '?'}). Nothing was imported`);
  }
  const acc = stmt(ctx.db, 'SELECT id, ledger_account_id AS ledgerAccountId, name, iban FROM bank_accounts WHERE id = ?').get(batch.bankAccountId) as OwnAccount & { iban: string };
  const today = ctx.today();
  // a whole file refused (group status RJCT) without a line per debit: every debit of that file is refused
  const rejects = r.rejects.length === 0 && r.groupStatus === 'RJCT' && scope
    ? transactionsInScope(ctx, scope).map((tx, i) => ({ originalPaymentInfoId: null, endToEndId: tx.endToEndId, amount: tx.amount, mandateId: null, reasonCode: null, reasonText: 'Het hele bestand is door de bank geweigerd', source: `OrgnlGrpInfAndSts ${i + 1}` }))
    : r.rejects;
  const entries: StatementEntry[] = rejects.map((x) => ({
    amount: 0, currency: 'EUR', bookingDate: today, valueDate: null, bankReference: null, reversal: false, transactionCode: null, proprietaryCode: null, transactionCount: null, information: x.reasonText,
    details: [{
      amount: x.amount === null ? null : -x.amount, endToEndId: x.endToEndId, paymentInfoId: x.originalPaymentInfoId, messageId: r.originalMessageId, mandateId: x.mandateId, creditorId: null, bankReference: null,
      counterparty: { name: null, iban: null, bic: null }, remittance: null, creditorReference: null, returnInfo: { reasonCode: x.reasonCode, reasonText: x.reasonText, kind: 'reject', charges: null },
    }],
    source: x.source,
  }));
  const statement: Statement = { account: acc.iban, currency: 'EUR', id: r.messageId, sequence: null, from: today, to: today, opening: null, closing: null, entries };
  return { statement, account: acc, keys: rejects.map((x, i) => `${acc.iban}|pain.002|${x.endToEndId ?? `${r.messageId}#${i}`}`), preSettlement: true };
}

const ENTRY_COLUMNS = [
  'id', 'statement_id', 'entry_key', 'bank_account_id', 'amount', 'currency', 'booking_date', 'value_date', 'bank_reference', 'reversal', 'transaction_code',
  'proprietary_code', 'transaction_count', 'information', 'details', 'source', 'state', 'match_kind', 'explanation_nl', 'explanation_en', 'journal_entry_id', 'created_at',
] as const;

const UNMATCHED = {
  credit: { nl: 'Niet herkend als incasso of betaling van een lid: koppel met de hand of boek op een rekening', en: 'Not recognised as a collection or a member\u2019s payment: match by hand or book to an account' },
  debit: { nl: 'Niet herkend als terugboeking of terugbetaling: koppel met de hand of boek op een rekening (bijv. Bankkosten)', en: 'Not recognised as a return or refund: match by hand or book to an account (e.g. bank costs)' },
  none: { nl: 'Verplaatst geen geld op deze rekening', en: 'Moves no money on this account' },
};

/**
 * Imports a bank file the caller has read, in the caller's transaction: every entry once (keyed,
 * see idempotencyKey), each statement with its balance checks, each new entry matched in the
 * order batch credit, return, member transfer, refund; the rest waits for the treasurer.
 */
export function importBankFile(ctx: Ctx, file: BankFile, meta: { fileName: string; sha256: string; bytes?: number }, index?: PayerIndex): ImportResultT {
  // the bytes of a large file, and what reading them left, given back before the import adds its own
  // (a camt.053 of 100 000 entries, 118 MB: 440 to 600 MB by when V8 happened to collect). Not only
  // for the largest files: an MT940 of 100 000 entries is 26 MB, and how much of its reading is left
  // depends on the runtime. Node 24 keeps a larger young generation than Node 20: its peak was 474 to
  // 545 MB without this collection, 450 with it and the smaller page cache below; on Node 20 422
  // instead of 409. Steady on every runtime rather than lowest on one.
  if ((meta.bytes ?? 0) >= LARGE_FILE_BYTES) collectGarbage();
  const run = () => withImportPragmas(ctx, () => withFixedLookups(ctx.db, () => bookAndMatch(ctx, file, meta, index)));
  // entries are written after what names them (see matchBeforeInsert): only a transaction can wait for that
  return ctx.db.inTransaction ? run() : ctx.db.transaction(run)();
}

/**
 * An import writes a row or two in each of a dozen tables and their indexes per entry, all over the
 * ledger: with SQLite's default page cache of 2 MB most of those pages are read again from the
 * file for every row. A larger cache for the length of the import keeps them (about 30% less CPU
 * at 10 000 entries). And every write that fires a trigger or checks a foreign key inside the
 * transaction keeps a statement journal, to undo just that statement: in a temporary file by
 * default, in memory here (a third of the cost of an insert at 100 000 entries). Neither touches
 * how the commit reaches the disk (WAL, synchronous). Both are given back afterwards.
 *
 * The commit itself would also copy every page the import wrote from the WAL into the ledger file
 * (SQLite's automatic checkpoint: 1.4 s of a 100 000-entry import); the import is as safe once its
 * commit is in the WAL, so that copy waits until the answer is out (checkpointAfterAnswer).
 */
function withImportPragmas<T>(ctx: Ctx, run: () => T): T {
  const before = { cache: ctx.db.pragma('cache_size', { simple: true }) as number, temp: ctx.db.pragma('temp_store', { simple: true }) as number };
  ctx.db.pragma(`cache_size = ${IMPORT_PAGE_CACHE_KIB}`);
  ctx.db.pragma('temp_store = MEMORY');
  checkpointAfterAnswer(ctx.db);
  try {
    return run();
  } finally {
    ctx.db.pragma(`cache_size = ${before.cache}`);
    ctx.db.pragma(`temp_store = ${before.temp}`);
  }
}

const checkpointPending = new WeakSet<Database.Database>();

/**
 * Turns the automatic checkpoint off until the current transaction has committed and the caller
 * has had its answer, then checkpoints (PASSIVE: never waits for a reader) and turns it on again.
 * A connection closed before then checkpoints on closing.
 */
function checkpointAfterAnswer(db: Database.Database): void {
  if (checkpointPending.has(db)) return;
  const pages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  if (pages <= 0) return;
  db.pragma('wal_autocheckpoint = 0');
  checkpointPending.add(db);
  const later = () => {
    if (!db.open) return;
    if (db.inTransaction) {
      setImmediate(later);
      return;
    }
    checkpointPending.delete(db);
    db.pragma(`wal_autocheckpoint = ${pages}`);
    db.pragma('wal_checkpoint(PASSIVE)');
  };
  setImmediate(later);
}

/** an MT940 of some 15 000 entries, a camt.053 of 3 500: below this neither the file nor its model weighs much beside the app */
const LARGE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * 32 MB, as a negative cache_size (KiB). 64 MB booked 100 000 entries at most some 0.2 s sooner of
 * 5 (four interleaved pairs; the pages it keeps beyond 32 MB come back from the operating system's
 * file cache) and held 30 MB more at the peak: on Node 24 that took an MT940's peak over 500 MB.
 */
const IMPORT_PAGE_CACHE_KIB = -32_768;

function bookAndMatch(ctx: Ctx, file: BankFile, meta: { fileName: string; sha256: string }, index?: PayerIndex): ImportResultT {
  const reading = fileReading(file);
  const planned = plan(ctx, file);
  const exists = stmt(ctx.db, 'SELECT 1 FROM statement_entries WHERE entry_key = ?');
  const overlap = daysFromOtherFormat(ctx, file.format, planned);
  const fresh = planned.map((p, si) => p.keys.map((k, i) => !overlap.skips(si, i) && !exists.get(k)));
  const skipped = fresh.flat().filter((f) => !f).length;
  const fileId = Number(
    stmt(ctx.db, 'INSERT INTO statement_files (file_name, sha256, format, variant, entries, skipped, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      meta.fileName, meta.sha256, file.format, file.variant, reading.entries, skipped, ctx.now().toISOString(),
    ).lastInsertRowid,
  );
  const insertStatement = stmt(
    ctx.db,
    `INSERT INTO bank_statements (file_id, bank_account_id, account, currency, statement_id, sequence, from_date, to_date, opening_date, opening, closing_date, closing,
       entries, new_entries, credits, debits, balance_difference, previous_closing) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const sameStatement = stmt(
    ctx.db,
    `SELECT id FROM bank_statements WHERE bank_account_id = ? AND statement_id = ? AND from_date IS ? AND to_date IS ? AND opening IS ? AND closing IS ? AND entries = ? LIMIT 1`,
  );
  const statementIds: number[] = [];
  const matched = { batchCredits: 0, returns: 0, transfers: 0, refunds: 0 };
  let payers = index;
  let unmatched = 0;
  const toMatch = planned.reduce((n, p, si) => n + p.statement.entries.filter((e, i) => fresh[si]![i] && !(e.amount === 0 && !p.preSettlement)).length, 0);
  let done = 0;
  let nextId = nextAutoincrementId(ctx.db, 'statement_entries');

  // one scope for the matching: what it counts once and the journal entries it gathers
  withGatheredEntries(ctx, () => withOpenDebits(ctx, () => withWriteBehind(ctx, () => {
    // nothing reads the entries of this import before it ends: written many at a time
    const entryRows = writeBehind(ctx, 'statement_entries', () => new RowBuffer(ctx.db, 'statement_entries', ENTRY_COLUMNS))!;
    // the moment of the import for every entry, not the column's default worked out for each row
    const importedAt = ctx.now().toISOString();
    planned.forEach((p, si) => {
      const s = p.statement;
      const newCount = fresh[si]!.filter(Boolean).length;
      const t = statementTotals(s);
      const same = sameStatement.get(p.account.id, s.id, s.from, s.to, s.opening?.amount ?? null, s.closing?.amount ?? null, t.entries) as { id: number } | undefined;
      // the same statement again adds nothing to the list; an overlapping one is a statement of its own
      if (same && newCount === 0) { statementIds.push(same.id); return; }
      const prev = s.opening ? previousClosing(ctx, p.account.id, s.opening.date) : null;
      const statementDbId = Number(
        insertStatement.run(fileId, p.account.id, normalizeIban(s.account), s.currency, s.id, s.sequence, s.from, s.to, s.opening?.date ?? null, s.opening?.amount ?? null,
          s.closing?.date ?? null, s.closing?.amount ?? null, t.entries, newCount, t.credits, t.debits, t.difference, prev).lastInsertRowid,
      );
      statementIds.push(statementDbId);
      s.entries.forEach((e, i) => {
        if (!fresh[si]![i]) return;
        const id = nextId++;
        const none = e.amount === 0 && !p.preSettlement;
        let outcome: EntryOutcome = { state: 'unmatched', kind: null, explanation: none ? UNMATCHED.none : e.amount >= 0 ? UNMATCHED.credit : UNMATCHED.debit, journalEntryId: null };
        if (!none) {
          ctx.progress('statements.match', ++done, toMatch);
          const r = matchOne(ctx, { id, bankAccountId: p.account.id, bankLedgerAccountId: p.account.ledgerAccountId, statementDbId, entry: e, preSettlement: p.preSettlement }, () => (payers ??= buildPayerIndex(ctx)));
          outcome = r.outcome;
          if (r.as) matched[r.as]++;
          else unmatched++;
        }
        entryRows.add([id, statementDbId, p.keys[i], p.account.id, e.amount, e.currency, e.bookingDate, e.valueDate, e.bankReference, e.reversal ? 1 : 0, e.transactionCode,
          e.proprietaryCode, e.transactionCount, e.information, detailsToStore(e.details), e.source, none ? 'none' : outcome.state, outcome.kind, outcome.explanation.nl, outcome.explanation.en, outcome.journalEntryId, importedAt]);
      });
    });
  })));
  return { ...reading, fileId, matched, unmatched, skipped, statementIds, skippedDays: overlap.skipped };
}

/** Each new entry through the matchers in the order batch credit, return, bounced refund, member transfer, refund. */
function matchOne(ctx: Ctx, m: EntryToMatch, payers: () => PayerIndex): { outcome: EntryOutcome; as: keyof ImportResultT['matched'] | null } {
  let as: keyof ImportResultT['matched'] | null = null;
  const outcome = matchBeforeInsert(ctx, m.id, m.entry.amount >= 0 ? UNMATCHED.credit : UNMATCHED.debit, (now) => {
    if (matchBatchCredit(ctx, m)) as = 'batchCredits';
    // a return (or bounced refund) it recognises may still be left for the treasurer: a debit Penning does not know, a second return
    else if (matchReturns(ctx, m)) as = now.state === 'matched' ? 'returns' : null;
    else if (matchRefundReturn(ctx, m)) as = now.state === 'matched' ? 'refunds' : null;
    else if (m.entry.amount > 0 && matchTransfer(ctx, m, payers())) as = 'transfers';
    else if (matchRefund(ctx, m)) as = 'refunds';
  });
  return { outcome, as };
}
