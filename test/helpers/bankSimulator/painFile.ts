import { XMLParser } from 'fast-xml-parser';

/**
 * Reads back what we sent the bank (pain.008 collection, pain.001 refund) the way the bank does:
 * from the file alone. The simulator books what the file says, not what the ledger believes.
 */

export interface SentTransaction {
  endToEndId: string;
  amount: number;
  messageId: string;
  paymentInfoId: string;
  date: string;
  sequenceType: string | null;
  scheme: string | null;
  mandateId: string | null;
  mandateSignedOn: string | null;
  name: string;
  iban: string;
  bic: string | null;
  remittance: string | null;
}

export interface SentGroup {
  paymentInfoId: string;
  date: string;
  sequenceType: string | null;
  scheme: string | null;
  batchBooking: boolean;
  count: number;
  total: number;
}

export interface SentFile {
  kind: 'collection' | 'refund';
  messageId: string;
  /** the pain message name, e.g. "pain.008.001.02" */
  messageName: string;
  creditorId: string | null;
  account: string;
  accountHolder: string;
  groups: SentGroup[];
  transactions: SentTransaction[];
}

type Node = Record<string, unknown>;

function list(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as Node[];
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  const n = v as Node;
  if (typeof n['#text'] === 'string') return n['#text'];
  return null;
}

function at(node: unknown, ...path: string[]): unknown {
  let cur: unknown = node;
  for (const p of path) {
    if (cur === undefined || cur === null) return undefined;
    cur = Array.isArray(cur) ? (cur[0] as Node)?.[p] : (cur as Node)[p];
  }
  return cur;
}

/** "150.00" -> 15000, exactly, without floating point */
export function decimalToCents(value: string): number {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) throw new Error(`bank simulator: cannot read amount "${value}"`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

function agentBic(agent: unknown): string | null {
  return text(at(agent, 'FinInstnId', 'BIC')) ?? text(at(agent, 'FinInstnId', 'BICFI'));
}

export function readSentFile(xml: string): SentFile {
  // every value as text: amounts are read as decimals by decimalToCents, never as floats
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, processEntities: true }).parse(xml) as Node;
  const root = doc['Document'] as Node;
  const ns = String(root['@xmlns'] ?? '');
  const messageName = /xsd:(pain\.\d{3}\.\d{3}\.\d{2})/.exec(ns)?.[1] ?? 'unknown';
  const dd = root['CstmrDrctDbtInitn'] as Node | undefined;
  const ct = root['CstmrCdtTrfInitn'] as Node | undefined;
  const body = (dd ?? ct) as Node;
  if (!body) throw new Error('bank simulator: not a pain.008 or pain.001 file');
  const messageId = text(at(body, 'GrpHdr', 'MsgId'))!;
  const groups: SentGroup[] = [];
  const transactions: SentTransaction[] = [];
  let creditorId: string | null = null;
  let account = '';
  let accountHolder = '';
  for (const pmt of list(body['PmtInf'])) {
    const paymentInfoId = text(pmt['PmtInfId'])!;
    const date = dd ? text(pmt['ReqdColltnDt'])! : (text(at(pmt, 'ReqdExctnDt', 'Dt')) ?? text(pmt['ReqdExctnDt']))!;
    const sequenceType = text(at(pmt, 'PmtTpInf', 'SeqTp'));
    const scheme = text(at(pmt, 'PmtTpInf', 'LclInstrm', 'Cd'));
    creditorId ??= text(at(pmt, 'CdtrSchmeId', 'Id', 'PrvtId', 'Othr', 'Id'));
    account = text(at(pmt, dd ? 'CdtrAcct' : 'DbtrAcct', 'Id', 'IBAN')) ?? account;
    accountHolder = text(at(pmt, dd ? 'Cdtr' : 'Dbtr', 'Nm')) ?? accountHolder;
    let total = 0;
    const txs = list(pmt[dd ? 'DrctDbtTxInf' : 'CdtTrfTxInf']);
    for (const tx of txs) {
      const amount = decimalToCents(text(dd ? tx['InstdAmt'] : at(tx, 'Amt', 'InstdAmt'))!);
      total += amount;
      const party = dd ? 'Dbtr' : 'Cdtr';
      transactions.push({
        endToEndId: text(at(tx, 'PmtId', 'EndToEndId'))!,
        amount,
        messageId,
        paymentInfoId,
        date,
        sequenceType,
        scheme,
        mandateId: dd ? text(at(tx, 'DrctDbtTx', 'MndtRltdInf', 'MndtId')) : null,
        mandateSignedOn: dd ? text(at(tx, 'DrctDbtTx', 'MndtRltdInf', 'DtOfSgntr')) : null,
        name: text(at(tx, party, 'Nm')) ?? '',
        iban: text(at(tx, `${party}Acct`, 'Id', 'IBAN')) ?? '',
        bic: agentBic(tx[`${party}Agt`]),
        remittance: list(at(tx, 'RmtInf', 'Ustrd')).map((u) => text(u)).filter(Boolean).join(' ') || null,
      });
    }
    groups.push({ paymentInfoId, date, sequenceType, scheme, batchBooking: text(pmt['BtchBookg']) !== 'false', count: txs.length, total });
  }
  return { kind: dd ? 'collection' : 'refund', messageId, messageName, creditorId, account, accountHolder, groups, transactions };
}
