import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { StatementReadError, type BankFile } from '../../electron/statements/model';
import { readMt940 } from '../../electron/statements/mt940';
import { inputs, type Tally } from './readers';
import { fuzzRuns, fuzzSeed, STACK_FRAME } from './runs';
import { samplesDir } from '../helpers/samples';

/**
 * The MT940 reader under thousands of mangled files: every one ends as a BankFile or a
 * StatementReadError naming where and why — never another exception, never a hang. Besides the
 * byte-level mutations every reader gets, MT940 files are mangled the way they break in practice:
 * lines dropped, doubled or swapped, lines cut at odd widths, tags and codewords spliced in.
 */
const RUNS = fuzzRuns(2000);
const tally: Tally = { tried: 0, accepted: 0, refused: 0 };
afterAll(() => console.log(`MT940 fuzz: ${tally.tried} inputs, ${tally.accepted} read, ${tally.refused} refused`));

const fixtures = path.join(__dirname, '../fixtures/mt940');
const samples = samplesDir();
const seeds: Uint8Array[] = [
  ...fs.readdirSync(fixtures).filter((f) => !f.endsWith('.md')).map((f) => fs.readFileSync(path.join(fixtures, f))),
  ...(fs.existsSync(samples) ? fs.readdirSync(samples).filter((f) => f.startsWith('mt940')).map((f) => fs.readFileSync(path.join(samples, f))) : []),
];

const SPLICES = [':20:', ':25:', ':28C:', ':60F:', ':60M:', ':61:', ':62F:', ':62M:', ':86:', ':940:', '-}', '-', '{4:', '{1:F01INGBNL2A}', '{5:{CHK:1}}', '/EREF/', '/RTRN/', '/CNTP/', '/REMI/USTD//', '/REMI/STRD/CUR/', '/RTYP/RTRN', '//', '>20', 'RC', 'RD', 'C', 'D', 'EUR', '0,', '999999999999999,99', '\u00ad', '261231', '0229', 'NRTI'];

type LineMutation = { kind: 'drop' | 'double' | 'swap' | 'wrap' | 'splice'; at: number; to: number; width: number; text: string };
const lineMutation: fc.Arbitrary<LineMutation> = fc.record({
  kind: fc.constantFrom('drop', 'double', 'swap', 'wrap', 'splice'),
  at: fc.nat(),
  to: fc.nat(),
  width: fc.integer({ min: 1, max: 80 }),
  text: fc.constantFrom(...SPLICES),
});

function mangle(seed: Uint8Array, mutations: LineMutation[]): Uint8Array {
  const lines = Buffer.from(seed).toString('latin1').split('\n');
  for (const m of mutations) {
    const i = m.at % lines.length;
    const j = m.to % lines.length;
    const line = lines[i]!;
    if (m.kind === 'drop') lines.splice(i, 1);
    else if (m.kind === 'double') lines.splice(i, 0, line);
    else if (m.kind === 'swap') [lines[i], lines[j]] = [lines[j]!, line];
    else if (m.kind === 'wrap') lines.splice(i, 1, ...(line.match(new RegExp(`[^]{1,${m.width}}`, 'g')) ?? ['']));
    else {
      const at = m.to % (line.length + 1);
      lines[i] = line.slice(0, at) + m.text + line.slice(at);
    }
    if (!lines.length) lines.push('');
  }
  return Buffer.from(lines.join('\n'), 'latin1');
}

const mt940Inputs = fc.oneof(
  { weight: 3, arbitrary: inputs(seeds) },
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...seeds), fc.array(lineMutation, { minLength: 1, maxLength: 6 })).map(([s, ms]) => mangle(s, ms)) },
);

function checkReading(f: BankFile): void {
  for (const s of f.statements) {
    for (const b of [s.opening!, s.closing!]) {
      if (!Number.isSafeInteger(b.amount) || !/^\d{4}-\d{2}-\d{2}$/.test(b.date)) throw new Error(`balance ${JSON.stringify(b)}`);
    }
    for (const e of s.entries) {
      if (!Number.isSafeInteger(e.amount) || Object.is(e.amount, -0)) throw new Error(`amount ${e.amount} at ${e.source}`);
      if (e.details.length !== 1) throw new Error(`${e.details.length} details at ${e.source}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e.bookingDate)) throw new Error(`booking date ${e.bookingDate}`);
      if (!/^regel \d+$/.test(e.source)) throw new Error(`source ${e.source}`);
    }
  }
}

describe('MT940 reader under mangled files', () => {
  it(`answers ${RUNS} mangled files with a reading or a StatementReadError`, { timeout: Math.max(60_000, RUNS * 20) }, () => {
    fc.assert(
      fc.property(mt940Inputs, (bytes) => {
        tally.tried++;
        const started = performance.now();
        try {
          checkReading(readMt940(bytes));
          tally.accepted++;
        } catch (e) {
          if (!(e instanceof StatementReadError)) throw new Error(`not a StatementReadError: ${(e as Error)?.stack ?? String(e)}`);
          if (!/^(regel \d+|bestand)$/.test(e.where) || !e.nl.trim() || !e.en.trim()) throw new Error(`a refusal that does not say where: ${JSON.stringify(e)}`);
          if (STACK_FRAME.test(e.nl) || STACK_FRAME.test(e.en)) throw new Error('a stack trace in the message');
          tally.refused++;
        }
        const took = performance.now() - started;
        if (took > 2000) throw new Error(`took ${Math.round(took)} ms`);
      }),
      { numRuns: RUNS, seed: fuzzSeed() },
    );
    expect(tally.accepted).toBeGreaterThan(RUNS / 20);
    expect(tally.refused).toBeGreaterThan(RUNS / 20);
  });
});
