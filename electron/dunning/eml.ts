import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { validationError } from '../../shared/api/errors';
import { formatIban } from '../../shared/iban';
import type { DunningLetterData } from './letterData';
import { addressLines, chargedVatNote, formatDate, fourteenDayNotice, interestLabel, LABELS, money, needsGreeting, paymentSentence, splitBody } from './letterText';

/**
 * The letter as an e-mail draft (.eml) for a treasurer without a mail server: they open it in
 * Outlook or Thunderbird (X-Unsent: 1 makes it a draft to send), check it and press Send. RFC 5322
 * with MIME: the letter as UTF-8 quoted-printable text and the PDF as a base64 attachment, CRLF
 * line ends, non-ASCII names and subjects as encoded-words.
 */

const CRLF = '\r\n';

/** An address the mail program will accept: the domain in punycode, nothing that could break the header. */
function mailbox(d: DunningLetterData, who: 'organisation' | 'debtor'): string {
  const party = d[who];
  const raw = (party.email ?? '').trim();
  const m = /^([^\s@<>()",;:\\[\]]+)@([^\s@<>()",;:\\[\]]+\.[^\s@<>()",;:\\[\]]+)$/.exec(raw);
  const domain = m ? domainToASCII(m[2]!) : '';
  if (!m || !domain || /[^\x21-\x7e]/.test(m[1]!)) {
    const whose = who === 'organisation' ? { nl: 'van de vereniging', en: "of the club" } : { nl: `van lid ${d.debtor.number}`, en: `of member ${d.debtor.number}` };
    throw validationError(`letters.${d.debtor.number}.${who}.email`, 'email', `E-mailadres ${whose.nl} "${raw}" is geen bruikbaar e-mailadres`, `E-mail address ${whose.en} "${raw}" is not a usable e-mail address`);
  }
  return `${displayName(party.name)} <${m[1]}@${domain}>`;
}

/** A phrase as is, quoted when it holds specials, or as UTF-8 encoded-words (RFC 2047) when it is not ASCII. */
export function displayName(name: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (/^[\x20-\x7e]*$/.test(clean)) return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\- ]*$/.test(clean) ? clean : `"${clean.replace(/(["\\])/g, '\\$1')}"`;
  return encodedWords(clean);
}

/** =?UTF-8?B?...?= words of at most 75 characters, split between characters (never inside one), folded. */
export function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 36 bytes of UTF-8 make 48 base64 characters: with "=?UTF-8?B?" and "?=" a word is 60, so one
    // still fits on the header's first line after "Subject: "
    if (Buffer.byteLength(chunk + ch) > 36) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

/** Folds a header before a space wherever a line would pass 78 characters (RFC 5322 2.2.3). */
export function foldHeader(header: string): string {
  return header
    .split(CRLF)
    .map((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > 78) {
        const at = rest.lastIndexOf(' ', 78);
        if (at <= 0) break;
        out.push(rest.slice(0, at));
        rest = rest.slice(at);
      }
      return [...out, rest].join(CRLF);
    })
    .join(CRLF);
}

function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : encodedWords(text);
}

/** Quoted-printable (RFC 2045 6.7) of UTF-8 text; lines at most 76 characters, CRLF line ends. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const chars = [...line];
    let current = '';
    chars.forEach((ch, i) => {
      const code = ch.codePointAt(0)!;
      const last = i === chars.length - 1;
      // a space or tab at the end of a line would be stripped in transit, so it is encoded there
      const literal = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && !last);
      // a character's bytes stay on one line, so no soft break falls inside a UTF-8 sequence
      const token = literal ? ch : [...Buffer.from(ch, 'utf8')].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
      if (current.length + token.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += token;
    });
    out.push(current);
  }
  return out.join(CRLF);
}

function base64Lines(data: Buffer): string {
  return (data.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** The letter as plain text: what the PDF says, in the same words. */
