import { formatEuro } from '../../../shared/money';

/** Cents as a treasurer types them ("150,00"), as AmountField shows them; null is an empty field. */
export function euroText(cents: number | null): string {
  return cents === null ? '' : formatEuro(cents, 'nl').replace(/^€\s*/, '');
}
