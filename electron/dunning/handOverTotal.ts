import type { HandOverInput } from './handOver';

/** What the agency claims: principal, fees, charged costs with their BTW, and interest. Kept apart from the renderer so reading a claim never loads pdfkit. */
export function handOverTotal(p: Pick<HandOverInput, 'items' | 'fees' | 'collectionCosts' | 'interest'>): number {
  const costs = p.collectionCosts?.charged ? p.collectionCosts.amount + p.collectionCosts.vat : 0;
  return p.items.reduce((s, i) => s + i.open, 0) + p.fees.reduce((s, f) => s + f.amount, 0) + costs + p.interest;
}
