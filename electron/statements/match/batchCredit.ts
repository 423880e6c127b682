import { addDays, formatDate } from '../../../shared/dates';
import { euro } from '../euro';
import type { Ctx } from '../../context';
import { itemEventRow } from '../../items/openItems';
import { accountForRole } from '../../ledger/chart';
import { gatherLines, gathering } from '../../ledger/gatheredEntry';
import { postEntry } from '../../ledger/post';
import { journalOfKind } from '../../collections/numbering';
import { fixedLookup } from '../../fixedLookups';
import { stmt } from '../../preparedStatements';
import { type EntryToMatch, type NewAllocation, recordMatch } from '../entryRecord';
import { type BatchScope, countInScope, scopeOfId, transactionsInScope } from './batchIds';
import { OPEN_TX, openDebitsOf } from './openDebits';
import { buffered, flushWrites } from '../writeBehind';
import { ItemUpdates } from './itemUpdates';

function openTransactions(ctx: Ctx, batchId: number, ids: number[]): { id: number; amount: number; batchId: number }[] {
  const debits = openDebitsOf(ctx);
  if (debits) return debits.openOf(batchId, ids);
  const q = stmt(ctx.db, `SELECT t.id, t.amount, t.batch_id AS batchId FROM batch_transactions t WHERE t.id = ? AND ${OPEN_TX}`);
  return ids.flatMap((id) => (q.get(id) as { id: number; amount: number; batchId: number } | undefined) ?? []);
}


/**
 * Our own collection coming back: the credit of a batch, found by the PmtInfId/MsgId the bank
 * reports, else by the end-to-end ids of its details (the bank books per debit), else by amount =
 * a saved batch's open total near its collection date. Booked Bank / Incasso onderweg; the debits'
 * items are paid; the batch is confirmed when every debit is credited or refused.
 */
