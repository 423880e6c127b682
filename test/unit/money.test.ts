import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToDecimal, discountOn, formatDiscount, formatEuro, parseDiscount, parseEuro } from '../../shared/money';

describe('money in cents', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,5', 123450],
    ['€ 12', 1200],
    ['-3,10', -310],
    ['12.50', 1250],
    ['0,01', 1],
    ['999.999.999,99', 99_999_999_999],
    ['150,-', 15000],
    ['€ 1.250,--', 125000],
  ])('parses %s as %i cents', (text, expected) => expect(parseEuro(text)).toEqual({ ok: true, value: expected }));

  it.each(['abc', ',-', '150,-5', '1,234', '12,345', '1.2.3', '', '1.000.000.000,00'])('refuses %s', (text) => expect(parseEuro(text).ok).toBe(false));

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

describe('incassokorting', () => {
  it('reads an amount or a percentage the Dutch way and writes it back the same', () => {
    expect(parseDiscount('2,50')).toEqual({ ok: true, value: { amount: 250, percent: null } });
    expect(parseDiscount('€ 2,50')).toEqual({ ok: true, value: { amount: 250, percent: null } });
    expect(parseDiscount('2,5%')).toEqual({ ok: true, value: { amount: null, percent: 250 } });
    expect(parseDiscount('3 %')).toEqual({ ok: true, value: { amount: null, percent: 300 } });
    expect(parseDiscount('')).toEqual({ ok: true, value: { amount: null, percent: null } });
    expect(parseDiscount('101%')).toMatchObject({ ok: false, rule: 'max' });
    expect(parseDiscount('2,5 procent')).toMatchObject({ ok: false, rule: 'format' });
    expect(parseDiscount('-1,00')).toMatchObject({ ok: false, rule: 'min' });
    expect(formatDiscount({ amount: null, percent: 250 })).toBe('2,5%');
    expect(formatDiscount({ amount: null, percent: 300 }, 'en')).toBe('3%');
    expect(parseDiscount(formatDiscount({ amount: 250, percent: null }))).toEqual({ ok: true, value: { amount: 250, percent: null } });
  });

  it('rounds a percentage half up and never takes more than the amount', () => {
    expect(discountOn(15_000, { amount: null, percent: 250 })).toBe(375);
    expect(discountOn(1_001, { amount: null, percent: 250 })).toBe(25); // 25,025 -> 25
    expect(discountOn(1_002, { amount: null, percent: 250 })).toBe(25); // 25,05 -> 25 (half a cent rounds up only from ,5)
    expect(discountOn(1_020, { amount: null, percent: 250 })).toBe(26); // 25,5 -> 26
    expect(discountOn(100, { amount: 250, percent: null })).toBe(100);
    expect(discountOn(100, { amount: null, percent: null })).toBe(0);
  });
});
