import { formatDate } from '../../../shared/dates';
import { euro } from '../euro';
import { reasonLabel } from '../../../shared/returnReasons';
import type { Ctx } from '../../context';
import { accountForRole } from '../../ledger/chart';
import { type PostingLine } from '../../ledger/post';
import { postInTurn } from '../../ledger/gatheredEntry';
import { journalOfKind } from '../../collections/numbering';
import { stmt } from '../../preparedStatements';
import { type EntryToMatch, explainUnmatched, type NewAllocation, recordMatch } from '../entryRecord';
import type { EntryDetail } from '../model';
import { applyStornoPolicy } from '../stornoPolicy';
import { confirmIfComplete } from './batchCredit';
import { openDebitsOf } from './openDebits';
import { portionsOf, reopenPortions } from './reopenPortions';
import { flushWritesTouching } from '../writeBehind';

interface TxRow {
  id: number;
  batchId: number;
  reference: string;
  debtorId: number;
  debtorName: string;
  mandateId: number | null;
  amount: number;
  discount: number;
  returned: number;
}


function isReturnLike(m: EntryToMatch): boolean {
  const e = m.entry;
  if (m.preSettlement) return true;
  return e.amount < 0 && e.details.some((d) => d.endToEndId);
}

/**
 * R-transactions by end-to-end id: each returned or refused debit reopens exactly the items it
 * took, reverses its collection booking and its collection discount (a pain.002 reject before
 * settlement touches only Incasso onderweg, a return after settlement the bank), records the
 * reason in plain Dutch in each item's history, counts the refusal per debtor and mandate and
 * applies the storno policy. Charges the bank took go to Bankkosten.
 */
export function matchReturns(ctx: Ctx, m: EntryToMatch): boolean {
  if (!isReturnLike(m)) return false;
  const e = m.entry;
  const txOf = stmt(
    ctx.db,
    `SELECT t.id, t.batch_id AS batchId, b.reference, t.debtor_id AS debtorId, d.name AS debtorName, t.mandate_id AS mandateId, t.amount, t.discount,
            EXISTS (SELECT 1 FROM collection_returns r WHERE r.transaction_id = t.id) AS returned
       FROM batch_transactions t JOIN batches b ON b.id = t.batch_id JOIN debtors d ON d.id = t.debtor_id
      WHERE t.end_to_end_id = ? AND b.kind = 'collection' AND b.status <> 'cancelled'`,
  );
  const details = e.details.filter((d) => d.endToEndId);
  const found = details.map((d) => ({ d, tx: txOf.get(d.endToEndId) as TxRow | undefined }));
  const unknown = found.find((f) => !f.tx);
  if (unknown) {
    // a return of a debit Penning did not make (another program, a typo in the id): said, not guessed
    const ret = unknown.d.returnInfo;
    if (!ret) return false;
    const label = reasonLabel(ret.reasonCode);
    explainUnmatched(ctx, m.id, {
      nl: `Terugboeking (${label.nl}${ret.reasonCode ? `, ${ret.reasonCode}` : ''}) van een incasso die Penning niet kent (end-to-end-id ${unknown.d.endToEndId}); verwerk met de hand`,
      en: `Return (${label.en}${ret.reasonCode ? `, ${ret.reasonCode}` : ''}) of a debit Penning does not know (end-to-end id ${unknown.d.endToEndId}); handle by hand`,
    });
    return true;
  }
  const already = found.filter((f) => f.tx!.returned === 1);
  if (already.length > 0) {
    explainUnmatched(ctx, m.id, {
      nl: `Incasso ${already[0]!.d.endToEndId} is al eerder teruggeboekt; deze regel is niet automatisch verwerkt`,
      en: `Debit ${already[0]!.d.endToEndId} was already returned before; this entry was not processed automatically`,
    });
    return true;
  }
  const txs = found.map((f) => ({ d: f.d, tx: f.tx! }));
  const sumTx = txs.reduce((s, x) => s + x.tx.amount, 0);
  const charges = m.preSettlement ? 0 : -e.amount - sumTx;
  if (charges < 0) {
    explainUnmatched(ctx, m.id, {
      nl: `Terugboeking van ${euro(-e.amount)} is minder dan de ${euro(sumTx)} die werd geïncasseerd; controleer en verwerk met de hand`,
      en: `Return of ${euro(-e.amount, 'en')} is less than the ${euro(sumTx, 'en')} collected; check and handle by hand`,
    });
    return true;
  }

  const receivables = accountForRole(ctx, 'receivables');
  const against = m.preSettlement ? accountForRole(ctx, 'collectionInTransit') : m.bankLedgerAccountId;
  const lines: PostingLine[] = [];
  const perDebtor = new Map<number, number>();
  let discount = 0;
  for (const { tx } of txs) {
    perDebtor.set(tx.debtorId, (perDebtor.get(tx.debtorId) ?? 0) + tx.amount + tx.discount);
    discount += tx.discount;
  }
  const refs = [...new Set(txs.map((x) => x.tx.reference))].join(', ');
  const what = m.preSettlement ? 'Geweigerde incasso' : 'Teruggeboekte incasso';
  for (const [debtorId, gross] of perDebtor) if (gross !== 0) lines.push(gross > 0 ? { accountId: receivables, debtorId, debit: gross, credit: 0, description: `${what} ${refs}` } : { accountId: receivables, debtorId, debit: 0, credit: -gross, description: `${what} ${refs}` });
  if (charges > 0) lines.push({ accountId: accountForRole(ctx, 'bankCosts'), debit: charges, credit: 0, description: `Kosten terugboeking ${refs}` });
  lines.push({ accountId: against, debit: 0, credit: sumTx + charges, description: `${what} ${refs}` });
  if (discount > 0) lines.push({ accountId: accountForRole(ctx, 'collectionDiscount'), debit: 0, credit: discount, description: `Incassokorting terug ${refs}` });
  const portions = new Map(txs.map(({ tx }) => [tx.id, portionsOf(ctx, tx.id)]));
  // the import may hold back the credit of this very debit (its items settled): written first
  flushWritesTouching(ctx, { itemIds: [...portions.values()].flat().map((p) => p.itemId) });
  const entryId = postInTurn(ctx, {
    journalCode: journalOfKind(ctx, m.preSettlement ? 'collection' : 'bank'),
    date: e.bookingDate,
    description: `${what} ${refs}`.slice(0, 140),
    sourceType: 'statement_entry',
    sourceId: String(m.id),
    lines,
  });

  const allocations: NewAllocation[] = [];
  const texts: { nl: string[]; en: string[] } = { nl: [], en: [] };
  for (const { d, tx } of txs) {
    const r = reopenTransaction(ctx, m, d, tx, portions.get(tx.id)!, entryId);
    allocations.push({ kind: 'transaction', amount: m.preSettlement ? 0 : -tx.amount, batchId: tx.batchId, transactionId: tx.id });
    texts.nl.push(`${tx.debtorName}: ${r.label.nl} (${r.code}); ${r.outcome.nl}`);
    texts.en.push(`${tx.debtorName}: ${r.label.en} (${r.code}); ${r.outcome.en}`);
    if (m.preSettlement) confirmIfComplete(ctx, tx.batchId, e.bookingDate);
  }
  if (charges > 0) allocations.push({ kind: 'charges', amount: -charges, accountId: accountForRole(ctx, 'bankCosts') });
  const n = txs.length;
  const chargesText = charges > 0 ? { nl: `; kosten ${euro(charges)} naar Bankkosten`, en: `; charges ${euro(charges, 'en')} to bank costs` } : { nl: '', en: '' };
  recordMatch(
    ctx,
    m.id,
    'return',
    {
      nl: `${m.preSettlement ? (n === 1 ? 'Geweigerde incasso' : `${n} geweigerde incasso\u2019s`) : n === 1 ? 'Teruggeboekte incasso' : `${n} teruggeboekte incasso\u2019s`} uit ${refs}, gevonden op end-to-end-id — ${texts.nl.join(' · ')}${chargesText.nl}`,
      en: `${m.preSettlement ? (n === 1 ? 'Rejected debit' : `${n} rejected debits`) : n === 1 ? 'Returned debit' : `${n} returned debits`} of ${refs}, found by end-to-end id — ${texts.en.join(' · ')}${chargesText.en}`,
    },
    entryId,
    allocations,
  );
  return true;
}