export function matchBatchCredit(ctx: Ctx, m: EntryToMatch): boolean {
  const e = m.entry;
  if (e.amount <= 0 || e.reversal || m.preSettlement) return false;
  let found: { scope: BatchScope | null; batchId: number; reference: string; txIds: number[]; how: { nl: string; en: string } } | null = null;

  // (the explanation does not repeat the id: the entry shows its end-to-end ids, and a statement
  // of 80 000 credits stored each twice more)
  // The end-to-end ids name exactly the debits this entry credits: a bank that books per debit
  // repeats the batch's PmtInfId in every entry, so the batch ids alone would credit all of it.
  const e2e = e.details.map((d) => d.endToEndId).filter((x): x is string => !!x);
  if (e2e.length > 0) {
    const q = stmt(ctx.db, "SELECT t.id, b.id AS batchId, b.reference FROM batch_transactions t JOIN batches b ON b.id = t.batch_id WHERE t.end_to_end_id = ? AND b.kind = 'collection' AND b.status <> 'cancelled'");
    const debits = openDebitsOf(ctx);
    const rows = e2e.map((x) => debits?.openDebit(x) ?? (q.get(x) as { id: number; batchId: number; reference: string } | undefined));
    if (rows.every((r) => r) && new Set(rows.map((r) => r!.batchId)).size === 1) {
      found = { scope: null, batchId: rows[0]!.batchId, reference: rows[0]!.reference, txIds: rows.map((r) => r!.id), how: { nl: `end-to-end-id${e2e.length === 1 ? '' : ` (${e2e.length}x)`}`, en: `end-to-end id${e2e.length === 1 ? '' : ` (${e2e.length}x)`}` } };
    }
  }
  if (!found) {
    // a batch booked as one entry without details: the bank names our PmtInfId/MsgId on the entry
    const ids = [e.batchPaymentInfoId, e.batchMessageId, ...e.details.flatMap((d) => [d.paymentInfoId, d.messageId]), ...(e.information?.match(/(?:INC)-\d{4}-\d{4}-[A-Z0-9-]+/g) ?? [])];
    for (const id of ids) {
      if (!id) continue;
      const scope = scopeOfId(ctx, id);
      if (scope && scope.kind === 'collection' && scope.status !== 'cancelled') {
        // the bank says it credits fewer debits than this id holds: which ones is unknown, so the
        // entry waits for the treasurer rather than crediting the whole batch (counted before the
        // debits are read: such an entry may stand for a whole file)
        if (e.transactionCount !== null && e.transactionCount < countInScope(ctx, scope)) break;
        const txIds = transactionsInScope(ctx, scope).map((t) => t.id);
        found = { scope, batchId: scope.batchId, reference: scope.reference, txIds, how: { nl: `kenmerk ${id} van de batch`, en: `batch id ${id}` } };
        break;
      }
    }
  }
  if (!found) found = byAmount(ctx, m);
  if (!found) return false;

  const txs = openTransactions(ctx, found.batchId, found.txIds);
  if (txs.length === 0) return false;
  const expected = txs.reduce((s, t) => s + t.amount, 0);
  const difference = e.amount - expected;

  const bank = { accountId: m.bankLedgerAccountId, debit: e.amount, credit: 0, description: `Incasso ${found.reference}` };
  const transit = { accountId: accountForRole(ctx, 'collectionInTransit'), debit: 0, credit: e.amount, description: `Incasso ${found.reference}` };
  const posting = { journalCode: journalOfKind(ctx, 'bank'), date: e.bookingDate, description: `Bijschrijving incasso ${found.reference}` };
  // a bank that books every debit on its own sends a statement of thousands of credits: they share
  // one journal entry per statement, day and batch, Bank / Incasso onderweg each added up (which
  // debit each credit paid is in its allocation)
  const entryId = gathering(ctx)
    ? gatherLines(ctx, `batchCredit|${m.statementDbId}|${e.bookingDate}|${found.reference}`, { ...posting, sourceType: 'bank_statement', sourceId: String(m.statementDbId) },
      [bank, transit], [transit, bank].map((l) => ({ accountId: l.accountId, description: `Incasso ${found.reference}` }))).id
    : postEntry(ctx, { ...posting, sourceType: 'statement_entry', sourceId: String(m.id), lines: [bank, transit] });
  const allocations: NewAllocation[] = txs.map((t) => ({ kind: 'transaction', amount: t.amount, batchId: t.batchId, transactionId: t.id }));
  if (difference !== 0) allocations.push({ kind: 'batch', amount: difference, batchId: found.batchId });

  const debits = openDebitsOf(ctx);
  const items = stmt(ctx.db, "SELECT id FROM open_items WHERE batch_transaction_id = ? AND state = 'in_collection' ORDER BY id");
  const itemsOf = (txId: number) => debits?.itemsOf(found.batchId, txId) ?? (items.all(txId) as { id: number }[]).map((r) => r.id);
  const paid = `Betaald: incasso ${found.reference} door de bank bijgeschreven op ${formatDate(e.bookingDate)}`;
  buffered(ctx, 'batchCreditSettlements', () => new ItemUpdates(ctx, SETTLE), (settle) => {
    for (const t of txs) for (const id of itemsOf(t.id)) settle.add({ id }, itemEventRow(ctx, id, 'paid', paid, { entryId, balanceAfter: 0 }), [e.bookingDate]);
  });
  const diffText = difference === 0
    ? { nl: '', en: '' }
    : { nl: `; verschil ${euro(difference)} met de ${euro(expected)} die openstond`, en: `; differs by ${euro(difference, 'en')} from the ${euro(expected, 'en')} outstanding` };
  const explanation = {
    nl: `Bijschrijving van incasso ${found.reference} (${txs.length} ${txs.length === 1 ? 'incasso' : 'incasso\u2019s'}), gevonden op ${found.how.nl}; geboekt Bank / Incasso onderweg${diffText.nl}`,
    en: `Credit of collection ${found.reference} (${txs.length} debit${txs.length === 1 ? '' : 's'}), found by ${found.how.en}; booked Bank / Collection in transit${diffText.en}`,
  };
  // the allocations go in before the confirmation, which looks at them
  recordMatch(ctx, m.id, 'batchCredit', explanation, entryId, allocations);
  confirmIfComplete(ctx, found.batchId, e.bookingDate);
  return true;
}

