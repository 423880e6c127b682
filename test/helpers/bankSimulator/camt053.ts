import { isoAmount } from './amounts';
import { writeEntry } from './camtEntry';
import { bankReferences } from './references';
import { balanceOf, flattenEntries, type BankAccountSpec, type BankEntry, type StatementSpec, type WrittenFile } from './model';
import { isoDocument, leaf, path, type Xml } from './xml';

/** camt.053.001.02 BkToCstmrStmt, one Stmt per statement, balances OPBD/CLBD that add up. */

export interface Camt053Options {
  account: BankAccountSpec;
  statements: StatementSpec[];
  messageId?: string;
  /** GrpHdr/CreDtTm; default the last statement's date at 06:00 */
  createdAt?: string;
  /** false: leave AcctSvcrRef out of every entry (banks that give none) */
  bankReferences?: boolean;
  pretty?: boolean;
  fileName?: string;
}

interface Prepared {
  id: string;
  date: string;
  sequence: number;
  opening: number;
  entries: BankEntry[];
  closing: number;
  credits: number;
  debits: number;
}

export function prepareStatements(account: BankAccountSpec, statements: StatementSpec[]): Prepared[] {
  return statements.map((s, i) => {
    const entries = flattenEntries(s.entries);
    const b = balanceOf(s.opening, entries);
    return { id: s.id ?? `${account.iban.slice(-10)}-${s.date.replace(/-/g, '')}`, date: s.date, sequence: s.sequence ?? i + 1, opening: s.opening, entries, ...b };
  });
}

function balance(x: Xml, code: string, cents: number, date: string, currency: string): void {
  x.ele('Bal');
  x.ele('Tp');
  path(x, ['CdOrPrtry', 'Cd'], code);
  x.up();
  leaf(x, 'Amt', isoAmount(cents), { Ccy: currency });
  leaf(x, 'CdtDbtInd', cents < 0 ? 'DBIT' : 'CRDT');
  path(x, ['Dt', 'Dt'], date);
  x.up();
}

export function writeAccount(x: Xml, account: BankAccountSpec): void {
  x.ele('Acct');
  path(x, ['Id', 'IBAN'], account.iban);
  leaf(x, 'Ccy', account.currency ?? 'EUR');
  if (account.ownerName) path(x, ['Ownr', 'Nm'], account.ownerName);
  if (account.bic) path(x, ['Svcr', 'FinInstnId', 'BIC'], account.bic);
  x.up();
}

export function writeSummary(x: Xml, entries: BankEntry[], credits: number, debits: number): void {
  const nCredits = entries.filter((e) => e.amount > 0).length;
  x.ele('TxsSummry');
  x.ele('TtlNtries');
  leaf(x, 'NbOfNtries', entries.length);
  leaf(x, 'Sum', isoAmount(credits + debits));
  leaf(x, 'TtlNetNtryAmt', isoAmount(credits - debits));
  leaf(x, 'CdtDbtInd', credits - debits < 0 ? 'DBIT' : 'CRDT');
  x.up();
  x.ele('TtlCdtNtries');
  leaf(x, 'NbOfNtries', nCredits);
  leaf(x, 'Sum', isoAmount(credits));
  x.up();
  x.ele('TtlDbtNtries');
  leaf(x, 'NbOfNtries', entries.length - nCredits);
  leaf(x, 'Sum', isoAmount(debits));
  x.up();
  x.up();
}

/** Streams the file into `sink`; returns what it wrote per statement. */
export function streamCamt053(o: Camt053Options, sink: (chunk: string) => void): WrittenFile['statements'] {
  const currency = o.account.currency ?? 'EUR';
  const prepared = prepareStatements(o.account, o.statements);
  const last = prepared.at(-1)?.date ?? '2000-01-01';
  const created = o.createdAt ?? `${last}T06:00:00`;
  const owner = { name: o.account.ownerName ?? '', iban: o.account.iban };
  isoDocument(
    'camt.053.001.02',
    sink,
    (x) => {
      x.ele('BkToCstmrStmt');
      x.ele('GrpHdr');
      leaf(x, 'MsgId', o.messageId ?? `STMT${last.replace(/-/g, '')}${o.account.iban.slice(-8)}`);
      leaf(x, 'CreDtTm', created);
      x.ele('MsgPgntn');
      leaf(x, 'PgNb', '1');
      leaf(x, 'LastPgInd', 'true');
      x.up();
      x.up();
      for (const s of prepared) {
        x.ele('Stmt');
        leaf(x, 'Id', s.id);
        leaf(x, 'ElctrncSeqNb', s.sequence);
        leaf(x, 'CreDtTm', created);
        x.ele('FrToDt');
        leaf(x, 'FrDtTm', `${s.date}T00:00:00`);
        leaf(x, 'ToDtTm', `${s.date}T23:59:59`);
        x.up();
        writeAccount(x, o.account);
        balance(x, 'OPBD', s.opening, s.date, currency);
        balance(x, 'CLBD', s.closing, s.date, currency);
        writeSummary(x, s.entries, s.credits, s.debits);
        const refs = bankReferences(s.entries, s.date);
        s.entries.forEach((e, i) => writeEntry(x, e, { currency, date: s.date, owner, bankReference: o.bankReferences === false ? null : refs[i]! }));
        x.up();
      }
      x.up();
    },
    o.pretty ?? true,
  );
  return prepared.map((s) => ({ id: s.id, date: s.date, opening: s.opening, closing: s.closing, entries: s.entries.length, credits: s.credits, debits: s.debits }));
}

export function writeCamt053(o: Camt053Options): WrittenFile {
  const parts: string[] = [];
  const statements = streamCamt053(o, (c) => parts.push(c));
  const last = statements.at(-1)?.date ?? '';
  return { fileName: o.fileName ?? `camt053_${o.account.iban}_${last}.xml`, xml: parts.join(''), statements };
}
