import { validationError } from '../../shared/api/errors';
import { MAX_CENTS } from '../../shared/money';
import { mod97 } from '../../shared/mod97';
import { validateIban } from '../../shared/iban';

/**
 * The EPC QR code ("GiroCode", EPC069-12 Quick Response Code guidelines) that lets a member pay a
 * letter from a banking app: SEPA credit transfer data as lines of UTF-8 text. Version 002 makes
 * the BIC optional inside the EEA; version 001 (BIC required) is kept so the specification's own
 * example can be reproduced. The whole payload must fit 331 bytes: the capacity of QR version 13
 * at error correction level M, the largest symbol the guidelines allow.
 */
export interface EpcPayment {
  version?: '001' | '002';
  bic?: string | null;
  /** beneficiary name, at most 70 characters */
  name: string;
  iban: string;
  /** cents, 1 .. 99 999 999 999 */
  amount: number;
  /** optional 4-letter ISO 20022 purpose code ("CHAR"); Penning leaves it empty */
  purpose?: string;
  /** ISO 11649 creditor reference (RF..): goes in the structured field */
  reference?: string;
  /** free remittance text, at most 140 characters; only when there is no RF reference */
  text?: string;
  /** beneficiary-to-originator information, at most 70 characters */
  information?: string;
}

export const EPC_MAX_BYTES = 331;

function refuse(field: string, rule: string, nl: string, en: string): never {
  throw validationError(`epcQr.${field}`, rule, `Betaal-QR-code: ${nl}`, `Payment QR code: ${en}`);
}

/** An ISO 11649 creditor reference: RF, two check digits, 1-21 letters or digits, mod 97 = 1. */
export function isRfReference(input: string): boolean {
  const s = input.replace(/\s+/g, '').toUpperCase();
  return /^RF\d{2}[A-Z0-9]{1,21}$/.test(s) && mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

/** "EUR12.34"; whole euros without decimals ("EUR1"), as the specification's example writes them. */
export function epcAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 1 || cents > MAX_CENTS) refuse('amount', 'range', `bedrag ${cents} cent ligt niet tussen 0,01 en 999.999.999,99`, `amount ${cents} cents is not between 0.01 and 999,999,999.99`);
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? `EUR${euros}` : `EUR${euros}.${String(rest).padStart(2, '0')}`;
}

const noLineBreak = (field: string, value: string) => {
  if (/[\r\n]/.test(value)) refuse(field, 'line_break', `${field} mag geen regelovergang bevatten`, `${field} must not contain a line break`);
};

/** The payload as a string (its UTF-8 bytes are what goes into the symbol); refuses what the guidelines forbid. */
export function epcPayload(p: EpcPayment): string {
  const version = p.version ?? '002';
  const bic = (p.bic ?? '').replace(/\s+/g, '').toUpperCase();
  if (bic && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) refuse('bic', 'format', `BIC ${bic} heeft niet de vorm van een BIC (8 of 11 tekens)`, `BIC ${bic} is not a BIC (8 or 11 characters)`);
  if (version === '001' && !bic) refuse('bic', 'required', 'versie 001 vraagt een BIC', 'version 001 needs a BIC');
  const name = p.name.trim();
  noLineBreak('name', name);
  if (!name) refuse('name', 'required', 'de naam van de begunstigde ontbreekt', "the beneficiary's name is missing");
  if ([...name].length > 70) refuse('name', 'max', `de naam "${name}" is langer dan 70 tekens`, `the name "${name}" is longer than 70 characters`);
  const iban = validateIban(p.iban);
  if (!iban.ok) refuse('iban', iban.rule, iban.nl, iban.en);
  const purpose = (p.purpose ?? '').trim();
  if (purpose && !/^[A-Z]{4}$/.test(purpose)) refuse('purpose', 'format', `doelcode "${purpose}" is geen code van 4 hoofdletters`, `purpose "${purpose}" is not a 4-letter code`);
  const reference = (p.reference ?? '').replace(/\s+/g, '').toUpperCase();
  const text = (p.text ?? '').trim();
  noLineBreak('text', text);
  if (reference && text) refuse('text', 'either', 'een RF-kenmerk en een vrije omschrijving sluiten elkaar uit', 'an RF reference and free remittance text exclude each other');
  if (reference && !isRfReference(reference)) refuse('reference', 'rf', `kenmerk ${reference} is geen geldig RF-kenmerk (ISO 11649)`, `reference ${reference} is not a valid RF creditor reference (ISO 11649)`);
  if ([...text].length > 140) refuse('text', 'max', 'de omschrijving is langer dan 140 tekens', 'the remittance text is longer than 140 characters');
  const information = (p.information ?? '').trim();
  noLineBreak('information', information);
  if ([...information].length > 70) refuse('information', 'max', 'de informatie voor de betaler is langer dan 70 tekens', 'the information for the payer is longer than 70 characters');

  const lines = ['BCD', version, '1', 'SCT', bic, name, iban.value, epcAmount(p.amount), purpose, reference, text, information];
  // trailing empty elements may be left out, and the last line ends without a line feed
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  const payload = lines.join('\n');
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > EPC_MAX_BYTES) refuse('payload', 'max_bytes', `de gegevens zijn ${bytes} bytes, meer dan de ${EPC_MAX_BYTES} die passen`, `the data is ${bytes} bytes, more than the ${EPC_MAX_BYTES} that fit`);
  return payload;
}

/**
 * A letter's payment as EPC data: an RF reference goes in the structured field, any other
 * betalingskenmerk as the remittance text, so the bank statement brings it back for matching.
 */
export function letterPayment(o: { name: string; iban: string; bic: string | null }, amount: number, paymentReference: string): EpcPayment {
  const rf = isRfReference(paymentReference);
  return { bic: o.bic, name: o.name, iban: o.iban, amount, reference: rf ? paymentReference : undefined, text: rf ? undefined : paymentReference };
}
