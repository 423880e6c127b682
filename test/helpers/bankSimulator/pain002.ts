import { isoAmount } from './amounts';
import type { BatchTransaction, SavedBatch } from './savedBatch';
import { isoDocumentString, leaf, path } from './xml';
import type { Xml } from './xml';

/**
 * pain.002.001.03 CstmrPmtStsRpt (EPC SEPA subset): the creditor bank's report of debits rejected
 * before settlement. The SEPA schema knows only RJCT as status; a report about some debits of a
 * batch gives no group status and rejects transaction by transaction.
 */

export interface Reject {
  tx: BatchTransaction;
  /** ISO status reason: AC01, AC04, AM04, MD01, MS02, MS03, ... */
  reason: string;
  /** the reason as a name (Orgtr/Nm) instead of the bank's BIC */
  originator?: string;
}

export interface Pain002Options {
  /** BIC of the bank that reports (Orgtr and CdtrAgt) */
  bankBic?: string;
  messageId?: string;
  createdAt?: string;
  fileName?: string;
}

function originalTransaction(x: Xml, t: BatchTransaction, batch: SavedBatch): void {
  x.ele('OrgnlTxRef');
  x.ele('Amt');
  leaf(x, 'InstdAmt', isoAmount(t.amount), { Ccy: 'EUR' });
  x.up();
  leaf(x, 'ReqdColltnDt', t.date);
  if (t.creditorId) {
    x.ele('CdtrSchmeId').ele('Id').ele('PrvtId').ele('Othr');
    leaf(x, 'Id', t.creditorId);
    path(x, ['SchmeNm', 'Prtry'], 'SEPA');
    x.up().up().up().up();
  }
  x.ele('PmtTpInf');
  path(x, ['SvcLvl', 'Cd'], 'SEPA');
  if (t.scheme) path(x, ['LclInstrm', 'Cd'], t.scheme);
  if (t.sequenceType) leaf(x, 'SeqTp', t.sequenceType);
  x.up();
  if (t.mandateId) {
    x.ele('MndtRltdInf');
    leaf(x, 'MndtId', t.mandateId);
    if (t.mandateSignedOn) leaf(x, 'DtOfSgntr', t.mandateSignedOn);
    x.up();
  }
  if (t.remittance) path(x, ['RmtInf', 'Ustrd'], t.remittance.slice(0, 140));
  path(x, ['Dbtr', 'Nm'], t.name.slice(0, 70));
  path(x, ['DbtrAcct', 'Id', 'IBAN'], t.iban);
  x.ele('DbtrAgt').ele('FinInstnId');
  if (t.bic) leaf(x, 'BIC', t.bic);
  else path(x, ['Othr', 'Id'], 'NOTPROVIDED');
  x.up().up();
  path(x, ['Cdtr', 'Nm'], batch.accountHolder.slice(0, 70));
  path(x, ['CdtrAcct', 'Id', 'IBAN'], batch.account);
  x.up();
}

export function writePain002(batch: SavedBatch, rejects: Reject[], o: Pain002Options = {}) {
  if (batch.kind !== 'collection') throw new Error(`bank simulator: ${batch.reference} is not a collection batch`);
  if (rejects.length === 0) throw new Error('bank simulator: a status report needs at least one reject');
  const bic = o.bankBic ?? 'INGBNL2A';
  const file = batch.files.find((f) => f.transactions.some((t) => t.endToEndId === rejects[0]!.tx.endToEndId))!;
  const inFile = rejects.filter((r) => file.transactions.some((t) => t.endToEndId === r.tx.endToEndId));
  if (inFile.length !== rejects.length) throw new Error('bank simulator: one status report answers one pain.008 file; split the rejects per file');
  const created = o.createdAt ?? `${file.groups[0]!.date}T07:00:00`;
  const messageId = o.messageId ?? `STS${file.messageId}`.slice(0, 35).replace(/[^A-Za-z0-9+?/\-:().,' ]/g, '');
  const fileTotal = file.groups.reduce((s, g) => s + g.total, 0);
  const xml = isoDocumentString('pain.002.001.03', (x) => {
    x.ele('CstmrPmtStsRpt');
    x.ele('GrpHdr');
    leaf(x, 'MsgId', messageId);
    leaf(x, 'CreDtTm', created);
    path(x, ['CdtrAgt', 'FinInstnId', 'BIC'], bic);
    x.up();
    x.ele('OrgnlGrpInfAndSts');
    leaf(x, 'OrgnlMsgId', file.messageId);
    leaf(x, 'OrgnlMsgNmId', file.messageName);
    leaf(x, 'OrgnlNbOfTxs', file.transactions.length);
    leaf(x, 'OrgnlCtrlSum', isoAmount(fileTotal));
    if (rejects.length === file.transactions.length) leaf(x, 'GrpSts', 'RJCT');
    x.up();
    for (const g of file.groups) {
      const mine = rejects.filter((r) => r.tx.paymentInfoId === g.paymentInfoId);
      if (mine.length === 0) continue;
      x.ele('OrgnlPmtInfAndSts');
      leaf(x, 'OrgnlPmtInfId', g.paymentInfoId);
      leaf(x, 'OrgnlNbOfTxs', g.count);
      leaf(x, 'OrgnlCtrlSum', isoAmount(g.total));
      if (mine.length === g.count) leaf(x, 'PmtInfSts', 'RJCT');
      mine.forEach((r, i) => {
        x.ele('TxInfAndSts');
        leaf(x, 'StsId', `RJ${String(i + 1).padStart(6, '0')}${g.date.replace(/-/g, '')}`);
        leaf(x, 'OrgnlEndToEndId', r.tx.endToEndId);
        leaf(x, 'TxSts', 'RJCT');
        x.ele('StsRsnInf');
        if (r.originator) path(x, ['Orgtr', 'Nm'], r.originator);
        else path(x, ['Orgtr', 'Id', 'OrgId', 'BICOrBEI'], bic);
        path(x, ['Rsn', 'Cd'], r.reason);
        x.up();
        originalTransaction(x, r.tx, batch);
        x.up();
      });
      x.up();
    }
    x.up();
  });
  return { fileName: o.fileName ?? `pain002_${file.messageId}.xml`, xml, rejects: rejects.length };
}
