import { decodeTextPerLine, utf8Body } from '../../imports/decode';
import type { BankFile, EntryDetail, ReturnInfo, StatedBalance, Statement, StatementEntry } from '../model';
import { StatementReadError } from '../model';
import { oneCopy, ownCopy } from '../oneCopy';
import { amountToCents, swiftDate } from './amounts';
import { startsWithCodeword } from './codewords';
import { detectBank, variantName } from './dialect';
import { FieldSplitter, type Envelope, type Field } from './envelope';
import { lineError, short } from './errors';
import { readInfo86, type Info86 } from './info86';
import { parseLine61, type Line61 } from './line61';
import { unwrap } from './unwrap';

/** A year of daily statements of a busy account is a few MB; anything this large is not a statement. */
export const MAX_MT940_BYTES = 100 * 1024 * 1024;

const MAX_LINE = 10_000;

/** Invisible characters banks and editors leave in files (soft hyphen, zero-width space, BOM): never part of a reference or IBAN. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// a search per character finds each in a few milliseconds where one class tried at every position of 25 MB takes 40
const INVISIBLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** The bytes of the characters CONTROL refuses: below 0x20 all but tab, line feed and carriage return, and DEL. */
const CONTROL_BYTES = [...Array.from({ length: 0x20 }, (_, b) => b).filter((b) => b !== 0x09 && b !== 0x0a && b !== 0x0d), 0x7f];

/**
 * Whether the text holds a control character, asked of the bytes where that is the same question:
 * in UTF-8 and Windows-1252 (and a mix of them per line) a byte below 0x80 is always that ASCII
 * character, and a byte search per value takes milliseconds where a character class tried at each
 * of 25 million positions takes 100. UTF-16 text is asked directly.
 */
function hasControl(text: string, bytes: Uint8Array, encoding: string): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return CONTROL.test(text);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return CONTROL_BYTES.some((b) => buffer.includes(b));
}

/**
 * MT940 as Dutch banks write it: ING, Rabobank, ABN AMRO, de Volksbank (SNS, ASN, RegioBank),
 * Triodos, Knab, BNG, bunq. Our own reader rather than a library: on the three samples and the
 * hand-built files of every bank (25-11-2026), mt940js 1.3.5 failed 8 of 17 (ABN AMRO's header
 * lines, Rabobank's :940:, ING's "NOV " type, a {3:} block) with a TypeError, and mt940-js 1.0.0
 * read all 17 but silently: a CR-only Rabobank file gave no entries, Knab's "500" became 0, and
 * both give amounts as floats and know nothing of the Dutch :86: codewords.
 */
export function readMt940(bytes: Uint8Array): BankFile {
  if (bytes.length > MAX_MT940_BYTES) {
    throw new StatementReadError('bestand', `Het bestand is groter dan ${MAX_MT940_BYTES / 1024 / 1024} MB; dat is geen bankafschrift`, `The file is larger than ${MAX_MT940_BYTES / 1024 / 1024} MB; that is not a bank statement`);
  }
  const body = utf8Body(bytes);
  // the common case, a file in UTF-8 with no line too long and no control character, is decoded piece by piece: its text is never held whole
  if (body && !hasControl('', bytes, 'utf-8') && !mayHaveLongLine(Buffer.from(body.buffer, body.byteOffset, body.byteLength))) {
    return readLines(utf8Lines(Buffer.from(body.buffer, body.byteOffset, body.byteLength)), 'utf-8');
  }
  const decoded = decodeTextPerLine(bytes);
  const text = cleaned(decoded.text);
  if (hasControl(text, bytes, decoded.encoding)) {
    // rare: the lines are searched only to name the one that holds the character
    const lines = text.split(LINE_END);
    for (let i = 0; i < lines.length; i++) {
      const bad = CONTROL.exec(lines[i]!);
      if (bad) {
        const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        throw lineError(i + 1, `het stuurteken ${code} hoort niet in een bankafschrift`, `the control character ${code} does not belong in a bank statement`);
      }
    }
  }
  const lines = text.split(LINE_END);
  for (let i = 0; i < lines.length; i++) {
    // SWIFT lines hold 65 characters and no bank writes more than a few hundred; a longer one is not a statement line
    if (lines[i]!.length > MAX_LINE) throw lineError(i + 1, `de regel is ${lines[i]!.length} tekens lang; een MT940-regel heeft er hooguit enkele honderden`, `the line is ${lines[i]!.length} characters long; an MT940 line has a few hundred at most`);
  }
  // files not wholly UTF-8, or with a control character or a line near the limit: their lines are held at once
  return readLines((visit) => lines.forEach((line, i) => visit(line, i + 1)), decoded.encoding);
}

