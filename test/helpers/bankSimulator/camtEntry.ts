import { isoAmount } from './amounts';
import type { BankEntry, Counterparty, EntryDetail } from './model';
import { clip, leaf, path, type Xml } from './xml';

/**
 * One camt Ntry (ReportEntry2, shared by camt.053.001.02 and camt.054.001.02), elements in schema
 * order. The booked amount is the entry's; each TxDtls states its instructed amount and, for a
 * return with charges, the charges apart.
 */

export interface EntryContext {
  currency: string;
  /** the statement's date: the booking date of entries that name none */
  date: string;
  /** AcctSvcrRef of this entry, or null to leave it out */
  bankReference: string | null;
  /** our side: the club (creditor of its direct debits, debtor of its refunds) */
  owner: { name: string; iban: string };
}

function amount(x: Xml, name: string, cents: number, currency: string): void {
  leaf(x, name, isoAmount(cents), { Ccy: currency });
}

function dateChoice(x: Xml, name: string, date: string): void {
  path(x, [name, 'Dt'], date);
}

function transactionCode(x: Xml, e: BankEntry): void {
  x.ele('BkTxCd');
  x.ele('Domn');
  leaf(x, 'Cd', e.transactionCode[0]);
  x.ele('Fmly');
  leaf(x, 'Cd', e.transactionCode[1]);
  leaf(x, 'SubFmlyCd', e.transactionCode[2]);
  x.up().up();
  x.ele('Prtry');
  leaf(x, 'Cd', e.ingCode);
  leaf(x, 'Issr', 'INGGroup');
  x.up();
  x.up();
}

function party(x: Xml, role: 'Dbtr' | 'Cdtr', p: { name: string; iban: string; bic?: string | null }, schemeId?: string | null): void {
  x.ele(role);
  leaf(x, 'Nm', clip(p.name, 70));
  if (schemeId) {
    x.ele('Id').ele('PrvtId').ele('Othr');
    leaf(x, 'Id', schemeId);
    path(x, ['SchmeNm', 'Prtry'], 'SEPA');
    x.up().up().up();
  }
  x.up();
  if (p.iban) path(x, [`${role}Acct`, 'Id', 'IBAN'], p.iban);
}

function remittance(x: Xml, d: EntryDetail): void {
  if (!d.remittance && !d.creditorReference) return;
  x.ele('RmtInf');
  if (d.remittance) leaf(x, 'Ustrd', clip(d.remittance, 140));
  if (d.creditorReference) {
    x.ele('Strd').ele('CdtrRefInf').ele('Tp');
    path(x, ['CdOrPrtry', 'Cd'], 'SCOR');
    // a Dutch betalingskenmerk (16 digits, Currence) or an ISO 11649 RF reference names its issuer
    if (/^\d{16}$/.test(d.creditorReference)) leaf(x, 'Issr', 'CUR');
    else if (/^RF\d\d/.test(d.creditorReference)) leaf(x, 'Issr', 'ISO');
    x.up();
    leaf(x, 'Ref', clip(d.creditorReference, 35));
    x.up().up();
  }
  x.up();
}

function detail(x: Xml, e: BankEntry, d: EntryDetail, c: EntryContext): void {
  const credit = e.amount > 0;
  const isDebitOfOurs = e.kind === 'batchCredit' || e.kind === 'debitCredit' || e.kind === 'return';
  x.ele('TxDtls');
  x.ele('Refs');
  if (d.messageId) leaf(x, 'MsgId', d.messageId);
  if (d.bankReference) leaf(x, 'AcctSvcrRef', d.bankReference);
  if (d.paymentInfoId) leaf(x, 'PmtInfId', clip(d.paymentInfoId, 35));
  leaf(x, 'EndToEndId', d.endToEndId ?? 'NOTPROVIDED');
  if (d.mandateId) leaf(x, 'MndtId', d.mandateId);
  x.up();
  x.ele('AmtDtls');
  x.ele('InstdAmt');
  amount(x, 'Amt', d.amount, c.currency);
  x.up();
  x.ele('TxAmt');
  amount(x, 'Amt', d.amount, c.currency);
  x.up();
  x.up();
  if (d.charges) {
    x.ele('Chrgs');
    amount(x, 'Amt', d.charges, c.currency);
    leaf(x, 'CdtDbtInd', 'DBIT');
    x.up();
  }
  const cp: Counterparty | null | undefined = d.counterparty;
  x.ele('RltdPties');
  if (isDebitOfOurs) {
    if (cp) party(x, 'Dbtr', cp);
    party(x, 'Cdtr', c.owner, d.creditorId);
  } else if (credit && e.kind !== 'refundReturned') {
    if (cp) party(x, 'Dbtr', cp);
  } else {
    party(x, 'Dbtr', c.owner);
    if (cp) party(x, 'Cdtr', cp);
  }
  x.up();
  if (cp?.bic) {
    x.ele('RltdAgts');
    path(x, [isDebitOfOurs || (credit && e.kind !== 'refundReturned') ? 'DbtrAgt' : 'CdtrAgt', 'FinInstnId', 'BIC'], cp.bic);
    x.up();
  }
  remittance(x, d);
  if (d.returnReason) {
    x.ele('RtrInf');
    path(x, ['Rsn', 'Cd'], d.returnReason);
    if (d.returnText) leaf(x, 'AddtlInf', clip(d.returnText, 105));
    x.up();
  }
  if (d.sequenceType) leaf(x, 'AddtlTxInf', `/SQTP/${d.sequenceType}${d.mandateSignedOn ? `/DTOFSGNT/${d.mandateSignedOn}` : ''}`);
  x.up();
}

export function writeEntry(x: Xml, e: BankEntry, c: EntryContext): void {
  const booking = e.bookingDate ?? c.date;
  x.ele('Ntry');
  amount(x, 'Amt', Math.abs(e.amount), c.currency);
  leaf(x, 'CdtDbtInd', e.amount > 0 ? 'CRDT' : 'DBIT');
  if (e.reversal) leaf(x, 'RvslInd', 'true');
  leaf(x, 'Sts', 'BOOK');
  dateChoice(x, 'BookgDt', booking);
  dateChoice(x, 'ValDt', e.valueDate ?? booking);
  if (c.bankReference) leaf(x, 'AcctSvcrRef', c.bankReference);
  transactionCode(x, e);
  // charges are stated once, in the TxDtls they belong to, so nobody books them twice
  if (e.batch || (e.showDetails && e.details.length)) {
    x.ele('NtryDtls');
    if (e.batch) {
      x.ele('Btch');
      if (e.batch.messageId) leaf(x, 'MsgId', e.batch.messageId);
      leaf(x, 'PmtInfId', clip(e.batch.paymentInfoId, 35));
      leaf(x, 'NbOfTxs', e.batch.count);
      amount(x, 'TtlAmt', e.batch.total, c.currency);
      leaf(x, 'CdtDbtInd', e.amount > 0 ? 'CRDT' : 'DBIT');
      x.up();
    }
    if (e.showDetails) for (const d of e.details) detail(x, e, d, c);
    x.up();
  }
  if (e.information) leaf(x, 'AddtlNtryInf', clip(e.information, 500));
  x.up();
}

