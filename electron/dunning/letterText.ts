import { formatDate } from '../../shared/dates';
import { formatIban } from '../../shared/iban';
import { formatEuro } from '../../shared/money';
import type { DunningLetterData, LetterParty } from './letterData';

/**
 * Everything a dunning letter says besides the level's own text, in the member's language, shared
 * by the PDF and the e-mail draft so both say the same.
 */
export type Lang = 'nl' | 'en';

const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "26 november 2026" for the running text; tables and reference blocks keep dd-mm-jjjj. */
export function longDate(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[lang][m - 1]} ${y}`;
}

export { formatDate };

/**
 * € 1.234,56 (nl) or €1,234.56 (en) with a plain space: what formatEuro (Intl) writes, built by
 * hand because a thousand letters ask it tens of thousands of times (a unit test holds them equal).
 */
export function money(cents: number, lang: Lang): string {
  if (!Number.isSafeInteger(cents)) return formatEuro(cents, lang).replace(/\u00a0/g, ' ');
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
  const frac = String(abs % 100).padStart(2, '0');
  return lang === 'nl' ? `€ ${cents < 0 ? '-' : ''}${whole},${frac}` : `${cents < 0 ? '-' : ''}€${whole}.${frac}`;
}

export const LABELS = {
  nl: {
    date: 'Datum',
    member: 'Lidnummer',
    reference: 'Betalingskenmerk',
    payBy: 'Betalen vóór',
    columns: ['Document', 'Omschrijving', 'Datum', 'Vervaldatum', 'Bedrag', 'Betaald', 'Open'],
    openItems: 'Openstaande posten',
    interest: 'Wettelijke rente',
    costs: 'Buitengerechtelijke incassokosten',
    costsVat: 'BTW over de incassokosten',
    total: 'Totaal te betalen',
    payment: 'Zo betaalt u',
    iban: 'IBAN',
    beneficiary: 'Ten name van',
    amount: 'Bedrag',
    qrCaption: 'Scan en betaal met je bank-app',
    continued: 'vervolg',
    sheet: 'blad',
    greeting: (name: string) => `Beste ${name},`,
    closing: 'Met vriendelijke groet,',
    treasurer: 'Penningmeester',
  },
  en: {
    date: 'Date',
    member: 'Member number',
    reference: 'Payment reference',
    payBy: 'Pay by',
    columns: ['Document', 'Description', 'Date', 'Due date', 'Amount', 'Paid', 'Open'],
    openItems: 'Open items',
    interest: 'Statutory interest',
    costs: 'Extrajudicial collection costs',
    costsVat: 'VAT on the collection costs',
    total: 'Total due',
    payment: 'How to pay',
    iban: 'IBAN',
    beneficiary: 'Account holder',
    amount: 'Amount',
    qrCaption: 'Scan and pay with your banking app',
    continued: 'continued',
    sheet: 'page',
    greeting: (name: string) => `Dear ${name},`,
    closing: 'Kind regards,',
    treasurer: 'Treasurer',
  },
} as const;

/** The level's text in paragraphs (separated by a blank line), single line breaks kept. */
export function paragraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

// A level text normally opens and closes itself; these add what it leaves out, never twice.
const OPENS = /^(beste|geachte|hallo|dear|hello)\b/i;
const CLOSES = /(met vriendelijke groet|hoogachtend|kind regards|yours sincerely|best regards)/i;
export const needsGreeting = (body: string) => !OPENS.test(body.trim());

/**
 * The level's text around the figures: what comes before the greeting at its end goes above the
 * items, the greeting and signature below the payment block, where a letter closes.
 */
export function splitBody(body: string): { opening: string[]; closing: string[] } {
  const all = paragraphs(body);
  const at = all.findIndex((p) => CLOSES.test(p));
  return at < 0 ? { opening: all, closing: [] } : { opening: all.slice(0, at), closing: all.slice(at) };
}

/**
 * What the 14-day letter must state: the term's last day, the costs and what follows (art. 6:96 lid 6
 * BW), in the safe wording of term.ts (fifteen days after delivery) that the default level text uses
 * too, so the letter never names two different terms.
 */
export function fourteenDayNotice(d: DunningLetterData): string | null {
  const c = d.collectionCosts;
  if (!c || c.charged) return null;
  const lang = d.language;
  const costs = money(c.amount + c.vat, lang);
  // the level text (the default one does) may already state the costs and the last day: saying it twice reads as two demands
  if (d.body.includes(costs) && [longDate(d.termEndsOn!, lang), formatDate(d.termEndsOn!)].some((day) => d.body.includes(day))) return null;
  const vat = c.vat > 0 ? (lang === 'nl' ? ` (inclusief ${money(c.vat, lang)} btw)` : ` (including ${money(c.vat, lang)} VAT)`) : '';
  const end = longDate(d.termEndsOn!, lang);
  return lang === 'nl'
    ? `Betaalt u niet binnen vijftien dagen nadat deze brief bij u is bezorgd, dus uiterlijk op ${end}, dan brengen wij de buitengerechtelijke incassokosten van ${costs}${vat} bij u in rekening (artikel 6:96 Burgerlijk Wetboek) en kunnen wij de vordering uit handen geven aan een incassobureau.`
    : `If you do not pay within fifteen days after this letter has been delivered to you, that is by ${end} at the latest, we will charge you the extrajudicial collection costs of ${costs}${vat} (article 6:96 of the Dutch Civil Code) and may hand the claim over to a collection agency.`;
}

export function chargedVatNote(d: DunningLetterData): string | null {
  const c = d.collectionCosts;
  if (!c?.charged || c.vat <= 0) return null;
  return d.language === 'nl'
    ? `De incassokosten zijn ${money(c.amount + c.vat, 'nl')} incl. BTW: de vereniging kan de BTW niet verrekenen en brengt die daarom in rekening.`
    : `The collection costs are ${money(c.amount + c.vat, 'en')} incl. VAT: the club cannot reclaim the VAT and therefore charges it.`;
}

export function paymentSentence(d: DunningLetterData): string {
  const lang = d.language;
  const by = d.termEndsOn ? (lang === 'nl' ? ` uiterlijk op ${longDate(d.termEndsOn, lang)}` : ` by ${longDate(d.termEndsOn, lang)} at the latest`) : '';
  return lang === 'nl'
    ? `Maak ${money(d.total, lang)}${by} over op ${formatIban(d.organisation.iban)} ten name van ${d.organisation.name}, onder vermelding van betalingskenmerk ${d.paymentReference}. Met de QR-code gaat het vanzelf goed.`
    : `Please transfer ${money(d.total, lang)}${by} to ${formatIban(d.organisation.iban)} in the name of ${d.organisation.name}, quoting payment reference ${d.paymentReference}. The QR code fills all of this in for you.`;
}

/** Address lines as the post wants them: name, street, postcode and city, the country when abroad. */
export function addressLines(p: LetterParty, lang: Lang): string[] {
  const lines = [p.name, p.street ?? '', [p.postalCode, p.city].filter(Boolean).join('  ')];
  const country = p.country?.trim().toUpperCase();
  if (country && country !== 'NL') lines.push((new Intl.DisplayNames([lang], { type: 'region' }).of(country) ?? country).toUpperCase());
  return lines.filter((l) => l.trim() !== '');
}

/** "Wettelijke rente t/m 26-11-2026": the interest line names the last day it counts. */
export function interestLabel(d: DunningLetterData): string {
  const L = LABELS[d.language];
  if (!d.interestThrough) return L.interest;
  return `${L.interest} ${d.language === 'nl' ? 't/m' : 'through'} ${formatDate(d.interestThrough)}`;
}

/** What the letter's amounts must add up to: the open items, fees, charged costs with their VAT, and interest. */
export function expectedTotal(d: DunningLetterData): number {
  const costs = d.collectionCosts?.charged ? d.collectionCosts.amount + d.collectionCosts.vat : 0;
  return d.items.reduce((s, i) => s + i.open, 0) + d.fees.reduce((s, f) => s + f.amount, 0) + costs + d.interest;
}
