import type { z } from 'zod';
import { ApiError } from './errors';

/**
 * Turns the first zod issue into a ValidationError that names the field and the rule, in Dutch
 * and English. Validators from shared/ carry their own sentences in `params`; zod's built-in checks
 * get a generic sentence here.
 */
export function toValidationError(error: z.ZodError): ApiError {
  const { field, rule, nl, en } = issueText(error.issues[0]!);
  return new ApiError({
    code: 'validation',
    field,
    rule,
    message: { nl: `${field}: ${nl}`, en: `${field}: ${en}` },
  });
}

/** One issue as field path, rule and sentence (without the field), for callers that name fields their own way. */
export function issueText(issue: z.core.$ZodIssue): { field: string; rule: string; nl: string; en: string } {
  const field = issue.path.map(String).join('.') || 'input';
  const params = (issue as { params?: { rule?: string; nl?: string; en?: string } }).params ?? {};
  const generic = genericMessage(issue);
  return { field, rule: params.rule ?? ruleOf(issue), nl: params.nl ?? generic.nl, en: params.en ?? generic.en };
}

function ruleOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'type';
    case 'too_small':
      return 'min';
    case 'too_big':
      return 'max';
    case 'invalid_format':
      return issue.format;
    case 'unrecognized_keys':
      return 'unknown_field';
    default:
      return issue.code;
  }
}

function genericMessage(issue: z.core.$ZodIssue): { nl: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { nl: 'is verplicht', en: 'is required' };
      return { nl: `verwacht ${typeNl(issue.expected)}`, en: `expected ${issue.expected}` };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { nl: 'is verplicht', en: 'is required' }
          : { nl: `minstens ${issue.minimum} tekens`, en: `at least ${issue.minimum} characters` };
      }
      if (issue.origin === 'array') return { nl: `minstens ${issue.minimum} regels`, en: `at least ${issue.minimum} items` };
      return { nl: `moet minstens ${issue.minimum} zijn`, en: `must be at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { nl: `hoogstens ${issue.maximum} tekens`, en: `at most ${issue.maximum} characters` };
      return { nl: `mag hoogstens ${issue.maximum} zijn`, en: `must be at most ${issue.maximum}` };
    case 'invalid_format':
      return issue.format === 'email'
        ? { nl: 'geen geldig e-mailadres', en: 'not a valid e-mail address' }
        : { nl: 'heeft niet de juiste vorm', en: 'has the wrong format' };
    case 'invalid_value':
      return { nl: `kies uit: ${issue.values.join(', ')}`, en: `choose one of: ${issue.values.join(', ')}` };
    case 'unrecognized_keys':
      return { nl: `onbekend veld: ${issue.keys.join(', ')}`, en: `unknown field: ${issue.keys.join(', ')}` };
    default:
      return { nl: issue.message, en: issue.message };
  }
}

function typeNl(expected: string): string {
  const names: Record<string, string> = { string: 'tekst', number: 'een getal', boolean: 'ja/nee', object: 'een object', array: 'een lijst' };
  return names[expected] ?? expected;
}
