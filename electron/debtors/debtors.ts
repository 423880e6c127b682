import type { DebtorT } from '../../shared/api/contract';
import { notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { stmt } from '../statements';

/** A debtor's balance is the sum of its lines on the receivables control account. */
const DEBTOR_SELECT = `SELECT d.id, d.number, d.name, d.email, d.iban, d.created_at AS createdAt,
        COALESCE((SELECT SUM(l.debit) - SUM(l.credit) FROM journal_lines l
                   WHERE l.debtor_id = d.id
                     AND l.account_id = (SELECT account_id FROM account_roles WHERE role = 'receivables')), 0) AS balance
   FROM debtors d`;

export function getDebtor(ctx: Ctx, id: number): DebtorT {
  const row = stmt(ctx.db, `${DEBTOR_SELECT} WHERE d.id = ?`).get(id) as DebtorT | undefined;
  if (!row) throw notFoundError({ nl: `Debiteur ${id}`, en: `Debtor ${id}` }, 'id');
  return row;
}

export function listDebtors(ctx: Ctx, q: { search?: string; limit: number; offset: number }): { total: number; debtors: DebtorT[] } {
  const term = q.search?.trim();
  const clause = term ? ` WHERE d.name LIKE @like OR d.number = @term OR d.email LIKE @like OR d.iban LIKE @ibanLike` : '';
  const params = term ? { like: `%${term}%`, term, ibanLike: `%${term.replace(/\s+/g, '').toUpperCase()}%` } : {};
  const total = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM debtors d${clause}`).get(params) as { n: number }).n;
  const debtors = ctx.db
    .prepare(`${DEBTOR_SELECT}${clause} ORDER BY CAST(d.number AS INTEGER), d.number LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as DebtorT[];
  return { total, debtors };
}

/** The next free member number: one above the highest numeric one. */
function nextDebtorNumber(ctx: Ctx): string {
  const row = stmt(ctx.db, "SELECT MAX(CAST(number AS INTEGER)) AS n FROM debtors WHERE number GLOB '[0-9]*'").get() as { n: number | null };
  return String((row.n ?? 1000) + 1);
}

export function createDebtor(ctx: Ctx, input: { number?: string; name: string; email?: string; iban?: string }): DebtorT {
  const number = input.number ?? nextDebtorNumber(ctx);
  if (stmt(ctx.db, 'SELECT 1 FROM debtors WHERE number = ?').get(number)) {
    throw validationError('number', 'unique', `Debiteurnummer ${number} bestaat al`, `Debtor number ${number} already exists`);
  }
  const id = Number(
    stmt(ctx.db, 'INSERT INTO debtors (number, name, email, iban) VALUES (?, ?, ?, ?)').run(number, input.name, input.email ?? null, input.iban ?? null).lastInsertRowid,
  );
  return getDebtor(ctx, id);
}
