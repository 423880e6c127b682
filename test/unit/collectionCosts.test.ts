import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectionCosts, collectionCostsVat } from '../../electron/dunning/collectionCosts';

/**
 * The WIK scale (Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2), worked out by
 * hand per slice here, not by the function: 15 % of the first € 2.500, 10 % of the next € 2.500,
 * 5 % of the next € 5.000, 1 % of the next € 190.000, 0,5 % above; at least € 40, at most € 6.775.
 * Expected values in cents; NL-RULES.md 1.2 lists the same vectors.
 */
const CASES: [principal: number, costs: number, why: string][] = [
  [1, 4_000, 'one cent: the minimum'],
  [10_000, 4_000, '€ 100: 15 % is € 15, the minimum € 40 applies'],
  [26_666, 4_000, '€ 266,66: 15 % is € 39,999, the minimum applies'],
  [26_667, 4_000, '€ 266,67: 15 % is € 40,0005, rounds to € 40,00'],
  [26_670, 4_001, '€ 266,70: 15 % is € 40,005, rounds half up to € 40,01'],
  [50_000, 7_500, '€ 500: 15 % = € 75'],
  [123_456, 18_518, '€ 1.234,56: 15 % = € 185,184'],
  [249_999, 37_500, '€ 2.499,99: 15 % = € 374,9985, rounds to € 375,00'],
  [250_000, 37_500, '€ 2.500 boundary: 15 % of 2.500 = € 375'],
  [250_100, 37_510, '€ 2.501: € 375 + 10 % of € 1 = € 375,10'],
  [300_000, 42_500, '€ 3.000: € 375 + 10 % of € 500'],
  [500_000, 62_500, '€ 5.000 boundary: € 375 + € 250'],
  [500_100, 62_505, '€ 5.001: € 625 + 5 % of € 1'],
  [750_000, 75_000, '€ 7.500: € 625 + 5 % of € 2.500'],
  [1_000_000, 87_500, '€ 10.000 boundary: € 625 + € 250'],
  [1_000_100, 87_501, '€ 10.001: € 875 + 1 % of € 1'],
  [2_500_000, 102_500, '€ 25.000: € 875 + 1 % of € 15.000'],
  [20_000_000, 277_500, '€ 200.000 boundary: € 875 + 1 % of € 190.000'],
  [20_000_100, 277_501, '€ 200.001: € 2.775 + 0,5 % of € 1 = € 0,005, rounds half up'],
  [100_000_000, 677_500, '€ 1.000.000: € 2.775 + 0,5 % of € 800.000 = the maximum exactly'],
  [100_000_200, 677_500, 'just above: capped at the maximum'],
  [150_000_000, 677_500, '€ 1.500.000: capped'],
];

describe('statutory collection costs (WIK)', () => {
  it.each(CASES)('principal %i cents costs %i cents (%s)', (principal, costs) => {
    expect(collectionCosts(principal)).toBe(costs);
  });

  it('asks nothing on nothing', () => {
    expect(collectionCosts(0)).toBe(0);
    expect(collectionCosts(-500)).toBe(0);
  });

  it('adds 21 % BTW only when the club cannot reclaim it, rounded half up to cents', () => {
    expect(collectionCostsVat(4_000, false)).toBe(0);
    expect(collectionCostsVat(4_000, true)).toBe(840); // € 48,40 in all
    expect(collectionCostsVat(4_001, true)).toBe(840); // 840,21
    expect(collectionCostsVat(18_518, true)).toBe(3_889); // 3 888,78: € 224,07 in all
    expect(collectionCostsVat(677_500, true)).toBe(142_275); // € 8.197,75 in all
  });

  it('never falls, never exceeds the maximum, and never more than 15 % above the minimum (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (p, extra) => {
        const a = collectionCosts(p);
        const b = collectionCosts(p + extra);
        expect(b).toBeGreaterThanOrEqual(a);
        expect(a).toBeGreaterThanOrEqual(4_000);
        expect(a).toBeLessThanOrEqual(677_500);
        expect(a).toBeLessThanOrEqual(Math.max(4_000, Math.ceil(p * 0.15)));
      }),
    );
  });
});
