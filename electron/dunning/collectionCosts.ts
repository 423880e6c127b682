/**
 * Statutory collection costs (WIK, art. 6:96 BW; Besluit vergoeding voor buitengerechtelijke
 * incassokosten, Stb. 2012, 141, art. 2): a sliding scale over the principal without interest or
 * earlier costs, at least € 40 and at most € 6.775, with 21 % BTW on top only when the club
 * cannot reclaim VAT (and the letter says so).
 *
 * Rounding: the Besluit sets none. Every slice is computed exactly in thousandths of a cent
 * (the smallest rate, 0,5 %, makes thousandths enough), the sum is rounded once, half up, to whole
 * cents; then the minimum and maximum apply. BTW is 21 % of those costs, rounded half up to cents.
 */

/** [slice width in cents (null: the rest), rate in tenths of a percent] */
const SCALE: readonly [number | null, number][] = [
  [250_000, 150],
  [250_000, 100],
  [500_000, 50],
  [19_000_000, 10],
  [null, 5],
];

export const COLLECTION_COSTS_MINIMUM = 4_000;
export const COLLECTION_COSTS_MAXIMUM = 677_500;
/** BTW general rate (art. 9 lid 1 Wet OB 1968), in percent */
export const COLLECTION_COSTS_VAT_PERCENT = 21;

/** Costs in cents for a principal in cents; nothing is owed on nothing. */
export function collectionCosts(principal: number): number {
  if (!Number.isSafeInteger(principal)) throw new RangeError(`principal is not whole cents: ${principal}`);
  if (principal <= 0) return 0;
  let rest = principal;
  // cents × tenths of a percent = thousandths of a cent
  let thousandths = 0;
  for (const [width, rate] of SCALE) {
    const slice = width === null ? rest : Math.min(rest, width);
    thousandths += slice * rate;
    rest -= slice;
    if (rest === 0) break;
  }
  const rounded = Math.floor((thousandths + 500) / 1000);
  return Math.min(COLLECTION_COSTS_MAXIMUM, Math.max(COLLECTION_COSTS_MINIMUM, rounded));
}

/** The BTW on top of the costs when the club cannot reclaim it; 0 otherwise. */
export function collectionCostsVat(costs: number, vatApplies: boolean): number {
  if (!vatApplies || costs <= 0) return 0;
  return Math.floor((costs * COLLECTION_COSTS_VAT_PERCENT + 50) / 100);
}
