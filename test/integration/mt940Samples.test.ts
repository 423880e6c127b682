import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BankFile, Statement } from '../../electron/statements/model';
import { readBankFile } from '../../electron/statements/read';
import { samplesDir } from '../helpers/samples';

/**
 * The published MT940 samples (../shared/sepa/samples, see its MANIFEST.md) read through the same
 * entrance the importer uses. Golden readings in test/golden/statements/<sample>.json show every
 * field in review; `UPDATE_GOLDEN=1 npx vitest run test/integration/mt940Samples.test.ts` rewrites
 * them — look at the diff before committing. The assertions below the golden comparison are
 * written by hand from the files themselves, so a wrong golden cannot hide a wrong reading.
 */
const SAMPLES = samplesDir();
const GOLDEN = path.resolve(__dirname, '../golden/statements');

function read(name: string): BankFile {
  const file = readBankFile(fs.readFileSync(path.join(SAMPLES, name)));
  const golden = path.join(GOLDEN, `${name}.json`);
  const json = `${JSON.stringify(file, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(golden, json);
  expect(json).toBe(fs.readFileSync(golden, 'utf8'));
  return file;
}

const movement = (s: Statement) => s.entries.reduce((sum, e) => sum + e.amount, 0);
const balances = (s: Statement) => s.opening!.amount + movement(s) === s.closing!.amount;

describe('MT940 samples', () => {
  it('ING structured: 8 entries, two MS03 returns, the soft hyphen gone from the mandate ids, balanced', () => {
    const f = read('mt940_ing_structured86_returns.940');
    expect(f.variant).toBe('mt940-ing-structured');
    expect(f.statements).toHaveLength(1);
    const s = f.statements[0]!;
    expect(s).toMatchObject({ account: 'NL69INGB0123456789', currency: 'EUR', id: 'P140220000000001', sequence: '00000' });
    expect(s.opening).toEqual({ date: '2014-02-19', amount: 66_223 });
    expect(s.closing).toEqual({ date: '2014-02-20', amount: 56_435 });
    expect(s.entries.map((e) => e.amount)).toEqual([156, -157, 157, -114, 145, -1275, 3200, -11_900]);
    expect(balances(s)).toBe(true);
    // the statement's own /SUM/: 4 debits of 134,46, 4 credits of 36,58
    expect(s.information).toBe('/SUM/4/4/134,46/36,58/');
    expect(s.entries.filter((e) => e.amount < 0).reduce((a, e) => a - e.amount, 0)).toBe(13_446);
    expect(s.entries.filter((e) => e.amount > 0).reduce((a, e) => a + e.amount, 0)).toBe(3_658);
    const returns = s.entries.filter((e) => e.details[0]!.returnInfo);
    expect(returns.map((e) => [e.amount, e.proprietaryCode, e.details[0]!.returnInfo!.reasonCode, e.details[0]!.endToEndId])).toEqual([
      [157, 'NRTI', 'MS03', '20120123456789'],
      [-1275, 'NRTI', 'MS03', '20120501P0123478'],
    ]);
    expect(s.entries.map((e) => e.details[0]!.mandateId).filter(Boolean)).toEqual(['MNDEV01', 'MND120123']);
    expect(JSON.stringify(f)).not.toContain('\u00ad');
    expect(s.entries.every((e) => e.details.length === 1 && e.bankReference === e.details[0]!.bankReference)).toBe(true);
    expect(s.entries[1]!.details[0]!.paymentInfoId).toBe('M000000003333333');
    // the two batch entries (/PREF/) say "TOTAAL 1 VZ" and "TOTAAL       1 POSTEN"
    expect(s.entries.map((e) => e.transactionCount)).toEqual([null, 1, null, null, 1, null, null, null]);
    expect(s.entries[3]!.details[0]).toMatchObject({ creditorId: 'NL32ZZZ999999991234', counterparty: { iban: 'NL32INGB0000012345', bic: 'INGBNL2A', name: 'ING Bank N.V. inzake WeB' } });
    expect(s.entries[6]!.details[0]!.creditorReference).toBe('9001123412341234');
    expect(s.entries.map((e) => e.proprietarySubCode)).toEqual(['00100', '00200', '00190', '01016', '01000', '01315', '00108', '00108']);
  });

  it('Rabobank (IBAN, :940: header): four statements, two without movements, counter IBAN from the :61: line, wrapped :86: rejoined', () => {
    const f = read('mt940_rabobank_iban.swi');
    expect(f.variant).toBe('mt940-rabobank-structured');
    expect(f.statements.map((s) => [s.id, s.entries.length, s.opening!.amount, s.closing!.amount])).toEqual([
      ['940S140102', 1, 443_352, 483_352],
      ['940S140103', 0, 483_352, 483_352],
      ['940S140106', 1, 483_352, 479_891],
      ['940S140107', 0, 479_891, 479_891],
    ]);
    expect(f.statements.every(balances)).toBe(true);
    expect(f.statements.every((s) => s.account === 'NL34RABO0142623393')).toBe(true);
    const [first] = f.statements[0]!.entries;
    expect(first!.details[0]!.counterparty).toEqual({ name: 'R. SMITH', iban: 'NL66RABO0160878799', bic: null });
    expect(first!.details[0]!.remittance).toBe('Test money paid by other partner:');
    const costs = f.statements[2]!.entries[0]!;
    expect(costs).toMatchObject({ amount: -3461, bookingDate: '2014-01-01', proprietaryCode: 'N093' });
    expect(costs.details[0]!.remittance).toBe('Periode 01-10-2013 t/m 31-12-2013');
  });

  it('ABN AMRO (legacy free text): two statements, 10 entries; the sample\'s own balances do not add up, and the reading says so', () => {
    const f = read('mt940_abnamro.sta');
    expect(f.variant).toBe('mt940-abnamro-unstructured');
    expect(f.statements.map((s) => [s.account, s.sequence, s.entries.length])).toEqual([
      ['517852257', '19321/1', 8],
      ['517852257', '19322/1', 2],
    ]);
    expect(f.statements.reduce((n, s) => n + s.entries.length, 0)).toBe(10);
    // the file is anonymised test data: 3 236,28 - 321,44 is 2 914,84, not the stated 876,84; the importer reports balanceOk false
    expect(f.statements.map((s) => [s.opening!.amount, movement(s), s.closing!.amount])).toEqual([
      [323_628, -32_144, 87_684],
      [287_684, -2_449, 184_975],
    ]);
    expect(f.statements.map(balances)).toEqual([false, false]);
    const giro = f.statements[0]!.entries[0]!;
    expect(giro).toMatchObject({ amount: -900, bookingDate: '2011-05-24', proprietaryCode: 'N192' });
    expect(giro.details[0]!.creditorReference).toBe('000000042188659');
    expect(f.statements[0]!.entries[1]).toMatchObject({ valueDate: '2011-05-21', bookingDate: '2011-05-23', amount: -1159 });
  });
});
