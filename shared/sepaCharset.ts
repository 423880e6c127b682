import { fail, pass, type Verdict } from './validation';

/*
 * The SEPA character set and the mandate-reference rule, apart from the transliteration in
 * sepaText.ts: the contract (and so the renderer) needs these, not any-ascii's 550 kB of tables.
 */

/** The basic Latin set every SEPA bank accepts (EPC; NL-RULES §4). */
export const SEPA_TEXT = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

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
