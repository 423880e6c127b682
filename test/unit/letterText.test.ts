import { describe, expect, it } from 'vitest';
import { longDate, money, splitBody } from '../../electron/dunning/letterText';
import { formatEuro } from '../../shared/money';

describe('letter wording', () => {
  it('writes amounts exactly as formatEuro does, in both languages', () => {
    const amounts = [0, 1, 99, 100, 12_345, 100_000, 123_456_789, 99_999_999_999, -1, -250, -123_456];
    for (let i = 0; i < 200; i++) amounts.push(Math.round(Math.sin(i) * 10 ** (i % 12)) || 0); // not -0: Intl writes "€ -0,00"
    for (const lang of ['nl', 'en'] as const) for (const a of amounts) expect(money(a, lang)).toBe(formatEuro(a, lang).replace(/\u00a0/g, ' '));
  });

  it('writes dates in words and keeps the greeting at the end of a level text for below the figures', () => {
    expect([longDate('2026-12-11', 'nl'), longDate('2026-03-01', 'en')]).toEqual(['11 december 2026', '1 March 2026']);
    expect(splitBody('Beste Anna,\n\nU bent te laat.\r\n\r\nMet vriendelijke groet,\n\nDe penningmeester')).toEqual({ opening: ['Beste Anna,', 'U bent te laat.'], closing: ['Met vriendelijke groet,', 'De penningmeester'] });
    expect(splitBody('Please pay.')).toEqual({ opening: ['Please pay.'], closing: [] });
  });
});
