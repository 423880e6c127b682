import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import type { EntryDetail, StatementEntry } from './model';
import { openDebitsOf } from './match/openDebits';

export type MatchKind = 'batchCredit' | 'return' | 'transfer' | 'refund' | 'manual' | 'account';
export type Text = { nl: string; en: string };

/** One stored entry on its way through the matchers. */
export interface EntryToMatch {
  id: number;
  bankAccountId: number;
  /** the bank account's ledger account (Bank) */
  bankLedgerAccountId: number;
  statementDbId: number;
  entry: StatementEntry;
  /** a pain.002 reject: before settlement, no money moved on the bank account */
  preSettlement: boolean;
}

export interface NewAllocation {
  kind: 'batch' | 'transaction' | 'item' | 'credit' | 'account' | 'charges';
  amount: number;
  batchId?: number | null;
  transactionId?: number | null;
  itemId?: number | null;
  accountId?: number | null;
}

/** Marks an entry matched: its booking, why, and what it went to (allocations add up to the entry's amount). */
export function recordMatch(ctx: Ctx, entryId: number, kind: MatchKind, explanation: Text, journalEntryId: number | null, allocations: NewAllocation[]): void {
  const insert = stmt(
    ctx.db,
    'INSERT INTO statement_allocations (statement_entry_id, kind, batch_id, transaction_id, item_id, account_id, amount, journal_entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const debits = openDebitsOf(ctx);
  for (const a of allocations) {
    insert.run(entryId, a.kind, a.batchId ?? null, a.transactionId ?? null, a.itemId ?? null, a.accountId ?? null, a.amount, journalEntryId);
    if (a.kind === 'transaction' && a.batchId != null && a.transactionId != null) debits?.closed(a.batchId, a.transactionId);
  }
  stmt(ctx.db, "UPDATE statement_entries SET state = 'matched', match_kind = ?, explanation_nl = ?, explanation_en = ?, journal_entry_id = ? WHERE id = ?").run(
    kind,
    explanation.nl,
    explanation.en,
    journalEntryId,
    entryId,
  );
}

/** Leaves an entry for the treasurer, saying why Penning could not match it. */
export function explainUnmatched(ctx: Ctx, entryId: number, explanation: Text): void {
  stmt(ctx.db, "UPDATE statement_entries SET state = 'unmatched', explanation_nl = ?, explanation_en = ? WHERE id = ? AND state = 'unmatched'").run(explanation.nl, explanation.en, entryId);
}

/** All text of an entry a payer may have put a reference in. */
export function entryText(e: StatementEntry): string {
  return [...e.details.flatMap((d) => [d.remittance, d.creditorReference]), e.information].filter((s): s is string => !!s).join(' ');
}

export function counterpartyOf(e: StatementEntry): EntryDetail['counterparty'] {
  return e.details.find((d) => d.counterparty.iban || d.counterparty.name)?.counterparty ?? { name: null, iban: null, bic: null };
}
