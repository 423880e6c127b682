import { conflictError, notFoundError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { recordEvent } from '../items/openItems';
import { reverseEntry } from '../ledger/entries';
import { stmt } from '../preparedStatements';
import { restoreMandatesAfterCancel } from '../mandates/amendments';

/**
 * Until the bank has confirmed, a batch can be cancelled: the booking is reversed, its items open
 * again with the balance they had, mandates get back the state the remaining batches leave them in, and
 * the file is void. The batch row and its ids stay, so nothing is ever reused.
 */
export function cancelBatch(ctx: Ctx, input: { id: number; reason: string }): void {
  const batch = stmt(ctx.db, 'SELECT id, kind, reference, status, entry_id AS entryId FROM batches WHERE id = ?').get(input.id) as
    | { id: number; kind: 'collection' | 'refund'; reference: string; status: string; entryId: number }
    | undefined;
  if (!batch) throw notFoundError({ nl: `Batch ${input.id}`, en: `Batch ${input.id}` }, 'id');
  if (batch.status === 'confirmed') throw conflictError('not_cancellable', `Batch ${batch.reference} is al door de bank bijgeschreven en kan niet meer worden geannuleerd`, `Batch ${batch.reference} was already credited by the bank and can no longer be cancelled`, 'id');
  if (batch.status !== 'saved') throw conflictError('not_cancellable', `Batch ${batch.reference} is al geannuleerd`, `Batch ${batch.reference} is already cancelled`, 'id');
  const reversal = reverseEntry(ctx, { entryId: batch.entryId, description: `Annulering ${batch.reference}: ${input.reason}`.slice(0, 140) });

  const reopen = stmt(ctx.db, "UPDATE open_items SET state = 'open', balance = ?, batch_transaction_id = NULL, closed_on = NULL WHERE id = ? AND batch_transaction_id = ?");
  const portions = stmt(
    ctx.db,
    `SELECT p.item_id AS itemId, p.amount, p.transaction_id AS txId FROM batch_transaction_items p JOIN batch_transactions t ON t.id = p.transaction_id
      WHERE t.batch_id = ? ORDER BY t.id`,
  ).all(batch.id) as { itemId: number; amount: number; txId: number }[];
  for (const p of portions) {
    recordEvent(ctx, p.itemId, 'collection_cancelled', `${batch.kind === 'collection' ? 'Incasso' : 'Terugbetaling'} ${batch.reference} geannuleerd: ${input.reason}`, { entryId: reversal.id, balanceAfter: p.amount });
    if (reopen.run(p.amount, p.itemId, p.txId).changes !== 1) throw new Error(`item ${p.itemId} is no longer held by ${batch.reference}`);
  }
  if (batch.kind === 'collection') restoreMandatesAfterCancel(ctx, batch.id);
  stmt(ctx.db, "UPDATE batches SET status = 'cancelled', cancel_entry_id = ?, cancelled_at = ?, cancel_reason = ? WHERE id = ?").run(reversal.id, ctx.now().toISOString(), input.reason, batch.id);
}
