import { validationError } from '../../../shared/api/errors';
import { formatEuro, parseDiscount, parseEuro, type Discount } from '../../../shared/money';

/** An amount field as typed ("150,00"); empty is null. A typo is refused at the field by name. */
export function typedEuro(field: string, text: string): number | null {
  if (!text.trim()) return null;
  const parsed = parseEuro(text);
  if (!parsed.ok) throw validationError(field, parsed.rule, parsed.nl, parsed.en);
  return parsed.value;
}

/** Incassokorting as typed: "2,50" or "2,5%"; empty is no discount. */
export function typedDiscount(field: string, text: string): Discount {
  const parsed = parseDiscount(text);
  if (!parsed.ok) throw validationError(field, parsed.rule, parsed.nl, parsed.en);
  return parsed.value;
}

/** Cents as a treasurer types them ("150,00"), the inverse of typedEuro; null is an empty field. */
export function euroText(cents: number | null): string {
  return cents === null ? '' : formatEuro(cents, 'nl').replace(/^€\s*/, '');
}
