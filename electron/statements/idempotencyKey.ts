import { hash } from 'node:crypto';
import type { StatementEntry } from './model';

/**
 * The key that makes an entry count once however often it is imported: the account plus the bank's
 * own reference with the booking's date, amount and direction (a bank may share one reference over
 * several entries, as ABN AMRO does for entries with several TxDtls); where a bank has none, the
 * entry's content. And an occurrence counter over the
 * file, so two genuinely identical payments on one day are two entries, while the same day in a
 * later or overlapping file gives the same keys again. The booking date is part of the key because
 * Rabobank starts its statement and entry numbers again every year.
 */
export function entryKeys(account: string, entries: StatementEntry[], seen = new Map<string, number>()): string[] {
  return entries.map((e) => {
    const base = contentOf(account, e);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    // one-shot hashing: a Hash object per entry cost twice as much at 100 000 entries
    return `${account}|${hash('sha256', base, 'hex').slice(0, 40)}|${n}`;
  });
}

function contentOf(account: string, e: StatementEntry): string {
  // the bank's reference with what it booked: the same booking in a camt.053 and in the camt.054
  // or MT940 of that day is one entry, however differently each message details it
  if (e.bankReference) return JSON.stringify([account, e.bankReference, e.bookingDate, e.amount, e.currency, e.reversal]);
  const details = e.details.map((d) => [d.endToEndId, d.amount, d.counterparty.iban, d.remittance, d.creditorReference, d.returnInfo?.reasonCode].join('~'));
  return JSON.stringify([account, e.bankReference, e.bookingDate, e.amount, e.currency, e.reversal, e.bankReference ? null : e.information, details]);
}
