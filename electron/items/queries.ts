import type { OpenItemT } from '../../shared/api/contract';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { DUE_FOR_COLLECTION, earliestCollection } from './dueForCollection';

export interface ItemQuery {
  debtorId?: number;
  status?: 'open' | 'blocked' | 'arrangement' | 'in_collection' | 'closed' | 'all';
  overdueOnly?: boolean;
  owedOnly?: boolean;
  dueForCollection?: boolean;
  dueFrom?: string;
  dueTo?: string;
  search?: string;
  sort: 'dueDate' | 'itemDate' | 'balance' | 'amount' | 'debtor' | 'document' | 'daysOverdue';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const SORT: Record<ItemQuery['sort'], string> = {
  dueDate: 'i.due_date',
  itemDate: 'i.item_date',
  balance: 'i.balance',
  amount: 'i.amount',
  debtor: 'd.name',
  document: 'i.document',
  daysOverdue: 'i.due_date',
};

/** The status a treasurer sees: closed items by how they closed, open ones by what holds them. */
const STATUS_SQL = `CASE WHEN i.state <> 'open' THEN i.state WHEN i.blocked = 1 THEN 'blocked' WHEN i.arrangement = 1 THEN 'arrangement' ELSE 'open' END`;

/** Filtering and sorting in SQL, one page at a time, so 100 000 items stay quick. */
export function listItems(ctx: Ctx, q: ItemQuery): { total: number; totalBalance: number; items: OpenItemT[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today: ctx.today() };
  if (q.debtorId !== undefined) {
    where.push('i.debtor_id = @debtorId');
    params.debtorId = q.debtorId;
  }
  const status = q.status ?? 'open';
  if (status === 'open') where.push("i.state = 'open'");
  else if (status === 'closed') where.push("i.state <> 'open'");
  else if (status === 'blocked') where.push("i.state = 'open' AND i.blocked = 1");
  else if (status === 'arrangement') where.push("i.state = 'open' AND i.arrangement = 1");
  else if (status === 'in_collection') where.push("i.state = 'in_collection'");
  if (q.overdueOnly) where.push("i.state = 'open' AND i.due_date < @today AND i.balance > 0");
  if (q.owedOnly) where.push('i.balance > 0');
  if (q.dueForCollection) {
    where.push(DUE_FOR_COLLECTION);
    params.earliest = earliestCollection(ctx);
  }
  if (q.dueFrom) {
    where.push('i.due_date >= @dueFrom');
    params.dueFrom = q.dueFrom;
  }
  if (q.dueTo) {
    where.push('i.due_date <= @dueTo');
    params.dueTo = q.dueTo;
  }
  if (q.search?.trim()) {
    where.push('(d.name LIKE @like OR d.number = @term OR i.document LIKE @like OR i.description LIKE @like)');
    params.like = `%${q.search.trim()}%`;
    params.term = q.search.trim();
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = `FROM open_items i JOIN debtors d ON d.id = i.debtor_id ${clause}`;
  const totals = ctx.db.prepare(`SELECT COUNT(*) AS n, COALESCE(SUM(i.balance), 0) AS b ${from}`).get(params) as { n: number; b: number };
  // Most overdue first means the oldest due date first.
  const direction = q.sort === 'daysOverdue' ? (q.direction === 'asc' ? 'DESC' : 'ASC') : q.direction.toUpperCase();
  const rows = ctx.db
    .prepare(
      `SELECT i.id, i.debtor_id AS debtorId, d.number AS debtorNumber, d.name AS debtorName, i.source_type AS sourceType, i.invoice_id AS invoiceId,
              i.document, i.description, i.item_date AS itemDate, i.due_date AS dueDate,
              CASE WHEN i.state = 'open' AND i.balance > 0 THEN MAX(0, CAST(julianday(@today) - julianday(i.due_date) AS INTEGER)) ELSE 0 END AS daysOverdue,
              i.amount, i.balance, ${STATUS_SQL} AS status, i.blocked, i.arrangement, i.parent_item_id AS parentItemId, i.merged_into_item_id AS mergedIntoItemId
         ${from} ORDER BY ${SORT[q.sort]} ${direction}, i.id ${direction} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as (Omit<OpenItemT, 'blocked' | 'arrangement'> & { blocked: number; arrangement: number })[];
  return { total: totals.n, totalBalance: totals.b, items: rows.map((r) => ({ ...r, blocked: r.blocked === 1, arrangement: r.arrangement === 1 })) };
}

export function itemHistory(ctx: Ctx, itemId: number): { at: string; kind: string; text: string; reason: string | null; relatedItemId: number | null }[] {
  return stmt(ctx.db, 'SELECT at, kind, text, reason, related_item_id AS relatedItemId FROM open_item_events WHERE item_id = ? ORDER BY id').all(itemId) as {
    at: string;
    kind: string;
    text: string;
    reason: string | null;
    relatedItemId: number | null;
  }[];
}
