import { createHash } from 'node:crypto';
import type { BankEntry } from './model';

/**
 * The bank's own reference per entry (AcctSvcrRef, MT940 bank reference). Derived from the booking
 * itself, so the same booking carries the same reference in camt.053, camt.054 and MT940 and when
 * a day is sent again; two identical bookings on one day still get different ones (occurrence).
 */
export function bankReferences(entries: BankEntry[], statementDate: string): string[] {
  const seen = new Map<string, number>();
  const given = new Set<string>();
  return entries.map((e) => {
    if (e.bankReference) return e.bankReference;
    const date = e.bookingDate ?? statementDate;
    const content = [date, e.kind, e.amount, ...e.details.map((d) => `${d.endToEndId ?? ''}/${d.counterparty?.iban ?? ''}/${d.amount}`), e.information ?? ''].join('|');
    const occurrence = (seen.get(content) ?? 0) + 1;
    seen.set(content, occurrence);
    // 16 characters: the most an MT940 :61: bank reference holds
    for (let salt = 0; ; salt++) {
      const hash = BigInt(`0x${createHash('sha1').update(`${content}#${occurrence}#${salt}`).digest('hex').slice(0, 15)}`).toString(36).toUpperCase().padStart(10, '0').slice(-10);
      const ref = `${date.replace(/-/g, '').slice(2)}${hash}`;
      if (!given.has(ref)) {
        given.add(ref);
        return ref;
      }
    }
  });
}
