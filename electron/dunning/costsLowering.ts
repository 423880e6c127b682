import { journalOfKind } from '../collections/numbering';
import type { Ctx } from '../context';
import { closeItem, recordEvent } from '../items/openItems';
import { accountForRole } from '../ledger/chart';
import { postEntry, type PostingLine } from '../ledger/post';
import { stmt } from '../preparedStatements';
import { euro } from '../statements/euro';
import { collectionCosts, collectionCostsVat } from './collectionCosts';

/**
 * A part payment recalculates the statutory collection costs on the rest (art. 6:96 BW; the WIK
 * scale is over the principal still owed). Charged costs are an item of their own (IK-<letter>);
 * the letter that charged them marks the items they were computed on. At the next letter to the
 * member the costs are computed again on what of those items is still open and lowered to that,
 * with their BTW in proportion; they are never raised above what was charged. A principal paid in
 * full leaves the costs as they are: they were owed once the term had passed, and there is no rest
 * to compute them on.
 */
export interface CostsLowering {
  itemId: number;
  document: string;
  /** what the costs item asks now (incl. BTW), and the lower amount it asks after this letter */
  from: number;
  to: number;
  /** the part of the reduction that is BTW (0 when the club reclaims it) */
  vat: number;
}

interface CostsItem {
  id: number;
  document: string;
  amount: number;
  balance: number;
  letterCosts: number;
  letterVat: number;
  letterId: number;
}

export const COSTS_LOWERED = 'costs_lowered';

/** What of an item is still owed, followed into the parts it was split into or the item it was merged into (counted once). */
function stillOwed(ctx: Ctx, itemId: number, seen: Set<number>): number {
  if (seen.has(itemId)) return 0;
  seen.add(itemId);
  const row = stmt(ctx.db, 'SELECT state, amount, balance, merged_into_item_id AS mergedInto FROM open_items WHERE id = ?').get(itemId) as
    | { state: string; amount: number; balance: number; mergedInto: number | null }
    | undefined;
  if (!row) return 0;
  if (row.state === 'open') return row.balance;
  // on its way to the bank: owed until the bank pays
  if (row.state === 'in_collection') return row.amount;
  if (row.state === 'split') {
    const parts = stmt(ctx.db, 'SELECT id FROM open_items WHERE parent_item_id = ?').all(itemId) as { id: number }[];
    return parts.reduce((s, p) => s + stillOwed(ctx, p.id, seen), 0);
  }
  // a merged item holds other claims too: counting all of it can only keep the costs higher, never lower them wrongly
  if (row.state === 'merged' && row.mergedInto !== null) return stillOwed(ctx, row.mergedInto, seen);
  return 0;
}

/** The lowerings a letter to this debtor brings: one per open costs item whose principal was partly paid. */
export function costsLowerings(ctx: Ctx, debtorId: number): CostsLowering[] {
  const items = stmt(
    ctx.db,
    `SELECT i.id, i.document, i.amount, i.balance, l.costs AS letterCosts, l.costs_vat AS letterVat, l.id AS letterId
       FROM open_items i JOIN dunning_letters l ON 'IK-' || l.id = i.document AND l.debtor_id = i.debtor_id
      WHERE i.debtor_id = ? AND i.source_type = 'collection_costs' AND i.state = 'open' AND i.balance > 0 ORDER BY i.id`,
  ).all(debtorId) as CostsItem[];
  const baseOf = stmt(ctx.db, 'SELECT item_id AS itemId FROM dunning_letter_items WHERE letter_id = ? AND charged_costs = 1');
  const loweredBefore = stmt(
    ctx.db,
    `SELECT COALESCE(SUM(l.credit - l.debit), 0) AS n FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
      WHERE e.source_type = '${COSTS_LOWERED}' AND e.source_id = ? AND l.debtor_id IS NOT NULL`,
  );
  const out: CostsLowering[] = [];
  for (const c of items) {
    const base = baseOf.all(c.letterId) as { itemId: number }[];
    // letters from before the base was recorded are left as they were charged
    if (base.length === 0) continue;
    const seen = new Set<number>();
    const rest = base.reduce((s, b) => s + stillOwed(ctx, b.itemId, seen), 0);
    if (rest <= 0) continue;
    const costs = collectionCosts(rest);
    const asked = costs + collectionCostsVat(costs, c.letterVat > 0);
    const charged = c.amount - (loweredBefore.get(String(c.id)) as { n: number }).n;
    // what the member already paid of the costs stays paid: the item cannot go below zero
    const reduction = Math.min(charged - asked, c.balance);
    if (reduction <= 0) continue;
    const vat = c.letterVat > 0 ? Math.round((reduction * c.letterVat) / (c.letterCosts + c.letterVat)) : 0;
    out.push({ itemId: c.id, document: c.document, from: charged, to: charged - reduction, vat });
  }
  return out;
}

/** Books a lowering: the revenue (and BTW) back out against the member's receivable, the costs item's balance down by as much. */
export function bookCostsLowering(ctx: Ctx, debtorId: number, lowering: CostsLowering, date: string): void {
  const reduction = lowering.from - lowering.to;
  const lines: PostingLine[] = [];
  if (reduction - lowering.vat > 0) lines.push({ accountId: accountForRole(ctx, 'collectionCosts'), debit: reduction - lowering.vat, credit: 0, description: lowering.document });
  if (lowering.vat > 0) lines.push({ accountId: accountForRole(ctx, 'collectionCostsVat'), debit: lowering.vat, credit: 0, description: `Btw ${lowering.document}` });
  lines.push({ accountId: accountForRole(ctx, 'receivables'), debtorId, debit: 0, credit: reduction, description: lowering.document });
  const entryId = postEntry(ctx, {
    journalCode: journalOfKind(ctx, 'memorial'),
    date,
    description: `Incassokosten ${lowering.document} verlaagd na deelbetaling`,
    sourceType: COSTS_LOWERED,
    sourceId: String(lowering.itemId),
    lines,
  });
  const text = `Verlaagd van ${euro(lowering.from)} naar ${euro(lowering.to)} na deelbetaling`;
  const balance = (stmt(ctx.db, 'SELECT balance FROM open_items WHERE id = ?').get(lowering.itemId) as { balance: number }).balance - reduction;
  if (balance === 0) {
    closeItem(ctx, lowering.itemId, 'written_off', { kind: COSTS_LOWERED, text, entryId });
    return;
  }
  recordEvent(ctx, lowering.itemId, COSTS_LOWERED, text, { entryId, balanceAfter: balance });
  stmt(ctx.db, 'UPDATE open_items SET balance = ? WHERE id = ?').run(balance, lowering.itemId);
}
