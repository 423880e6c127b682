import { describe, expect, it } from 'vitest';
import { type DirectDebit, type Pain008File, writePain008 } from '../../electron/sepa/pain008';
import { toText } from '../../electron/sepa/parts';
import { checkPain008Files } from '../checkers/pain008Rules';
import { xsdErrors } from '../helpers/xsd';

/** The independent checker catches each rule it claims: a good file passes, every broken one is named. */
const debit = (n: number, over: Partial<DirectDebit> = {}): DirectDebit => ({
  endToEndId: `E2E-${n}`, amount: 1_000 * n, mandateId: `M-${n}`, signedOn: '2024-01-01', name: `Lid ${n}`, iban: 'NL20INGB0001234567', bic: null, remittance: `Contributie ${n}`, ...over,
});
const file = (id: string, debits: DirectDebit[], seq: 'FRST' | 'RCUR' | 'OOFF' = 'RCUR', date = '2026-11-27'): Pain008File => ({
  version: '001.02', messageId: `MSG-${id}`, createdStamp: '2026-11-25T14:53:00', initiatingParty: 'VV De Zwaluwen', batchBooking: true,
  creditor: { name: 'VV De Zwaluwen', iban: 'NL91ABNA0417164300', bic: null, creditorId: 'NL51ZZZ405365330000' },
  groups: [{ paymentInfoId: `PMT-${id}`, scheme: 'CORE', sequenceType: seq, date, debits }],
});
const xml = (f: Pain008File) => toText((emit) => writePain008(f, emit));
const errorsOf = (...files: Pain008File[]) => checkPain008Files(files.map(xml)).errors;

describe('the independent pain.008 checker', () => {
  it('passes a good file with an amendment, a Swiss debtor with BIC and address, and the largest amount', async () => {
    const good = file('1', [
      debit(1, { originalIban: 'NL44RABO0123456789', iban: 'NL39RABO0300065264' }),
      debit(2, { originalMandateId: 'OLD-2', originalCreditorId: 'NL69ZZZ123456780000' }),
      debit(3, { iban: 'CH9300762011623852957', bic: 'POFICHBEXXX', address: { country: 'CH', lines: ['Bahnhofstrasse 1', '8001 Zurich'] } }),
      debit(4, { amount: 99_999_999_999 }),
    ]);
    expect(await xsdErrors(xml(good))).toEqual([]);
    expect(errorsOf(good)).toEqual([]);
  });

  it.each<[string, () => string[], RegExp]>([
    ['an empty name', () => errorsOf(file('1', [debit(1, { name: '' })])), /Dbtr\/Nm: empty/],
    ['a name outside the character set', () => errorsOf(file('1', [debit(1, { name: 'Zoë' })])), /outside the SEPA set/],
    ['an empty remittance', () => errorsOf(file('1', [debit(1, { remittance: ' ' })])), /Ustrd: empty/],
    ['a remittance over 140', () => errorsOf(file('1', [debit(1, { remittance: 'x'.repeat(141) })])), /longer than 140/],
    ['an amount over 999 999 999,99', () => errorsOf(file('1', [debit(1, { amount: 100_000_000_000 })])), /not within/],
    ['a wrong control sum', () => checkPain008Files([xml(file('1', [debit(1)])).replace('<CtrlSum>10.00</CtrlSum>', '<CtrlSum>10.01</CtrlSum>')]).errors, /CtrlSum 10.01/],
    ['a wrong count', () => checkPain008Files([xml(file('1', [debit(1)])).replace('<NbOfTxs>1</NbOfTxs>', '<NbOfTxs>2</NbOfTxs>')]).errors, /NbOfTxs 2 but 1/],
    ['FRST and RCUR for one mandate in one file', () => checkPain008Files([xml(file('1', [debit(1)], 'FRST')).replace('</CstmrDrctDbtInitn>', xml(file('2', [debit(1, { endToEndId: 'E2E-9', amount: 5 })])).match(/<PmtInf>[\s\S]*<\/PmtInf>/)![0] + '</CstmrDrctDbtInitn>')]).errors, /both FRST and RCUR/],
    ['FRST after an earlier debit', () => errorsOf(file('1', [debit(1)]), file('2', [debit(1, { endToEndId: 'E2E-b', amount: 7 })], 'FRST', '2026-12-27')), /FRST for mandate M-1/],
    ['a second one-off debit', () => errorsOf(file('1', [debit(1)], 'OOFF'), file('2', [debit(1, { endToEndId: 'E2E-b', amount: 7 })], 'OOFF', '2026-12-27')), /one-off mandate M-1 debited more than once/],
    ['the same mandate, date and amount twice', () => errorsOf(file('1', [debit(1), debit(1, { endToEndId: 'E2E-1b' })])), /duplicate debit/],
    ['a Swiss debtor without BIC or address', () => errorsOf(file('1', [debit(1, { iban: 'CH9300762011623852957' })])), /without BIC/],
    ['an original IBAN equal to the IBAN', () => errorsOf(file('1', [debit(1, { originalIban: 'NL20INGB0001234567' })])), /OrgnlDbtrAcct/],
    ['an original creditor id that is invalid', () => errorsOf(file('1', [debit(1, { originalCreditorId: 'NL00ZZZ123456780000' })])), /OrgnlCdtrSchmeId/],
    ['an id used in an earlier file', () => errorsOf(file('1', [debit(1)]), file('2', [debit(2, { endToEndId: 'E2E-1' })], 'RCUR', '2026-12-27')), /EndToEndId E2E-1 was already used/],
    ['a creditor id of a country outside SEPA', () => checkPain008Files([xml(file('1', [debit(1)])).replace('NL51ZZZ405365330000', 'US51ZZZ405365330000')]).errors, /not a valid SEPA creditor id/],
  ])('names %s', (_, run, message) => {
    expect(run().join('\n')).toMatch(message);
  });
});
