import { addDays, addMonths } from '../../shared/dates';
import { MANDATE_EXPIRY_MONTHS } from './mandates';

/** A mandate warns this many days before the 36 months without a collection run out. */
export const MANDATE_WARNING_DAYS = 60;

/** Bound to @expiringCutoff: a recurring mandate last used (or signed) on or before it expires within the warning days. */
export function expiringCutoff(today: string): string {
  return addMonths(addDays(today, MANDATE_WARNING_DAYS), -MANDATE_EXPIRY_MONTHS);
}

/** Debtor (alias d) with an active recurring mandate that expires within the warning days. */
export const MANDATE_EXPIRING_DEBTOR = `EXISTS (SELECT 1 FROM mandates m WHERE m.debtor_id = d.id AND m.status = 'active' AND m.type = 'recurring'
  AND COALESCE(m.last_collected_on, m.signed_on) <= @expiringCutoff)`;

/** Debtor (alias d) on direct debit without an active mandate: nothing can be collected from them. */
export const DIRECT_DEBIT_WITHOUT_MANDATE = `d.payment_method = 'direct_debit' AND NOT EXISTS (SELECT 1 FROM mandates m WHERE m.debtor_id = d.id AND m.status = 'active')`;
