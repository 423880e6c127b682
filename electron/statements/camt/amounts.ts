import { StatementReadError } from '../model';
import { plainCents } from '../plainCents';
import { at, textAt, type XNode } from './xml';

/**
 * An ISO 20022 amount ("1405.31", "100", "0.10000") as whole cents, from the string and never
 * through a float. Some banks write five decimals; they are exact when the extra digits are zero,
 * and anything finer than a cent is refused rather than rounded: the books must match the bank.
 */
export function amountToCents(raw: string, whereAt: string, path?: string): number {
  const plain = plainCents(raw, '.', true);
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

/** CRDT is money in (positive), DBIT money out (negative); anything else is refused. */
export function signOf(node: XNode, path: string, where: string): 1 | -1 {
  return signFrom(textAt(node, path), path, where);
}

/** signOf for the indicator's (trimmed) text. */
export function signFrom(ind: string | null, path: string, where: string): 1 | -1 {
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
  return n ? amountOf(n.text, n.attrs.Ccy, where, path) : null;
}

/** amountAt for an Amt element's text and Ccy attribute. */
export function amountOf(text: string, ccy: string | undefined, where: string, path: string): { cents: number; currency: string | null } | null {
  if (text.trim() === '') return null;
  return { cents: amountToCents(text, where, path), currency: ccy?.trim() || null };
}

/** Long or odd values shortened for a message. */
export function shown(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
