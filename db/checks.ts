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