/** Hands each line of the file to `visit` with its number; may be asked twice. */
type Lines = (visit: (line: string, lineNo: number) => void) => void;

function readLines(lines: Lines, encoding: BankFile['encoding']): BankFile {
  let read = readFields(lines, null);
  // the bank and the layout were judged from the file's start; a file whose end says otherwise is read again knowing it
  if (read.dialect !== null && (read.dialect.bank !== read.bank || read.dialect.legacyRabobank !== read.legacyRabobank)) {
    read = readFields(lines, { bank: read.bank, legacyRabobank: read.legacyRabobank });
  }
  return { format: 'mt940', variant: variantName(read.bank, read.structured), encoding, statements: read.statements, statusReport: null };
}

/** Invisible characters out, no-break spaces and tabs to spaces. Copying a 25 MB text costs; most files have nothing to clean. */
function cleaned(text: string): string {
  let t = text;
  if (INVISIBLES.some((c) => t.includes(c))) t = t.replace(INVISIBLE, '');
  if (t.includes('\u00a0') || t.includes('\t')) t = t.replace(/[\u00a0\t]/g, ' ');
  return t;
}

/**
 * Whether a line may have more than MAX_LINE bytes (in UTF-8 a line of that many characters has at
 * least as many). Such a line holds a whole block of half that length without a line end, so only
 * the blocks are searched, a few thousand searches instead of one per line; a line merely near the
 * limit makes this say yes too, and the text is then measured line by line.
 */
function mayHaveLongLine(body: Buffer): boolean {
  const block = MAX_LINE / 2;
  for (let start = 0; start + block <= body.length; start += block) {
    const part = body.subarray(start, start + block);
    if (part.indexOf(0x0a) < 0 && part.indexOf(0x0d) < 0) return true;
  }
  return false;
}

/** About 64 kB of text at a time (small enough to die young), cut after a line feed (so that a CR LF pair and a UTF-8 character stay whole). */
const PIECE = 1 << 16;

function utf8Lines(body: Buffer): Lines {
  return (visit) => {
    let before = 0;
    let start = 0;
    do {
      const cut = start + PIECE >= body.length ? -1 : body.indexOf(0x0a, start + PIECE - 1);
      const end = cut < 0 ? body.length : cut + 1;
      const lines = cleaned(body.toString('utf8', start, end)).split(LINE_END);
      // a piece ends with its line feed: the empty rest after it is the next piece's first line
      const count = end === body.length ? lines.length : lines.length - 1;
      for (let i = 0; i < count; i++) visit(lines[i]!, before + i + 1);
      before += count;
      start = end;
    } while (start < body.length);
  };
}

const LINE_END = /\r\n|\r|\n/;

interface Dialect {
  bank: string;
  legacyRabobank: boolean;
}

/**
 * Reads the fields as they come, statement by statement and entry by entry, so that only the
 * entries are kept. A refusal from a statement waits until the whole file is split: a fault in the
 * file's layout further on, or a file without :20:, is what the treasurer hears first.
 */
