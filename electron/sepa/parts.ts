import { centsToDecimal } from '../../shared/money';

/**
 * Pieces both SEPA writers share. Text reaching them is already in the SEPA character set
 * (toSepaText), which holds none of < > & ", so nothing needs escaping: that is what makes a
 * string-template writer both safe and fast.
 */
export type Emit = (chunk: string) => void;

export const amount = (cents: number): string => centsToDecimal(cents);

/** A bank by BIC, or NOTPROVIDED: since 2016 an IBAN alone is enough inside SEPA. */
export function agent(bic: string | null, bicTag: 'BIC' | 'BICFI'): string {
  return bic ? `<FinInstnId><${bicTag}>${bic}</${bicTag}></FinInstnId>` : '<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>';
}

/** Collects emitted chunks into one string (small files, tests) — the bench writes to a file instead. */
export function toText(write: (emit: Emit) => void): string {
  const parts: string[] = [];
  write((c) => parts.push(c));
  return parts.join('');
}
