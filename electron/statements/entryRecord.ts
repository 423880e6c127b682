import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import type { EntryDetail, StatementEntry } from './model';
import { openDebitsOf } from './match/openDebits';
import { buffered } from './writeBehind';
import { RowBuffer } from '../rowBuffer';

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

/** How an entry stands once the matchers are done with it. */
export interface EntryOutcome {
  state: 'matched' | 'unmatched';
  kind: MatchKind | null;
  explanation: Text;
  journalEntryId: number | null;
}

const ALLOCATION_COLUMNS = ['statement_entry_id', 'kind', 'batch_id', 'transaction_id', 'item_id', 'account_id', 'amount', 'journal_entry_id'] as const;

const beingMatched = new WeakMap<Database.Database, { id: number; outcome: EntryOutcome }>();

/**
 * Runs the matchers for an entry whose row is not written yet, and returns how it came out: the
 * import then inserts the row once, in that state. Updating 100 000 freshly inserted rows (each
 * with its details) afterwards meant reading their pages back once the page cache had let them go.
 * The allocations and history that name the entry go in first; the caller's transaction defers the
 * foreign-key checks to its commit.
 */
export function matchBeforeInsert(ctx: Ctx, id: number, unmatched: Text, run: (outcome: EntryOutcome) => void): EntryOutcome {
  const slot = { id, outcome: { state: 'unmatched', kind: null, explanation: unmatched, journalEntryId: null } as EntryOutcome };
  beingMatched.set(ctx.db, slot);
  try {
    run(slot.outcome);
    return slot.outcome;
  } finally {
    beingMatched.delete(ctx.db);
  }
}

const pendingOutcome = (ctx: Ctx, entryId: number) => {
  const slot = beingMatched.get(ctx.db);
  return slot?.id === entryId ? slot.outcome : undefined;
};

/** Marks an entry matched: its booking, why, and what it went to (allocations add up to the entry's amount). */
export function recordMatch(ctx: Ctx, entryId: number, kind: MatchKind, explanation: Text, journalEntryId: number | null, allocations: NewAllocation[]): void {
  // an import holds its allocations back and writes them many at a time (flushWrites before reading them)
  const debits = openDebitsOf(ctx);
  buffered(ctx, 'statement_allocations', () => new RowBuffer(ctx.db, 'statement_allocations', ALLOCATION_COLUMNS), (rows) => {
    for (const a of allocations) {
      rows.add([entryId, a.kind, a.batchId ?? null, a.transactionId ?? null, a.itemId ?? null, a.accountId ?? null, a.amount, journalEntryId]);
      if (a.kind === 'transaction' && a.batchId != null && a.transactionId != null) debits?.closed(a.batchId, a.transactionId);
    }
  });
  const pending = pendingOutcome(ctx, entryId);
  if (pending) {
    // what the trigger statement_entries_booked_fixed says for a stored row
    if (pending.state === 'matched') throw new Error(`statement entry ${entryId} matched twice`);
    Object.assign(pending, { state: 'matched', kind, explanation, journalEntryId });
    return;
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
  const pending = pendingOutcome(ctx, entryId);
  if (pending) {
    if (pending.state === 'unmatched') pending.explanation = explanation;
    return;
  }
  stmt(ctx.db, "UPDATE statement_entries SET state = 'unmatched', explanation_nl = ?, explanation_en = ? WHERE id = ? AND state = 'unmatched'").run(explanation.nl, explanation.en, entryId);
}

/** All text of an entry a payer may have put a reference in. */
export function entryText(e: StatementEntry): string {
  return [...e.details.flatMap((d) => [d.remittance, d.creditorReference]), e.information].filter((s): s is string => !!s).join(' ');
}

export function counterpartyOf(e: StatementEntry): EntryDetail['counterparty'] {
  return e.details.find((d) => d.counterparty.iban || d.counterparty.name)?.counterparty ?? { name: null, iban: null, bic: null };
}
