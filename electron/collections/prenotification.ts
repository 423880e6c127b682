import { validationError } from '../../shared/api/errors';
import { addDays, formatDate } from '../../shared/dates';

/** The default pre-notification period (SDD rulebook): 14 calendar days, unless agreed shorter. */
export const DEFAULT_PRENOTIFICATION_DAYS = 14;

/** Why a debit comes sooner than the member was told: the invoice's date and the date it announced. */
export interface ShortNotice {
  /** the due date the invoice announced as the collection date */
  announcedDate: string;
  invoiceDate: string;
  /** the first date the member counts as pre-notified: the announced date, and the period after the invoice */
  noticeFrom: string;
}

/** The item's pre-notification falls short when it is collected before `noticeFrom`; credits need none. */
export function shortNotice(item: { dueDate: string; itemDate: string; balance: number }, date: string, periodDays: number): ShortNotice | null {
  if (item.balance <= 0) return null;
  const afterInvoice = addDays(item.itemDate, periodDays);
  const noticeFrom = item.dueDate > afterInvoice ? item.dueDate : afterInvoice;
  return date < noticeFrom ? { announcedDate: item.dueDate, invoiceDate: item.itemDate, noticeFrom } : null;
}

/**
 * A run that collects items sooner than announced is saved only when the treasurer confirmed it
 * (the member's specification then serves as the new pre-notification); the refusal names the items.
 */
export function requirePrenotificationConfirmed(flagged: { document: string; debtorNumber: string; date: string; notice: ShortNotice }[], confirmed: boolean): void {
  if (confirmed || flagged.length === 0) return;
  const shown = flagged.slice(0, 5);
  const more = flagged.length - shown.length;
  const list = (lang: 'nl' | 'en') =>
    shown.map((f) => `${f.document} (${lang === 'nl' ? 'lid' : 'member'} ${f.debtorNumber}: ${formatDate(f.date)}, ${lang === 'nl' ? 'aangekondigd' : 'announced'} ${formatDate(f.notice.noticeFrom)})`).join(', ') +
    (more > 0 ? (lang === 'nl' ? ` en ${more} meer` : ` and ${more} more`) : '');
  throw validationError(
    'confirmPrenotification',
    'required',
    `Deze posten worden eerder geïncasseerd dan aangekondigd: ${list('nl')}. Bevestig dat de specificatie als nieuwe vooraankondiging naar deze leden gaat`,
    `These items are collected sooner than announced: ${list('en')}. Confirm that the specification goes to these members as the new pre-notification`,
  );
}
