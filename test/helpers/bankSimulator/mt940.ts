import { swiftAmount } from './amounts';
import { balanceOf, flattenEntries, type BankAccountSpec, type BankEntry, type EntryDetail, type StatementSpec, type WrittenFile } from './model';
import { bankReferences } from './references';

/**
 * MT940 as ING writes it ("MT940 structured", ING's format description): :61: with the ISO-like
 * N-codes (NDDT, NRTI, NTRF, NCHG), the customer reference EREF/PREF/NONREF, the bank reference
 * after //, and /TRCD/<code>/; :86: with /EREF/ /PREF/ /RTRN/ /MARF/ /CSID/ /CNTP/ /REMI/ codewords,
 * cut into lines of at most 65 characters, wherever that falls (also inside a codeword).
 */

export interface Mt940Options {
  account: BankAccountSpec;
  statements: StatementSpec[];
  /** wrap each statement in the SWIFT blocks {1:}{2:}{4: ... -} (default false) */
  envelope?: boolean;
  /** false: write NONREF as bank reference (banks that give none) */
  bankReferences?: boolean;
  lineEnding?: '\r\n' | '\n';
  fileName?: string;
}

const LINE = 65;

/** The SWIFT X character set: banks replace what falls outside it; '/' would break the codewords */
export function swiftText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9\-?:().,'+ ]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function yymmdd(date: string): string {
  return date.slice(2).replace(/-/g, '');
}

function wrap86(content: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < content.length; i += LINE) lines.push(content.slice(i, i + LINE));
  lines[0] = `:86:${lines[0] ?? ''}`;
  return lines;
}

function cntp(d: EntryDetail): string {
  const p = d.counterparty;
  return p ? `/CNTP/${p.iban}/${p.bic ?? ''}/${swiftText(p.name)}/` : '';
}

function remi(d: EntryDetail): string {
  if (d.creditorReference) {
    const issuer = /^\d{16}$/.test(d.creditorReference) ? 'CUR' : /^RF\d\d/.test(d.creditorReference) ? 'ISO' : '';
    return `/REMI/STRD/${issuer}/${swiftText(d.creditorReference)}/`;
  }
  return d.remittance ? `/REMI/USTD//${swiftText(d.remittance)}/` : '';
}

function info86(e: BankEntry, creditorId: string | null): string {
  if (e.kind === 'batchCredit' && e.batch) {
    return `/PREF/${e.batch.paymentInfoId}/${creditorId ? `/CSID/${creditorId}/` : ''}/REMI/USTD//TOTAAL ${e.batch.count} POSTEN/`;
  }
  if (e.kind === 'bankCost') return `/REMI/USTD//${swiftText(e.information ?? 'KOSTEN')}/`;
  const d = e.details[0]!;
  const parts: string[] = [];
  if (d.returnReason) parts.push(`/RTRN/${d.returnReason}/`);
  parts.push(`/EREF/${d.endToEndId ?? 'NOTPROVIDED'}/`);
  if (d.mandateId) parts.push(`/MARF/${d.mandateId}/`);
  if (d.creditorId) parts.push(`/CSID/${d.creditorId}/`);
  parts.push(cntp(d), remi(d));
  return parts.filter(Boolean).join('');
}

interface Line61 {
  amount: number;
  swiftType: string;
  customerRef: string;
  bankRef: string;
  ingCode: string;
  valueDate: string;
  bookingDate: string;
  info: string;
}

/** An ING return with charges is two lines: the return, then the charges apart (NCHG). */
function linesOf(e: BankEntry, ref: string, statementDate: string, creditorId: string | null): Line61[] {
  const bookingDate = e.bookingDate ?? statementDate;
  const valueDate = e.valueDate ?? bookingDate;
  const single = e.details.length === 1 ? e.details[0]! : null;
  if (e.kind === 'return' && e.details.length > 1) {
    // ING has no batched return line: each return is its own :61:
    return e.details.flatMap((d, i) => linesOf({ ...e, amount: -(d.amount + (d.charges ?? 0)), details: [d], batch: null }, `${ref.slice(0, 14)}${String(i).padStart(2, '0')}`, statementDate, creditorId));
  }
  const charges = single?.charges ?? 0;
  // ING puts a betalingskenmerk it recognised where the payer's end-to-end id would be
  const customerRef = e.kind === 'batchCredit' ? 'PREF' : single?.endToEndId ? 'EREF' : single?.creditorReference && /^[A-Za-z0-9]{1,16}$/.test(single.creditorReference) ? single.creditorReference : 'NONREF';
  const main: Line61 = { amount: e.amount + charges, swiftType: e.swiftType, customerRef, bankRef: ref, ingCode: e.ingCode, valueDate, bookingDate, info: info86(e, creditorId) };
  if (!charges) return [main];
  return [
    main,
    { amount: -charges, swiftType: 'CHG', customerRef: 'EREF', bankRef: chargesRef(ref), ingCode: '00700', valueDate, bookingDate, info: `/EREF/${single!.endToEndId}//REMI/USTD//KOSTEN TERUGBOEKING ${single!.returnReason ?? ''}/` },
  ];
}

