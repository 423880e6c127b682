import { earliestCollectionDate } from '../../shared/businessDays';
import type { Ctx } from '../context';
import { getSettings } from '../settings/settings';

/** A debtor (alias d) is collectable when paid by direct debit, not held back, with an active mandate. */
export const COLLECTABLE_DEBTOR = `d.payment_method = 'direct_debit' AND d.collect = 1 AND d.iban IS NOT NULL
  AND EXISTS (SELECT 1 FROM mandates m WHERE m.debtor_id = d.id AND m.status = 'active')`;

/**
 * An item (alias i, its debtor d) due for collection: open, owed, not blocked, collectable, and due
 * by the earliest date a collection saved today can take (@earliest). The Overzicht counts these
 * and its link opens Openstaande posten on the same rows, so both read this one condition.
 */
export const DUE_FOR_COLLECTION = `i.state = 'open' AND i.balance > 0 AND i.blocked = 0 AND i.due_date <= @earliest AND ${COLLECTABLE_DEBTOR}`;

export function earliestCollection(ctx: Ctx): string {
  return earliestCollectionDate(ctx.today(), getSettings(ctx).collection.leadDays);
}
