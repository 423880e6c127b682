import { describe, expect, it } from 'vitest';
import { validateBic } from '../../shared/bic';
import { makeCreditorId, validateCreditorId } from '../../shared/creditorId';
import { formatIban, makeIban, normalizeIban, validateIban } from '../../shared/iban';

// Vectors from ../shared/docs/NL-RULES.md §3.
describe('IBAN (mod 97)', () => {
  it.each(['NL91ABNA0417164300', 'NL20INGB0001234567', 'NL86INGB0002445588', 'NL02ABNA0123456789', 'NL44RABO0123456789', 'NL39RABO0300065264', 'DE89370400440532013000', 'BE68539007547034'])(
    'accepts %s',
    (iban) => expect(validateIban(iban)).toEqual({ ok: true, value: iban }),
  );

  it('normalises spaced and lower-case input', () => {
    expect(validateIban('nl91 abna 0417 1643 00')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
    expect(normalizeIban(' NL91 ABNA 0417 1643 00 ')).toBe('NL91ABNA0417164300');
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });

  it.each([
    ['NL91ABNA0417164301', 'checksum'],
    ['NL92ABNA0517164300', 'checksum'],
    ['NL19ABNA0417164300', 'checksum'],
    ['NL91ABNA041716430', 'length'],
    ['XX91ABNA0417164300', 'country'],
    ['NL91ABNA04171643!0', 'format'],
    ['', 'required'],
  ])('refuses %s (%s)', (iban, rule) => {
    const v = validateIban(iban);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.rule).toBe(rule);
  });

  it('names the IBAN and the rule in the message', () => {
    const v = validateIban('NL91ABNA0417164301');
    expect(v).toMatchObject({ ok: false, en: 'IBAN NL91ABNA0417164301: check digits do not match', nl: 'IBAN NL91ABNA0417164301: de controlecijfers kloppen niet' });
  });

  it('makes IBANs that validate', () => {
    expect(makeIban('NL', 'ABNA0417164300')).toBe('NL91ABNA0417164300');
    expect(makeIban('NL', 'INGB0001234567')).toBe('NL20INGB0001234567');
  });
});

describe('creditor identifier (incassant-ID, mod 97-10)', () => {
  it.each(['NL51ZZZ405365330000', 'NL69ZZZ123456780000', 'NL79ZZZ999999990000', 'DE98ZZZ09999999999', 'NL51ABC405365330000', 'nl51 zzz 405365330000'])('accepts %s', (id) => {
    expect(validateCreditorId(id).ok).toBe(true);
  });

  it.each([
    ['NL98ZZZ999999990000', 'checksum'],
    ['NL52ZZZ405365330000', 'checksum'],
    ['NL51ZZZ40536533000', 'length'],
    ['51ZZZ405365330000', 'format'],
    ['', 'required'],
  ])('refuses %s (%s)', (id, rule) => {
    const v = validateCreditorId(id);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.rule).toBe(rule);
  });

  it('computes check digits skipping the business code', () => {
    expect(makeCreditorId('NL', '405365330000')).toBe('NL51ZZZ405365330000');
    expect(makeCreditorId('NL', '999999990000')).toBe('NL79ZZZ999999990000');
  });
});

describe('BIC', () => {
  it.each(['ABNANL2A', 'BHBLDEHHXXX', 'rabonl2u'])('accepts %s', (bic) => expect(validateBic(bic).ok).toBe(true));
  it.each(['ABNANL', 'BHBLDEHHXX', 'BHBLDEHHXXXX', 'ABN1NL2A'])('refuses %s', (bic) => expect(validateBic(bic).ok).toBe(false));
});