/** Streams the statements into `sink` line by line (the bench writes 100 000 entries); returns what it wrote per statement. */
export function streamMt940(o: Mt940Options, sink: (chunk: string) => void): WrittenFile['statements'] {
  const nl = o.lineEnding ?? '\r\n';
  const currency = o.account.currency ?? 'EUR';
  const bic = (o.account.bic ?? 'INGBNL2A').padEnd(8, 'X').slice(0, 8);
  let buffer: string[] = [];
  const emit = (line: string) => {
    buffer.push(line);
    if (buffer.length >= 4096) flush();
  };
  const flush = () => {
    if (buffer.length) sink(buffer.join(nl) + nl);
    buffer = [];
  };
  const written: WrittenFile['statements'] = [];
  o.statements.forEach((s, index) => {
    const entries = flattenEntries(s.entries);
    const { closing, credits, debits } = balanceOf(s.opening, entries);
    const refs = bankReferences(entries, s.date);
    const creditorId = entries.find((e) => e.details.some((d) => d.creditorId))?.details.find((d) => d.creditorId)?.creditorId ?? null;
    const id = s.id ?? `P${yymmdd(s.date)}${String(s.sequence ?? index + 1).padStart(9, '0')}`;
    if (o.envelope) emit(`{1:F01${bic}XXXX0000000000}{2:I940${bic}XXXXN}{4:`);
    emit(`:20:${id.slice(0, 16)}`);
    emit(`:25:${o.account.iban}${currency}`);
    emit(`:28C:${String(s.sequence ?? index + 1).padStart(5, '0')}`);
    const bal = (tag: string, cents: number) => `${tag}${cents < 0 ? 'D' : 'C'}${yymmdd(s.date)}${currency}${swiftAmount(cents)}`;
    emit(bal(':60F:', s.opening));
    let lineCount = 0;
    let debitLines = 0;
    entries.forEach((e, i) => {
      for (const l of linesOf(e, o.bankReferences === false ? 'NONREF' : refs[i]!, s.date, creditorId)) {
        emit(`:61:${yymmdd(l.valueDate)}${yymmdd(l.bookingDate).slice(2)}${l.amount < 0 ? 'D' : 'C'}${swiftAmount(l.amount)}N${l.swiftType}${l.customerRef}//${l.bankRef}/TRCD/${l.ingCode}/`);
        for (const w of wrap86(l.info)) emit(w);
        lineCount++;
        if (l.amount < 0) debitLines++;
      }
    });
    emit(bal(':62F:', closing));
    emit(bal(':64:', closing));
    emit(`:86:/SUM/${debitLines}/${lineCount - debitLines}/${swiftAmount(debits)}/${swiftAmount(credits)}/`);
    if (o.envelope) emit('-}');
    written.push({ id, date: s.date, opening: s.opening, closing, entries: lineCount, credits, debits });
  });
  flush();
  return written;
}

export function writeMt940(o: Mt940Options): WrittenFile {
  const parts: string[] = [];
  const statements = streamMt940(o, (c) => parts.push(c));
  const last = o.statements.at(-1)?.date ?? '';
  return { fileName: o.fileName ?? `mt940_${o.account.iban}_${last}.940`, text: parts.join(''), statements };
}

/** The reference of a return's charges line: the return's with its last character made 'K' ('L' when it already is one, so the two never share a reference). */
function chargesRef(ref: string): string {
  return `${ref.slice(0, 15)}${ref.endsWith('K') ? 'L' : 'K'}`;
}
