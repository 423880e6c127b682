import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MT940_BYTES, readMt940 } from '../../electron/statements/mt940';
import { mt940Refusal } from '../helpers/mt940Refusal';
import { readBankFile } from '../../electron/statements/read';

/** Real files are messy: each case here is one way a bank, an editor or a mail program mangles MT940. */
const utf8 = (lines: string[], nl = '\n') => Buffer.from(lines.join(nl) + nl, 'utf8');
const statement = (entries: string[], closing = 'C261127EUR150,00') => [
  ':20:TEST1',
  ':25:NL36INGB0007654321EUR',
  ':28C:1',
  ':60F:C261126EUR0,00',
  ...entries,
  `:62F:${closing}`,
];
const credit = [':61:2611271127C150,00NTRFEREF//REF1', ':86:/EREF/E2E-1//REMI/USTD//Contributie/'];

const refusal = mt940Refusal;

describe('MT940 line ends, encodings, wraps and invisible characters', () => {
  const ing = fs.readFileSync(path.join(__dirname, '../fixtures/mt940/ing-structured.940'), 'utf8');
  const reference = readMt940(Buffer.from(ing));

  it('CRLF, LF and CR read the same', () => {
    for (const nl of ['\n', '\r']) {
      expect(readMt940(Buffer.from(ing.replace(/\r\n/g, nl))).statements).toEqual(reference.statements);
    }
  });

  it('UTF-16 with a byte order mark and UTF-8 with one read the same', () => {
    expect(readMt940(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ing, 'utf16le')])).statements).toEqual(reference.statements);
    expect(readMt940(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ing)])).statements).toEqual(reference.statements);
  });

  it('a file with a UTF-8 line and a Windows-1252 line reads both names right', () => {
    const lines = statement([
      ':61:2611271127C100,00NTRFEREF//REF1',
      ':86:/EREF/E2E-1//CNTP/NL91ABNA0417164300/ABNANL2A/Zoë Çelik///REMI/USTD//Contributie/',
      ':61:2611271127C50,00NTRFEREF//REF2',
    ]);
    const cp1252Line = Buffer.from(':86:/EREF/E2E-2//CNTP/NL20INGB0001234567/INGBNL2A/Café Hoekje///REMI/USTD//Bar €5/\n', 'latin1');
    cp1252Line[cp1252Line.indexOf('€'.charCodeAt(0) & 0xff)] = 0x80;
    const head = utf8(lines.slice(0, 7));
    const tail = utf8(lines.slice(7));
    const f = readMt940(Buffer.concat([head, cp1252Line, tail]));
    expect(f.encoding).toBe('mixed');
    const names = f.statements[0]!.entries.map((e) => e.details[0]!.counterparty.name);
    expect(names).toEqual(['Zoë Çelik', 'Café Hoekje']);
    expect(f.statements[0]!.entries[1]!.details[0]!.remittance).toBe('Bar €5');
  });

  it('a codeword cut across short lines is joined again; a word cut at 65 characters too', () => {
    const f = readMt940(utf8(statement([
      ':61:2611271127C150,00NTRFEREF//REF1',
      ':86:/EREF/E2E-1//CNTP/NL91ABNA0417164300/ABNANL2A/A. de Vries///RE',
      'MI/USTD//Contributie 2026/',
    ])));
    expect(f.statements[0]!.entries[0]!.details[0]).toMatchObject({ endToEndId: 'E2E-1', remittance: 'Contributie 2026', counterparty: { name: 'A. de Vries' } });
    const text = 'Betaling voor de contributie van het seizoen 2026-2027 van lid 10';
    expect(text).toHaveLength(65);
    const free = readMt940(utf8(statement([':61:2611271127C150,00NTRFNONREF', `:86:${text}`, '01 en 1002', 'tweede regel'])));
    expect(free.statements[0]!.entries[0]!.information).toBe(`${text}01 en 1002 tweede regel`);
  });

  it('soft hyphens and zero-width spaces leave references, IBANs and the account alone', () => {
    const f = readMt940(utf8([
      ':20:TEST\u00ad1',
      ':25:NL36INGB\u00ad0007654321EUR',
      ':28C:1',
      ':60F:C261126EUR0,00',
      ':61:2611271127C150,00NTRFEREF//RE\u00adF1',
      ':86:/EREF/E2E\u200b-1//MARF/ZWA\u00ad-0001//CNTP/NL91\u00adABNA0417164300/ABNANL2A/A. de Vries///REMI/USTD//Contributie/',
      ':62F:C261127EUR150,00',
    ]));
    const s = f.statements[0]!;
    expect([s.id, s.account, s.entries[0]!.bankReference]).toEqual(['TEST1', 'NL36INGB0007654321', 'REF1']);
    expect(s.entries[0]!.details[0]).toMatchObject({ endToEndId: 'E2E-1', mandateId: 'ZWA-0001', counterparty: { iban: 'NL91ABNA0417164300' } });
  });

  it('blank lines, "-}" with a {5:} trailer, several messages and tabs are read through', () => {
    const one = statement(credit);
    const two = statement([], 'C261128EUR0,00').map((l) => l.replace('TEST1', 'TEST2'));
    const text = ['', '{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXN}{4:', ...one, '-}{5:{CHK:123}}', '', '', '{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXN}{4:', ...two, '-}', ''];
    const f = readMt940(utf8(text));
    expect(f.statements.map((s) => [s.id, s.entries.length])).toEqual([['TEST1', 1], ['TEST2', 0]]);
  });

  it('the first field may share its line with the SWIFT header blocks', () => {
    const [first, ...rest] = statement(credit);
    const f = readMt940(utf8([`{1:F01KNABNL2HAXXX0000000000}{2:I940KNABNL2HXXXXN}{3:{108:X}}{4:${first}`, ...rest, '-}']));
    expect(f.variant).toBe('mt940-knab-structured');
    expect(f.statements[0]!.id).toBe('TEST1');
  });

  it('readBankFile sends MT940 here, also behind header lines with old Mac line ends', () => {
    expect(readBankFile(utf8(statement(credit))).format).toBe('mt940');
    const abn = readBankFile(utf8(['ABNANL2A', '940', 'ABNANL2A', ...statement(credit)], '\r'));
    expect(abn).toMatchObject({ format: 'mt940', variant: 'mt940-abnamro-structured' });
  });
});