export function letterPlainText(d: DunningLetterData): string {
  const L = LABELS[d.language];
  const lang = d.language;
  const out: string[] = [];
  const { opening, closing } = splitBody(d.body);
  if (needsGreeting(d.body)) out.push(L.greeting(d.debtor.name), '');
  for (const p of opening) out.push(p, '');
  if (d.items.length) {
    out.push(`${L.openItems}:`);
    for (const i of d.items) {
      const paid = i.paid ? `, ${L.columns[5]!.toLowerCase()} ${money(i.paid, lang)}` : '';
      out.push(`- ${i.document} ${i.description} (${formatDate(i.itemDate)}, ${L.columns[3]!.toLowerCase()} ${formatDate(i.dueDate)}): ${money(i.amount, lang)}${paid}, ${L.columns[6]!.toLowerCase()} ${money(i.open, lang)}`);
    }
    out.push('');
  }
  for (const f of d.fees) out.push(`${f.description}: ${money(f.amount, lang)}`);
  const c = d.collectionCosts;
  if (c?.charged) {
    out.push(`${L.costs}: ${money(c.amount, lang)}`);
    if (c.vat > 0) out.push(`${L.costsVat}: ${money(c.vat, lang)}`);
  }
  if (d.interest) out.push(`${interestLabel(d)}: ${money(d.interest, lang)}`);
  out.push(`${L.total}: ${money(d.total, lang)}`, '');
  for (const note of [fourteenDayNotice(d), chargedVatNote(d)]) if (note) out.push(note, '');
  out.push(paymentSentence(d).replace(/ [^.]*QR[^.]*\.$/, ''), '');
  out.push(`${L.iban}: ${formatIban(d.organisation.iban)}`, `${L.beneficiary}: ${d.organisation.name}`, `${L.amount}: ${money(d.total, lang)}`, `${L.reference}: ${d.paymentReference}`, '');
  out.push(d.language === 'nl' ? 'De brief met de QR-code om te betalen zit als PDF in de bijlage.' : 'The letter, with a QR code to pay, is attached as a PDF.', '');
  if (closing.length) for (const p of closing) out.push(p, '');
  else out.push(L.closing, '', d.organisation.name, L.treasurer, '');
  out.push(addressLines(d.organisation, lang).join(', '));
  return out.join('\n');
}

export function emlSubject(d: DunningLetterData): string {
  return d.language === 'nl' ? `${d.levelName} van ${d.organisation.name} (lidnummer ${d.debtor.number})` : `${d.levelName} from ${d.organisation.name} (member number ${d.debtor.number})`;
}

/** RFC 5322 date of the letter's day at 09:00 local time, so the draft is dated like the letter. */
function mailDate(date: string): string {
  const at = new Date(`${date}T09:00:00`);
  const offset = -at.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][at.getDay()]!;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][at.getMonth()]!;
  return `${day}, ${at.getDate()} ${month} ${at.getFullYear()} 09:00:00 ${zone}`;
}

/** Whether a letter also becomes an e-mail draft: the member has an address and so has the club to send from. */
export const wantsEml = (d: DunningLetterData) => !!(d.debtor.email?.trim() && d.organisation.email?.trim());

/** Refuses an address no mail program would take, before any file is made. */
export function checkEmlAddresses(d: DunningLetterData): void {
  mailbox(d, 'organisation');
  mailbox(d, 'debtor');
}

/** The .eml draft of a letter, for a member with an e-mail address; the club's address is the sender. */
export function letterEml(d: DunningLetterData, attachment: { fileName: string; pdf: Buffer }): string {
  const boundary = `=_penning_${randomBytes(12).toString('hex')}`;
  const name = attachment.fileName.replace(/["\\\r\n]/g, '_');
  const headers = [
    `From: ${mailbox(d, 'organisation')}`,
    `To: ${mailbox(d, 'debtor')}`,
    `Subject: ${headerText(emlSubject(d))}`,
    `Date: ${mailDate(d.date)}`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  return [
    ...headers.map(foldHeader),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    quotedPrintable(letterPlainText(d)),
    `--${boundary}`,
    `Content-Type: application/pdf; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(attachment.pdf),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
