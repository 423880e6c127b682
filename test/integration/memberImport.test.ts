import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { detectSeparator, parseCsv } from '../../electron/imports/csv';
import { decodeText as decode } from '../../electron/imports/decode';
import { detectMapping } from '../../electron/imports/members/mapping';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', name));
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('reading CSV', () => {
  it('parses quotes, doubled quotes, separators and line breaks inside fields', () => {
    const text = 'a;b;c\r\n1;"x;y";"he said ""hi"""\r\n2;"two\nlines";\r\n\r\n';
    expect(detectSeparator(text)).toBe(';');
    expect(parseCsv(text, ';')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x;y', 'he said "hi"'] },
      { line: 3, fields: ['2', 'two\nlines', ''] },
    ]);
    expect(detectSeparator('"Naam, volledig",IBAN\n')).toBe(',');
  });

  it('tells UTF-8 from Windows-1252', () => {
    expect(decode(fixture('leden-50.csv')).encoding).toBe('utf-8');
    const legacy = decode(fixture('members-cp1252.csv'));
    expect(legacy.encoding).toBe('windows-1252');
    expect(legacy.text).toContain('José Müller, jr.');
    expect(legacy.text).toContain('Épinal');
  });

  it('maps Dutch and English headers', () => {
    expect(detectMapping(['Lidnummer', 'Voornaam', 'Tussenvoegsel', 'Achternaam', 'E-mailadres', 'IBAN', 'Machtigingskenmerk', 'Datum machtiging'])).toEqual({
      number: 0, firstName: 1, particle: 2, lastName: 3, email: 4, iban: 5, mandateReference: 6, mandateSignedOn: 7,
    });
    expect(detectMapping(['Member number', 'Name', 'Email', 'Bank account', 'City'])).toEqual({ number: 0, name: 1, email: 2, iban: 3, city: 4 });
  });
});

