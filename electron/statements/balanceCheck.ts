import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import type { Statement } from './model';

export interface StatementTotals {
  entries: number;
  credits: number;
  debits: number;
  /** closing - (opening + entries); null without balances */
  difference: number | null;
}

/**
 * opening + every entry the bank lists = closing. Computed over the statement as the bank sent it,
 * so entries skipped because they were imported before never distort the check.
 */
export function statementTotals(s: Statement): StatementTotals {
  let credits = 0;
  let debits = 0;
  for (const e of s.entries) {
    if (e.amount >= 0) credits += e.amount;
    else debits += e.amount;
  }
  const difference = s.opening && s.closing ? s.closing.amount - (s.opening.amount + credits + debits) : null;
  return { entries: s.entries.length, credits, debits, difference };
}

/** The closing balance of the account's statement before this one (by closing date), to show a gap. */
export function previousClosing(ctx: Ctx, bankAccountId: number, openingDate: string): number | null {
  const row = stmt(
    ctx.db,
    `SELECT closing FROM bank_statements WHERE bank_account_id = ? AND closing IS NOT NULL AND closing_date <= ?
      ORDER BY closing_date DESC, id DESC LIMIT 1`,
  ).get(bankAccountId, openingDate) as { closing: number } | undefined;
  return row ? row.closing : null;
}

/** The ledger's balance of a bank account's ledger account up to a date: beside the bank's closing balance. */
export function ledgerBalance(ctx: Ctx, ledgerAccountId: number, upTo: string | null): number {
  const row = stmt(
    ctx.db,
    `SELECT COALESCE(SUM(l.debit - l.credit), 0) AS b FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
      WHERE l.account_id = ? AND (? IS NULL OR e.date <= ?)`,
  ).get(ledgerAccountId, upTo, upTo) as { b: number };
  return row.b;
}