describe('MT940 returns without a reason code', () => {
  it('ING\'s NRTI type and ABN AMRO\'s /RTYP/ alone still mark a return, with no reason invented', () => {
    const f = readMt940(utf8(statement([
      ':61:2611271127C100,00NRTIEREF//REF1',
      ':86:/EREF/E2E-1//REMI/USTD//Retour/',
      ':61:2611271127C50,00NTRFNONREF',
      ':86:/TRTP/SEPA Incasso terugboeking/RTYP/RJCT/EREF/E2E-2',
    ])));
    expect(f.statements[0]!.entries.map((e) => e.details[0]!.returnInfo)).toEqual([
      { reasonCode: null, reasonText: null, kind: 'return', charges: null },
      { reasonCode: null, reasonText: null, kind: 'reject', charges: null },
    ]);
  });
});

describe('MT940 amounts and dates', () => {
  it('a third decimal that is zero is exact; the funds letter may carry the third letter of the currency', () => {
    const f = readMt940(utf8(statement([':61:2611271127CR150,000NTRFNONREF'])));
    expect(f.statements[0]!.entries[0]!.amount).toBe(15_000);
  });

  it('RD (reversal of a debit) is money in, RC money out, both marked reversal', () => {
    const f = readMt940(utf8(statement([':61:2611271127RD200,00NTRFNONREF', ':61:2611271127RC50,00NTRFNONREF'])));
    expect(f.statements[0]!.entries.map((e) => [e.amount, e.reversal])).toEqual([[20_000, true], [-5_000, true]]);
  });

  it('booked in December with a value date in January: the booking date is the year before', () => {
    const f = readMt940(utf8(statement([':61:2701021231C150,00NTRFNONREF'])));
    expect(f.statements[0]!.entries[0]).toMatchObject({ valueDate: '2027-01-02', bookingDate: '2026-12-31' });
  });
});

