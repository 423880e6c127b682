/**
 * What kind of file an attachment is, from its first bytes. A name ending in .pdf proves nothing
 * (a renamed .exe or .zip would be stored and later opened by the treasurer), so only the content
 * decides; the media type stored is the one found here.
 */
export type AttachmentType = 'application/pdf' | 'image/png' | 'image/jpeg' | 'text/plain' | 'message/rfc822';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
}

/** Header names that open a saved e-mail (RFC 5322); the first line must be one of them. */
const MAIL_HEADER = /^(from|to|subject|date|received|return-path|message-id|mime-version|delivered-to|x-[a-z0-9-]+|reply-to|cc|content-type)\s*:/i;

function utf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // control characters other than tab, line breaks and form feed mean a binary file that happens to decode
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text;
}

export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  const text = utf8Text(bytes);
  if (text === null || text.trim() === '') return null;
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const headerBlock = lines.slice(0, lines.findIndex((l) => l === '') >>> 0);
  const looksLikeMail = MAIL_HEADER.test(lines[0] ?? '') && headerBlock.some((l) => /^(from|subject|date|message-id)\s*:/i.test(l));
  return looksLikeMail ? 'message/rfc822' : 'text/plain';
}
