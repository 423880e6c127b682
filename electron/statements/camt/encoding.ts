import { decodeSingleByte, decodeText } from '../../imports/decode';

export interface DecodedXml {
  text: string;
  /** how the bytes were read: utf-8, utf-16le/be, windows-1252 or iso-8859-15 */
  encoding: string;
  /** what the XML declaration claims, lower case; null when it says nothing */
  declared: string | null;
}

/**
 * The XML declaration's encoding is often wrong: banks' export tools write encoding="UTF-8" over
 * Windows-1252 bytes, and "ISO-8859-1" over UTF-8. The bytes decide: valid UTF-8 (with or without
 * BOM) is UTF-8 whatever is declared, since Latin text in a single-byte encoding is practically
 * never valid UTF-8; otherwise the declared single-byte encoding, and Windows-1252 when the
 * declaration names none (or wrongly names UTF-8).
 */
export function decodeXmlBytes(bytes: Uint8Array): DecodedXml {
  const declared = declaredEncoding(bytes);
  const first = decodeText(bytes);
  if (first.encoding !== 'windows-1252') return { text: stripBom(first.text), encoding: first.encoding, declared };
  if (!declared || !/^(iso[-_]?8859-15|latin-?9|l9)$/.test(declared)) return { text: first.text, encoding: 'windows-1252', declared };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return { text: decodeSingleByte(body, 'iso-8859-15'), encoding: 'iso-8859-15', declared };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The encoding pseudo-attribute of the XML declaration, read from the first bytes as ASCII. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 256))
    .toString('latin1')
    .replace(/\u0000/g, '');
  const m = /^\s*(?:\u00ef\u00bb\u00bf|\u00fe\u00ff|\u00ff\u00fe)?\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}
