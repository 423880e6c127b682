import type { AllocationT, BatchInTransitT, DebtorReturnT, StatementEntryT, StatementSummaryT } from '../../shared/api/statements';
import { notFoundError } from '../../shared/api/errors';
import { euro } from './euro';
import { reasonLabel } from '../../shared/returnReasons';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { ledgerBalance } from './balanceCheck';
import { counterpartyOf, entryText } from './entryRecord';
import type { StatementEntry as ModelEntry } from './model';
import { detailsFromStore } from './storedDetails';


const STATEMENT_SELECT = `SELECT s.id, s.file_id AS fileId, f.file_name AS fileName, f.format, f.imported_at AS importedAt, s.bank_account_id AS bankAccountId, a.name AS bankAccountName,
       a.ledger_account_id AS ledgerAccountId, s.account, s.currency, s.statement_id AS statementId, s.sequence, s.from_date AS "from", s.to_date AS "to", s.opening, s.closing,
       s.closing_date AS closingDate, s.entries, s.new_entries AS newEntries, s.credits, s.debits, s.balance_difference AS balanceDifference, s.previous_closing AS previousClosing,
       (SELECT COUNT(*) FROM statement_entries e WHERE e.statement_id = s.id AND e.state = 'unmatched') AS unmatched,
       (SELECT COUNT(*) FROM statement_entries e WHERE e.statement_id = s.id AND e.match_kind = 'return') AS returns
  FROM bank_statements s JOIN statement_files f ON f.id = s.file_id JOIN bank_accounts a ON a.id = s.bank_account_id`;

type StatementRow = Omit<StatementSummaryT, 'balanceOk' | 'gap' | 'ledgerBalance' | 'problems'> & { ledgerAccountId: number; closingDate: string | null };

function summary(ctx: Ctx, r: StatementRow): StatementSummaryT {
  const { ledgerAccountId, closingDate, ...rest } = r;
  const gap = r.previousClosing !== null && r.opening !== null ? r.opening - r.previousClosing : null;
  const ledger = ledgerBalance(ctx, ledgerAccountId, closingDate ?? r.to);
  const problems: { nl: string; en: string }[] = [];
  if (r.balanceDifference !== null && r.balanceDifference !== 0) {
    problems.push({ nl: `Beginsaldo plus de regels is niet het eindsaldo: verschil ${euro(r.balanceDifference)}`, en: `Opening balance plus the entries is not the closing balance: off by ${euro(r.balanceDifference, 'en')}` });
  }
  if (gap !== null && gap !== 0) {
    problems.push({ nl: `Beginsaldo wijkt ${euro(gap)} af van het eindsaldo van het vorige afschrift: ontbreekt er een afschrift?`, en: `Opening balance differs by ${euro(gap, 'en')} from the previous statement\u2019s closing balance: is a statement missing?` });
  }
  if (r.closing !== null && ledger !== r.closing) {
    problems.push({ nl: `Saldo in de boekhouding ${euro(ledger)}, bij de bank ${euro(r.closing)}`, en: `Balance in the books ${euro(ledger, 'en')}, at the bank ${euro(r.closing, 'en')}` });
  }
  return { ...rest, balanceOk: r.balanceDifference === null ? null : r.balanceDifference === 0, gap, ledgerBalance: ledger, problems };
}

export function listStatements(ctx: Ctx, bankAccountId?: number): StatementSummaryT[] {
  const rows = stmt(ctx.db, `${STATEMENT_SELECT} WHERE (@acc IS NULL OR s.bank_account_id = @acc) ORDER BY COALESCE(s.to_date, s.closing_date) DESC, s.id DESC`).all({ acc: bankAccountId ?? null }) as StatementRow[];
  return rows.map((r) => summary(ctx, r));
}

