import type { Envelope } from './envelope';

/** The four letters of a Dutch BIC (and of the IBAN's bank code) → the bank whose MT940 we read. */
const BANKS: Record<string, string> = {
  INGB: 'ing',
  RABO: 'rabobank',
  ABNA: 'abnamro',
  SNSB: 'sns',
  ASNB: 'asn',
  RBRB: 'regiobank',
  TRIO: 'triodos',
  KNAB: 'knab',
  BNGH: 'bng',
  BUNQ: 'bunq',
};

/**
 * Which bank wrote the file: the sender in the SWIFT header ({1:F01INGBNL2A...}) or ABN AMRO's
 * header lines, else Rabobank's ":940:" line, else the bank code of the account's IBAN, else the
 * marks older files carry (":20:ABN AMRO BANK NV", ":25:TRIODOSBANK/..."). "generic" when none:
 * the SWIFT layout is read all the same, only bank-specific free-text labels are not looked for.
 */
export function detectBank(env: Envelope): string {
  const sender = new RegExp(`(${Object.keys(BANKS).join('|')})NL[0-9A-Z]{2}`).exec(env.headers.toUpperCase());
  if (sender) return BANKS[sender[1]!]!;
  if (env.rabobankHeader) return 'rabobank';
  const account = env.fields.find((f) => f.tag === '25')?.lines[0]?.trim().toUpperCase() ?? '';
  const iban = /(?:^|\/)NL\d{2}([A-Z]{4})\d{10}/.exec(account.replace(/\s+/g, ''));
  if (iban && BANKS[iban[1]!]) return BANKS[iban[1]!]!;
  if (account.startsWith('TRIODOSBANK')) return 'triodos';
  const reference = env.fields.find((f) => f.tag === '20')?.lines[0]?.trim().toUpperCase() ?? '';
  if (reference.startsWith('ABN AMRO')) return 'abnamro';
  return 'generic';
}

/** "mt940-ing-structured", "mt940-rabobank-legacy", "mt940-abnamro-unstructured", ... */
export function variantName(bank: string, structured: boolean): string {
  if (structured) return `mt940-${bank}-structured`;
  return bank === 'rabobank' ? 'mt940-rabobank-legacy' : `mt940-${bank}-unstructured`;
}
