import { addDays, addMonths } from '../../shared/dates';

/**
 * Wettelijke rente (art. 6:119 BW for consumers, 6:119a for commercial debts): simple daily interest
 * (act/365, as the courts' calculators do) within each rate period, and compounded yearly: after
 * every full year the interest of that year is added to the base (art. 6:119 lid 2).
 */
export interface RatePeriod {
  startsOn: string;
  /** hundredths of a percent per year: 400 = 4 % */
  rate: number;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Half-up division of non-negative BigInts. */
function roundDiv(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (2n * d);
}

/**
 * Interest in cents on `principal` for the days from `from` (the first day of default, included)
 * up to `to` (excluded). Rates come from the table (sorted or not); a day before the first rate
 * earns nothing, since no rate is known for it.
 */
export function statutoryInterest(rates: RatePeriod[], principal: number, from: string, to: string): number {
  if (principal <= 0 || to <= from) return 0;
  const sorted = [...rates].sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0));
  const rateOn = (day: string): number => {
    let r = 0;
    for (const p of sorted) if (p.startsOn <= day) r = p.rate;
    return r;
  };
  let base = BigInt(principal);
  let total = 0n;
  for (let year = 0; ; year++) {
    const yearStart = addMonths(from, 12 * year);
    if (yearStart >= to) break;
    const yearEnd = addMonths(from, 12 * (year + 1)) < to ? addMonths(from, 12 * (year + 1)) : to;
    // cents × hundredths of a percent × days, over 10 000 × 365
    let numerator = 0n;
    let cursor = yearStart;
    const changes = sorted.map((p) => p.startsOn).filter((d) => d > yearStart && d < yearEnd);
    for (const boundary of [...changes, yearEnd]) {
      numerator += base * BigInt(rateOn(cursor)) * BigInt(daysBetween(cursor, boundary));
      cursor = boundary;
    }
    const yearInterest = roundDiv(numerator, 10_000n * 365n);
    total += yearInterest;
    base += yearInterest;
  }
  return Number(total);
}

/** The first day of default after a due date: the day after it (a fixed due date puts the debtor in default by itself). */
export function defaultStartsOn(dueDate: string): string {
  return addDays(dueDate, 1);
}

/**
 * The interest an item's open balance earns from the day after its due date, or after the day it was
 * last booked through, up to and including `through`. The years of the yearly compounding count
 * from the first day of default whatever the periods booked, so letters every few weeks add up to
 * what one letter at the end would charge on the same balance.
 */
export function interestSince(rates: RatePeriod[], balance: number, dueDate: string, bookedThrough: string | null, through: string): number {
  const start = defaultStartsOn(dueDate);
  const from = bookedThrough !== null && addDays(bookedThrough, 1) > start ? addDays(bookedThrough, 1) : start;
  const to = addDays(through, 1);
  if (to <= from) return 0;
  return statutoryInterest(rates, balance, start, to) - statutoryInterest(rates, balance, start, from);
}
