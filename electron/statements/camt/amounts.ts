import { StatementReadError } from '../model';
import { at, textAt, type XNode } from './xml';

/**
 * An ISO 20022 amount ("1405.31", "100", "0.10000") as whole cents, from the string and never
 * through a float. Some banks write five decimals; they are exact when the extra digits are zero,
 * and anything finer than a cent is refused rather than rounded: the books must match the bank.
 */
export function amountToCents(raw: string, whereAt: string, path?: string): number {
  const plain = plainCents(raw);
  if (plain >= 0) return plain;
  const s = raw.trim();
  const m = /^(\d{1,13})(?:\.(\d{1,5}))?$/.exec(s);
  if (!m) {
    throw new StatementReadError(
      path ? `${whereAt}/${path}` : whereAt,
      `Bedrag "${shown(s)}" is geen geldig bedrag (verwacht zoals 1234.56, zonder teken)`,
      `Amount "${shown(s)}" is not a valid amount (expected like 1234.56, without a sign)`,
    );
  }
  const frac = m[2] ?? '';
  if (/[1-9]/.test(frac.slice(2))) {
    throw new StatementReadError(
      path ? `${whereAt}/${path}` : whereAt,
      `Bedrag ${s} heeft fracties van een cent; Penning rondt een bankbedrag niet af`,
      `Amount ${s} has fractions of a cent; Penning does not round a bank amount`,
    );
  }
  return Number(m[1]) * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
}

/**
 * The cents of an amount written the plain way ("1405.31", "100", "0.10000": 1 to 13 digits, a
 * point and 1 to 5 decimals, nothing around it), by hand rather than by regular expression since
 * a statement has hundreds of thousands; -1 for anything else, which amountToCents then reads (or
 * refuses) the careful way.
 */
function plainCents(s: string): number {
  const n = s.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 13) return -1;
  if (i === n) return whole * 100;
  if (s.charCodeAt(i) !== 46 || n - i - 1 < 1 || n - i - 1 > 5) return -1;
  let cents = 0;
  for (let k = i + 1; k < n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    if (k <= i + 2) cents = cents * 10 + d;
    // a third decimal and beyond must be zero; otherwise the careful way refuses it
    else if (d !== 0) return -1;
  }
  if (n - i - 1 === 1) cents *= 10;
  return whole * 100 + cents;
}

/** CRDT is money in (positive), DBIT money out (negative); anything else is refused. */
export function signOf(node: XNode, path: string, where: string): 1 | -1 {
  const ind = textAt(node, path);
  if (ind === 'CRDT') return 1;
  if (ind === 'DBIT') return -1;
  throw new StatementReadError(
    `${where}/${path}`,
    ind === null ? 'CdtDbtInd ontbreekt: niet te zien of het bedrag bij- of afgeschreven is' : `CdtDbtInd "${shown(ind)}" is geen CRDT of DBIT`,
    ind === null ? 'CdtDbtInd is missing: cannot tell whether the amount is credit or debit' : `CdtDbtInd "${shown(ind)}" is not CRDT or DBIT`,
  );
}

/** The amount at a path (an `Amt` element), in cents, with its Ccy attribute; null when absent. */
export function amountAt(node: XNode, path: string, where: string): { cents: number; currency: string | null } | null {
  const n = at(node, path);
  if (!n || n.text.trim() === '') return null;
  return { cents: amountToCents(n.text, where, path), currency: n.attrs.Ccy?.trim() || null };
}

/** Long or odd values shortened for a message. */
export function shown(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
