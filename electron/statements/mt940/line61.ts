import { oneCopy, ownCopy } from '../oneCopy';
import { amountToCents, entryDate, swiftDate } from './amounts';
import { lineError, short } from './errors';

/** What one :61: statement line says, before the :86: after it is read. */
export interface Line61 {
  valueDate: string;
  bookingDate: string;
  /** signed cents, credit positive */
  amount: number;
  reversal: boolean;
  /** "NTRF", "N541", "NDDT": the transaction type, spaces dropped */
  typeCode: string;
  /** subfield 7, the reference for the account owner, as written ("NONREF", "EREF", "PREF", a payment reference) */
  customerReference: string;
  /** subfield 8, after "//" */
  bankReference: string | null;
  /** what follows the references on the line itself (ING's /TRCD/00100/, Rabobank's legacy name column) */
  rest: string;
  /** subfield 9, the lines after the first */
  supplementary: string | null;
}

const VALUE_DATE = { nl: 'De valutadatum', en: 'The value date' };
const AMOUNT = { nl: 'Het bedrag', en: 'The amount' };

/**
 * :61: is 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x][34x]: value date, optional booking date (MMDD),
 * C/D/RC/RD, the optional third letter of the currency, the amount, the type ("N" + 3), the
 * account owner's reference, "//" and the bank's reference, and on the next line supplementary
 * details. Each part is checked in turn so that a refusal can say which one is wrong.
 */
export function parseLine61(lines: string[], line: number, currency: string): Line61 {
  const first = lines[0]!.trimEnd();
  const m = WELL_FORMED.exec(first);
  if (m && (!m[4] || m[4] === currency[2])) {
    const valueDate = swiftDate(m[1]!, line, VALUE_DATE);
    const cents = amountToCents(m[5]!, line, AMOUNT);
    return finish(lines, m[2] ? entryDate(m[2], valueDate, line) : valueDate, valueDate, m[3]!, cents, m[6]! + m[7]!, m[8]!);
  }
  return diagnose(lines, first, line, currency);
}

/** The line as the standard has it; anything else goes through diagnose(), which says what is wrong. */
const WELL_FORMED = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d+(?:,\d*)?)([NFS])(.{3})(.*)$/;

function diagnose(lines: string[], first: string, line: number, currency: string): Line61 {
  let at = 0;
  const valueText = first.slice(0, 6);
  if (!/^\d{6}$/.test(valueText)) throw lineError(line, `:61: begint niet met een valutadatum (JJMMDD): "${short(first)}"`, `:61: does not start with a value date (YYMMDD): "${short(first)}"`);
  const valueDate = swiftDate(valueText, line, VALUE_DATE);
  at = 6;
  let bookingDate = valueDate;
  if (/^\d{4}/.test(first.slice(at))) {
    bookingDate = entryDate(first.slice(at, at + 4), valueDate, line);
    at += 4;
  }
  const mark = /^(RC|RD|C|D)/.exec(first.slice(at));
  if (!mark) {
    const found = first.slice(at, at + 2);
    if (/^E[CD]/.test(found)) throw lineError(line, `${found} is een verwachte boeking (MT942), geen afschriftregel`, `${found} is an expected entry (MT942), not a statement line`);
    throw lineError(line, `na de datum hoort C (bij), D (af), RC of RD; er staat "${short(first.slice(at, at + 6))}"`, `the date must be followed by C (credit), D (debit), RC or RD; found "${short(first.slice(at, at + 6))}"`);
  }
  at += mark[1]!.length;
  const funds = /^([A-Z])(?=\d)/.exec(first.slice(at));
  if (funds) {
    if (currency && funds[1] !== currency[2]) {
      throw lineError(line, `de valutaletter ${funds[1]} past niet bij ${currency}`, `the currency letter ${funds[1]} does not match ${currency}`);
    }
    at += 1;
  }
  const amountText = /^[\d.,]+/.exec(first.slice(at))?.[0];
  if (!amountText) throw lineError(line, `het bedrag ontbreekt na ${mark[1]}`, `the amount is missing after ${mark[1]}`);
  const cents = amountToCents(amountText, line, AMOUNT);
  at += amountText.length;
  const type = /^([NFS])(.{3})/.exec(first.slice(at));
  if (!type) throw lineError(line, `na het bedrag hoort de transactiesoort (N en drie tekens); er staat "${short(first.slice(at, at + 6))}"`, `the amount must be followed by the transaction type (N and three characters); found "${short(first.slice(at, at + 6))}"`);
  at += 4;
  return finish(lines, bookingDate, valueDate, mark[1]!, cents, type[1]! + type[2]!, first.slice(at));
}

function finish(lines: string[], bookingDate: string, valueDate: string, mark: string, cents: number, type: string, cut: string): Line61 {
  // the references are cut from the line's end; as cuts from the file's text they would keep all of it alive in the entries
  const tail = ownCopy(cut);
  const typeCode = oneCopy(type.replace(/\s+/g, ''));
  let customerReference = tail;
  let bankReference: string | null = null;
  let rest = '';
  const slashes = tail.indexOf('//');
  if (slashes >= 0) {
    customerReference = tail.slice(0, slashes);
    const after = tail.slice(slashes + 2);
    // the bank reference is 16 characters at most and stops where ING appends /TRCD/
    const ref = /^[^/]{0,16}/.exec(after)![0];
    bankReference = ref.trim() || null;
    rest = after.slice(ref.length).trim();
  }
  const credit = mark === 'C' || mark === 'RD';
  const supplementary = lines.length > 1 ? ownCopy(lines.slice(1).map((l) => l.trim()).filter(Boolean).join(' ') || null) : null;
  return {
    valueDate,
    bookingDate,
    amount: credit || cents === 0 ? cents : -cents,
    reversal: mark.startsWith('R'),
    typeCode,
    customerReference,
    bankReference,
    rest,
    supplementary,
  };
}