function readFields(lines: Lines, known: Dialect | null): { statements: Statement[]; bank: string; legacyRabobank: boolean; structured: boolean; dialect: Dialect | null } {
  const statements: Statement[] = [];
  let first20: Field | null = null;
  let first25: Field | null = null;
  let firstField: Field | null = null;
  let structured = false;
  let reader: StatementReader | null = null;
  let waiting: Field | null = null;
  let refusal: unknown = null;
  let dialect: Dialect | null = known;
  const envelopeSoFar = (): Envelope => ({ fields: [first20, first25].filter((f): f is Field => f !== null), headers: splitter.headers, rabobankHeader: splitter.rabobankHeader });
  const dialectNow = (): Dialect => {
    if (dialect) return dialect;
    const bank = detectBank(envelopeSoFar());
    dialect = { bank, legacyRabobank: bank === 'rabobank' && !structured };
    return dialect;
  };
  const take = (f: Field): void => {
    if (refusal !== null) return;
    try {
      if (f.tag === '20') {
        if (reader) statements.push(reader.finish());
        reader = new StatementReader(f, dialectNow);
      } else if (reader) reader.add(f);
      else throw lineError(f.line, `het afschrift begint met :${f.tag}: in plaats van :20:`, `the statement starts with :${f.tag}: instead of :20:`);
    } catch (e) {
      refusal = e;
    }
  };
  const splitter = new FieldSplitter((f) => {
    firstField ??= f;
    if (f.tag === '20') first20 ??= f;
    else if (f.tag === '25') first25 ??= f;
    else if (f.tag === '86' && !structured && startsWithCodeword(f.lines[0] ?? '')) structured = true;
    // a field is read once the next one starts: only then are its lines all there
    if (waiting) take(waiting);
    waiting = f;
  });
  lines((line, lineNo) => splitter.line(line, lineNo));
  if (!first20) throw new StatementReadError('bestand', 'Dit MT940-bestand bevat geen afschrift (geen veld :20:)', 'This MT940 file holds no statement (no field :20:)');
  if (waiting) take(waiting);
  if (refusal === null && reader) {
    try {
      statements.push((reader as StatementReader).finish());
    } catch (e) {
      refusal = e;
    }
  }
  if (refusal !== null) throw refusal;
  const bank = detectBank(envelopeSoFar());
  return { statements, bank, legacyRabobank: bank === 'rabobank' && !structured, structured, dialect };
}

interface PendingEntry {
  field: Field;
  line61: Line61;
  info: Field[];
}

/** One statement, from its :20: up to the next :20:, read field by field. */
class StatementReader {
  private readonly id: string;
  private account: string | null = null;
  private sequence: string | null = null;
  private opening: (StatedBalance & { currency: string }) | null = null;
  private closing: (StatedBalance & { currency: string }) | null = null;
  // each entry is made as soon as the next :61: begins (entryOf refuses nothing, so no refusal moves):
  // 100 000 pending entries held to the end were the bulk of what the garbage collector had to move
  private readonly entries: StatementEntry[] = [];
  private current: PendingEntry | null = null;
  private readonly statementInfo: string[] = [];
  private last = '20';

  constructor(
    private readonly head: Field,
    private readonly dialect: () => Dialect,
  ) {
    this.id = oneLine(head).trim();
    if (!this.id) throw lineError(head.line, 'het afschriftnummer (:20:) is leeg', 'the statement reference (:20:) is empty');
  }

  private entryOf(p: PendingEntry, currency: string): StatementEntry {
    const { bank, legacyRabobank } = this.dialect();
    return entryOf(p, currency, bank, legacyRabobank);
  }

  add(f: Field): void {
    switch (f.tag) {
      case '25':
        this.account = accountOf(oneLine(f), f.line);
        break;
      case '28':
      case '28C':
        this.sequence = oneLine(f).trim() || null;
        break;
      case '60F':
      case '60M':
        if (this.opening) throw lineError(f.line, 'tweede beginsaldo in één afschrift', 'a second opening balance in one statement');
        this.opening = balance(f, 'beginsaldo', 'opening balance');
        break;
      case '61': {
        if (!this.opening) throw lineError(f.line, 'een boeking (:61:) vóór het beginsaldo (:60F:)', 'an entry (:61:) before the opening balance (:60F:)');
        if (this.closing) throw lineError(f.line, 'een boeking (:61:) na het eindsaldo (:62F:)', 'an entry (:61:) after the closing balance (:62F:)');
        const line61 = parseLine61(f.lines, f.line, this.opening.currency);
        if (this.current) this.entries.push(this.entryOf(this.current, this.opening.currency));
        this.current = { field: f, line61, info: [] };
        break;
      }
      case '86':
        // after a :61: (or a :86: continuing one, Rabobank's legacy layout) it describes that entry; after the balances, the statement
        if ((this.last === '61' || this.last === '86') && this.current && !this.closing) this.current.info.push(f);
        else this.statementInfo.push(unwrap(f.lines));
        break;
      case '62F':
      case '62M':
        if (this.closing) throw lineError(f.line, 'tweede eindsaldo in één afschrift', 'a second closing balance in one statement');
        this.closing = balance(f, 'eindsaldo', 'closing balance');
        break;
      default:
        // :21:, :64:, :65:, :13D:, :34F:, :90C/D: say nothing the books need
        break;
    }
    this.last = f.tag;
  }

