import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeTextPerLine } from '../../electron/imports/decode';

/**
 * decodeText and decodeTextPerLine check UTF-8 with isUtf8 and decode it with Buffer (a bank file
 * of 25 MB, and an exception per non-UTF-8 line, made TextDecoder the slowest part of reading an
 * MT940). They must give what TextDecoder gives, byte order marks included: this is the reference.
 */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const cp1252 = (b: Uint8Array) => Array.from(b, (x) => (x >= 0x80 && x <= 0x9f ? CP1252[x - 0x80]! : String.fromCharCode(x))).join('');
const bom = (b: Uint8Array) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

function referencePerLine(bytes: Uint8Array): { text: string; encoding: string } {
  const whole = decodeText(bytes);
  if (whole.encoding !== 'windows-1252') return whole;
  const body = bom(bytes) ? bytes.subarray(3) : bytes;
  const strict = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let sawUtf8 = false;
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf(0x0a, start);
    if (end < 0) end = body.length;
    const line = body.subarray(start, end);
    try {
      parts.push(strict.decode(line));
      if (line.some((b) => b >= 0x80)) sawUtf8 = true;
    } catch {
      parts.push(cp1252(line));
    }
    start = end + 1;
  }
  return { text: parts.join('\n'), encoding: sawUtf8 ? 'mixed' : 'windows-1252' };
}

function referenceWhole(bytes: Uint8Array): { text: string; encoding: string } {
  const body = bom(bytes) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: cp1252(body), encoding: 'windows-1252' };
  }
}

const PIECES = ['abc', 'Çelik', '\xe9', '\r\n', '\n', '\ufeff', 'é', '€', '😀'];
/**
 * Written as Latin-1, Buffer keeps the low byte of each character (the mark and the euro sign give
 * 0xFF and 0xAC, bytes worth having here); the emoji's second half gave a zero byte, which made a
 * file UTF-16 (CI on 266eece, seed 991373594), so only that piece is left out.
 */
const LATIN1_PIECES = PIECES.filter((p) => !Buffer.from(p, 'latin1').includes(0));
const bytesArb = fc.array(
  fc.oneof(
    fc.constantFrom(...PIECES).map((p) => Buffer.from(p, 'utf8')),
    fc.constantFrom(...LATIN1_PIECES).map((p) => Buffer.from(p, 'latin1')),
    fc.constantFrom(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0x80, 0x9f]), Buffer.from([0xc3]), Buffer.from([0xed, 0xa0, 0x80])),
  ),
  { maxLength: 30 },
).map((parts) => new Uint8Array(Buffer.concat(parts)));

describe('decoding text files as TextDecoder does, faster', () => {
  it('UTF-8 and Windows-1252 per file, with one or two byte order marks', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        // UTF-16 is told from zero bytes, which these never have
        expect(bytes.includes(0)).toBe(false);
        expect(decodeText(bytes)).toEqual(referenceWhole(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('per line: UTF-8 lines stay UTF-8 among Windows-1252 ones, a mark at a line start goes as TextDecoder drops it', () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        expect(decodeTextPerLine(bytes)).toEqual(referencePerLine(bytes));
      }),
      { numRuns: 2000 },
    );
    const mixed = Buffer.concat([Buffer.from('\ufeffNaam: Zoë\n', 'utf8'), Buffer.from('Naam: Zoë\n', 'latin1'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('€\n', 'utf8')]);
    expect(decodeTextPerLine(mixed)).toEqual({ text: 'Naam: Zoë\nNaam: Zoë\n€\n', encoding: 'mixed' });
  });
});
