import fc from 'fast-check';
import type { ApiResult } from '../../shared/api/errors';

/**
 * The fuzz harness for every reader of files people bring in (the member list now; bank
 * statements and others later): bytes in, and whatever comes back must be an answer — accepted,
 * or refused naming the field and the rule — never a crash, never a hang, never a partial write.
 * A new reader adds a `*.fuzz.test.ts` that calls `checkReader` with its seeds and its call.
 */
export interface Reader {
  /** realistic files; most cases are mutations of these */
  seeds: Uint8Array[];
  /** reads the bytes through the API, as the UI and the CLI do */
  read(bytes: Uint8Array): ApiResult<unknown>;
  /** something that changes whenever the reader writes anything */
  fingerprint(): string;
  /** how the fingerprint may change for an accepted result (e.g. exactly `created` more members) */
  expectedAfter?(before: string, value: unknown): string;
}

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'text'; at: number; text: string };

/** Characters that have broken importers before: controls, invisibles, odd spaces, separators, quotes, BOMs. */
const NASTY = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u00a0', '\ufeff', '\u2028', '\t', ';', ',', '"', '""', '\r', '\n', '\r\n', '€', 'é', '😀', '\ud800', '=cmd|', '%', '\\'];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 12 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: fc.constantFrom(...NASTY) }),
);

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  const b = Buffer.from(bytes);
  const at = b.length ? m.at % (b.length + 1) : 0;
  switch (m.kind) {
    case 'flip':
      if (at < b.length) b[at] = m.byte;
      return b;
    case 'insert':
      return Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
    case 'delete':
      return Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    case 'truncate':
      return b.subarray(0, at);
    case 'duplicate':
      return Buffer.concat([b.subarray(0, at + m.length), b.subarray(at)]);
    case 'text':
      return Buffer.concat([b.subarray(0, at), Buffer.from(m.text), b.subarray(at)]);
  }
}

const reencode = (bytes: Uint8Array, as: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-8-bom'): Uint8Array => {
  const text = Buffer.from(bytes).toString('utf8');
  if (as === 'utf-8') return bytes;
  if (as === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bytes)]);
  const le = Buffer.from(text, 'utf16le');
  return as === 'utf-16le' ? Buffer.concat([Buffer.from([0xff, 0xfe]), le]) : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
};

/** Mutated seeds (in every encoding people export), random CSV-like text, and plain random bytes. */
export function inputs(seeds: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const mutated = fc
    .tuple(fc.constantFrom(...seeds), fc.constantFrom('utf-8', 'utf-16le', 'utf-16be', 'utf-8-bom') as fc.Arbitrary<'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-8-bom'>, fc.array(mutationArb, { minLength: 1, maxLength: 8 }))
    .map(([seed, encoding, mutations]) => mutations.reduce(mutate, reencode(seed, encoding)));
  const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...NASTY), fc.constantFrom('1001', 'NL91ABNA0417164300', '15-03-2024', '150,00', 'Jan de Vries'));
  const csvText = fc
    .tuple(fc.constantFrom(';', ',', '\t'), fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }))
    .map(([sep, rows]) => Buffer.from(['Lidnummer;Naam;IBAN;Machtigingskenmerk;Datum machtiging'.replaceAll(';', sep), ...rows.map((r) => r.join(sep))].join('\r\n')));
  return fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 2, arbitrary: csvText }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) });
}

export interface Tally {
  tried: number;
  accepted: number;
  refused: number;
}

/** The property every reader keeps, over `runs` generated inputs. */
export function checkReader(reader: Reader, runs: number, seed: number | undefined, tally: Tally): void {
  fc.assert(
    fc.property(inputs(reader.seeds), (bytes) => {
      tally.tried++;
      const before = reader.fingerprint();
      const started = performance.now();
      const result = reader.read(bytes);
      const took = performance.now() - started;
      if (took > 5000) throw new Error(`took ${Math.round(took)} ms`);
      if (result.ok) {
        tally.accepted++;
        if (reader.expectedAfter) {
          const after = reader.fingerprint();
          if (after !== reader.expectedAfter(before, result.value)) throw new Error(`wrote something else than it reported: ${before} -> ${after}`);
        }
        return;
      }
      tally.refused++;
      const e = result.error;
      if (e.code === 'internal') throw new Error(`crashed: ${e.message.en}`);
      if (!e.field || !e.message.nl.trim() || !e.message.en.trim()) throw new Error(`refusal that does not name the problem: ${JSON.stringify(e)}`);
      if (reader.fingerprint() !== before) throw new Error(`a refused input wrote something (${JSON.stringify(e)})`);
    }),
    { numRuns: runs, seed },
  );
}
