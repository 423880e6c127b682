import { validationError } from '../../shared/api/errors';
import { formatDate } from '../../shared/dates';
import { formatEuro } from '../../shared/money';
import type { Ctx } from '../context';
import { recordEvent } from '../items/openItems';
import { splitItem } from '../items/operations';
import { accountForRole } from '../ledger/chart';
import { postEntry, type PostingLine } from '../ledger/post';
import { stmt } from '../preparedStatements';
import { debtorAddressReader } from '../debtors/address';
import { type FileSink, finishBatch, insertBatch } from './batchRecord';
import { endToEndId, journalOfKind } from './numbering';
import { groupBy } from '../../shared/grouping';
import { type CollectionPlan, type CollectionRequest, type PlannedDebit, planCollection } from './plan';
import { requirePrenotificationConfirmed } from './prenotification';

/**
 * Saves a collection run as one unit: items above the maximum split, the batch and its debits
 * recorded, receivables booked to Incasso onderweg (and the discount to its account), items marked
 * in collection, mandates marked used, and the files written through `sink`. The caller holds the
 * transaction, so file and booking succeed together or not at all.
 */
export function saveCollection(ctx: Ctx, req: CollectionRequest, sink?: FileSink): { batchId: number; plan: CollectionPlan } {
  const plan = planCollection(ctx, req);
  if (plan.debits.length === 0) {
    throw validationError('items', 'empty', 'Er valt niets te incasseren; de lijst "niet voorgesteld" zegt waarom', 'There is nothing to collect; the "not proposed" list says why');
  }
  requirePrenotificationConfirmed(
    plan.debits.flatMap((d) => d.portions.flatMap((p) => (p.notice ? [{ document: p.document, debtorNumber: d.debtorNumber, date: d.date, notice: p.notice }] : []))),
    req.confirmPrenotification === true,
  );
  splitItemsAboveMaximum(ctx, plan.debits);
  const controlSum = plan.debits.reduce((s, d) => s + d.amount, 0);
  const discountTotal = plan.debits.reduce((s, d) => s + d.discount, 0);
  const { batchId, reference, idKey } = insertBatch(ctx, {
    kind: 'collection', bankAccountId: plan.bankAccount.id, scheme: plan.scheme, requestedDate: plan.collectionDate, painVersion: plan.bankAccount.pain008Version,
    header: plan.header, transactionCount: plan.debits.length, controlSum, discountTotal, fileCount: plan.fileCount,
  });

  const perDebtor = new Map<number, number>();
  for (const d of plan.debits) perDebtor.set(d.debtorId, (perDebtor.get(d.debtorId) ?? 0) + d.gross);
  const receivables = accountForRole(ctx, 'receivables');
  const lines: PostingLine[] = [{ accountId: accountForRole(ctx, 'collectionInTransit'), debit: controlSum, credit: 0, description: `Incasso ${reference}` }];
  if (discountTotal > 0) lines.push({ accountId: accountForRole(ctx, 'collectionDiscount'), debit: discountTotal, credit: 0, description: `Incassokorting ${reference}` });
  for (const [debtorId, gross] of perDebtor) lines.push({ accountId: receivables, debtorId, debit: 0, credit: gross, description: `Incasso ${reference}` });
  const entryId = postEntry(ctx, { journalCode: journalOfKind(ctx, 'collection'), date: ctx.today(), description: `Incasso ${reference}`, sourceType: 'batch', sourceId: String(batchId), lines });

  const insertTx = stmt(
    ctx.db,
    `INSERT INTO batch_transactions (batch_id, file_no, end_to_end_id, debtor_id, mandate_id, mandate_reference, mandate_signed_on, sequence_type, date, amount, discount,
       name, iban, bic, remittance, original_mandate_reference, original_iban, smnda, previous_last_collected_on, previous_amendment_pending,
       original_creditor_id, address_country, address_lines)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPortion = stmt(ctx.db, 'INSERT INTO batch_transaction_items (transaction_id, item_id, amount, discount, announced_date) VALUES (?, ?, ?, ?, ?)');
  const markItem = stmt(ctx.db, "UPDATE open_items SET state = 'in_collection', balance = 0, batch_transaction_id = ?, closed_on = ? WHERE id = ? AND state = 'open' AND balance = ?");
  // reported now: the originals are what this batch carries, not something to report again
  const useMandate = stmt(ctx.db, 'UPDATE mandates SET last_collected_on = ?, amendment_pending = 0, original_reference = NULL, original_iban = NULL WHERE id = ?');
  const addressOf = debtorAddressReader(ctx);
  plan.debits.forEach((d, i) => {
    ctx.progress('collection.debits', i, plan.debits.length);
    const address = addressOf(d.debtorId, d.iban);
    const txId = Number(
      insertTx.run(batchId, d.fileNo, endToEndId(reference, idKey, i + 1), d.debtorId, d.mandateId, d.mandateReference, d.signedOn, d.sequenceType, d.date, d.amount, d.discount,
        d.name, d.iban, d.bic, d.remittance, d.originalMandateReference, d.originalIban, d.smnda ? 1 : 0, d.previousLastCollectedOn, d.previousAmendmentPending ? 1 : 0,
        d.originalCreditorId, address?.country ?? null, address ? address.lines.join('\n') : null).lastInsertRowid,
    );
    for (const p of d.portions) {
      insertPortion.run(txId, p.itemId, p.amount, p.discount, p.notice?.noticeFrom ?? null);
      recordEvent(ctx, p.itemId, 'collection', `In incasso ${reference}, incassodatum ${formatDate(d.date)}${p.discount ? `, korting ${formatEuro(p.discount)}` : ''}`, { balanceAfter: 0 });
      if (markItem.run(txId, ctx.today(), p.itemId, p.amount).changes !== 1) throw new Error(`item ${p.itemId} changed while the collection was being saved`);
    }
    useMandate.run(d.date, d.mandateId);
  });
  ctx.progress('collection.debits', plan.debits.length, plan.debits.length);

  finishBatch(ctx, batchId, entryId, sink);
  return { batchId, plan };
}

/**
 * Items above the per-transaction maximum become parts, each due on the date its debit is
 * collected (equal parts are spread over business days); the debits then take the parts.
 */
function splitItemsAboveMaximum(ctx: Ctx, debits: PlannedDebit[]): void {
  const partsByItem = groupBy(debits.flatMap((d) => d.portions.filter((p) => p.part).map((p) => ({ p, date: d.date }))), (x) => x.p.itemId);
  const dueDate = stmt(ctx.db, 'SELECT due_date AS dueDate FROM open_items WHERE id = ?');
  for (const [itemId, parts] of partsByItem) {
    parts.sort((a, b) => a.p.part!.index - b.p.part!.index);
    const due = (dueDate.get(itemId) as { dueDate: string }).dueDate;
    const ids = splitItem(ctx, { itemId, parts: parts.map(({ p, date }) => ({ amount: p.amount, dueDate: date > due ? date : due })), arrangement: false, reason: 'Boven het incassomaximum per transactie' });
    parts.forEach(({ p }, i) => (p.itemId = ids[i]!));
  }
}
