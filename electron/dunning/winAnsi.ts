import anyAscii from 'any-ascii';

/**
 * The letters use pdfkit's built-in Helvetica (nothing to embed, so a thousand letters stay a few
 * kilobytes each), which only knows Windows-1252. Names in other scripts are transliterated for the
 * print rather than coming out as empty boxes; the QR code and the e-mail keep the original text.
 */
const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code < 0x7f) || code === 0x0a || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.has(ch)) out += ch;
    else if (code === 0x09) out += ' ';
    else out += anyAscii(ch);
  }
  return out;
}
