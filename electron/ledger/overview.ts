import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { listAccounts } from './chart';
import { collectionsInTransit } from '../collections/inTransit';

export interface LedgerFigures {
  debtorCount: number;
  debtorsWithBalance: number;
  receivables: number;
  creditBalances: number;
  entryCount: number;
  lastEntryDate: string | null;
  collectionsInTransit: ReturnType<typeof collectionsInTransit>;
  accounts: ReturnType<typeof listAccounts>;
}

/** The Overzicht's figures from the books; the to-do list and charts are in overview/dashboard.ts. */
export function getOverview(ctx: Ctx): LedgerFigures {
  const perDebtor = stmt(
    ctx.db,
    `SELECT COUNT(*) AS withBalance,
            COALESCE(SUM(CASE WHEN balance > 0 THEN balance END), 0) AS receivables,
            COALESCE(SUM(CASE WHEN balance < 0 THEN -balance END), 0) AS creditBalances
       FROM (SELECT SUM(debit) - SUM(credit) AS balance FROM journal_lines
              WHERE account_id = (SELECT account_id FROM account_roles WHERE role = 'receivables') AND debtor_id IS NOT NULL
              GROUP BY debtor_id HAVING balance <> 0)`,
  ).get() as { withBalance: number; receivables: number; creditBalances: number };
  const entries = stmt(ctx.db, 'SELECT COUNT(*) AS n, MAX(date) AS last FROM journal_entries').get() as { n: number; last: string | null };
  return {
    debtorCount: (stmt(ctx.db, 'SELECT COUNT(*) AS n FROM debtors').get() as { n: number }).n,
    debtorsWithBalance: perDebtor.withBalance,
    receivables: perDebtor.receivables,
    creditBalances: perDebtor.creditBalances,
    entryCount: entries.n,
    lastEntryDate: entries.last,
    collectionsInTransit: collectionsInTransit(ctx),
    accounts: listAccounts(ctx),
  };
}
