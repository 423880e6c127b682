import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../electron/api';
import { cleanField, controlCharacter, decodeText } from '../../electron/imports/decode';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';

/**
 * The member list as people really export it: Excel's "Unicode-tekst" (UTF-16 with a byte order
 * mark, tab separated), UTF-16 big-endian, UTF-8 without BOM, Windows-1252, cells with control
 * characters and member numbers with invisible characters copied along.
 */
const LIST = 'Lidnummer\tNaam\tWoonplaats\r\n1001\tJosé Müller\tÉpinal\r\n1002\tAnouk de Vries\t’s-Hertogenbosch\r\n';
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

describe('decoding what people export', () => {
  it('reads UTF-16 LE and BE with a byte order mark, and UTF-16 LE without one', () => {
    expect(decodeText(utf16le(LIST))).toEqual({ text: LIST, encoding: 'utf-16le' });
    expect(decodeText(utf16be(LIST))).toEqual({ text: LIST, encoding: 'utf-16be' });
    expect(decodeText(Buffer.from(LIST, 'utf16le'))).toEqual({ text: LIST, encoding: 'utf-16le' });
  });

  it('reads UTF-8 with and without BOM, and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from(LIST))).toEqual({ text: LIST, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LIST)]))).toEqual({ text: LIST, encoding: 'utf-8' });
    expect(decodeText(Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x3b, 0x80]))).toEqual({ text: 'José;€', encoding: 'windows-1252' });
  });

  it('cleans invisible characters and odd spaces, and names control characters', () => {
    for (const hidden of ['1001\u200b', '\u200b1001', '1001\u00a0', '1001\t', ' 1001 ', '\ufeff1001', '10\u200d01', '1001\u202f', '1001\u2060']) expect(cleanField(hidden)).toBe('1001');
    expect(cleanField('Jan\u00a0de\u00a0Vries')).toBe('Jan de Vries');
    expect(controlCharacter('Jan\u0000')).toBe('U+0000');
    expect(controlCharacter('Jan\u001b[31m')).toBe('U+001B');
    expect(controlCharacter('Jan\u007f')).toBe('U+007F');
    expect(controlCharacter('Jan\u0085')).toBe('U+0085');
    expect(controlCharacter('twee\nregels\tmet tab')).toBeNull();
  });
});

describe('importing what people export', () => {
  let t: TestLedger;
  beforeEach(() => {
    t = openInitializedLedger();
  });
  afterEach(() => t.close());

  const members = () => call(t.ctx, 'debtors.list', {}).debtors.map((d) => [d.number, d.name, d.city]);

  for (const [name, bytes] of [
    ['UTF-16 LE with BOM, tab (Excel "Unicode-tekst")', utf16le(LIST)],
    ['UTF-16 LE with BOM, ";"', utf16le(LIST.replaceAll('\t', ';'))],
    ['UTF-16 BE with BOM', utf16be(LIST)],
    ['UTF-8 without BOM', Buffer.from(LIST)],
  ] as const) {
    it(`imports ${name} with the right names`, () => {
      const report = call(t.ctx, 'imports.members.commit', { content: b64(bytes) });
      expect(report).toMatchObject({ created: 2, rejected: [] });
      expect(members()).toEqual([
        ['1001', 'José Müller', 'Épinal'],
        ['1002', 'Anouk de Vries', '’s-Hertogenbosch'],
      ]);
    });
  }

  it('refuses a row with a control character in any cell, naming the row and the column, and imports the rest', () => {
    const csv = 'Lidnummer;Naam;Opmerking\n1;Anouk\u0000;\n2;Bram;piep\u0007\n3;Cas\u001b[31m;\n4;Dirk\u007f;\n5;Eva;\n';
    const report = call(t.ctx, 'imports.members.commit', { content: b64(csv) });
    expect(report.created).toBe(1);
    expect(report.rejected.map((r) => [r.line, r.column, r.message.nl])).toEqual([
      [2, 'Naam', 'kolom Naam bevat een stuurteken (U+0000); haal het weg en importeer opnieuw'],
      [3, 'Opmerking', 'kolom Opmerking bevat een stuurteken (U+0007); haal het weg en importeer opnieuw'],
      [4, 'Naam', 'kolom Naam bevat een stuurteken (U+001B); haal het weg en importeer opnieuw'],
      [5, 'Naam', 'kolom Naam bevat een stuurteken (U+007F); haal het weg en importeer opnieuw'],
    ]);
    expect(members()).toEqual([['5', 'Eva', null]]);
  });

  it('never makes a second member of a member number with a hidden character', () => {
    call(t.ctx, 'imports.members.commit', { content: b64('Lidnummer;Naam\n1001;Anouk\n') });
    for (const hidden of ['1001\u200b', '1001\u00a0', '1001\t', '\ufeff1001', '1001\u2060']) {
      const report = call(t.ctx, 'imports.members.commit', { content: b64(`Lidnummer;Naam\n${hidden};Anouk de Vries\n`) });
      expect(report, JSON.stringify(hidden)).toMatchObject({ created: 0, updated: 1 });
    }
    expect(members()).toEqual([['1001', 'Anouk de Vries', null]]);
    // typed or pasted on the debtor card: the same number, so refused as a duplicate
    const pasted = dispatch(t.ctx, 'debtors.create', { name: 'Anouk (kopie)', number: '\u200b1001\u00a0' });
    expect(pasted.ok).toBe(false);
    expect(members()).toEqual([['1001', 'Anouk de Vries', null]]);
    // two spellings of one number in one file are one number seen twice
    const twice = call(t.ctx, 'imports.members.preview', { content: b64('Lidnummer;Naam\n2002;A\n2002\u200b;B\n') });
    expect(twice.rejected.map((r) => [r.line, r.field])).toEqual([[3, 'number']]);
  });
});

describe('Windows-1252', () => {
  it('decodes the bytes 0x80-0x9F as Windows-1252 (€, curly quotes, dashes), not as control characters', () => {
    const bytes = Buffer.from([0x80, 0x20, 0x91, 0x92, 0x93, 0x94, 0x20, 0x96, 0x97, 0x20, 0x8a, 0x9a, 0x9f, 0x20, 0xe9]);
    expect(decodeText(bytes).text).toBe('€ ‘’“” –— ŠšŸ é');
  });
});

describe('a re-import that would break an existing card', () => {
  let t: TestLedger;
  beforeEach(() => {
    t = openInitializedLedger();
  });
  afterEach(() => t.close());

  it('refuses that row, naming its line, instead of refusing the whole file (found by the fuzz test)', () => {
    call(t.ctx, 'imports.members.commit', { content: b64('Lidnummer;Naam;IBAN;Betaalwijze\n1001;Anouk;NL91ABNA0417164300;Automatische incasso\n') });
    // the card pays by direct debit; the new file has an IBAN column, empty for her
    const report = call(t.ctx, 'imports.members.commit', { content: b64('Lidnummer;Naam;IBAN\n1001;Anouk;\n1002;Bram;\n') });
    expect(report).toMatchObject({ created: 1, updated: 0 });
    expect(report.rejected.map((r) => [r.line, r.field])).toEqual([[2, 'iban']]);
  });
});
