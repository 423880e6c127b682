/**
 * Amount notation of the bank's side, written here on purpose instead of borrowing Penning's own
 * helpers: the simulator is the independent second party, so a shared bug cannot hide itself.
 * Input is always integer cents.
 */

function assertCents(cents: number): void {
  if (!Number.isSafeInteger(cents)) throw new Error(`bank simulator: amount ${cents} is not whole cents`);
}

function split(cents: number): { euros: string; fraction: string } {
  assertCents(cents);
  const abs = Math.abs(cents);
  return { euros: String(Math.floor(abs / 100)), fraction: String(abs % 100).padStart(2, '0') };
}

/** ISO 20022 decimal: "1234.50"; always the absolute value (the sign is CdtDbtInd) */
export function isoAmount(cents: number): string {
  const { euros, fraction } = split(cents);
  return `${euros}.${fraction}`;
}

/** SWIFT MT amount: "1234,50" (comma, no thousands separator) */
export function swiftAmount(cents: number): string {
  const { euros, fraction } = split(cents);
  return `${euros},${fraction}`;
}