  finish(): Statement {
    const { id, head, account } = this;
    if (!account) throw lineError(head.line, `het afschrift ${short(id)} heeft geen rekeningnummer (:25:)`, `statement ${short(id)} has no account (:25:)`);
    if (!this.opening) throw lineError(head.line, `het afschrift ${short(id)} heeft geen beginsaldo (:60F:)`, `statement ${short(id)} has no opening balance (:60F:)`);
    if (!this.closing) throw lineError(head.line, `het afschrift ${short(id)} heeft geen eindsaldo (:62F:)`, `statement ${short(id)} has no closing balance (:62F:)`);
    const o = this.opening;
    const c = this.closing;
    if (c.currency !== o.currency) {
      throw lineError(head.line, `begin- en eindsaldo van ${short(id)} staan in verschillende valuta (${o.currency}, ${c.currency})`, `opening and closing balance of ${short(id)} are in different currencies (${o.currency}, ${c.currency})`);
    }
    if (this.current) this.entries.push(this.entryOf(this.current, o.currency));
    return {
      account,
      currency: o.currency,
      id,
      sequence: this.sequence,
      from: o.date,
      to: c.date,
      opening: { date: o.date, amount: o.amount },
      closing: { date: c.date, amount: c.amount },
      entries: this.entries,
      information: this.statementInfo.join(' ') || null,
    };
  }
}

function oneLine(f: Field): string {
  const extra = f.lines.slice(1).find((l) => l.trim() !== '');
  if (extra !== undefined) {
    throw lineError(f.line + 1, `veld :${f.tag}: heeft maar één regel; hier staat "${short(extra.trim())}"`, `field :${f.tag}: has one line only; found "${short(extra.trim())}"`);
  }
  return f.lines[0] ?? '';
}

/**
 * :25: is the account, often with its currency ("NL69INGB0123456789EUR", "NL34RABO0142623393 EUR")
 * and sometimes behind the bank's BIC ("INGBNL2A/NL..."). An IBAN is kept as an IBAN; an old
 * account number ("517852257", "1291.99.348", "TRIODOSBANK/0390123456") as written.
 */
function accountOf(value: string, line: number): string {
  let v = value.trim().toUpperCase();
  const withCurrency = /^(.*[0-9])\s*([A-Z]{3})$/.exec(v);
  if (withCurrency) v = withCurrency[1]!.trim();
  if (!v) throw lineError(line, 'het rekeningnummer (:25:) is leeg', 'the account (:25:) is empty');
  const iban = /(?:^|\/)([A-Z]{2}\d{2}[A-Z0-9]{10,30})$/.exec(v.replace(/\s+/g, ''));
  return iban ? iban[1]! : v;
}

/** :60F:/:62F: C140219EUR662,23: mark, date, currency, amount. */
function balance(f: Field, nl: string, en: string): StatedBalance & { currency: string } {
  const value = oneLine(f).trim();
  const m = /^([CD])(\d{6})([A-Z]{3})([\d.,]+)$/.exec(value);
  if (!m) {
    throw lineError(f.line, `het ${nl} "${short(value)}" is niet te lezen (verwacht C of D, JJMMDD, valuta, bedrag, zoals C140219EUR662,23)`, `the ${en} "${short(value)}" cannot be read (expected C or D, YYMMDD, currency, amount, like C140219EUR662,23)`);
  }
  const cents = amountToCents(m[4]!, f.line, { nl: `Het ${nl}`, en: `The ${en}` });
  return { date: swiftDate(m[2]!, f.line, { nl: `De datum van het ${nl}`, en: `The date of the ${en}` }), amount: m[1] === 'D' && cents !== 0 ? -cents : cents, currency: m[3]! };
}

const TRCD = /\/TRCD\/([^/\s]+)/;

const MARKERS = new Set(['NONREF', 'EREF', 'PREF', 'MARF', 'NOTPROVIDED', '']);