export function getStatement(ctx: Ctx, id: number): StatementSummaryT {
  const row = stmt(ctx.db, `${STATEMENT_SELECT} WHERE s.id = ?`).get(id) as StatementRow | undefined;
  if (!row) throw notFoundError({ nl: `Afschrift ${id}`, en: `Statement ${id}` }, 'id');
  return summary(ctx, row);
}

interface EntryRow {
  id: number;
  statementId: number;
  bookingDate: string;
  valueDate: string | null;
  amount: number;
  currency: string;
  bankReference: string | null;
  reversal: number;
  transactionCode: string | null;
  transactionCount: number | null;
  information: string | null;
  details: string;
  source: string;
  state: StatementEntryT['state'];
  kind: StatementEntryT['kind'];
  explanationNl: string;
  explanationEn: string;
  journalEntryId: number | null;
}

const ENTRY_SELECT = `SELECT e.id, e.statement_id AS statementId, e.booking_date AS bookingDate, e.value_date AS valueDate, e.amount, e.currency, e.bank_reference AS bankReference,
       e.reversal, e.transaction_code AS transactionCode, e.transaction_count AS transactionCount, e.information, e.details, e.source, e.state, e.match_kind AS kind,
       e.explanation_nl AS explanationNl, e.explanation_en AS explanationEn, e.journal_entry_id AS journalEntryId
  FROM statement_entries e`;

/** Transaction allocations of a batch credit are many; the list shows them as one line per batch. */
const COLLAPSE_ABOVE = 10;

function allocationsOf(ctx: Ctx, entryId: number): AllocationT[] {
  const rows = stmt(
    ctx.db,
    `SELECT a.kind, a.amount, a.batch_id AS batchId, b.reference AS batchReference, a.transaction_id AS transactionId, t.end_to_end_id AS endToEndId,
            a.item_id AS itemId, i.document, COALESCE(i.debtor_id, t.debtor_id) AS debtorId, d.name AS debtorName, a.account_id AS accountId, ac.code AS accountCode, ac.name AS accountName
       FROM statement_allocations a LEFT JOIN batches b ON b.id = a.batch_id LEFT JOIN batch_transactions t ON t.id = a.transaction_id LEFT JOIN open_items i ON i.id = a.item_id
       LEFT JOIN debtors d ON d.id = COALESCE(i.debtor_id, t.debtor_id) LEFT JOIN accounts ac ON ac.id = a.account_id
      WHERE a.statement_entry_id = ? AND a.reversed_by_entry_id IS NULL ORDER BY a.id`,
  ).all(entryId) as AllocationT[];
  const txs = rows.filter((r) => r.kind === 'transaction');
  if (txs.length <= COLLAPSE_ABOVE) return rows;
  const byBatch = new Map<number, AllocationT>();
  for (const r of rows) {
    if (r.kind !== 'transaction' && r.kind !== 'batch') continue;
    const b = byBatch.get(r.batchId!);
    if (b) b.amount += r.amount;
    else byBatch.set(r.batchId!, { ...r, kind: 'batch', transactionId: null, endToEndId: null, debtorId: null, debtorName: null });
  }
  return [...byBatch.values(), ...rows.filter((r) => r.kind !== 'transaction' && r.kind !== 'batch')];
}

function toEntry(ctx: Ctx, r: EntryRow): StatementEntryT {
  const details = detailsFromStore(r.details);
  const model = { details, information: r.information } as ModelEntry;
  const party = counterpartyOf(model);
  const ret = details.find((d) => d.returnInfo)?.returnInfo ?? null;
  return {
    id: r.id,
    statementId: r.statementId,
    bookingDate: r.bookingDate,
    valueDate: r.valueDate,
    amount: r.amount,
    currency: r.currency,
    counterpartyName: party.name,
    counterpartyIban: party.iban,
    description: entryText(model),
    endToEndIds: details.map((d) => d.endToEndId).filter((x): x is string => !!x),
    bankReference: r.bankReference,
    reversal: r.reversal === 1,
    transactionCode: r.transactionCode,
    transactionCount: r.transactionCount,
    returnReason: ret ? { code: ret.reasonCode, label: reasonLabel(ret.reasonCode), kind: ret.kind } : null,
    state: r.state,
    kind: r.kind,
    explanation: { nl: r.explanationNl, en: r.explanationEn },
    journalEntryId: r.journalEntryId,
    allocations: allocationsOf(ctx, r.id),
    source: r.source,
  };
}

