import { isIsoDate, localDate, type IsoDate } from './dates';
import { fail, pass, type Verdict } from './validation';

/**
 * Reads a date as a Dutch treasurer types it: "9-12" (this year), "09-12-2026", "9/12/26",
 * "9 dec", "9 december 2026", "09122026", or an ISO date pasted from elsewhere. Day before month,
 * always: the browser's or the OS's locale never decides what "9-12" means.
 */
export function parseTypedDate(input: string, today: IsoDate = localDate(new Date())): Verdict<IsoDate> {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return fail('required', 'verplicht', 'required');
  const parts = splitParts(s);
  if (!parts) return fail('date', 'geen datum; typ bijvoorbeeld 9-12-2026', 'not a date; type for example 9-12-2026');
  const [day, month, yearText] = parts;
  const year = yearText === undefined ? Number(today.slice(0, 4)) : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2199) return nonexistent();
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? pass(iso) : nonexistent();
}

function nonexistent(): Verdict<IsoDate> {
  return fail('exists', 'bestaat niet', 'does not exist');
}

/** [day, month, year as typed (2 or 4 digits) or undefined]; null when it does not look like a date at all. */
function splitParts(s: string): [number, number, string | undefined] | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return [Number(iso[3]), Number(iso[2]), iso[1]];
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (compact) return [Number(compact[1]), Number(compact[2]), compact[3]];
  const numeric = /^(\d{1,2})[-/. ](\d{1,2})(?:[-/. ](\d{2}|\d{4}))?$/.exec(s);
  if (numeric) return [Number(numeric[1]), Number(numeric[2]), numeric[3]];
  const named = /^(\d{1,2})[ -]?([a-z]+)\.?(?:[ -](\d{2}|\d{4}))?$/.exec(s);
  if (named) {
    const month = monthByName(named[2]!);
    return month ? [Number(named[1]), month, named[3]] : null;
  }
  return null;
}

const MONTHS: [string, string][] = [
  ['januari', 'january'],
  ['februari', 'february'],
  ['maart', 'march'],
  ['april', 'april'],
  ['mei', 'may'],
  ['juni', 'june'],
  ['juli', 'july'],
  ['augustus', 'august'],
  ['september', 'september'],
  ['oktober', 'october'],
  ['november', 'november'],
  ['december', 'december'],
];

/** "dec", "december", "mrt", "okt", "oct": any prefix of three letters or more of a Dutch or English name. */
function monthByName(name: string): number | undefined {
  if (name === 'mrt') return 3;
  if (name.length < 3) return undefined;
  const index = MONTHS.findIndex((names) => names.some((full) => full.startsWith(name)));
  return index < 0 ? undefined : index + 1;
}
