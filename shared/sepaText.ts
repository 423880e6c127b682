import anyAscii from 'any-ascii';
import { SEPA_TEXT } from './sepaCharset';
import { fail, pass, type Verdict } from './validation';

export { isSepaText, validateMandateReference } from './sepaCharset';

/**
 * ASCII characters outside the set, and a few any-ascii renders in a way banks or members dislike,
 * mapped the bank-safe way (NL-RULES §4, step 2). Everything else is any-ascii's.
 */
const EXPLICIT: Record<string, string> = {
  '"': "'", '`': "'", '&': '+', '@': '(at)', _: '-', ';': ',', '#': '', '€': 'EUR', '\u00ad': '',
};

/**
 * Any text made safe for a SEPA file: every script transliterated by any-ascii (é→e, Ĳ→IJ, Дмитрий→Dmitriy,
 * 张伟→ZhangWei, Nguyễn→Nguyen; emoji dropped rather than spelled out), the explicit table above, anything else outside the set becomes a
 * space, spaces collapse, then cut to `max` characters.
 */
export function toSepaText(input: string, max: number): string {
  // most names and texts are plain already: only then is the character-by-character work skipped
  const out = SEPA_TEXT.test(input) ? input : anyAscii(input.replace(/[€\u00ad]/g, (ch) => EXPLICIT[ch]!).replace(/\p{Extended_Pictographic}/gu, ' ')).replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, (ch) => EXPLICIT[ch] ?? ' ');
  return out.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** Text that still says something in a bank file: at least one letter or digit once transliterated. */
export function hasSepaContent(input: string): boolean {
  return /[A-Za-z0-9]/.test(toSepaText(input, 140));
}

/**
 * A name or text that goes into a bank file (Nm, Ustrd): refused where it is entered when nothing
 * of it survives transliteration, so a collection run never meets an empty name half-way.
 */
export function validateSepaContent(input: string, label: { nl: string; en: string }): Verdict<string> {
  if (input.trim() && !hasSepaContent(input)) {
    return fail(
      'sepa_text',
      `${label.nl} "${input}": hierin staat geen letter of cijfer dat een bank kan lezen (SEPA-tekenset); schrijf het in Latijnse letters`,
      `${label.en} "${input}": nothing in it is a letter or digit a bank can read (SEPA character set); write it in Latin letters`,
    );
  }
  return pass(input);
}
