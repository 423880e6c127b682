import { addDays, type IsoDate } from './dates';

/**
 * The TARGET2 calendar SEPA direct debits run on: every weekday except New Year's Day, Good
 * Friday, Easter Monday, 1 May, Christmas Day and 26 December.
 */
export function easterSunday(year: number): IsoDate {
  // anonymous Gregorian algorithm (Meeus/Jones/Butcher)
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, Set<IsoDate>>();

export function target2Holidays(year: number): Set<IsoDate> {
  let set = holidayCache.get(year);
  if (!set) {
    const easter = easterSunday(year);
    set = new Set([`${year}-01-01`, addDays(easter, -2), addDays(easter, 1), `${year}-05-01`, `${year}-12-25`, `${year}-12-26`]);
    holidayCache.set(year, set);
  }
  return set;
}

export function isBusinessDay(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !target2Holidays(Number(date.slice(0, 4))).has(date);
}

/** `n` business days after `date` (n ≥ 0; with 0, the date itself or the next business day). */
export function addBusinessDays(date: IsoDate, n: number): IsoDate {
  let d = date;
  while (!isBusinessDay(d)) d = addDays(d, 1);
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

/**
 * The earliest collection date for a file saved today: `leadDays` business days ahead, never today
 * itself. A file saved on a weekend or holiday reaches the bank on the next business day, so the
 * count starts there, not on the day it was saved.
 */
export function earliestCollectionDate(today: IsoDate, leadDays: number): IsoDate {
  return addBusinessDays(today, Math.max(1, leadDays));
}

/**
 * How far ahead a collection may be asked for: the SDD Core rulebook lets a creditor bank accept a
 * collection at most 14 calendar days before its due date, and Dutch banks hold to that for B2B too.
 */
export const MAX_CALENDAR_DAYS_AHEAD = 14;

export function latestCollectionDate(today: IsoDate): IsoDate {
  return addDays(today, MAX_CALENDAR_DAYS_AHEAD);
}

/** The date itself when it is a business day, else the next one: a collection never falls on a holiday. */
export function nextBusinessDay(date: IsoDate): IsoDate {
  return addBusinessDays(date, 0);
}
