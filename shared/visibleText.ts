/** Characters that look like nothing (zero-width space and joiners, word joiner, byte order mark, soft hyphen). */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Spaces that are not the ordinary one (no-break, narrow no-break, figure, thin, ideographic, ...). */
const ODD_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

/**
 * Text as the treasurer meant it: invisible characters removed, odd spaces made ordinary, no
 * leading or trailing white space — so "1001", "1001\u200b", "1001\u00a0" and "1001\t" are the
 * same member number, whether typed, pasted or imported.
 */
export function visibleText(value: string): string {
  return value.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').trim();
}
