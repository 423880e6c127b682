import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { isDeepStrictEqual } from 'node:util';
import { readXmlBankFile, readXmlBankFileWithSaxes } from '../../electron/statements/camt';
import { StatementReadError } from '../../electron/statements/model';
import { checkReader, type Tally } from './readers';
import { fuzzRuns, fuzzSeed } from './runs';
import { samplesDir } from '../helpers/samples';

/**
 * The XML bank-file reader over mutated camt.053/054 and pain.002 files: every input is read into
 * a BankFile or refused with one StatementReadError naming where; never another exception, never
 * a hang. Two kinds of mutation: the shared byte-level ones (flips, cuts, encodings, nasty
 * characters), and XML-aware ones that keep the file well-formed so the reader itself is reached
 * (elements dropped, doubled or moved, values replaced by odd ones).
 */
const RUNS = fuzzRuns(1000);
const SAMPLES = samplesDir();
const seeds = fs
  .readdirSync(SAMPLES)
  .filter((f) => /^(camt\.05[234]|pain\.002)/.test(f))
  .map((f) => fs.readFileSync(path.join(SAMPLES, f)));

const tally: Tally = { tried: 0, accepted: 0, refused: 0 };
const structural: Tally = { tried: 0, accepted: 0, refused: 0 };
afterAll(() => {
  console.log(`XML bank file fuzz: bytes ${tally.tried} inputs (${tally.accepted} read, ${tally.refused} refused); structure ${structural.tried} (${structural.accepted} read, ${structural.refused} refused)`);
});

/**
 * The reader as an answer: read, refused with where and both languages, or a crash. The reader
 * takes a fast path for plain XML; an answer that differs from saxes' own reading is a crash too.
 */
function answer(bytes: Uint8Array): ApiResult<unknown> {
  const fast = answerWith(readXmlBankFile, bytes);
  const saxes = answerWith(readXmlBankFileWithSaxes, bytes);
  if (!isDeepStrictEqual(fast, saxes)) {
    const shown = (a: ApiResult<unknown>) => JSON.stringify(a).slice(0, 400);
    return { ok: false, error: { code: 'internal', message: { nl: 'snelle weg wijkt af', en: `the fast path differs from saxes: ${shown(fast)} vs ${shown(saxes)}` } } };
  }
  return fast;
}

function answerWith(read: (bytes: Uint8Array) => unknown, bytes: Uint8Array): ApiResult<unknown> {
  try {
    return { ok: true, value: read(bytes) };
  } catch (e) {
    if (e instanceof StatementReadError) return { ok: false, error: { code: 'validation', field: e.where, message: { nl: e.nl, en: e.en } } };
    return { ok: false, error: { code: 'internal', message: { nl: String(e), en: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) } } };
  }
}

const ODD_VALUES = ['&#233;', '&#x1F600;', '&#0;', '&lt;&gt;&quot;&apos;', '&nbsp;', 'a\r\nb\rc', '<!-- c -->', ']]>', '<?pi x?>', '\u0001', '', ' ', '-1.00', '1.001', '1.00000', '99999999999999.99', 'CRDT', 'DBIT', 'true', 'NOTPROVIDED', '2026-02-30', '2026-11-02T25:00:00', 'MD06', '\u00ad', '&amp;', '<![CDATA[x]]>', '€', 'x'.repeat(5000)];

/** Elements of the file (as [start, end) of `<Name ...>...</Name>` with no nested same name), found by a simple scan. */
function elements(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const re = /<([A-Za-z][\w.:-]*)(\s[^>]*)?>/g;
  for (let m = re.exec(text); m && found.length < 2000; m = re.exec(text)) {
    const close = text.indexOf(`</${m[1]}>`, m.index);
    if (close > 0) found.push([m.index, close + m[1]!.length + 3]);
  }
  return found;
}

