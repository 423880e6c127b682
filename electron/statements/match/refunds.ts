import type { Ctx } from '../../context';
import { accountForRole } from '../../ledger/chart';
import { postEntry } from '../../ledger/post';
import { journalOfKind } from '../../collections/numbering';
import { stmt } from '../../preparedStatements';
import { type EntryToMatch, type NewAllocation, recordMatch } from '../entryRecord';
import { confirmIfComplete } from './batchCredit';
import { scopeOfId, transactionsInScope } from './batchIds';
import { flushWrites } from '../writeBehind';

/**
 * Our own refunds (pain.001) leaving the account, by end-to-end id (or the batch's PmtInfId when
 * the bank books the run as one debit): Terug te betalen / Bank; the run is confirmed once every
 * payment has left.
 */
export function matchRefund(ctx: Ctx, m: EntryToMatch): boolean {
  const e = m.entry;
  if (e.amount >= 0 || e.reversal || m.preSettlement) return false;
  // asks which refunds have left: the import may hold back allocations it made
  flushWrites(ctx);
  const q = stmt(
    ctx.db,
    `SELECT t.id, t.amount, t.batch_id AS batchId, b.reference FROM batch_transactions t JOIN batches b ON b.id = t.batch_id
      WHERE t.end_to_end_id = ? AND b.kind = 'refund' AND b.status <> 'cancelled'
        AND NOT EXISTS (SELECT 1 FROM statement_allocations a WHERE a.transaction_id = t.id AND a.kind = 'transaction' AND a.reversed_by_entry_id IS NULL)`,
  );
  let txs = e.details.map((d) => (d.endToEndId ? (q.get(d.endToEndId) as { id: number; amount: number; batchId: number; reference: string } | undefined) : undefined));
  if (txs.length === 0 || txs.some((t) => !t)) {
    const scope = e.details.map((d) => scopeOfId(ctx, d.paymentInfoId) ?? scopeOfId(ctx, d.messageId)).find((s) => s?.kind === 'refund');
    if (!scope) return false;
    txs = transactionsInScope(ctx, scope).map((t) => q.get(t.endToEndId) as { id: number; amount: number; batchId: number; reference: string } | undefined);
    if (txs.length === 0 || txs.some((t) => !t)) return false;
  }
  const found = txs as { id: number; amount: number; batchId: number; reference: string }[];
  const total = found.reduce((s, t) => s + t.amount, 0);
  if (total !== -e.amount) return false;
  const refs = [...new Set(found.map((t) => t.reference))].join(', ');
  const entryId = postEntry(ctx, {
    journalCode: journalOfKind(ctx, 'bank'),
    date: e.bookingDate,
    description: `Terugbetaling ${refs}`,
    sourceType: 'statement_entry',
    sourceId: String(m.id),
    lines: [
      { accountId: accountForRole(ctx, 'refundsPayable'), debit: total, credit: 0, description: `Terugbetaling ${refs}` },
      { accountId: m.bankLedgerAccountId, debit: 0, credit: total, description: `Terugbetaling ${refs}` },
    ],
  });
  const allocations: NewAllocation[] = found.map((t) => ({ kind: 'transaction', amount: -t.amount, batchId: t.batchId, transactionId: t.id }));
  recordMatch(
    ctx,
    m.id,
    'refund',
    {
      nl: `Terugbetaling ${refs} (${found.length} ${found.length === 1 ? 'betaling' : 'betalingen'}) afgeschreven, gevonden op end-to-end-id; geboekt Terug te betalen / Bank`,
      en: `Refund ${refs} (${found.length} payment${found.length === 1 ? '' : 's'}) debited, found by end-to-end id; booked Refunds payable / Bank`,
    },
    entryId,
    allocations,
  );
  for (const b of new Set(found.map((t) => t.batchId))) confirmIfComplete(ctx, b, e.bookingDate);
  return true;
}
