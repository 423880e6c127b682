import { checkDigits, mod97 } from './mod97';
import { fail, pass, type Verdict } from './validation';

/** IBAN lengths per country for the SEPA countries a Dutch club meets (ISO 13616 registry). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27,
  VA: 22,
};

/** Removes spaces and upper-cases: "nl91 abna 0417 1643 00" -> "NL91ABNA0417164300". */
export function normalizeIban(input: string): string {
  return input.replace(/[\s\u00a0-]+/g, '').toUpperCase();
}

/** Groups of four for display: NL91 ABNA 0417 1643 00. */
export function formatIban(iban: string): string {
  return normalizeIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}

export function validateIban(input: string): Verdict<string> {
  const iban = normalizeIban(input);
  const shown = iban || input;
  if (!iban) return fail('required', 'IBAN is verplicht', 'IBAN is required');
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]+$/.test(iban)) {
    return fail(
      'format',
      `IBAN ${shown}: alleen letters en cijfers, beginnend met landcode en twee controlecijfers`,
      `IBAN ${shown}: letters and digits only, starting with a country code and two check digits`,
    );
  }
  const country = iban.slice(0, 2);
  const expected = IBAN_LENGTH[country];
  if (expected === undefined) {
    return fail('country', `IBAN ${shown}: landcode ${country} hoort niet bij SEPA`, `IBAN ${shown}: country code ${country} is not a SEPA country`);
  }
  if (iban.length !== expected) {
    return fail(
      'length',
      `IBAN ${shown}: een ${country}-IBAN heeft ${expected} tekens, niet ${iban.length}`,
      `IBAN ${shown}: a ${country} IBAN has ${expected} characters, not ${iban.length}`,
    );
  }
  if (country === 'NL' && !/^NL[0-9]{2}[A-Z]{4}[0-9]{10}$/.test(iban)) {
    return fail('format', `IBAN ${shown}: een NL-IBAN is NL, 2 cijfers, 4 letters bankcode en 10 cijfers`, `IBAN ${shown}: an NL IBAN is NL, 2 digits, a 4-letter bank code and 10 digits`);
  }
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) {
    return fail('checksum', `IBAN ${shown}: de controlecijfers kloppen niet`, `IBAN ${shown}: check digits do not match`);
  }
  return pass(iban);
}

/** Builds a valid IBAN from a country, bank code and account number (demo data and tests). */
export function makeIban(country: string, bban: string): string {
  return country + checkDigits(bban + country + '00') + bban;
}
