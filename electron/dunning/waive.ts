import { conflictError, notFoundError } from '../../shared/api/errors';
import type { AccountRole } from '../../shared/ledgerRoles';
import { journalOfKind } from '../collections/numbering';
import type { Ctx } from '../context';
import { closeItem } from '../items/openItems';
import { accountForRole } from '../ledger/chart';
import { postEntry, type PostingLine } from '../ledger/post';
import { stmt } from '../preparedStatements';
import { euro } from '../statements/euro';

/** The revenue each kind of dunning item was booked to, and goes back out of when waived. */
const REVENUE_OF: Partial<Record<string, AccountRole>> = { dunning_fee: 'dunningFees', collection_costs: 'collectionCosts', interest: 'statutoryInterest' };

/**
 * Kwijtschelden (seeds/004, option 2): an unpaid aanmaanboete, collection costs or statutory interest
 * item is no longer asked. What is still open goes back out of the revenue it was booked to (and, for costs with BTW,
 * out of the BTW liability in proportion), against the member's receivable; the item closes as
 * written off, so the sub-ledger keeps equal to the control account.
 */
export function waiveFee(ctx: Ctx, input: { itemId: number; reason: string; date?: string }): { itemId: number; entryId: number; amount: number } {
  const item = stmt(ctx.db, 'SELECT id, debtor_id AS debtorId, source_type AS sourceType, document, amount, balance, state FROM open_items WHERE id = ?').get(input.itemId) as
    | { id: number; debtorId: number; sourceType: string; document: string; amount: number; balance: number; state: string }
    | undefined;
  if (!item) throw notFoundError({ nl: `Openstaande post ${input.itemId}`, en: `Open item ${input.itemId}` }, 'itemId');
  const revenue = REVENUE_OF[item.sourceType];
  if (!revenue) {
    throw conflictError('not_a_fee', `Post ${item.document} is geen aanmaankosten, incassokosten of wettelijke rente; gebruik Afboeken`, `Item ${item.document} is not a dunning fee, collection costs or statutory interest; use Write off`, 'itemId');
  }
  if (item.state !== 'open' || item.balance <= 0) throw conflictError('closed', `Post ${item.document} staat niet meer open`, `Item ${item.document} is no longer open`, 'itemId');

  const lines: PostingLine[] = [];
  let revenuePart = item.balance;
  if (item.sourceType === 'collection_costs') {
    const letter = stmt(ctx.db, "SELECT costs, costs_vat AS vat FROM dunning_letters WHERE 'IK-' || id = ?").get(item.document) as { costs: number; vat: number } | undefined;
    const vat = letter && letter.vat > 0 ? Math.round((item.balance * letter.vat) / (letter.costs + letter.vat)) : 0;
    if (vat > 0) lines.push({ accountId: accountForRole(ctx, 'collectionCostsVat'), debit: vat, credit: 0, description: `Btw ${item.document}` });
    revenuePart -= vat;
  }
  if (revenuePart > 0) lines.unshift({ accountId: accountForRole(ctx, revenue), debit: revenuePart, credit: 0, description: item.document });
  lines.push({ accountId: accountForRole(ctx, 'receivables'), debtorId: item.debtorId, debit: 0, credit: item.balance, description: item.document });
  const entryId = postEntry(ctx, {
    journalCode: journalOfKind(ctx, 'memorial'),
    date: input.date ?? ctx.today(),
    description: `Kwijtschelden ${item.document}: ${input.reason}`.slice(0, 140),
    sourceType: 'waive_fee',
    sourceId: String(item.id),
    lines,
  });
  closeItem(ctx, item.id, 'written_off', { kind: 'waived', text: `Kwijtgescholden: ${euro(item.balance)}`, reason: input.reason, entryId });
  return { itemId: item.id, entryId, amount: item.balance };
}