function entryOf(p: PendingEntry, currency: string, bank: string, legacyRabobank: boolean): StatementEntry {
  const l = p.line61;
  // a :86: of one line is read as a cut from the file's text; copied, the values taken from it do not keep that text alive
  const body = p.info.length === 1 ? (p.info[0]!.lines.length === 1 ? ownCopy(unwrap(p.info[0]!.lines)) : unwrap(p.info[0]!.lines)) : unwrap(p.info.flatMap((f) => f.lines));
  const info: Info86 = readInfo86(body, bank);
  let customerReference: string | null = l.customerReference.trim();
  if (legacyRabobank && l.bankReference === null) {
    // Rabobank's fixed-width layout: 16 characters of counter account, then the counterparty's name
    const accountColumn = l.customerReference.slice(0, 16).trim();
    const nameColumn = l.customerReference.slice(16).trim();
    if (accountColumn && accountColumn !== 'NONREF') info.account ??= accountColumn;
    if (nameColumn) info.name ??= nameColumn;
    customerReference = null;
  }
  if (customerReference !== null && MARKERS.has(customerReference.toUpperCase())) customerReference = null;
  // Rabobank (structured) writes the counter IBAN on the supplementary line
  const suppIban = l.supplementary ? /^([A-Z]{2}\d{2}[A-Z0-9]{10,30})\b/.exec(l.supplementary) : null;
  if (suppIban && !info.iban) info.iban = suppIban[1]!;
  // the code cannot run across the space that joined the two, so each is searched apart, the line first
  const trcd = TRCD.exec(l.rest) ?? (l.supplementary ? TRCD.exec(l.supplementary) : null);
  const detail: EntryDetail = {
    amount: null,
    endToEndId: info.endToEndId,
    paymentInfoId: info.paymentInfoId,
    messageId: null,
    mandateId: info.mandateId,
    creditorId: oneCopy(info.creditorId),
    bankReference: l.bankReference,
    counterparty: counterpartyOf(info),
    remittance: info.remittance,
    creditorReference: info.creditorReference,
    returnInfo: returnInfoOf(info, l.typeCode),
  };
  return {
    amount: l.amount,
    currency,
    bookingDate: l.bookingDate,
    valueDate: l.valueDate,
    bankReference: l.bankReference,
    reversal: l.reversal,
    transactionCode: null,
    proprietaryCode: l.typeCode,
    transactionCount: batchCount(info),
    information: info.information,
    details: [detail],
    source: `regel ${p.field.line}`,
    customerReference,
    proprietarySubCode: trcd ? oneCopy(trcd[1]!) : null,
    supplementaryDetails: l.supplementary,
  };
}

function counterpartyOf(info: Info86): EntryDetail['counterparty'] {
  const party: EntryDetail['counterparty'] = { name: info.name, iban: info.iban, bic: oneCopy(info.bic) };
  // added rather than spread in: a spread in an object literal costs a copy per entry
  if (info.account && !info.iban) party.account = info.account;
  return party;
}

/** ING books a batch (/PREF/) with "TOTAAL 10 POSTEN" or "TOTAAL 1 VZ" as its text: the bank's own count of the transactions in it. */
function batchCount(info: Info86): number | null {
  if (!info.paymentInfoId || !info.remittance) return null;
  const m = /^TOTAAL\s+(\d{1,7})\s+(POSTEN|VZ)\b/i.exec(info.remittance);
  return m ? Number(m[1]) : null;
}

const RETURN_TYPES: Record<string, ReturnInfo['kind']> = { RTRN: 'return', RJCT: 'reject', REFD: 'refund', RFND: 'refund', RVSL: 'reversal' };

/** /RTRN/<code>/, ING's NRTI type, ABN AMRO's /RTYP/: the bank says money came back, with or without a reason. */
function returnInfoOf(info: Info86, typeCode: string): ReturnInfo | null {
  if (!info.returnCode && !info.returnType && typeCode !== 'NRTI') return null;
  const kind = (info.returnType && RETURN_TYPES[info.returnType]) || (info.returnCode === 'MD06' ? 'refund' : 'return');
  return { reasonCode: oneCopy(info.returnCode), reasonText: info.returnText, kind, charges: null };
}
