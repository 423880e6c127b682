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

/**
 * The value as a string of its own. A value cut from a larger text (a reference out of a line of
 * the file) is, for V8, a window onto that text that keeps all of it alive as long as the entry
 * lives: a reader that lets go of the file's text piece by piece would let go of nothing. Short values are copied by slice() anyway; a join makes V8
 * write the characters into a new flat string (a concatenation or slice would again be a window).
 */
export function ownCopy(value: string): string;
export function ownCopy(value: string | null): string | null;
export function ownCopy(value: string | null): string | null {
  if (value === null || value.length < 13) return value;
  return [value.slice(0, 1), value.slice(1)].join('');
}
