import { describe, expect, it } from 'vitest';
import { amountToCents as camtCents } from '../../electron/statements/camt/amounts';
import { amountToCents as mt940Cents } from '../../electron/statements/mt940/amounts';
import { StatementReadError } from '../../electron/statements/model';
import { plainCents } from '../../electron/statements/plainCents';

/**
 * The hand-written reading of plain amounts both statement formats share: what it reads is what
 * each format's careful reading gives, and whatever it leaves (-1) the careful reading reads or
 * refuses itself.
 */
const answer = (read: () => number): number | string => {
  try {
    return read();
  } catch (e) {
    if (e instanceof StatementReadError) return 'refused';
    throw e;
  }
};

describe('plainCents', () => {
  it('camt: a point and one to five decimals, anything past the cent zero', () => {
    const cases: Array<[string, number]> = [
      ['1405.31', 140531], ['100', 10000], ['0.10000', 10], ['0.5', 50], ['9999999999999.99', 999999999999999],
      ['1.', -1], ['1.001', -1], ['1.000000', -1], ['1,00', -1], [' 1.00', -1], ['-1.00', -1], ['12345678901234', -1], ['', -1],
    ];
    for (const [s, cents] of cases) {
      expect(plainCents(s, '.', true), s).toBe(cents);
      if (cents >= 0) expect(camtCents(s, 'Ntry 1'), s).toBe(cents);
    }
    // what the hand-written reading leaves is still read or refused by the careful one
    expect(answer(() => camtCents(' 1.00', 'Ntry 1'))).toBe(100);
    expect(answer(() => camtCents('1.001', 'Ntry 1'))).toBe('refused');
    expect(answer(() => camtCents('1.', 'Ntry 1'))).toBe('refused');
  });

  it('MT940: a comma and up to two decimals, "0," a whole amount', () => {
    const what = { nl: 'Het bedrag', en: 'The amount' };
    const cases: Array<[string, number]> = [
      ['1234,56', 123456], ['1234,5', 123450], ['500', 50000], ['0,', 0], ['0,00000', 0],
      ['1.234,56', -1], ['1,001', -1], ['12345678901234,00', -1], [',5', -1],
    ];
    for (const [s, cents] of cases) {
      expect(plainCents(s, ',', false), s).toBe(cents);
      if (cents >= 0) expect(mt940Cents(s, 1, what), s).toBe(cents);
    }
    expect(answer(() => mt940Cents('00000000000001234,5', 1, what))).toBe(123450);
    expect(answer(() => mt940Cents('1.234,56', 1, what))).toBe('refused');
    expect(answer(() => mt940Cents('1,001', 1, what))).toBe('refused');
  });
});
