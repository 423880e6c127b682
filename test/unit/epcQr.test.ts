import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import { EPC_MAX_BYTES, epcAmount, epcPayload, isRfReference, letterPayment } from '../../electron/dunning/epcQr';

function refusal(fn: () => unknown): { field?: string; rule?: string; nl: string; en: string } {
  try {
    fn();
  } catch (e) {
    const data = (e as ApiError).data;
    return { field: data.field, rule: data.rule, ...data.message };
  }
  throw new Error('not refused');
}

describe('EPC QR payload (EPC069-12)', () => {
  it("reproduces the specification's own example byte for byte", () => {
    // EPC069-12 "Quick Response Code: guidelines to enable data capture for the initiation of a
    // SEPA credit transfer", the example of the Belgian Red Cross (version 001, BIC, purpose CHAR,
    // unstructured remittance, no trailing information line)
    const spec = Buffer.from('BCD\n001\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1\nCHAR\n\nUrgency fundraising Haiti', 'utf8');
    const ours = epcPayload({ version: '001', bic: 'BPOTBEB1', name: 'Red Cross of Belgium', iban: 'BE72 0000 0000 1616', amount: 100, purpose: 'CHAR', text: 'Urgency fundraising Haiti' });
    expect(Buffer.from(ours, 'utf8').equals(spec)).toBe(true);
  });

  it('writes version 002 without a BIC, UTF-8 names, an RF reference in the structured field', () => {
    expect(epcPayload({ name: 'Tennisvereniging De Zwaluwen', iban: 'NL91ABNA0417164300', amount: 18_500, reference: 'RF18 5390 0754 7034' })).toBe(
      'BCD\n002\n1\nSCT\n\nTennisvereniging De Zwaluwen\nNL91ABNA0417164300\nEUR185\n\nRF18539007547034',
    );
    expect(epcPayload({ bic: 'abnanl2a', name: 'Vereniging Zoë’s Koor', iban: 'NL91ABNA0417164300', amount: 1234, text: '2026-0012' })).toBe('BCD\n002\n1\nSCT\nABNANL2A\nVereniging Zoë’s Koor\nNL91ABNA0417164300\nEUR12.34\n\n\n2026-0012');
  });

  it('writes amounts from 0,01 to 999.999.999,99 and refuses the rest', () => {
    expect([1, 10, 100, 1234, 99_999_999_999].map(epcAmount)).toEqual(['EUR0.01', 'EUR0.10', 'EUR1', 'EUR12.34', 'EUR999999999.99']);
    for (const bad of [0, -5, 100_000_000_000, 1.5]) expect(refusal(() => epcAmount(bad))).toMatchObject({ field: 'epcQr.amount', rule: 'range' });
  });

  it('picks the structured field only for a valid RF reference', () => {
    expect(isRfReference('RF18 5390 0754 7034')).toBe(true);
    expect(isRfReference('RF19539007547034')).toBe(false);
    expect(letterPayment({ name: 'C', iban: 'NL91ABNA0417164300', bic: null }, 500, 'RF18539007547034')).toMatchObject({ reference: 'RF18539007547034', text: undefined });
    expect(letterPayment({ name: 'C', iban: 'NL91ABNA0417164300', bic: null }, 500, '2026-0012')).toMatchObject({ reference: undefined, text: '2026-0012' });
  });

  it('refuses clearly what the guidelines forbid', () => {
    const ok = { name: 'Club', iban: 'NL91ABNA0417164300', amount: 500 };
    expect(refusal(() => epcPayload({ ...ok, name: 'x'.repeat(71) }))).toMatchObject({ field: 'epcQr.name', rule: 'max' });
    expect(refusal(() => epcPayload({ ...ok, name: ' ' }))).toMatchObject({ field: 'epcQr.name', rule: 'required' });
    expect(refusal(() => epcPayload({ ...ok, name: 'Club\nBCD' }))).toMatchObject({ field: 'epcQr.name', rule: 'line_break' });
    expect(refusal(() => epcPayload({ ...ok, text: 'y'.repeat(141) }))).toMatchObject({ field: 'epcQr.text', rule: 'max' });
    expect(refusal(() => epcPayload({ ...ok, text: 'factuur 12', reference: 'RF18539007547034' }))).toMatchObject({ field: 'epcQr.text', rule: 'either' });
    expect(refusal(() => epcPayload({ ...ok, reference: 'RF19539007547034' }))).toMatchObject({ field: 'epcQr.reference', rule: 'rf' });
    expect(refusal(() => epcPayload({ ...ok, iban: 'NL91ABNA0417164301' }))).toMatchObject({ field: 'epcQr.iban', rule: 'checksum' });
    expect(refusal(() => epcPayload({ ...ok, bic: 'ABN' }))).toMatchObject({ field: 'epcQr.bic', rule: 'format' });
    expect(refusal(() => epcPayload({ ...ok, version: '001' }))).toMatchObject({ field: 'epcQr.bic', rule: 'required' });
    expect(refusal(() => epcPayload({ ...ok, purpose: 'charity' }))).toMatchObject({ field: 'epcQr.purpose', rule: 'format' });
    // 70 three-byte characters and 140 more: each field within its length, the whole over 331 bytes
    const big = refusal(() => epcPayload({ ...ok, name: '€'.repeat(70), text: '€'.repeat(140) }));
    expect(big).toMatchObject({ field: 'epcQr.payload', rule: 'max_bytes' });
    expect(big.nl).toContain(`meer dan de ${EPC_MAX_BYTES} die passen`);
    expect(big.en).toContain('Payment QR code: the data is');
  });

  it('fits exactly 331 bytes and no more', () => {
    const base = epcPayload({ name: 'N', iban: 'NL91ABNA0417164300', amount: 1, text: 'x' });
    const room = EPC_MAX_BYTES - Buffer.byteLength(base);
    const name = 'N'.repeat(70);
    const text = 'é'.repeat(Math.floor((room - 69) / 2)) + (((room - 69) % 2) ? 'x' : '');
    const full = epcPayload({ name, iban: 'NL91ABNA0417164300', amount: 1, text: text + 'x' });
    expect(Buffer.byteLength(full)).toBe(EPC_MAX_BYTES);
    expect(refusal(() => epcPayload({ name, iban: 'NL91ABNA0417164300', amount: 1, text: text + 'xy' }))).toMatchObject({ rule: 'max_bytes' });
  });
});
