import { isIsoDate } from '../../../shared/dates';
import { normalizeIban } from '../../../shared/iban';
import { visibleText } from '../../../shared/visibleText';
import { StatementReadError, type Party } from '../model';
import { shown } from './amounts';
import { at, child, childrenNamed, textAt, type XNode } from './xml';

/** Text as meant: soft hyphens and other invisibles removed (banks' exports leave them in references). */
export function clean(value: string | null): string | null {
  if (value === null) return null;
  // plain printable ASCII (nearly every value) has nothing invisible to remove
  const v = isPlainPrintable(value) ? value : visibleText(value);
  // no copy needed: both parsers hand over texts that are strings of their own
  return v === '' ? null : v;
}

/** /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/ by hand: a regular expression call costs more than these few characters. */
function isPlainPrintable(s: string): boolean {
  const n = s.length;
  if (n === 0 || s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** A reference or code at a path, cleaned; null when absent. */
export function refAt(node: XNode | null, path: string): string | null {
  return clean(textAt(node, path));
}

/**
 * Free text that may span several lines or elements (AddtlNtryInf, Ustrd, AddtlInf): each part's
 * line breaks and runs of spaces become one space, parts are joined by a space.
 */
export function joinedText(nodes: XNode[]): string | null {
  if (nodes.length === 1) return oneText(nodes[0]!.text);
  const parts: string[] = [];
  for (const n of nodes) {
    const part = oneText(n.text);
    if (part !== null) parts.push(part);
  }
  return parts.length ? parts.join(' ') : null;
}

/** One element's free text as joinedText gives it. */
export function oneText(text: string): string | null {
  return clean(oneSpaced(text));
}

/** Runs of white space as one space; most texts have single spaces only, and are their own result. */
function oneSpaced(text: string): string {
  return notOneSpaced(text) ? text.replace(/\s+/g, ' ') : text;
}

/** White space other than a single ordinary space, what /\s+/g → ' ' would change: by hand, as most texts have none. */
function notOneSpaced(text: string): boolean {
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (previous === 0x20) return true;
    } else if (c < 0x20) {
      if (c >= 0x09 && c <= 0x0d) return true;
    } else if (c >= 0x80 && isSpaceBeyondAscii(c)) {
      return true;
    }
    previous = c;
  }
  return false;
}

/** What /\s/ matches from U+0080 on (checked against every character of the BMP). */
const isSpaceBeyondAscii = (c: number): boolean =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

export function ibanAt(node: XNode | null, path: string): string | null {
  return ibanOf(refAt(node, path));
}

/** An IBAN as written, in capitals without spaces. */
export function ibanOf(v: string | null): string | null {
  // capitals and digits only is what normalizeIban would return unchanged
  return v === null ? null : /^[A-Z0-9]+$/.test(v) ? v : normalizeIban(v);
}

/** BIC (camt .02-.07) or BICFI (.08 and later) of an agent's FinInstnId. */
export function bicOf(agent: XNode | null): string | null {
  return bicFrom(refAt(agent, 'FinInstnId/BICFI'), refAt(agent, 'FinInstnId/BIC'));
}

export function bicFrom(bicfi: string | null, bic: string | null): string | null {
  const v = bicfi ?? bic;
  return v === null ? null : v.toUpperCase();
}

/**
 * A date from an ISO date choice: `Dt` or `DtTm` (some banks write BookgDt/DtTm where the schema
 * has Dt). The date part of a date-time is the bank's own day, taken as written.
 */
export function dateOf(node: XNode | null, where: string): string | null {
  if (!node) return null;
  const raw = textAt(node, 'Dt') ?? textAt(node, 'DtTm') ?? (node.first === null ? clean(node.text) : null);
  if (raw === null) return null;
  return isoDate(raw, where);
}

// a statement has few distinct dates and many entries on each
const checkedDays = new Set<string>();

/** "2014-01-05" or "2014-01-05T23:59:59.999Z" -> "2014-01-05"; anything else is refused. */
export function isoDate(raw: string, where: string): string {
  if (raw.length === 10 && checkedDays.has(raw)) return raw;
  const d = raw.trim().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !isIsoDate(d) || (raw.trim().length > 10 && raw.trim()[10] !== 'T')) {
    throw new StatementReadError(where, `"${shown(raw.trim())}" is geen geldige datum (JJJJ-MM-DD)`, `"${shown(raw.trim())}" is not a valid date (YYYY-MM-DD)`);
  }
  if (checkedDays.size < 10_000) checkedDays.add(d);
  return d;
}

/** Name, IBAN and BIC of a party; camt.053.001.08 and later wrap the party in `Pty`. */
export function partyOf(party: XNode | null, account: XNode | null, agent: XNode | null): Party | null {
  const p = child(party, 'Pty') ?? party;
  const name = joinedText(childrenNamed(p, 'Nm'));
  const iban = ibanAt(account, 'Id/IBAN');
  return partyFrom(name, iban, bicOf(agent));
}

/** A party of what is known of it; null when nothing is. */
export function partyFrom(name: string | null, iban: string | null, bic: string | null): Party | null {
  if (name === null && iban === null && bic === null) return null;
  return { name, iban, bic };
}

const ID_KINDS = ['PrvtId', 'OrgId'] as const;

/** The SEPA creditor identifier held in a party's Id (Othr/Id with scheme SEPA), or null. */
export function creditorIdOf(party: XNode | null): string | null {
  const p = child(party, 'Pty') ?? party;
  const id = at(p, 'Id');
  for (const kind of ID_KINDS) {
    for (const othr of childrenNamed(at(id, kind), 'Othr')) {
      const found = sepaCreditorId(refAt(othr, 'SchmeNm/Cd') ?? refAt(othr, 'SchmeNm/Prtry'), refAt(othr, 'Id'));
      if (found !== null) return found;
    }
  }
  return null;
}

/** An Othr's Id when it is a SEPA creditor id: its scheme says SEPA, or it has no scheme and the id's shape. */
export function sepaCreditorId(scheme: string | null, value: string | null): string | null {
  if (value && (scheme?.toUpperCase() === 'SEPA' || (!scheme && /^[A-Z]{2}\d{2}ZZZ/i.test(value)))) return value.replace(/\s+/g, '').toUpperCase();
  return null;
}