/** Settles the items a batch credit pays (found by id: +state keeps SQLite from going through every item in collection). */
const SETTLE = "UPDATE open_items SET state = 'settled', closed_on = ? WHERE id IN (SELECT value FROM json_each(?)) AND +state = 'in_collection'";

/** A batch is confirmed once every debit in it has been credited or refused before settlement. */
export function confirmIfComplete(ctx: Ctx, batchId: number, date: string): void {
  const debits = openDebitsOf(ctx);
  // during an import most credits leave debits open: known without a query
  if (debits && !debits.complete(batchId)) return;
  const batch = stmt(ctx.db, 'SELECT status FROM batches WHERE id = ?').get(batchId) as { status: string } | undefined;
  if (batch?.status !== 'saved') return;
  if (!debits) {
    const open = stmt(ctx.db, `SELECT COUNT(*) AS n FROM batch_transactions t WHERE t.batch_id = ? AND ${OPEN_TX}`).get(batchId) as { n: number };
    if (open.n > 0) return;
  }
  stmt(ctx.db, "UPDATE batches SET status = 'confirmed', confirmed_at = ? WHERE id = ? AND status = 'saved'").run(`${date}T00:00:00.000Z`, batchId);
}

/** A saved batch of this account whose open total is exactly this credit, collected within a week of it. */
function byAmount(ctx: Ctx, m: EntryToMatch) {
  const e = m.entry;
  const debits = openDebitsOf(ctx);
  if (debits) {
    // most credits equal no batch's open total: tell so without adding up every batch for each of
    // them (the batches saved when the import began: the query below has the last word)
    const saved = fixedLookup(ctx.db, `savedCollections|${m.bankAccountId}`, () => stmt(ctx.db, "SELECT id FROM batches WHERE kind = 'collection' AND status = 'saved' AND bank_account_id = ?").all(m.bankAccountId) as { id: number }[]);
    const candidate = saved.some(({ id }) => {
      if (debits.openTotal(id) !== e.amount) return false;
      const first = debits.firstDate(id);
      return first !== null && first >= addDays(e.bookingDate, -7) && first <= addDays(e.bookingDate, 7);
    });
    if (!candidate) return null;
  }
  flushWrites(ctx);
  const from = addDays(e.bookingDate, -7);
  const to = addDays(e.bookingDate, 7);
  const rows = stmt(
    ctx.db,
    `SELECT b.id AS batchId, b.reference, COALESCE(SUM(t.amount), 0) AS open, GROUP_CONCAT(t.id) AS txIds
       FROM batches b JOIN batch_transactions t ON t.batch_id = b.id
      WHERE b.kind = 'collection' AND b.status = 'saved' AND b.bank_account_id = ? AND ${OPEN_TX}
        AND (SELECT MIN(date) FROM batch_transactions WHERE batch_id = b.id) BETWEEN ? AND ?
      GROUP BY b.id HAVING SUM(t.amount) = ?`,
  ).all(m.bankAccountId, from, to, e.amount) as { batchId: number; reference: string; txIds: string }[];
  if (rows.length !== 1) return null;
  const r = rows[0]!;
  return {
    scope: null,
    batchId: r.batchId,
    reference: r.reference,
    txIds: r.txIds.split(',').map(Number),
    how: { nl: 'bedrag gelijk aan het openstaande totaal van de batch, binnen een week na de incassodatum', en: 'amount equal to the batch\u2019s outstanding total, within a week of the collection date' },
  };
}
