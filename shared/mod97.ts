/**
 * ISO 7064 mod 97-10, the check shared by IBAN, the SEPA creditor identifier and the RF creditor
 * reference. Letters count as 10..35. Works digit by digit so no BigInt is needed.
 */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const ch of alphanumeric) {
    const code = ch.charCodeAt(0);
    let value: number;
    if (code >= 48 && code <= 57) value = code - 48;
    else if (code >= 65 && code <= 90) value = code - 55;
    else return -1;
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder;
}

/** The two check digits that make `body + country + checkDigits` pass mod 97. */
export function checkDigits(rearrangedWithZeros: string): string {
  const r = mod97(rearrangedWithZeros);
  return String(98 - r).padStart(2, '0');
}
