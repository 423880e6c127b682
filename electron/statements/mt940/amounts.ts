import { plainCents } from '../plainCents';
import { lineError } from './errors';

/** SWIFT amounts are digits with a decimal comma ("1234,5", "0,", "500"): read exactly, never through a float. */
export function amountToCents(text: string, line: number, what: { nl: string; en: string }): number {
  const plain = plainCents(text, ',', false);
  if (plain >= 0) return plain;
  if (/^\d+\.\d*$/.test(text) || /^\d{1,3}(\.\d{3})+(,\d*)?$/.test(text)) {
    throw lineError(line, `${what.nl} ${text} heeft een punt; MT940 schrijft bedragen met een decimale komma`, `${what.en} ${text} has a full stop; MT940 writes amounts with a decimal comma`);
  }
  const m = /^(\d+)(?:,(\d*))?$/.exec(text);
  if (!m) throw lineError(line, `${what.nl} "${text}" is geen bedrag`, `${what.en} "${text}" is not an amount`);
  const whole = m[1]!.replace(/^0+(?=\d)/, '');
  let fraction = m[2] ?? '';
  if (fraction.length > 2) {
    // a third decimal is exact only when it is zero; anything else would be rounding money
    if (/[^0]/.test(fraction.slice(2))) {
      throw lineError(line, `${what.nl} ${text} heeft meer dan twee decimalen`, `${what.en} ${text} has more than two decimals`);
    }
    fraction = fraction.slice(0, 2);
  }
  if (whole.length > 13) throw lineError(line, `${what.nl} ${text} is te groot`, `${what.en} ${text} is too large`);
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** YYMMDD as the SWIFT standard means it: 19YY for 80-99, 20YY otherwise. */
/** A statement of 100 000 entries has a handful of distinct dates: each is checked once. */
const seenDates = new Map<string, string>();

export function swiftDate(text: string, line: number, what: { nl: string; en: string }): string {
  const seen = seenDates.get(text);
  if (seen) return seen;
  const date = checkedSwiftDate(text, line, what);
  if (seenDates.size > 10_000) seenDates.clear();
  seenDates.set(text, date);
  return date;
}

function checkedSwiftDate(text: string, line: number, what: { nl: string; en: string }): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw lineError(line, `${what.nl} "${text}" is geen datum (JJMMDD)`, `${what.en} "${text}" is not a date (YYMMDD)`);
  const yy = Number(m[1]);
  const year = yy >= 80 ? 1900 + yy : 2000 + yy;
  return calendarDate(year, Number(m[2]), Number(m[3]), text, line, what);
}

/**
 * The booking date of a :61: line is only MMDD; its year is the value date's, or the one next to
 * it when the two straddle New Year (value 31-12, booked 02-01, or the other way round).
 */
export function entryDate(mmdd: string, valueDate: string, line: number): string {
  // entry after entry books on the same day: the last answer is looked at before joining a key
  if (mmdd === lastEntryDate.mmdd && valueDate === lastEntryDate.valueDate) return lastEntryDate.date;
  const key = valueDate + mmdd;
  const seen = seenEntryDates.get(key);
  if (seen) {
    lastEntryDate = { mmdd, valueDate, date: seen };
    return seen;
  }
  const date = checkedEntryDate(mmdd, valueDate, line);
  if (seenEntryDates.size > 10_000) seenEntryDates.clear();
  seenEntryDates.set(key, date);
  lastEntryDate = { mmdd, valueDate, date };
  return date;
}

/** Like swiftDate's: a statement books on a few days, each of its 100 000 entries on one of them. */
const seenEntryDates = new Map<string, string>();
let lastEntryDate = { mmdd: '', valueDate: '', date: '' };

function checkedEntryDate(mmdd: string, valueDate: string, line: number): string {
  const month = Number(mmdd.slice(0, 2));
  const day = Number(mmdd.slice(2, 4));
  const valueYear = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  let year = valueYear;
  if (valueMonth === 12 && month === 1) year = valueYear + 1;
  else if (valueMonth === 1 && month === 12) year = valueYear - 1;
  return calendarDate(year, month, day, mmdd, line, { nl: 'De boekdatum', en: 'The booking date' });
}

function calendarDate(year: number, month: number, day: number, text: string, line: number, what: { nl: string; en: string }): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw lineError(line, `${what.nl} "${text}" bestaat niet`, `${what.en} "${text}" does not exist`);
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
