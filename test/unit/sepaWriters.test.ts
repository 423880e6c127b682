import { describe, expect, it } from 'vitest';
import { writePain001 } from '../../electron/sepa/pain001';
import { type Pain008File, writePain008 } from '../../electron/sepa/pain008';
import { toText } from '../../electron/sepa/parts';
import { xsdErrors } from '../helpers/xsd';

const base: Pain008File = {
  version: '001.02',
  messageId: 'INC-2026-0001-1-20261125T1453',
  createdStamp: '2026-11-25T14:53:00',
  initiatingParty: 'VV De Zwaluwen',
  creditor: { name: 'VV De Zwaluwen', iban: 'NL91ABNA0417164300', bic: null, creditorId: 'NL51ZZZ405365330000' },
  groups: [
    {
      paymentInfoId: 'INC-2026-0001-1-RCUR-20261127',
      scheme: 'CORE',
      sequenceType: 'RCUR',
      date: '2026-11-27',
      debits: [
        { endToEndId: 'INC-2026-0001-000001', amount: 15_000, mandateId: 'ZWA-2001', signedOn: '2024-01-01', name: 'Tim van den Heuvel', iban: 'NL71RABO5901576359', bic: null, remittance: 'Contributie 2026-0001' },
        { endToEndId: 'INC-2026-0001-000002', amount: 1, mandateId: 'ZWA-2002', signedOn: '2024-02-02', originalIban: 'NL20INGB0001234567', name: 'Lois', iban: 'NL45INGB5305055116', bic: 'INGBNL2A', remittance: 'x' },
        { endToEndId: 'INC-2026-0001-000003', amount: 99_999_999_999, mandateId: 'NEW-1', signedOn: '2024-02-02', originalMandateId: 'OLD-1', smnda: true, name: 'Big', iban: 'NL45INGB5305055116', bic: null, remittance: 'y' },
      ],
    },
  ],
};

describe('pain.008 writer', () => {
  it('writes a schema-valid pain.008.001.02 and .08 with matching control sums', async () => {
    for (const version of ['001.02', '001.08'] as const) {
      const xml = toText((emit) => writePain008({ ...base, version }, emit));
      expect(await xsdErrors(xml)).toEqual([]);
      expect(xml).toContain('<NbOfTxs>3</NbOfTxs><CtrlSum>1000000150.00</CtrlSum>');
      expect(xml).toContain(version === '001.02' ? '<BIC>INGBNL2A</BIC>' : '<BICFI>INGBNL2A</BICFI>');
    }
  });

  it('is caught by the schema when a rule is broken (the validator is real)', async () => {
    const bad = toText((emit) => writePain008({ ...base, groups: [{ ...base.groups[0]!, sequenceType: 'XXXX' as never }] }, emit));
    expect((await xsdErrors(bad)).join('\n')).toMatch(/SeqTp/);
  });
});

describe('pain.001 writer', () => {
  it('writes a schema-valid pain.001.001.03 and .09', async () => {
    for (const version of ['001.03', '001.09'] as const) {
      const xml = toText((emit) =>
        writePain001(
          {
            version,
            messageId: 'TRB-2026-0001-1-20261125T1453',
            createdStamp: '2026-11-25T14:53:00',
            initiatingParty: 'VV De Zwaluwen',
            paymentInfoId: 'TRB-2026-0001',
            executionDate: '2026-11-26',
            debtor: { name: 'VV De Zwaluwen', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' },
            transfers: [{ endToEndId: 'TRB-2026-0001-000001', amount: 2_500, name: 'Tim', iban: 'NL71RABO5901576359', bic: null, remittance: 'Terugbetaling' }],
          },
          emit,
        ),
      );
      expect(await xsdErrors(xml)).toEqual([]);
    }
  });
});
