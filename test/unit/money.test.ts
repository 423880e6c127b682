import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToDecimal, formatEuro, parseEuro } from '../../shared/money';

describe('money in cents', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,5', 123450],
    ['€ 12', 1200],
    ['-3,10', -310],
    ['12.50', 1250],
    ['0,01', 1],
    ['999.999.999,99', 99_999_999_999],
  ])('parses %s as %i cents', (text, expected) => expect(parseEuro(text)).toEqual({ ok: true, value: expected }));

  it.each(['abc', '1,234', '12,345', '1.2.3', '', '1.000.000.000,00'])('refuses %s', (text) => expect(parseEuro(text).ok).toBe(false));

  it('formats Dutch and English', () => {
    expect(formatEuro(123456).replace(/\u00a0/g, ' ')).toBe('€ 1.234,56');
    expect(formatEuro(123456, 'en')).toBe('€1,234.56');
    expect(centsToDecimal(1)).toBe('0.01');
    expect(centsToDecimal(99_999_999_999)).toBe('999999999.99');
  });

  it('round-trips every amount through the Dutch format without a float error', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (n) => {
        const text = formatEuro(n).replace(/[€\s\u00a0]/g, '');
        expect(parseEuro(text)).toEqual({ ok: true, value: n });
      }),
    );
  });
});
