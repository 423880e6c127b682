import { StatementReadError, type StatusReport } from '../model';
import { amountAt } from './amounts';
import { dateOf, joinedText, partyOf, refAt } from './fields';
import { child, childrenNamed, type XNode } from './xml';

type Reject = StatusReport['rejects'][number];

/**
 * pain.002 (CstmrPmtStsRpt): the bank refusing debits before settlement. A transaction is a
 * reject when its own status is RJCT, or it states none and its batch (or, failing that, the whole
 * message) is RJCT. A batch refused as a whole without listing its transactions becomes one reject
 * without an end-to-end id, so the batch is not lost. Accepted transactions are not listed.
 */
export function readStatusReport(report: XNode): StatusReport {
  const messageId = refAt(report, 'GrpHdr/MsgId');
  if (messageId === null) throw new StatementReadError('CstmrPmtStsRpt/GrpHdr/MsgId', 'Berichtnummer (MsgId) ontbreekt', 'Message id (MsgId) is missing');
  const group = child(report, 'OrgnlGrpInfAndSts');
  const groupStatus = refAt(group, 'GrpSts');
  const groupReason = reasonOf(group);
  const rejects: Reject[] = [];

  childrenNamed(report, 'OrgnlPmtInfAndSts').forEach((batch, b) => {
    const batchWhere = `OrgnlPmtInfAndSts ${b + 1}`;
    const paymentInfoId = refAt(batch, 'OrgnlPmtInfId');
    const batchStatus = refAt(batch, 'PmtInfSts') ?? groupStatus;
    const batchReason = reasonOf(batch) ?? groupReason;
    const transactions = childrenNamed(batch, 'TxInfAndSts');
    if (transactions.length === 0 && batchStatus === 'RJCT') {
      const total = amountAt(batch, 'OrgnlCtrlSum', batchWhere);
      rejects.push({
        originalPaymentInfoId: paymentInfoId,
        endToEndId: null,
        amount: total?.cents ?? null,
        mandateId: null,
        reasonCode: batchReason?.code ?? null,
        reasonText: batchReason?.text ?? null,
        source: batchWhere,
      });
    }
    transactions.forEach((tx, t) => {
      const where = `${batchWhere}/TxInfAndSts ${t + 1}`;
      if ((refAt(tx, 'TxSts') ?? batchStatus) !== 'RJCT') return;
      const ref = child(tx, 'OrgnlTxRef');
      const reason = reasonOf(tx) ?? batchReason;
      rejects.push({
        originalPaymentInfoId: paymentInfoId,
        endToEndId: refAt(tx, 'OrgnlEndToEndId'),
        amount: ref ? (amountAt(ref, 'Amt/InstdAmt', `${where}/OrgnlTxRef`)?.cents ?? null) : null,
        mandateId: refAt(ref, 'MndtRltdInf/MndtId'),
        reasonCode: reason?.code ?? null,
        reasonText: reason?.text ?? null,
        source: where,
        debtor: partyOf(child(ref, 'Dbtr'), child(ref, 'DbtrAcct'), child(ref, 'DbtrAgt')),
        requestedCollectionDate: dateOf(child(ref, 'ReqdColltnDt'), `${where}/OrgnlTxRef/ReqdColltnDt`),
      });
    });
  });

  return { messageId, originalMessageId: refAt(group, 'OrgnlMsgId'), groupStatus, rejects };
}

/** The first StsRsnInf that gives a code or text. */
function reasonOf(node: XNode | null): { code: string | null; text: string | null } | null {
  for (const info of childrenNamed(node, 'StsRsnInf')) {
    const code = refAt(info, 'Rsn/Cd') ?? refAt(info, 'Rsn/Prtry');
    const text = joinedText(childrenNamed(info, 'AddtlInf'));
    if (code !== null || text !== null) return { code: code?.toUpperCase() ?? null, text };
  }
  return null;
}