describe('importing the member list', () => {
  let t: TestLedger;
  beforeEach(() => {
    t = openInitializedLedger();
  });
  afterEach(() => t.close());

  it('previews without writing, then imports 45 of 50 rows and explains the 5 refused ones', () => {
    const content = fixture('leden-50.csv').toString('base64');
    const preview = call(t.ctx, 'imports.members.preview', { content });
    expect(preview).toMatchObject({ encoding: 'utf-8', separator: ';', totalRows: 50, created: 45, updated: 0 });
    expect(call(t.ctx, 'debtors.list', {}).total).toBe(0);

    const report = call(t.ctx, 'imports.members.commit', { content });
    // 38 rows pay by direct debit with a mandate; the 5 refused rows are among them.
    expect(report).toMatchObject({ created: 45, updated: 0, mandatesCreated: 33 });
    expect(report.rejected.map((r) => [r.line, r.column, r.field])).toEqual([
      [8, 'IBAN', 'iban'],
      [15, 'Achternaam', 'name'],
      [23, 'Lidnummer', 'number'],
      [32, 'Machtigingskenmerk', 'mandateReference'],
      [44, 'E-mailadres', 'email'],
    ]);
    expect(report.rejected.map((r) => r.message.nl)).toEqual([
      'IBAN NL91ABNA0417164301: de controlecijfers kloppen niet',
      'is verplicht',
      'lidnummer 2021 staat ook op regel 22',
      "Machtigingskenmerk ZWA 2031: alleen letters, cijfers en / - ? : ( ) . , ' + (geen spaties of accenten)",
      'geen geldig e-mailadres',
    ]);
    const debtors = call(t.ctx, 'debtors.list', { limit: 100 }).debtors;
    expect(debtors).toHaveLength(45);
    const first = debtors.find((d) => d.number === '2001')!;
    expect(first).toMatchObject({ name: 'Tim van den Heuvel', street: 'Dorpsstraat 1', postalCode: '3511 AB', paymentMethod: 'direct_debit', activeMandate: 'ZWA-2001' });
    expect(call(t.ctx, 'mandates.list', { debtorId: first.id })[0]).toMatchObject({ signedOn: '2024-01-01', type: 'recurring', scheme: 'CORE' });
    expect(debtors.find((d) => d.number === '2004')).toMatchObject({ paymentMethod: 'transfer', activeMandate: null });
  });

  it('updates instead of duplicating on a re-import, keeping what the file does not mention', () => {
    const content = fixture('leden-50.csv').toString('base64');
    call(t.ctx, 'imports.members.commit', { content });
    const d = call(t.ctx, 'debtors.list', { search: '2001' }).debtors[0]!;
    const arrangement = call(t.ctx, 'debtorStatuses.list', {}).find((s) => s.name === 'Betalingsregeling')!;
    call(t.ctx, 'debtors.update', { ...d, email: d.email ?? undefined, iban: d.iban ?? undefined, street: d.street ?? undefined, postalCode: d.postalCode ?? undefined, city: d.city ?? undefined, phone: undefined, bic: undefined, accountHolder: undefined, notes: 'Afspraak 3 termijnen', statusId: arrangement.id, consolidate: true });

    const again = call(t.ctx, 'imports.members.commit', { content });
    expect(again).toMatchObject({ created: 0, updated: 45, mandatesCreated: 0 });
    expect(call(t.ctx, 'debtors.list', {}).total).toBe(45);
    expect(call(t.ctx, 'debtors.get', { id: d.id })).toMatchObject({ notes: 'Afspraak 3 termijnen', statusName: 'Betalingsregeling', consolidate: true, name: 'Tim van den Heuvel' });
  });

  it('reads Dutch amounts: the contributie per member and the incassokorting as amount or percentage', () => {
    call(t.ctx, 'imports.members.commit', { content: fixture('leden-50.csv').toString('base64') });
    const byNumber = new Map(call(t.ctx, 'debtors.list', { limit: 100 }).debtors.map((d) => [d.number, d]));
    expect(byNumber.get('2001')).toMatchObject({ feeAmount: 15_000, discountAmount: null, discountPercent: null });
    expect(byNumber.get('2006')).toMatchObject({ feeAmount: 7_550 }); // line 7: 75,50
    expect(byNumber.get('2009')).toMatchObject({ feeAmount: 0 }); // line 10: erelid, exempt
    expect(byNumber.get('2010')).toMatchObject({ discountPercent: 250, discountAmount: null }); // line 11: 2,5%
    expect(byNumber.get('2012')).toMatchObject({ discountAmount: 150, discountPercent: null }); // line 13: 1,50

    const bad = 'Lidnummer;Naam;Contributie;Incassokorting\r\n1;A;12,345;\r\n2;B;-5,00;\r\n3;C;10,00;150%\r\n4;D;1.234,50;3 %\r\n';
    const report = call(t.ctx, 'imports.members.commit', { content: b64(bad) });
    expect(report.rejected.map((r) => [r.line, r.column, r.message.nl])).toEqual([
      [2, 'Contributie', 'Bedrag "12,345": schrijf het als 1.234,56'],
      [3, 'Contributie', 'bedrag -5,00 mag niet negatief zijn'],
      [4, 'Incassokorting', 'Korting "150%" is meer dan 100%'],
    ]);
    expect(call(t.ctx, 'debtors.list', { search: 'D' }).debtors.find((d) => d.number === '4')).toMatchObject({ feeAmount: 123_450, discountPercent: 300 });
  });

  it('reads a comma-separated Windows-1252 list with English headers', () => {
    const report = call(t.ctx, 'imports.members.commit', { content: fixture('members-cp1252.csv').toString('base64') });
    expect(report).toMatchObject({ encoding: 'windows-1252', separator: ',', created: 2, rejected: [] });
    expect(call(t.ctx, 'debtors.list', {}).debtors.map((d) => [d.number, d.name, d.city])).toEqual([
      ['3001', 'José Müller, jr.', 'Den Haag'],
      ['3002', "Renée 't Hart", 'Épinal'],
    ]);
  });

  it('refuses mandate problems per row', () => {
    const csv = [
      'Lidnummer;Naam;IBAN;Machtigingskenmerk;Datum machtiging',
      '1;A;NL20INGB0001234567;M-1;',
      '2;B;NL44RABO0123456789;M-2;31-12-2099',
      '3;C;NL91ABNA0417164300;M-3;15-03-2024',
      '4;D;NL02ABNA0123456789;M-3;15-03-2024',
      '5;E;;M-5;15-03-2024',
    ].join('\n');
    const report = call(t.ctx, 'imports.members.commit', { content: b64(csv) });
    expect(report.created).toBe(1);
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([
      [2, 'mandateSignedOn'],
      [3, 'mandateSignedOn'],
      [5, 'mandateReference'],
      [6, 'iban'],
    ]);
  });

  it('reads groups from a Groep column and keeps them on a re-import without that column', () => {
    call(t.ctx, 'imports.members.commit', { content: b64('Lidnummer;Naam;Groep\n1;Anouk;Jeugd, Team D1\n2;Bram;Senioren\n') });
    expect(call(t.ctx, 'debtors.list', {}).debtors.map((d) => d.tags)).toEqual([['Jeugd', 'Team D1'], ['Senioren']]);
    call(t.ctx, 'imports.members.commit', { content: b64('Lidnummer;Naam\n1;Anouk de Vries\n') });
    expect(call(t.ctx, 'debtors.list', {}).debtors[0]).toMatchObject({ name: 'Anouk de Vries', tags: ['Jeugd', 'Team D1'] });
  });

  it('asks for a name column when none is recognised, and for an initialised ledger', () => {
    expect(dispatch(t.ctx, 'imports.members.preview', { content: b64('x;y\n1;2\n') })).toMatchObject({ ok: false, error: { field: 'mapping.name', rule: 'required' } });
    const report = call(t.ctx, 'imports.members.preview', { content: b64('x;y\n1;Anouk\n'), mapping: { name: 1 } });
    expect(report.sample[0]).toMatchObject({ name: 'Anouk', action: 'create' });
  });
});
