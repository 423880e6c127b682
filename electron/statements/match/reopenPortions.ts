import type { Ctx } from '../../context';
import { createItem, recordEvent } from '../../items/openItems';
import { stmt } from '../../preparedStatements';

/**
 * A collection or refund the bank sent back: each item the transaction held is open again for the
 * part it held, or — when the item moved on meanwhile (merged, split) — that part is owed as an
 * item of its own. Shared by returned debits and returned refunds.
 */
/** The parts of items a batch transaction held. */
export function portionsOf(ctx: Ctx, transactionId: number): { itemId: number; amount: number }[] {
  return stmt(ctx.db, 'SELECT item_id AS itemId, amount FROM batch_transaction_items WHERE transaction_id = ?').all(transactionId) as { itemId: number; amount: number }[];
}

export function reopenPortions(
  ctx: Ctx,
  tx: { id: number; debtorId: number },
  portions: { itemId: number; amount: number }[],
  heldIn: readonly string[],
  event: { kind: string; text: string; reason: string | null; entryId: number; date: string },
  newItem: { document: string; description: string },
): void {
  const states = heldIn.map((s) => `'${s}'`).join(', ');
  const holds = stmt(ctx.db, `SELECT 1 FROM open_items WHERE id = ? AND batch_transaction_id = ? AND state IN (${states})`);
  const reopen = stmt(ctx.db, `UPDATE open_items SET state = 'open', balance = ?, batch_transaction_id = NULL, closed_on = NULL WHERE id = ? AND batch_transaction_id = ? AND state IN (${states})`);
  for (const p of portions) {
    if (holds.get(p.itemId, tx.id)) {
      recordEvent(ctx, p.itemId, event.kind, event.text, { entryId: event.entryId, reason: event.reason, balanceAfter: p.amount });
      reopen.run(p.amount, p.itemId, tx.id);
    } else {
      createItem(
        ctx,
        { debtorId: tx.debtorId, sourceType: 'journal', entryId: event.entryId, document: newItem.document, description: newItem.description, itemDate: event.date, dueDate: event.date, amount: p.amount },
        { kind: event.kind, text: event.text, reason: event.reason, relatedItemId: p.itemId },
      );
    }
  }
}
