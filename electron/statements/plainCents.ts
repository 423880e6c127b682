/**
 * The cents of an amount written the plain way: 1 to 13 digits, then optionally the decimal
 * separator and up to five decimals of which only the first two may be other than zero. By hand
 * rather than by regular expression, since a statement has hundreds of thousands of amounts; -1
 * for anything else, which each format's reader then reads (or refuses) the careful way.
 * `separator` is "." for camt (which needs at least one decimal after it), "," for MT940 (where
 * "0," is a whole amount).
 */
export function plainCents(s: string, separator: '.' | ',', decimalsAfterSeparator: boolean): number {
  const n = s.length;
  let whole = 0;
  let i = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
  }
  if (i === 0 || i > 13) return -1;
  if (i === n) return whole * 100;
  const decimals = n - i - 1;
  if (s[i] !== separator || decimals > 5 || (decimals === 0 && decimalsAfterSeparator)) return -1;
  let cents = 0;
  for (let k = i + 1; k < n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    if (k <= i + 2) cents = cents * 10 + d;
    // a third decimal and beyond must be zero; otherwise the careful way refuses it
    else if (d !== 0) return -1;
  }
  if (decimals === 1) cents *= 10;
  return whole * 100 + cents;
}
