import { z } from 'zod';
import { validateBic } from '../bic';
import { validateCreditorId } from '../creditorId';
import { isIsoDate } from '../dates';
import { validateIban } from '../iban';
import { validateMandateReference } from '../sepaCharset';
import { visibleText } from '../visibleText';
import type { Verdict } from '../validation';

/**
 * zod fields built on the shared validators, so the contract rejects a bad IBAN with the same
 * sentence the UI shows. The Dutch and English messages travel in the issue's `params`.
 */
function fromVerdict<T>(check: (s: string) => Verdict<T>) {
  return z.string().transform((s, ctx) => {
    const v = check(s);
    if (v.ok) return v.value;
    ctx.addIssue({ code: 'custom', message: v.en, params: { rule: v.rule, nl: v.nl, en: v.en } });
    return z.NEVER;
  });
}

export const ibanField = fromVerdict(validateIban);
export const bicField = fromVerdict(validateBic);
export const creditorIdField = fromVerdict(validateCreditorId);
export const mandateReferenceField = fromVerdict(validateMandateReference);

export const isoDateField = z.string().refine(isIsoDate, {
  message: 'date must be YYYY-MM-DD',
  params: { rule: 'date', nl: 'datum moet JJJJ-MM-DD zijn', en: 'date must be YYYY-MM-DD' },
});

/** Money crosses the API as integer cents only. */
export const centsField = z
  .number()
  .int({ message: 'amount must be whole cents' })
  .min(-99_999_999_999)
  .max(99_999_999_999);

export const idField = z.number().int().positive();

/** Trimmed text; empty strings become undefined so "not filled in" has one spelling. */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.trim())
    .optional()
    .transform((s) => (s ? s : undefined));

/** A member number: typed, pasted or imported, its invisible characters and odd spaces never make it another number. */
export const memberNumberField = z
  .string()
  .transform(visibleText)
  .pipe(z.string().max(20))
  .optional()
  .transform((s) => (s ? s : undefined));

export const requiredText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().max(max).refine((s) => s.length > 0, { message: 'required', params: { rule: 'required', nl: 'is verplicht', en: 'is required' } }));

/** A pattern check that carries its rule name and both sentences to the error. */
export function matching(pattern: RegExp, rule: string, nl: string, en: string) {
  return z.string().refine((s) => pattern.test(s), { message: en, params: { rule, nl, en } });
}

// Deliberately loose: a typo check, not an RFC parser; the mail program has the final word.
export const emailField = matching(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email', 'geen geldig e-mailadres', 'not a valid e-mail address');
