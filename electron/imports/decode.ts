/**
 * What people export is not always UTF-8: Excel's "Unicode-tekst" is UTF-16 with a byte order
 * mark, older Excel on Windows writes Windows-1252, and copy-paste leaves invisible characters
 * in cells. This turns a file's bytes into text before any CSV tokenizing, and cleans or judges
 * each field after it; every reader (members now, bank statements later) goes through it.
 */
import { isUtf8 } from 'node:buffer';
import { visibleText } from '../../shared/visibleText';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  return decodeUnicode(bytes) ?? { text: windows1252(withoutUtf8Bom(bytes)), encoding: 'windows-1252' };
}

/** The text when the bytes are UTF-8 or UTF-16; null when they are neither (Windows-1252 then). */
function decodeUnicode(b: Uint8Array): { text: string; encoding: Encoding } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return isUtf8(b.subarray(3)) ? { text: utf8(b.subarray(3)), encoding: 'utf-8' } : null;
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(b);
  if (utf16) return { text: new TextDecoder(utf16).decode(b), encoding: utf16 };
  return isUtf8(b) ? { text: utf8(b), encoding: 'utf-8' } : null;
}

/**
 * The bytes decodeText would read as UTF-8 as a whole (byte order marks dropped as it drops them),
 * or null when it would read them otherwise: for a reader that decodes a large file piece by piece
 * instead of holding all of its text at once.
 */
export function utf8Body(b: Uint8Array): Uint8Array | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return isUtf8(b.subarray(3)) ? withoutUtf8Bom(b.subarray(3)) : null;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || utf16WithoutBom(b)) return null;
  return isUtf8(b) ? b : null;
}

const withoutUtf8Bom = (b: Uint8Array): Uint8Array => (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b);

/**
 * Bytes already known to be valid UTF-8, as TextDecoder gives them (one leading byte order mark
 * dropped), but through Buffer: several times faster on a bank file of 25 MB, and no exception
 * per line to find out which lines are not UTF-8.
 */
function utf8(valid: Uint8Array): string {
  const b = withoutUtf8Bom(valid);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
}

/**
 * Bank files are glued together from several systems: a UTF-8 name in one line, a Windows-1252
 * "é" in the next, and no declaration anywhere. Decoding the whole file as Windows-1252 because
 * one line is not UTF-8 would garble every UTF-8 line, so such a file is decoded line by line.
 */
export function decodeTextPerLine(bytes: Uint8Array): { text: string; encoding: Encoding | 'mixed' } {
  const whole = decodeUnicode(bytes);
  if (whole) return whole;
  const body = withoutUtf8Bom(bytes);
  // Windows-1252 is one character per byte, so the text's line ends are the bytes' line ends: the
  // file is decoded at once, and only the lines with a character from 0x80 on (the only ones that
  // can read otherwise as UTF-8) are looked at again. A bank file is mostly ASCII lines.
  const text = windows1252(body);
  const parts: string[] = [];
  let copied = 0;
  const high = /[\x80-\uffff]/g;
  for (let m = high.exec(text); m; m = high.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    let end = text.indexOf('\n', m.index);
    if (end < 0) end = text.length;
    const line = body.subarray(start, end);
    if (isUtf8(line)) {
      parts.push(text.slice(copied, start), utf8(line));
      copied = end;
    }
    high.lastIndex = end;
  }
  if (parts.length === 0) return { text, encoding: 'windows-1252' };
  parts.push(text.slice(copied));
  return { text: parts.join(''), encoding: 'mixed' };
}

/** 0x80-0x9F of Windows-1252 (€, curly quotes, dashes, ...); the rest is Latin-1. 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Bytes that are not UTF-8, in the single-byte encoding a file declares (bank XML says
 * ISO-8859-15 when it means the euro sign at 0xA4). ISO-8859-1 and anything unknown are read as
 * Windows-1252, its superset for every printable character.
 */
export function decodeSingleByte(bytes: Uint8Array, encoding: 'windows-1252' | 'iso-8859-15'): string {
  return encoding === 'iso-8859-15' ? new TextDecoder('iso-8859-15').decode(bytes) : windows1252(bytes);
}

/**
 * Node's TextDecoder decodes "windows-1252" as Latin-1 (0x80 becomes U+0080, not €), so the
 * sixteen bytes that differ are mapped here.
 */
function windows1252(bytes: Uint8Array): string {
  // Latin-1 but for 0x80-0x9F: Buffer decodes Latin-1 at memory speed, and those few are replaced after
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return C1.test(latin1) ? latin1.replace(C1_ALL, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : latin1;
}

const C1 = /[\x80-\x9f]/;
const C1_ALL = /[\x80-\x9f]/g;

/**
 * A member list is mostly Latin text, so UTF-16 without a byte order mark shows as a zero byte in
 * (nearly) every other position; plain text files never look like that.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** A cell as the treasurer meant it (see visibleText): a hidden character never makes a second member. */
export const cleanField = visibleText;

/**
 * The first control character in a field (NUL, ESC, DEL, the C1 range, ...), written as U+XXXX,
 * or null. Tabs and line breaks are not counted: they are white space a quoted cell may hold.
 */
export function controlCharacter(value: string): string | null {
  const m = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(value);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** A header cell: cleaned, and its control characters dropped (a header names a column, nothing is imported from it). */
export function cleanHeader(value: string): string {
  return cleanField(value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
}
