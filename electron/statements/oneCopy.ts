/**
 * One string for each short value a statement repeats in every entry (transaction codes, our
 * creditor id, a bank's BIC): a file of 100 000 entries otherwise keeps 100 000 copies of each in
 * its model, and every copy is one more object for the garbage collector to move. Bounded, so a
 * file of only distinct values costs a lookup each and nothing more.
 */
const seen = new Map<string, string>();
const MAX_SEEN = 10_000;

export function oneCopy(value: string): string;
export function oneCopy(value: string | null): string | null;
export function oneCopy(value: string | null): string | null {
  if (value === null) return null;
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (seen.size < MAX_SEEN) seen.set(value, value);
  return value;
}
