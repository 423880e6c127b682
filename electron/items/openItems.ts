import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

export type ItemSource = 'invoice' | 'credit_note' | 'opening_balance' | 'journal' | 'split' | 'merge' | 'dunning_fee' | 'collection_costs' | 'interest';

export interface NewItem {
  debtorId: number;
  sourceType: ItemSource;
  invoiceId?: number | null;
  entryId?: number | null;
  document: string;
  description: string;
  itemDate: string;
  dueDate: string;
  amount: number;
  parentItemId?: number | null;
  arrangement?: boolean;
}

/** Creates an open item and its first history line. Callers book the money; this keeps the sub-ledger. */
export function createItem(ctx: Ctx, item: NewItem, history: { kind: string; text: string; relatedItemId?: number | null; reason?: string | null }): number {
  const id = Number(
    stmt(
      ctx.db,
      `INSERT INTO open_items (debtor_id, source_type, invoice_id, entry_id, document, description, item_date, due_date, amount, balance, parent_item_id, arrangement)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      item.debtorId,
      item.sourceType,
      item.invoiceId ?? null,
      item.entryId ?? null,
      item.document,
      item.description,
      item.itemDate,
      item.dueDate,
      item.amount,
      item.amount,
      item.parentItemId ?? null,
      item.arrangement ? 1 : 0,
    ).lastInsertRowid,
  );
  recordEvent(ctx, id, history.kind, history.text, { relatedItemId: history.relatedItemId, reason: history.reason, entryId: item.entryId });
  return id;
}

export interface EventExtra {
  relatedItemId?: number | null;
  reason?: string | null;
  entryId?: number | null;
  /**
   * The balance the item gets by this event; without it, the balance it has. The database lets an
   * item's balance change only to the one its newest event records, so an operation that changes
   * the balance records its event FIRST.
   */
  balanceAfter?: number;
}

export function recordEvent(ctx: Ctx, itemId: number, kind: string, text: string, extra: EventExtra = {}): void {
  stmt(
    ctx.db,
    `INSERT INTO open_item_events (${ITEM_EVENT_COLUMNS.join(', ')})
     VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE(?, (SELECT balance FROM open_items WHERE id = ?)))`,
  ).run(...itemEventRow(ctx, itemId, kind, text, extra), itemId);
}

export const ITEM_EVENT_COLUMNS = ['item_id', 'at', 'kind', 'text', 'reason', 'related_item_id', 'entry_id', 'balance_after'] as const;

/** A line of an item's history as the values of ITEM_EVENT_COLUMNS (balance_after null: the item's balance as it is). */
export function itemEventRow(ctx: Ctx, itemId: number, kind: string, text: string, extra: EventExtra = {}): unknown[] {
  return [itemId, ctx.now().toISOString(), kind, text, extra.reason ?? null, extra.relatedItemId ?? null, extra.entryId ?? null, extra.balanceAfter ?? null];
}

/** Closes an item with the line in its history that says why: its balance moves elsewhere (split, merge, settlement) or is written off. */
export function closeItem(
  ctx: Ctx,
  itemId: number,
  state: 'settled' | 'split' | 'merged' | 'written_off',
  event: { kind: string; text: string } & EventExtra,
  mergedInto?: number,
): void {
  recordEvent(ctx, itemId, event.kind, event.text, { ...event, balanceAfter: 0 });
  stmt(ctx.db, "UPDATE open_items SET balance = 0, state = ?, merged_into_item_id = ?, closed_on = ? WHERE id = ? AND state = 'open'").run(
    state,
    mergedInto ?? null,
    ctx.today(),
    itemId,
  );
}

/**
 * A journal entry booked by hand (or an opening balance) that touches the receivables account gets
 * an open item per receivables line, so the sub-ledger keeps adding up to the control account.
 */
export function itemsForEntry(ctx: Ctx, entryId: number, sourceType: 'journal' | 'opening_balance'): number[] {
  const entry = stmt(
    ctx.db,
    `SELECT e.date, e.description, j.code || '-' || e.year || '-' || substr('0000' || e.number, -4) AS reference
       FROM journal_entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?`,
  ).get(entryId) as { date: string; description: string; reference: string };
  const lines = stmt(
    ctx.db,
    `SELECT l.debtor_id AS debtorId, l.debit - l.credit AS amount, l.description FROM journal_lines l
      WHERE l.entry_id = ? AND l.account_id = (SELECT account_id FROM account_roles WHERE role = 'receivables') ORDER BY l.line_no`,
  ).all(entryId) as { debtorId: number; amount: number; description: string | null }[];
  return lines.map((l) =>
    createItem(
      ctx,
      { debtorId: l.debtorId, sourceType, entryId, document: entry.reference, description: l.description ?? entry.description, itemDate: entry.date, dueDate: entry.date, amount: l.amount },
      { kind: 'created', text: `Geboekt in ${entry.reference}` },
    ),
  );
}
