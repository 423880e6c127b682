import { fail, pass, type Verdict } from './validation';

/** The basic Latin set every SEPA bank accepts (EPC; NL-RULES §4). */
const SEPA_TEXT = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

export function isSepaText(s: string): boolean {
  return SEPA_TEXT.test(s);
}

/**
 * A mandate reference (MndtId): 1-35 SEPA characters; identifiers may not start or end with "/"
 * nor contain "//" (EPC usage rule), and we refuse spaces so a reference survives every bank.
 */
export function validateMandateReference(input: string): Verdict<string> {
  const ref = input.trim();
  if (!ref) return fail('required', 'Machtigingskenmerk is verplicht', 'Mandate reference is required');
  if (ref.length > 35) return fail('max', `Machtigingskenmerk ${ref}: hoogstens 35 tekens`, `Mandate reference ${ref}: at most 35 characters`);
  if (!/^[A-Za-z0-9/\-?:().,'+]+$/.test(ref)) {
    return fail('charset', `Machtigingskenmerk ${ref}: alleen letters, cijfers en / - ? : ( ) . , ' + (geen spaties of accenten)`, `Mandate reference ${ref}: only letters, digits and / - ? : ( ) . , ' + (no spaces or accents)`);
  }
  if (ref.startsWith('/') || ref.endsWith('/') || ref.includes('//')) {
    return fail('slashes', `Machtigingskenmerk ${ref}: mag niet met / beginnen of eindigen en geen // bevatten`, `Mandate reference ${ref}: may not start or end with / nor contain //`);
  }
  return pass(ref);
}

/** Characters NFKD does not take apart, mapped the bank-safe way (NL-RULES §4, step 2). */
const EXPLICIT: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'TH', ı: 'i',
  '’': "'", '‘': "'", '´': "'", '`': "'", '“': "'", '”': "'", '„': "'", '"': "'", '–': '-', '—': '-', '&': '+', '@': '(at)',
  _: '-', ';': ',', '#': '', '€': 'EUR', '\u00a0': ' ', '\u202f': ' ', '\u00ad': '',
};

/**
 * Any text made safe for a SEPA file: accents dropped (é→e, Ĳ→IJ), the explicit table above,
 * anything else outside the set becomes a space, spaces collapse, then cut to `max` characters.
 */
export function toSepaText(input: string, max: number): string {
  // most names and texts are plain already: only then is the character-by-character work skipped
  const out = SEPA_TEXT.test(input)
    ? input
    : input
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, (ch) => EXPLICIT[ch] ?? ' ');
  return out.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}
