import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BankFile, EntryDetail, Statement } from '../../electron/statements/model';
import { readBankFile } from '../../electron/statements/read';

/**
 * One small file per bank layout (test/fixtures/mt940/, written from the banks' format
 * descriptions; its README.md says which layout each shows and where that came from). Every
 * expectation is worked out by hand from the file.
 */
const fixture = (name: string): BankFile => readBankFile(fs.readFileSync(path.join(__dirname, '../fixtures/mt940', name)));
const detail = (s: Statement, i: number): EntryDetail => s.entries[i]!.details[0]!;
const balanced = (s: Statement) => s.opening!.amount + s.entries.reduce((a, e) => a + e.amount, 0) === s.closing!.amount;

describe('MT940 per bank', () => {
  it('ING structured: batch credit by PREF, AM04 return with its codeword cut across lines, betalingskenmerk, MD06 refund, RC reversal, year roll-over', () => {
    const f = fixture('ing-structured.940');
    expect(f).toMatchObject({ format: 'mt940', variant: 'mt940-ing-structured', encoding: 'utf-8' });
    const s = f.statements[0]!;
    expect(s).toMatchObject({ account: 'NL36INGB0007654321', id: 'P270102000000001', sequence: '00001', from: '2026-12-31', to: '2027-01-02' });
    expect(s.entries.map((e) => e.amount)).toEqual([123_450, -15_000, 7_500, -2_500, -1_000]);
    expect(balanced(s)).toBe(true);
    // value date 31-12-2026, booked 02-01: the booking date's year is the next one
    expect(s.entries[0]).toMatchObject({ valueDate: '2026-12-31', bookingDate: '2027-01-02', proprietaryCode: 'NDDT', proprietarySubCode: '01000', bankReference: '00000000002001' });
    expect(detail(s, 0)).toMatchObject({ paymentInfoId: 'ZWA-20261227-01', creditorId: 'NL51ZZZ405365330000', returnInfo: null });
    expect(s.entries.map((e) => e.transactionCount)).toEqual([10, null, null, null, null]);
    expect(detail(s, 1)).toMatchObject({
      endToEndId: 'PEN-1001-20261127',
      mandateId: 'ZWA-0001',
      creditorId: 'NL51ZZZ405365330000',
      counterparty: { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', name: 'A. de Vries' },
      remittance: 'Contributie 2026 lid 1001',
      returnInfo: { reasonCode: 'AM04', kind: 'return', reasonText: null, charges: null },
    });
    expect(detail(s, 2)).toMatchObject({ endToEndId: null, creditorReference: '5001234567890123', remittance: null });
    expect(s.entries[2]!.customerReference).toBe('5001234567890123');
    expect(detail(s, 3).returnInfo).toEqual({ reasonCode: 'MD06', reasonText: null, kind: 'refund', charges: null });
    expect(s.entries[4]).toMatchObject({ amount: -1_000, reversal: true, bankReference: '00000000002005' });
    expect(s.information).toBe('/SUM/3/2/185,00/1309,50/');
  });

  it('ING before structured reporting: Windows-1252, free text kept whole', () => {
    const f = fixture('ing-unstructured.940');
    expect(f).toMatchObject({ variant: 'mt940-ing-unstructured', encoding: 'windows-1252' });
    const s = f.statements[0]!;
    expect(s.account).toBe('0007654321');
    expect(s.entries.map((e) => [e.amount, e.proprietaryCode])).toEqual([[-2_503, 'NOV'], [15_000, 'NGT']]);
    expect(s.entries[0]!.information).toBe('0001234567 Café De Kroeg AMSTERDAM Bardienst boete € 25,03');
    expect(s.entries[1]!.information).toBe('0417164300 A. de Vries ZWOLLE Contributie 2026 Betaling transactiedatum: 03-11-2026');
    expect(detail(s, 1).counterparty).toEqual({ name: null, iban: null, bic: null });
    expect(balanced(s)).toBe(true);
  });

  it('Rabobank structured with :940:: counter IBAN from the :61: line, MD06 on a debit, CDTRREF betalingskenmerk, a statement without movements', () => {
    const f = fixture('rabobank-structured.swi');
    expect(f.variant).toBe('mt940-rabobank-structured');
    expect(f.statements.map((s) => [s.id, s.entries.length, s.closing!.amount])).toEqual([['940S261127', 3, 96_510], ['940S261128', 0, 96_510]]);
    const s = f.statements[0]!;
    expect(s.account).toBe('NL34RABO0142623393');
    expect(detail(s, 0)).toMatchObject({ endToEndId: 'INV-2026-0042', counterparty: { name: 'J. Jansen', iban: 'NL44RABO0123456789', bic: null }, remittance: 'Factuur INV-2026-0042' });
    expect(detail(s, 1)).toMatchObject({ endToEndId: 'PEN-1001-20261127', mandateId: 'ZWA-0001', creditorId: 'NL51ZZZ405365330000', counterparty: { name: 'A. de Vries', iban: 'NL91ABNA0417164300' } });
    expect(detail(s, 1).returnInfo).toMatchObject({ reasonCode: 'MD06', kind: 'refund' });
    expect(detail(s, 2)).toMatchObject({ creditorReference: '5001234567890123', counterparty: { name: 'B. Smit', iban: 'NL20INGB0001234567' } });
    expect(s.entries[0]!.bankReference).toBeNull();
    expect(f.statements.every(balanced)).toBe(true);
  });

  it('Rabobank structured without the :940: line, CR line ends, a debit opening balance', () => {
    const f = fixture('rabobank-structured-noheader.swi');
    expect(f.variant).toBe('mt940-rabobank-structured');
    const s = f.statements[0]!;
    expect(s.opening).toEqual({ date: '2026-11-30', amount: -1_250 });
    expect(s.closing).toEqual({ date: '2026-12-01', amount: 8_750 });
    expect(detail(s, 0)).toMatchObject({ endToEndId: 'PEN-1001-20261201', counterparty: { iban: 'NL91ABNA0417164300', name: 'A. de Vries' }, remittance: 'Contributie december' });
    expect(balanced(s)).toBe(true);
  });

  it('Rabobank legacy fixed width: account with dots, counter account and name in columns, one :86: per line, ISO-8859-1', () => {
    const f = fixture('rabobank-legacy.swi');
    expect(f).toMatchObject({ variant: 'mt940-rabobank-legacy', encoding: 'windows-1252' });
    const s = f.statements[0]!;
    expect(s).toMatchObject({ account: '1291.99.348', sequence: '00000/00' });
    expect(s.entries.map((e) => [e.amount, e.proprietaryCode])).toEqual([[-15_000, 'N044'], [7_500, 'N060']]);
    expect(detail(s, 0).counterparty).toEqual({ name: 'W.P. Jansen & Zn.', iban: null, bic: null, account: '0121470966' });
    expect(detail(s, 0).creditorReference).toBe('5001234567890123');
    expect(s.entries[0]!.information).toBe('Terugboeking NIET AKKOORD MET AFSCHRIJVING BETALINGSKENM. 5001234567890123');
    expect(detail(s, 1).counterparty).toEqual({ name: "Café 't Hoekje", iban: null, bic: null, account: 'P000029225' });
    expect(s.entries[1]!.customerReference).toBeNull();
    expect(balanced(s)).toBe(true);
  });

  it('ABN AMRO legacy: SEPA labels in columns read into IBAN, name, description, end-to-end id, creditor id, mandate', () => {
    const f = fixture('abnamro-unstructured.sta');
    expect(f.variant).toBe('mt940-abnamro-unstructured');
    const s = f.statements[0]!;
    expect(s).toMatchObject({ account: '517852257', id: 'ABN AMRO BANK NV', sequence: '26331/1' });
    expect(detail(s, 0)).toMatchObject({ endToEndId: 'PEN-1001-20261127', remittance: 'Contributie 2026', counterparty: { iban: 'NL91ABNA0417164300', bic: 'ABNANL2A', name: 'A de Vries' } });
    expect(detail(s, 1)).toMatchObject({ endToEndId: null, counterparty: { iban: null, name: null } });
    expect(detail(s, 2)).toMatchObject({ creditorId: 'NL98ZZZ123456780000', mandateId: 'EN-778899', endToEndId: 'EN-2026-11-778899', remittance: 'Stroom november', counterparty: { name: 'Energie BV', iban: 'NL20INGB0001234567' } });
    expect(balanced(s)).toBe(true);
  });

  it('ABN AMRO structured: /TRTP/ as the entry text, /RTYP/RTRN/ with its reason code', () => {
    const f = fixture('abnamro-structured.sta');
    expect(f.variant).toBe('mt940-abnamro-structured');
    const s = f.statements[0]!;
    expect(s.account).toBe('NL20ABNA0517852257');
    expect(s.entries[0]!.information).toBe('SEPA OVERBOEKING');
    expect(detail(s, 0)).toMatchObject({ endToEndId: null, remittance: 'FACTUUR INV-2026-0042', counterparty: { name: 'J. JANSEN', iban: 'NL44RABO0123456789', bic: 'RABONL2U' }, returnInfo: null });
    expect(detail(s, 1)).toMatchObject({ endToEndId: 'PEN-1001-20261127', mandateId: 'ZWA-0001', creditorId: 'NL51ZZZ405365330000', counterparty: { iban: 'NL91ABNA0417164300', name: 'A de Vries' } });
    expect(detail(s, 1).returnInfo).toEqual({ reasonCode: 'AM04', reasonText: null, kind: 'return', charges: null });
    expect(balanced(s)).toBe(true);
  });

  it('de Volksbank: SNS in SWIFT blocks, ASN by its IBAN, RegioBank with BOM, {3:}/{5:} blocks and soft hyphens', () => {
    const sns = fixture('sns.940');
    expect(sns.variant).toBe('mt940-sns-structured');
    expect(detail(sns.statements[0]!, 0)).toMatchObject({ endToEndId: 'PEN-1001-20261127', counterparty: { iban: 'NL91ABNA0417164300' } });
    expect(sns.statements[0]!.entries[0]!.bankReference).toBe('SN0000000001');
    const asn = fixture('asn.940');
    expect(asn.variant).toBe('mt940-asn-structured');
    expect(asn.statements[0]!.closing!.amount).toBe(-3_000);
    expect(detail(asn.statements[0]!, 0)).toMatchObject({ mandateId: 'DON-1', creditorId: 'NL12ZZZ876543210000', remittance: 'Gift november' });
    const regio = fixture('regiobank.940');
    expect(regio).toMatchObject({ variant: 'mt940-regiobank-structured', encoding: 'utf-8' });
    expect(detail(regio.statements[0]!, 0)).toMatchObject({ endToEndId: 'PEN-1001-20261127', counterparty: { iban: 'NL91ABNA0417164300', name: 'Zoë Çelik' } });
    for (const f of [sns, asn, regio]) expect(balanced(f.statements[0]!)).toBe(true);
  });

  it('Triodos legacy: >NN subfields into description, counter account, BIC and name', () => {
    const f = fixture('triodos.940');
    expect(f.variant).toBe('mt940-triodos-unstructured');
    const s = f.statements[0]!;
    expect(s.account).toBe('TRIODOSBANK/0390123456');
    expect(detail(s, 0)).toMatchObject({ remittance: 'ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2026 TOT EN MET 31-12-2026', counterparty: { account: '0390123456', iban: null } });
    expect(detail(s, 1)).toMatchObject({ remittance: 'CONTRIBUTIE 2026 LID 1001', counterparty: { name: 'A DE VRIES', iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' } });
    expect(balanced(s)).toBe(true);
  });

  it('Knab: amounts without decimals, a date as reference, REK:/NAAM: labels', () => {
    const f = fixture('knab.940');
    expect(f.variant).toBe('mt940-knab-unstructured');
    const s = f.statements[0]!;
    expect(s.opening!.amount).toBe(0);
    expect(s.entries[0]).toMatchObject({ amount: 50_000, customerReference: '27-11-2026 10:05', bankReference: 'B6K27XM00J000023' });
    expect(detail(s, 0)).toMatchObject({ remittance: 'CONTRIBUTIE 2026 LID 1001', counterparty: { iban: 'NL91ABNA0417164300', name: 'A DE VRIES' } });
    expect(balanced(s)).toBe(true);
  });

  it('BNG MT940S: structured codewords cut at 65 characters', () => {
    const f = fixture('bng.940S');
    expect(f.variant).toBe('mt940-bng-structured');
    const s = f.statements[0]!;
    expect(s.account).toBe('NL14BNGH0285001234');
    expect(detail(s, 0)).toMatchObject({
      endToEndId: 'SUB-2026-0099',
      counterparty: { iban: 'NL20INGB0001234567', bic: 'INGBNL2A', name: 'Gemeente Ergens' },
      remittance: 'Subsidie 2026 sportvereniging beschikking 2026-0099',
    });
    expect(balanced(s)).toBe(true);
  });

  it('bunq: free text stays information, nothing is guessed out of it', () => {
    const f = fixture('bunq.940');
    expect(f.variant).toBe('mt940-bunq-unstructured');
    const s = f.statements[0]!;
    expect(s.entries[0]!.information).toBe('NL91ABNA0417164300 A de Vries Contributie 2026');
    expect(detail(s, 0)).toMatchObject({ counterparty: { iban: null, name: null }, remittance: null, endToEndId: null });
    expect(balanced(s)).toBe(true);
  });
});
