import { formatDate } from '../../../shared/dates';
import { euro } from '../euro';
import type { Ctx } from '../../context';
import { createItem, itemEventRow } from '../../items/openItems';
import { accountForRole } from '../../ledger/chart';
import { gatherLines, gathering } from '../../ledger/gatheredEntry';
import { postEntry } from '../../ledger/post';
import { journalOfKind } from '../../collections/numbering';
import { stmt } from '../../preparedStatements';
import type { NewAllocation } from '../entryRecord';
import { buffered, flushWritesTouching } from '../writeBehind';
import { ItemUpdates } from './itemUpdates';


export interface OpenItemRow {
  id: number;
  debtorId: number;
  document: string;
  dueDate: string;
  balance: number;
}

/** A payment's new balance for items (found by id: +state keeps SQLite from going through every open item). */
const PAY = "UPDATE open_items SET balance = ?, state = CASE WHEN ? = 0 THEN 'settled' ELSE 'open' END, closed_on = CASE WHEN ? = 0 THEN ? ELSE NULL END WHERE id IN (SELECT value FROM json_each(?)) AND +state = 'open'";

/** A debtor's items that a payment can settle: open, owed, oldest first. */
export function payableItems(ctx: Ctx, debtorId: number): OpenItemRow[] {
  // the next payment must see the balance the one before left
  flushWritesTouching(ctx, { debtorId });
  return stmt(
    ctx.db,
    "SELECT id, debtor_id AS debtorId, document, due_date AS dueDate, balance FROM open_items WHERE debtor_id = ? AND state = 'open' AND balance > 0 ORDER BY due_date, id",
  ).all(debtorId) as OpenItemRow[];
}

/**
 * A member's payment: Bank / Debiteuren, settling the given items in the order given (oldest
 * first) — a partial payment leaves the rest of the last item open, an overpayment becomes a
 * credit item of its own (to refund or net later).
 */
export function payItems(
  ctx: Ctx,
  p: { statementEntryId: number; bankLedgerAccountId: number; amount: number; date: string; debtorId: number; items: OpenItemRow[]; description: string; statementDbId?: number },
): { journalEntryId: number; allocations: NewAllocation[]; settled: number; partial: number; credit: number } {
  const description = p.description.slice(0, 140);
  const bank = { accountId: p.bankLedgerAccountId, debit: p.amount, credit: 0, description };
  const receivables = { accountId: accountForRole(ctx, 'receivables'), debtorId: p.debtorId, debit: 0, credit: p.amount, description };
  const posting = { journalCode: journalOfKind(ctx, 'bank'), date: p.date, description };
  // an import's transfers of one statement and day share one journal entry, a line per payment and
  // the bank's side added up; undoing one of them reverses just its share (statements/manual.ts)
  const gathered = p.statementDbId !== undefined && gathering(ctx)
    ? gatherLines(
      ctx,
      `transfers|${p.statementDbId}|${p.date}`,
      { ...posting, description: `Betalingen van leden ${formatDate(p.date)}`, sourceType: 'bank_statement', sourceId: String(p.statementDbId) },
      [bank, { ...receivables, description: `${description}, afschriftregel ${p.statementEntryId}`.slice(0, 140) }],
      [{ accountId: p.bankLedgerAccountId, description: `Betalingen van leden ${formatDate(p.date)}` }],
    )
    : null;
  const entryId = gathered?.id ?? postEntry(ctx, { ...posting, sourceType: 'statement_entry', sourceId: String(p.statementEntryId), lines: [bank, receivables] });
  let remaining = p.amount;
  let settled = 0;
  let partial = 0;
  const allocations: NewAllocation[] = [];
  buffered(ctx, 'payments', () => new ItemUpdates(ctx, PAY), (pay) => {
    for (const item of p.items) {
      if (remaining <= 0) break;
      const take = Math.min(item.balance, remaining);
      const after = item.balance - take;
      const text = `Betaling ${euro(take)} ontvangen op ${formatDate(p.date)}${after > 0 ? `, nog open ${euro(after)}` : ''}`;
      pay.add({ id: item.id, debtorId: p.debtorId }, itemEventRow(ctx, item.id, 'payment', text, { entryId, balanceAfter: after }), [after, after, after, p.date]);
      allocations.push({ kind: 'item', amount: take, itemId: item.id });
      remaining -= take;
      if (after === 0) settled++;
      else partial++;
    }
  });
  if (remaining > 0) {
    // the booking's reference names the credit; a gathered entry is not posted yet, its number is known
    const ref = gathered
      ? { r: `${posting.journalCode}-${p.date.slice(0, 4)}-${String(gathered.number).padStart(4, '0')}` }
      : (stmt(ctx.db, "SELECT j.code || '-' || e.year || '-' || substr('0000' || e.number, -4) AS r FROM journal_entries e JOIN journals j ON j.id = e.journal_id WHERE e.id = ?").get(entryId) as { r: string });
    const itemId = createItem(
      ctx,
      { debtorId: p.debtorId, sourceType: 'journal', entryId, document: ref.r, description: `Tegoed uit betaling van ${formatDate(p.date)}`, itemDate: p.date, dueDate: p.date, amount: -remaining },
      { kind: 'created', text: `Te veel betaald op ${formatDate(p.date)}: tegoed ${euro(remaining)} (terugbetalen of verrekenen)` },
    );
    allocations.push({ kind: 'credit', amount: remaining, itemId });
  }
  return { journalEntryId: entryId, allocations, settled, partial, credit: remaining };
}
