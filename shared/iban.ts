import { getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { checkDigits, mod97 } from './mod97';
import { fail, pass, type Verdict } from './validation';

/**
 * Each country's IBAN layout (length, BBAN pattern, SEPA membership) comes from ibantools, which
 * follows the SWIFT IBAN registry; our own table knew only lengths and went stale.
 */
const SPECS = getCountrySpecifications();

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
  const spec = SPECS[country];
  if (!spec?.SEPA || !spec.chars) {
    return fail('country', `IBAN ${shown}: landcode ${country} hoort niet bij SEPA`, `IBAN ${shown}: country code ${country} is not a SEPA country`);
  }
  if (iban.length !== spec.chars) {
    return fail(
      'length',
      `IBAN ${shown}: een ${country}-IBAN heeft ${spec.chars} tekens, niet ${iban.length}`,
      `IBAN ${shown}: a ${country} IBAN has ${spec.chars} characters, not ${iban.length}`,
    );
  }
  if (country === 'NL' && !/^NL[0-9]{2}[A-Z]{4}[0-9]{10}$/.test(iban)) {
    return fail('format', `IBAN ${shown}: een NL-IBAN is NL, 2 cijfers, 4 letters bankcode en 10 cijfers`, `IBAN ${shown}: an NL IBAN is NL, 2 digits, a 4-letter bank code and 10 digits`);
  }
  if (spec.bban_regexp && !new RegExp(spec.bban_regexp).test(iban.slice(4))) {
    return fail('format', `IBAN ${shown}: de tekens na de controlecijfers passen niet in de opbouw van een ${country}-IBAN`, `IBAN ${shown}: the characters after the check digits do not fit the layout of a ${country} IBAN`);
  }
  if (mod97(iban.slice(4) + iban.slice(0, 4)) !== 1) {
    return fail('checksum', `IBAN ${shown}: de controlecijfers kloppen niet`, `IBAN ${shown}: check digits do not match`);
  }
  // several countries (BE, ES, FR, PT, ...) check the account number inside the BBAN as well
  if (validateIBAN(iban).errorCodes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)) {
    return fail('national_checksum', `IBAN ${shown}: het rekeningnummer klopt niet (nationale controle van ${country})`, `IBAN ${shown}: the account number fails ${country}'s national check`);
  }
  return pass(iban);
}

/** Builds a valid IBAN from a country, bank code and account number (demo data and tests). */
export function makeIban(country: string, bban: string): string {
  return country + checkDigits(bban + country + '00') + bban;
}
