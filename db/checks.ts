import type Database from 'better-sqlite3';

/**
 * Invariant queries over the books. Tests run them after every operation; a later "controle"
 * screen can show them to the treasurer. Each returns the offending rows (empty = healthy).
 */
export function unbalancedEntries(db: Database.Database): { entryId: number; debit: number; credit: number }[] {
  return db
    .prepare(
      `SELECT entry_id AS entryId, SUM(debit) AS debit, SUM(credit) AS credit
         FROM journal_lines GROUP BY entry_id HAVING SUM(debit) <> SUM(credit)`,
    )
    .all() as { entryId: number; debit: number; credit: number }[];
}

export function entriesWithoutLines(db: Database.Database): { entryId: number }[] {
  return db
    .prepare(
      `SELECT e.id AS entryId FROM journal_entries e
        WHERE (SELECT COUNT(*) FROM journal_lines l WHERE l.entry_id = e.id) < 2`,
    )
    .all() as { entryId: number }[];
}

/** Lines on the receivables control account must name a debtor, or the sub-ledger cannot add up. */
export function receivableLinesWithoutDebtor(db: Database.Database): { lineId: number }[] {
  return db
    .prepare(
      `SELECT l.id AS lineId FROM journal_lines l
         JOIN account_roles r ON r.role = 'receivables' AND r.account_id = l.account_id
        WHERE l.debtor_id IS NULL`,
    )
    .all() as { lineId: number }[];
}

/**
 * The sub-ledger invariant: per debtor, the open-item balances add up to the debtor's balance on
 * the receivables control account. Returns the debtors where they differ.
 */
export function subLedgerMismatches(db: Database.Database): { debtorId: number; items: number; control: number }[] {
  return db
    .prepare(
      `WITH control AS (
         SELECT l.debtor_id AS debtorId, SUM(l.debit) - SUM(l.credit) AS control FROM journal_lines l
          WHERE l.account_id = (SELECT account_id FROM account_roles WHERE role = 'receivables') GROUP BY l.debtor_id),
       items AS (SELECT debtor_id AS debtorId, SUM(balance) AS items FROM open_items GROUP BY debtor_id)
       SELECT d.id AS debtorId, COALESCE(i.items, 0) AS items, COALESCE(c.control, 0) AS control
         FROM debtors d LEFT JOIN control c ON c.debtorId = d.id LEFT JOIN items i ON i.debtorId = d.id
        WHERE COALESCE(i.items, 0) <> COALESCE(c.control, 0)`,
    )
    .all() as { debtorId: number; items: number; control: number }[];
}
