import { checkDigits } from '../../shared/mod97';

/**
 * The payment reference of a dunning letter: an ISO 11649 creditor reference (RF) over "AM" and the
 * letter number, so a payment quoting it points at one letter and banks check its digits.
 */
export function letterReference(letterId: number): string {
  const body = `AM${String(letterId).padStart(6, '0')}`;
  return `RF${checkDigits(`${body}RF00`)}${body}`;
}
