import { describe, expect, it } from 'vitest';
import { readMt940 } from '../../electron/statements/mt940';
import { mt940Refusal } from '../helpers/mt940Refusal';

/**
 * The reader takes a large UTF-8 file 64 kB at a time and reads each entry as its fields come in.
 * What it judges from the whole file (the bank, whether the layout is structured, which refusal
 * comes first, which line a fault is on) must come out as if it had held the whole file at once.
 */
const head = [':20:P261127000000001', ':25:NL36INGB0007654321EUR', ':28C:00001', ':60F:C261126EUR0,00'];

/** `n` ING entries of 10,00 each; about 200 bytes and 3 lines apiece, so a few thousand span many pieces. */
function entries(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`:61:2611271127C10,00NTRFEREF//${String(i).padStart(14, '0')}/TRCD/01016/`);
    out.push(`:86:/EREF/PEN-${100_000 + i}-20261127//CNTP/NL91ABNA0417164300/ABNANL2A/Lid ${i} van der B`);
    out.push(`erg-Çelik///REMI/USTD//Contributie 2026-2027 lid ${100_000 + i}/`);
  }
  return out;
}

const closing = (n: number) => `:62F:C261127EUR${n * 10},00`;
const file = (lines: string[], nl = '\r\n') => Buffer.from(lines.join(nl) + nl, 'utf8');

const refusal = mt940Refusal;

describe('MT940 read piece by piece', () => {
  it('a file of many pieces reads every entry with the line it starts on, whatever its line ends', () => {
    const lines = [...head, ...entries(3_000), closing(3_000), '-'];
    expect(file(lines).length).toBeGreaterThan(8 * 65_536);
    for (const nl of ['\r\n', '\n', '\r']) {
      const s = readMt940(file(lines, nl)).statements[0]!;
      expect(s.entries).toHaveLength(3_000);
      expect(s.closing!.amount).toBe(3_000_000);
      // line 5 is the first :61:, each entry takes three lines
      expect(s.entries[2_999]!.source).toBe(`regel ${5 + 3 * 2_999}`);
      expect(s.entries[2_999]!.details[0]!).toMatchObject({ endToEndId: 'PEN-102999-20261127', remittance: 'Contributie 2026-2027 lid 102999', counterparty: { name: 'Lid 2999 van der Berg-Çelik' } });
      expect(s.entries[2_999]!.bankReference).toBe('00000000002999');
    }
  });

  it('a fault far into a large file is named by its own line', () => {
    const lines = [...head, ...entries(3_000), closing(3_000)];
    const at = lines.indexOf(':61:2611271127C10,00NTRFEREF//00000000002500/TRCD/01016/');
    lines[at] = ':61:2611271127X10,00NTRFEREF//00000000002500';
    for (const nl of ['\r\n', '\r']) expect(refusal(file(lines, nl)).where).toBe(`regel ${at + 1}`);
  });

  it('a control character far into a large file, in UTF-8 and in UTF-16, is named by its line', () => {
    const lines = [...head, ...entries(3_000), closing(3_000)];
    lines[7_001] = `${lines[7_001]}\u0007`;
    const utf8 = refusal(file(lines));
    expect(utf8.where).toBe('regel 7002');
    expect(utf8.en).toContain('U+0007');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);
    expect(refusal(utf16).where).toBe('regel 7002');
  });

  it('a line over 10 000 characters far into a large file is refused by its line; one of 6 000 is read', () => {
    const lines = [...head, ...entries(3_000), closing(3_000)];
    const long = [...lines];
    long.splice(6_000, 0, 'x'.repeat(10_001));
    expect(refusal(file(long))).toMatchObject({ where: 'regel 6001', en: 'Line 6001: the line is 10001 characters long; an MT940 line has a few hundred at most' });
    const near = [...lines];
    near[6_003] = `${near[6_003]} ${'y'.repeat(6_000)}`;
    const s = readMt940(file(near)).statements[0]!;
    expect(s.entries).toHaveLength(3_000);
    expect(s.entries.some((e) => e.details[0]!.remittance?.endsWith('y'.repeat(6_000)))).toBe(true);
  });

  it('a fault in the layout further on is heard before a fault in an earlier statement, as when the file was split whole first', () => {
    const lines = [':20:ONE', ':25:NL36INGB0007654321EUR', ...entries(1), ':60F:C261126EUR0,00', closing(1), '-', ...head, ...entries(3_000), closing(3_000), '-', '%% text after the messages'];
    expect(refusal(file(lines)).en).toContain('is outside any MT940 field');
    expect(refusal(file(lines.slice(0, -1))).en).toContain('an entry (:61:) before the opening balance (:60F:)');
  });

  it('a Rabobank file that shows the structured layout only in a later statement is read as structured from its first entry on', () => {
    const first = [':940:', ':20:940S261127', ':25:NL34RABO0142623393 EUR', ':28C:00000', ':60F:C261126EUR0,00', ':61:261127C10,00N5410121470966      P Jansen', ':86:Contributie', ':62F:C261127EUR10,00'];
    const second = [':20:940S261128', ':25:NL34RABO0142623393 EUR', ':28C:00001', ':60F:C261127EUR10,00', ':61:261128C5,00N541EREF//X', ':86:/EREF/E2E-2//REMI/USTD//Contributie/', ':62F:C261128EUR15,00'];
    const legacy = readMt940(file(first));
    expect(legacy.variant).toBe('mt940-rabobank-legacy');
    expect(legacy.statements[0]!.entries[0]!.details[0]!.counterparty).toMatchObject({ name: 'P Jansen', account: '0121470966' });
    const structured = readMt940(file([...first, ...second]));
    expect(structured.variant).toBe('mt940-rabobank-structured');
    const e = structured.statements[0]!.entries[0]!;
    expect(e.customerReference).toBe('0121470966      P Jansen');
    expect(e.details[0]!.counterparty).toEqual({ name: null, iban: null, bic: null });
  });
});
