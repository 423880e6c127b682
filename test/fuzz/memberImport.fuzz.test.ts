import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api';
import { openInitializedLedger, type TestLedger } from '../helpers/ledger';
import { checkReader, type Tally } from './readers';
import { fuzzRuns, fuzzSeed } from './runs';

/** The member import over generated and mutated files: answered, never a crash, a hang or a partial write. */
const RUNS = fuzzRuns(1500);
let t: TestLedger;
const tally: Tally = { tried: 0, accepted: 0, refused: 0 };
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '..', 'fixtures', name));

beforeAll(() => {
  t = openInitializedLedger();
});
afterAll(() => {
  t.close();
  console.log(`member import fuzz: ${tally.tried} inputs, ${tally.accepted} accepted, ${tally.refused} refused`);
});

const seeds = [
  fixture('leden-50.csv').subarray(0, 1800),
  fixture('members-cp1252.csv'),
  Buffer.from('Lidnummer;Naam;IBAN;Machtigingskenmerk;Datum machtiging;Groep;Contributie\r\n1001;Anouk de Vries;NL91ABNA0417164300;ZW-1;15-03-2024;Jeugd;150,00\r\n1002;"Bram ""B"" Smit";NL20INGB0001234567;;;Senioren;\r\n'),
];

function fingerprint(): string {
  const row = t.ledger.db.prepare('SELECT (SELECT COUNT(*) FROM debtors) AS d, (SELECT COUNT(*) FROM mandates) AS m, (SELECT COUNT(*) FROM debtor_tags) AS g, (SELECT total_changes()) AS c').get() as Record<string, number>;
  return JSON.stringify(row);
}
const debtorsIn = (fp: string) => (JSON.parse(fp) as { d: number }).d;

describe('member import under generated input', () => {
  it(`previews ${RUNS} generated files without writing anything and without crashing`, { timeout: Math.max(60_000, RUNS * 40) }, () => {
    checkReader(
      {
        seeds,
        read: (bytes) => dispatch(t.ctx, 'imports.members.preview', { content: Buffer.from(bytes).toString('base64') }),
        fingerprint,
        expectedAfter: (before) => before,
      },
      RUNS,
      fuzzSeed(),
      tally,
    );
    expect(tally.accepted).toBeGreaterThan(RUNS / 10);
  });

  it(`imports ${RUNS} generated files: all of what it reports, or nothing`, { timeout: Math.max(60_000, RUNS * 60) }, () => {
    checkReader(
      {
        seeds,
        read: (bytes) => dispatch(t.ctx, 'imports.members.commit', { content: Buffer.from(bytes).toString('base64') }),
        fingerprint,
        expectedAfter: (before, value) => {
          const created = (value as { created: number }).created;
          // the count of members grows by exactly what the report says; the rest may change with updates
          return debtorsIn(fingerprint()) === debtorsIn(before) + created ? fingerprint() : `expected ${debtorsIn(before) + created} members`;
        },
      },
      RUNS,
      fuzzSeed(),
      tally,
    );
  });
});