function reopenTransaction(ctx: Ctx, m: EntryToMatch, d: EntryDetail, tx: TxRow, portions: { itemId: number; amount: number }[], entryId: number) {
  const code = d.returnInfo?.reasonCode ?? null;
  const label = reasonLabel(code);
  const kind = d.returnInfo?.kind ?? (m.preSettlement ? 'reject' : 'return');
  const date = m.entry.bookingDate;
  const outcome = applyStornoPolicy(ctx, { debtorId: tx.debtorId, mandateId: tx.mandateId, reasonCode: code, date, itemIds: portions.map((p) => p.itemId), reference: tx.reference, kind });
  const history = `Incasso ${tx.reference} ${m.preSettlement ? 'geweigerd' : 'teruggeboekt'} op ${formatDate(date)}: ${label.nl}${code ? ` (${code})` : ''}${d.returnInfo?.reasonText ? ` — ${d.returnInfo.reasonText}` : ''}. ${outcome.outcome.nl}`;
  // an item that moved on meanwhile (merged, split) gets the returned amount as an item of its own
  reopenPortions(ctx, tx, portions, ['in_collection', 'settled'], { kind: 'returned', text: history, reason: code, entryId, date }, { document: `STORNO-${tx.reference}`, description: `Teruggeboekte incasso ${tx.reference}` });
  stmt(
    ctx.db,
    `INSERT INTO collection_returns (statement_entry_id, transaction_id, debtor_id, mandate_id, date, amount, kind, reason_code, reason_text, action, outcome_nl, outcome_en, b2b_refund, charges, journal_entry_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
  ).run(m.id, tx.id, tx.debtorId, tx.mandateId, date, tx.amount, m.preSettlement ? 'reject' : kind, code, d.returnInfo?.reasonText ?? null, outcome.action, outcome.outcome.nl, outcome.outcome.en, outcome.b2bRefund ? 1 : 0, entryId);
  // a reject closes the debit without an allocation of its own amount
  if (m.preSettlement || kind === 'reject') openDebitsOf(ctx)?.closed(tx.batchId, tx.id);
  return { code: code ?? '?', label, outcome: outcome.outcome };
}