const structuralMutation = fc.tuple(fc.constantFrom(...seeds.map((s) => s.toString('utf8'))), fc.array(fc.tuple(fc.constantFrom('drop', 'double', 'move', 'value', 'empty'), fc.nat(), fc.nat(), fc.constantFrom(...ODD_VALUES)), { minLength: 1, maxLength: 6 })).map(([seed, steps]) => {
  let text = seed;
  for (const [kind, i, j, value] of steps) {
    const els = elements(text);
    if (!els.length) break;
    const [s, e] = els[i % els.length]!;
    const el = text.slice(s, e);
    if (kind === 'drop') text = text.slice(0, s) + text.slice(e);
    else if (kind === 'double') text = text.slice(0, e) + el + text.slice(e);
    else if (kind === 'empty') text = text.slice(0, s) + el.replace(/>[\s\S]*<\//, '></') + text.slice(e);
    else if (kind === 'value') text = text.slice(0, s) + el.replace(/>([^<>]*)</, `>${value.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')}<`) + text.slice(e);
    else {
      const rest = text.slice(0, s) + text.slice(e);
      const [t] = elements(rest)[j % Math.max(1, elements(rest).length)] ?? [0];
      text = rest.slice(0, t) + el + rest.slice(t);
    }
  }
  return Buffer.from(text);
});

describe('XML bank files under generated input', () => {
  it(`reads or refuses ${RUNS} byte-mutated camt/pain.002 files, never crashing or hanging`, { timeout: Math.max(120_000, RUNS * 40) }, () => {
    checkReader({ seeds, read: answer, fingerprint: () => '' }, RUNS, fuzzSeed(), tally);
    expect(tally.tried).toBe(RUNS);
  });

  it(`reads or refuses ${RUNS} structurally mutated files (well-formed, wrong content)`, { timeout: Math.max(120_000, RUNS * 40) }, () => {
    fc.assert(
      fc.property(structuralMutation, (bytes) => {
        structural.tried++;
        const started = performance.now();
        const r = answer(bytes);
        if (performance.now() - started > 5000) throw new Error('took more than 5 s');
        if (r.ok) {
          structural.accepted++;
          return;
        }
        structural.refused++;
        if (r.error.code === 'internal') throw new Error(`crashed: ${r.error.message.en}`);
        if (!r.error.field || !r.error.message.nl.trim() || !r.error.message.en.trim()) throw new Error(`refusal without where or message: ${JSON.stringify(r.error)}`);
      }),
      { numRuns: RUNS, seed: fuzzSeed() },
    );
    // the XML-aware mutations must reach the reader, not just the XML parser
    expect(structural.accepted).toBeGreaterThan(RUNS / 10);
  });

  // the fast path's own ground: references, line ends, comments, quotes, spaces and the constructs it hands to saxes, anywhere in the file
  const CONSTRUCTS = ['&amp;', '&lt;', '&#233;', '&#x1F600;', '&#0;', '&bogus;', '&', '\r\n', '\r', '<!-- c -->', '<!-- a -- b -->', '<![CDATA[x & y]]>', ']]>', '<?pi x?>', '<X/>', '</X>', '<X a="1" a="2">', " b='2'", ' c="&amp;"', '< Y>', '\t', ' ', '\u00e9', '\ufeff', '<!DOCTYPE d>', '"', "'", '>', '/'];
  const xmlMutation = fc
    .tuple(fc.constantFrom(...seeds.map((s) => s.toString('utf8'))), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CONSTRUCTS)), { minLength: 1, maxLength: 4 }))
    .map(([seed, inserts]) => Buffer.from(inserts.reduce((text, [at, what]) => text.slice(0, at % (text.length + 1)) + what + text.slice(at % (text.length + 1)), seed)));

  it(`reads ${RUNS} files with XML constructs inserted exactly as saxes alone does`, { timeout: Math.max(120_000, RUNS * 40) }, () => {
    fc.assert(
      fc.property(xmlMutation, (bytes) => {
        const r = answer(bytes);
        if (!r.ok && r.error.code === 'internal') throw new Error(r.error.message.en);
      }),
      { numRuns: RUNS, seed: fuzzSeed() },
    );
  });
});
