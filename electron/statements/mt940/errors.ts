import { StatementReadError } from '../model';

/**
 * Every refusal names the line the treasurer can look up in the file; the `where` is Dutch
 * (the default language of messages), both texts repeat the line so either stands alone.
 */
export function lineError(line: number, nl: string, en: string): StatementReadError {
  return new StatementReadError(`regel ${line}`, `Regel ${line}: ${nl}`, `Line ${line}: ${en}`);
}

/** A piece of the file quoted in a message: enough to find it, never a whole line of garbage. */
export function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