describe('MT940 refusals name the line and the rule, in Dutch and English', () => {
  const cases: Array<[string, string[], number, RegExp]> = [
    ['an amount with a full stop', statement([':61:2611271127C150.00NTRFNONREF']), 5, /decimal comma/],
    ['a fourth decimal that is not zero', statement([':61:2611271127C150,005NTRFNONREF']), 5, /more than two decimals/],
    ['a day that does not exist', statement([':61:2611311131C150,00NTRFNONREF']), 5, /does not exist/],
    ['no C or D', statement([':61:2611271127X150,00NTRFNONREF']), 5, /C \(credit\), D \(debit\)/],
    ['an expected entry from an MT942', statement([':61:2611271127EC150,00NTRFNONREF']), 5, /expected entry/],
    ['a funds letter of another currency', statement([':61:2611271127CD150,00NTRFNONREF']), 5, /currency letter D does not match EUR/],
    ['no transaction type', statement([':61:2611271127C150,00']), 5, /transaction type/],
    ['an unreadable closing balance', statement([], 'C261127EUR'), 5, /closing balance "C261127EUR" cannot be read/],
    ['no closing balance', statement([]).slice(0, 4), 1, /no closing balance/],
    ['an entry before the opening balance', [':20:X', ':25:NL36INGB0007654321', ':61:2611271127C1,00NTRFNONREF', ':60F:C261126EUR0,00', ':62F:C261127EUR1,00'], 3, /before the opening balance/],
    ['an entry after the closing balance', [...statement([], 'C261127EUR0,00'), ':61:2611271127C1,00NTRFNONREF'], 6, /after the closing balance/],
    ['text outside any field', ['Dit is geen afschrift, maar een brief.', ':20:X'], 1, /outside any MT940 field/],
    ['a statement that starts without :20:', [':25:NL36INGB0007654321', ':20:X'], 1, /starts with :25: instead of :20:/],
    ['a second line in a one-line field', [':20:X', ':25:NL36INGB0007654321', 'NL20INGB0001234567', ':60F:C261126EUR0,00', ':62F:C261127EUR0,00'], 3, /one line only/],
    ['a control character', [':20:X', ':25:NL36INGB0007654321', ':86:a\u0007b'], 3, /control character U\+0007/],
    ['a line far longer than any bank writes', [':20:X', ':25:NL36INGB0007654321', `:86:${'1'.repeat(300_000)}${' '.repeat(300_000)}x`], 3, /characters long/],
    ['an unclosed SWIFT block', ['{1:F01INGBNL2AXXXX0000000000', ':20:X'], 1, /not closed/],
    ['different currencies in opening and closing', statement([], 'C261127USD0,00'), 1, /different currencies/],
  ];
  for (const [what, lines, line, en] of cases) {
    it(what, () => {
      const e = refusal(utf8(lines));
      expect(e.where).toBe(`regel ${line}`);
      expect(e.nl).toContain(`Regel ${line}:`);
      expect(e.en).toContain(`Line ${line}:`);
      expect(e.en).toMatch(en);
      expect(e.nl).not.toBe(e.en);
    });
  }

  it('a file without any statement, and a file larger than the bound', () => {
    expect(refusal(utf8(['{1:F01INGBNL2AXXXX0000000000}{2:I940INGBNL2AXXXN}{4:', '-}'])).en).toMatch(/no field :20:/);
    const huge = Buffer.alloc(MAX_MT940_BYTES + 1, 0x20);
    expect(refusal(huge).en).toMatch(/larger than 100 MB/);
  });
});
