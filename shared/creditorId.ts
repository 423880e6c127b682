import { isSEPACountry } from 'ibantools';
import { checkDigits, mod97 } from './mod97';
import { fail, pass, type Verdict } from './validation';

/**
 * SEPA creditor identifier (incassant-ID), EPC262-08: country, check digits, a 3-character business
 * code that the check ignores, then the national id (NL: KvK number + 4-digit location).
 */
export function normalizeCreditorId(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function validateCreditorId(input: string): Verdict<string> {
  const id = normalizeCreditorId(input);
  const shown = id || input;
  if (!id) return fail('required', 'Incassant-ID is verplicht', 'Creditor identifier is required');
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(id)) {
    return fail('format', `Incassant-ID ${shown}: landcode, 2 controlecijfers, 3 tekens bedrijfscode en het nationale nummer`, `Creditor ID ${shown}: country code, 2 check digits, 3-character business code and the national id`);
  }
  if (!isSEPACountry(id.slice(0, 2))) {
    return fail('country', `Incassant-ID ${shown}: landcode ${id.slice(0, 2)} hoort niet bij SEPA; alleen een incassant uit een SEPA-land kan incasseren`, `Creditor ID ${shown}: country code ${id.slice(0, 2)} is not a SEPA country; only a creditor in a SEPA country can collect`);
  }
  if (id.startsWith('NL') && !/^NL[0-9]{2}[A-Z0-9]{3}[0-9]{12}$/.test(id)) {
    return fail('length', `Incassant-ID ${shown}: een Nederlands incassant-ID heeft 19 tekens (NL, 2 cijfers, 3 tekens, KvK-nummer en 4 cijfers)`, `Creditor ID ${shown}: a Dutch creditor ID has 19 characters (NL, 2 digits, 3 characters, KvK number and 4 digits)`);
  }
  if (mod97(id.slice(7) + id.slice(0, 4)) !== 1) {
    return fail('checksum', `Incassant-ID ${shown}: de controlecijfers kloppen niet`, `Creditor ID ${shown}: check digits do not match`);
  }
  return pass(id);
}

/** Builds a valid creditor id from a national id (demo data and tests). */
export function makeCreditorId(country: string, nationalId: string, businessCode = 'ZZZ'): string {
  return country + checkDigits(nationalId + country + '00') + businessCode + nationalId;
}
