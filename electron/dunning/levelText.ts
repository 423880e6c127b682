import { formatDate } from '../../shared/dates';
import { formatIban } from '../../shared/iban';
import { euro } from '../statements/euro';

/** Fills a level's letter text: every {placeholder} the contract allows, in the member's language. */
export interface LetterValues {
  language: 'nl' | 'en';
  name: string;
  number: string;
  outstanding: number;
  total: number;
  dueDate: string;
  reference: string;
  termDays: number;
  termEndsOn: string | null;
  costs: number;
  costsVat: number;
  organisation: string;
  iban: string;
  date: string;
}

/** The costs as the letter must state them: the amount, and the BTW with the reason it is added (Besluit art. 2 lid 3). */
function costsText(v: LetterValues): string {
  if (v.costsVat === 0) return euro(v.costs, v.language);
  return v.language === 'nl'
    ? `${euro(v.costs + v.costsVat, 'nl')} (${euro(v.costs, 'nl')} plus ${euro(v.costsVat, 'nl')} btw, omdat de vereniging deze btw niet kan verrekenen)`
    : `${euro(v.costs + v.costsVat, 'en')} (${euro(v.costs, 'en')} plus ${euro(v.costsVat, 'en')} VAT, because the club cannot reclaim this VAT)`;
}

export function fillLetterText(template: string, v: LetterValues): string {
  const values: Record<string, string> = {
    naam: v.name,
    lidnummer: v.number,
    bedrag: euro(v.outstanding, v.language),
    totaal: euro(v.total, v.language),
    vervaldatum: formatDate(v.dueDate),
    kenmerk: v.reference,
    termijn: String(v.termDays),
    einddatum: v.termEndsOn ? formatDate(v.termEndsOn) : '',
    incassokosten: costsText(v),
    vereniging: v.organisation,
    iban: formatIban(v.iban),
    datum: formatDate(v.date),
  };
  return template.replace(/\{([a-z]+)\}/g, (whole, key: string) => values[key] ?? whole);
}
