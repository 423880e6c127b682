import { validationError } from '../../shared/api/errors';
import { isBusinessDay, nextBusinessDay } from '../../shared/businessDays';
import { addDays, formatDate } from '../../shared/dates';
import { toSepaText } from '../../shared/sepaText';
import type { Ctx } from '../context';
import { recordEvent } from '../items/openItems';
import { accountForRole } from '../ledger/chart';
import { postEntry } from '../ledger/post';
import { getSettings } from '../settings/settings';
import { stmt } from '../preparedStatements';
import { endToEndId, journalOfKind } from '../collections/numbering';
import { batchHeader, type FileSink, finishBatch, insertBatch } from '../collections/batchRecord';
import { collectionBankAccount } from '../collections/plan';

export interface RefundCandidate {
  debtorId: number;
  debtorNumber: string;
  debtorName: string;
  iban: string | null;
  /** what the club owes the member, positive cents */
  credit: number;
  items: number;
}

interface CandidateRow extends RefundCandidate {
  holder: string | null;
  bic: string | null;
}

/**
 * Items a refund may settle: open and not blocked, and not a credit note on an invoice that is
 * still in a collection the bank has not confirmed — if that debit bounces the member owes the
 * invoice again, and the credit is what is then netted against it, not money already paid out.
 */
const REFUNDABLE = `i.state = 'open' AND i.blocked = 0
        AND NOT EXISTS (SELECT 1 FROM invoices cn JOIN open_items inv ON inv.invoice_id = cn.credits_invoice_id
                         WHERE cn.id = i.invoice_id AND inv.state = 'in_collection')`;

function candidateRows(ctx: Ctx): CandidateRow[] {
  return stmt(
    ctx.db,
    `SELECT d.id AS debtorId, d.number AS debtorNumber, d.name AS debtorName, d.account_holder AS holder, d.iban, d.bic, -SUM(i.balance) AS credit, COUNT(*) AS items
       FROM open_items i JOIN debtors d ON d.id = i.debtor_id
      WHERE ${REFUNDABLE}
      GROUP BY d.id HAVING SUM(i.balance) < 0
      ORDER BY CAST(d.number AS INTEGER), d.number`,
  ).all() as CandidateRow[];
}

/** Members with a credit balance (a double payment, a credit note): what a refund run can pay back. */
export function refundCandidates(ctx: Ctx): RefundCandidate[] {
  return candidateRows(ctx).map(({ holder: _h, bic: _b, ...c }) => c);
}

/**
 * Saves a refund run (pain.001): the credit balance of each chosen member is booked Debiteuren ->
 * Terug te betalen, their open items are settled by it, and the file is written — all in the
 * caller's transaction, as a collection.
 */
export function saveRefund(ctx: Ctx, input: { bankAccountId?: number; executionDate?: string; debtorIds: number[] }, sink?: FileSink): number {
  const settings = getSettings(ctx);
  const bank = collectionBankAccount(ctx, input.bankAccountId, 'refunds');
  const executionDate = input.executionDate ?? nextBusinessDay(addDays(ctx.today(), 1));
  if (executionDate < ctx.today()) throw validationError('executionDate', 'past', `Uitvoerdatum ${formatDate(executionDate)} ligt in het verleden`, `Execution date ${formatDate(executionDate)} is in the past`);
  if (!isBusinessDay(executionDate)) throw validationError('executionDate', 'business_day', `Uitvoerdatum ${formatDate(executionDate)} is geen bankwerkdag`, `Execution date ${formatDate(executionDate)} is not a bank business day`);
  if (input.debtorIds.length === 0) throw validationError('debtorIds', 'min', 'Kies minstens één debiteur om terug te betalen', 'Choose at least one debtor to refund');
  const twice = input.debtorIds.findIndex((id, i) => input.debtorIds.indexOf(id) !== i);
  if (twice >= 0) {
    throw validationError(`debtorIds.${twice}`, 'unique', `Debiteur ${input.debtorIds[twice]} staat twee keer in de terugbetaling; elk lid wordt één keer terugbetaald`, `Debtor ${input.debtorIds[twice]} is in the refund twice; each member is paid back once`);
  }
  const byId = new Map(candidateRows(ctx).map((c) => [c.debtorId, c]));
  const chosen = input.debtorIds.map((id, i) => {
    const c = byId.get(id);
    if (!c) throw validationError(`debtorIds.${i}`, 'no_credit', `Debiteur ${id} heeft geen tegoed om terug te betalen`, `Debtor ${id} has no credit balance to refund`);
    if (!c.iban) throw validationError(`debtorIds.${i}`, 'missing_iban', `${c.debtorName} (${c.debtorNumber}) heeft geen IBAN`, `${c.debtorName} (${c.debtorNumber}) has no IBAN`);
    return c;
  });

  const total = chosen.reduce((s, c) => s + c.credit, 0);
  const { batchId, reference, idKey } = insertBatch(ctx, {
    kind: 'refund', bankAccountId: bank.id, scheme: null, requestedDate: executionDate, painVersion: bank.pain001Version,
    header: batchHeader(settings, bank), transactionCount: chosen.length, controlSum: total, discountTotal: 0, fileCount: 1,
  });
  const receivables = accountForRole(ctx, 'receivables');
  const entryId = postEntry(ctx, {
    journalCode: journalOfKind(ctx, 'memorial'),
    date: ctx.today(),
    description: `Terugbetaling ${reference}`,
    sourceType: 'batch',
    sourceId: String(batchId),
    lines: [
      ...chosen.map((c) => ({ accountId: receivables, debtorId: c.debtorId, debit: c.credit, credit: 0, description: `Terugbetaling ${reference}` })),
      { accountId: accountForRole(ctx, 'refundsPayable'), debit: 0, credit: total, description: `Terugbetaling ${reference}` },
    ],
  });

  const insertTx = stmt(
    ctx.db,
    `INSERT INTO batch_transactions (batch_id, file_no, end_to_end_id, debtor_id, date, amount, name, iban, bic, remittance) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const items = stmt(ctx.db, `SELECT i.id, i.balance FROM open_items i WHERE i.debtor_id = ? AND ${REFUNDABLE} ORDER BY i.id`);
  const insertPortion = stmt(ctx.db, 'INSERT INTO batch_transaction_items (transaction_id, item_id, amount) VALUES (?, ?, ?)');
  const settle = stmt(ctx.db, "UPDATE open_items SET state = 'refunded', balance = 0, batch_transaction_id = ?, closed_on = ? WHERE id = ? AND state = 'open'");
  chosen.forEach((c, i) => {
    const remittance = toSepaText(`Terugbetaling tegoed ${settings.organisation.name} lid ${c.debtorNumber}`, 140);
    const txId = Number(insertTx.run(batchId, endToEndId(reference, idKey, i + 1), c.debtorId, executionDate, c.credit, toSepaText(c.holder ?? c.debtorName, 70), c.iban, c.bic, remittance).lastInsertRowid);
    for (const item of items.all(c.debtorId) as { id: number; balance: number }[]) {
      insertPortion.run(txId, item.id, item.balance);
      recordEvent(ctx, item.id, 'refund', `Verrekend in terugbetaling ${reference}, uitvoerdatum ${formatDate(executionDate)}`, { entryId, balanceAfter: 0 });
      settle.run(txId, ctx.today(), item.id);
    }
  });
  finishBatch(ctx, batchId, entryId, sink);
  return batchId;
}
