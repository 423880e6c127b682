import { extractIBAN } from 'ibantools';
import { fail, pass, type Verdict } from './validation';

/**
 * Which bank holds an account: the national bank code inside the IBAN (NL the 4 letters, DE the
 * BLZ, BE the 3 digits, FR the code banque ...), as ibantools reads each country's layout.
 */
export function bankIdentity(iban: string): string {
  const e = extractIBAN(iban);
  return `${e.countryCode ?? iban.slice(0, 2)}:${e.bankIdentifier ?? e.bban ?? iban.slice(4)}`;
}

/** SEPA's "same bank": by BIC when both are known, else by the bank code in the IBAN. */
export function sameBank(a: { iban: string; bic?: string | null }, b: { iban: string; bic?: string | null }): boolean {
  if (a.bic && b.bic) return a.bic.slice(0, 6) === b.bic.slice(0, 6);
  return bankIdentity(a.iban) === bankIdentity(b.iban);
}

/**
 * SEPA countries and territories outside the EEA: a debit from them carries the debtor's BIC and
 * address (EPC rulebook; SEPA-FACTS). JE, GG and IM bank with GB IBANs, so their card's country
 * counts as well.
 */
export const NON_EEA_SEPA = new Set(['CH', 'GB', 'MC', 'SM', 'VA', 'AD', 'GI', 'JE', 'GG', 'IM']);

export function needsBicAndAddress(iban: string | null | undefined, country: string | null | undefined): boolean {
  return (!!iban && NON_EEA_SEPA.has(iban.slice(0, 2))) || (!!country && NON_EEA_SEPA.has(country));
}

/** BIC countries a bank in an IBAN country may use: the Crown dependencies bank with GB IBANs, the French overseas departments with FR ones. */
const BIC_COUNTRIES: Record<string, string[]> = { GB: ['GB', 'JE', 'GG', 'IM'], FR: ['FR', 'GP', 'GF', 'MQ', 'RE', 'YT', 'PM', 'BL', 'MF'], FI: ['FI', 'AX'] };

/** A BIC must belong to the IBAN's bank: Dutch IBANs carry the BIC's bank code, elsewhere at least the country must match. */
export function checkBicForIban(bic: string, iban: string): Verdict<string> {
  const country = iban.slice(0, 2);
  if (country === 'NL' && bic.slice(0, 4) !== iban.slice(4, 8)) {
    return fail('bic_bank', `BIC ${bic} hoort niet bij IBAN ${iban}: een Nederlandse IBAN van bank ${iban.slice(4, 8)} heeft een BIC die met ${iban.slice(4, 8)} begint`, `BIC ${bic} does not belong to IBAN ${iban}: a Dutch IBAN of bank ${iban.slice(4, 8)} has a BIC starting with ${iban.slice(4, 8)}`);
  }
  if (!(BIC_COUNTRIES[country] ?? [country]).includes(bic.slice(4, 6))) {
    return fail('bic_country', `BIC ${bic} hoort niet bij IBAN ${iban}: de BIC is van een bank in ${bic.slice(4, 6)}, de IBAN van een rekening in ${country}`, `BIC ${bic} does not belong to IBAN ${iban}: the BIC is of a bank in ${bic.slice(4, 6)}, the IBAN of an account in ${country}`);
  }
  return pass(bic);
}