export function getEntry(ctx: Ctx, id: number): StatementEntryT {
  const row = stmt(ctx.db, `${ENTRY_SELECT} WHERE e.id = ?`).get(id) as EntryRow | undefined;
  if (!row) throw notFoundError({ nl: `Afschriftregel ${id}`, en: `Statement entry ${id}` }, 'entryId');
  return toEntry(ctx, row);
}

export function listEntries(
  ctx: Ctx,
  q: { filter: 'all' | 'unmatched' | 'returns'; statementId?: number; batchId?: number; limit: number; offset: number },
): { total: number; entries: StatementEntryT[] } {
  const where = `WHERE (@statementId IS NULL OR e.statement_id = @statementId)
      AND (@filter = 'all' OR (@filter = 'unmatched' AND e.state = 'unmatched') OR (@filter = 'returns' AND (e.match_kind = 'return' OR e.details LIKE '%"returnInfo":{%')))
      AND (@batchId IS NULL OR EXISTS (SELECT 1 FROM statement_allocations a WHERE a.statement_entry_id = e.id AND a.batch_id = @batchId))`;
  const params = { statementId: q.statementId ?? null, filter: q.filter, batchId: q.batchId ?? null };
  const total = (stmt(ctx.db, `SELECT COUNT(*) AS n FROM statement_entries e ${where}`).get(params) as { n: number }).n;
  const rows = stmt(ctx.db, `${ENTRY_SELECT} ${where} ORDER BY e.booking_date DESC, e.id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as EntryRow[];
  return { total, entries: rows.map((r) => toEntry(ctx, r)) };
}

export function statementEntries(ctx: Ctx, statementId: number): StatementEntryT[] {
  return (stmt(ctx.db, `${ENTRY_SELECT} WHERE e.statement_id = ? ORDER BY e.id`).all(statementId) as EntryRow[]).map((r) => toEntry(ctx, r));
}

/** Incasso onderweg per collection batch: collected, credited, returned, rejected, outstanding. */
export function inTransitByBatch(ctx: Ctx, includeSettled: boolean): { balance: number; batches: BatchInTransitT[] } {
  const rows = stmt(
    ctx.db,
    `SELECT b.id AS batchId, b.reference, b.requested_date AS date, b.status, b.transaction_count AS transactions, b.control_sum AS collected,
            COALESCE((SELECT SUM(a.amount) FROM statement_allocations a JOIN statement_entries e ON e.id = a.statement_entry_id
                       WHERE a.batch_id = b.id AND e.match_kind = 'batchCredit' AND a.reversed_by_entry_id IS NULL), 0) AS credited,
            COALESCE((SELECT SUM(r.amount) FROM collection_returns r JOIN batch_transactions t ON t.id = r.transaction_id WHERE t.batch_id = b.id AND r.kind <> 'reject'), 0) AS returned,
            COALESCE((SELECT SUM(r.amount) FROM collection_returns r JOIN batch_transactions t ON t.id = r.transaction_id WHERE t.batch_id = b.id AND r.kind = 'reject'), 0) AS rejected,
            (SELECT COUNT(*) FROM collection_returns r JOIN batch_transactions t ON t.id = r.transaction_id WHERE t.batch_id = b.id) AS returns
       FROM batches b WHERE b.kind = 'collection' AND b.status <> 'cancelled' ORDER BY b.id`,
  ).all() as Omit<BatchInTransitT, 'outstanding' | 'explanation'>[];
  const batches = rows
    .map((r) => {
      const outstanding = r.collected - r.credited - r.rejected;
      const explanation = {
        nl: `Geïncasseerd ${euro(r.collected)}, door de bank bijgeschreven ${euro(r.credited)}, vooraf geweigerd ${euro(r.rejected)}, achteraf teruggeboekt ${euro(r.returned)}: nog onderweg ${euro(outstanding)}`,
        en: `Collected ${euro(r.collected, 'en')}, credited by the bank ${euro(r.credited, 'en')}, rejected before settlement ${euro(r.rejected, 'en')}, returned afterwards ${euro(r.returned, 'en')}: still in transit ${euro(outstanding, 'en')}`,
      };
      return { ...r, outstanding, explanation };
    })
    .filter((b) => includeSettled || b.outstanding !== 0);
  const balance = (stmt(ctx.db, "SELECT COALESCE(SUM(l.debit - l.credit), 0) AS b FROM journal_lines l WHERE l.account_id = (SELECT account_id FROM account_roles WHERE role = 'collectionInTransit')").get() as { b: number }).b;
  return { balance, batches };
}

export function listReturns(ctx: Ctx, debtorId: number | undefined, limit: number): DebtorReturnT[] {
  const rows = stmt(
    ctx.db,
    `SELECT r.id, r.date, r.debtor_id AS debtorId, t.mandate_reference AS mandateReference, b.reference AS batchReference, t.end_to_end_id AS endToEndId, r.amount, r.kind,
            r.reason_code AS reasonCode, r.action, r.outcome_nl AS outcomeNl, r.outcome_en AS outcomeEn, r.b2b_refund AS b2bRefund,
            (SELECT COUNT(*) FROM collection_returns x WHERE x.debtor_id = r.debtor_id AND x.id <= r.id) AS debtorCount,
            CASE WHEN r.mandate_id IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM collection_returns x WHERE x.mandate_id = r.mandate_id AND x.id <= r.id) END AS mandateCount,
            (SELECT group_concat(p.item_id) FROM batch_transaction_items p WHERE p.transaction_id = r.transaction_id) AS itemIds
       FROM collection_returns r JOIN batch_transactions t ON t.id = r.transaction_id JOIN batches b ON b.id = t.batch_id
      WHERE (@debtorId IS NULL OR r.debtor_id = @debtorId) ORDER BY r.id DESC LIMIT @limit`,
  ).all({ debtorId: debtorId ?? null, limit }) as (Omit<DebtorReturnT, 'label' | 'outcome' | 'b2bRefund' | 'itemIds'> & { outcomeNl: string; outcomeEn: string; b2bRefund: number; itemIds: string | null })[];
  return rows.map(({ outcomeNl, outcomeEn, itemIds, b2bRefund, ...r }) => ({
    ...r,
    label: reasonLabel(r.reasonCode),
    outcome: { nl: outcomeNl, en: outcomeEn },
    b2bRefund: b2bRefund === 1,
    itemIds: itemIds ? itemIds.split(',').map(Number) : [],
  }));
}

/** The overview's to-do counts: what waits for the treasurer after the bank's answer. */
export function statementTodo(ctx: Ctx): { unmatchedEntries: number; returnsToHandle: number; statementProblems: number } {
  const n = (sql: string) => (stmt(ctx.db, sql).get() as { n: number }).n;
  return {
    unmatchedEntries: n("SELECT COUNT(*) AS n FROM statement_entries WHERE state = 'unmatched'"),
    returnsToHandle: n(`SELECT COUNT(*) AS n FROM collection_returns r WHERE r.action <> 'represent'
      AND EXISTS (SELECT 1 FROM batch_transaction_items p JOIN open_items i ON i.id = p.item_id WHERE p.transaction_id = r.transaction_id AND i.state = 'open' AND i.balance > 0)`),
    statementProblems: n('SELECT COUNT(*) AS n FROM bank_statements WHERE balance_difference <> 0 OR (previous_closing IS NOT NULL AND opening IS NOT NULL AND opening <> previous_closing)'),
  };
}
