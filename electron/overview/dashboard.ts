import type { Output } from '../../shared/api/contract';
import { addDays } from '../../shared/dates';
import { BATCH_STATE, BATCH_STATES } from '../collections/batchState';
import type { Ctx } from '../context';
import { COLLECTABLE_DEBTOR, DUE_FOR_COLLECTION, earliestCollection } from '../items/dueForCollection';
import { DIRECT_DEBIT_WITHOUT_MANDATE, MANDATE_EXPIRING_DEBTOR, expiringCutoff } from '../mandates/expiring';
import { refundCandidates } from '../refunds/refunds';
import { stmt } from '../preparedStatements';
import { statementTodo } from '../statements/queries';

type Dashboard = Pick<Output<'overview.get'>, 'today' | 'todo' | 'ageing' | 'forecast' | 'batchesByState'>;

/** Age buckets by days past the due date; items not yet due count as 0-30. */
export const AGE_BUCKETS = [
  { bucket: '0-30', from: null, to: 30 },
  { bucket: '31-60', from: 31, to: 60 },
  { bucket: '61-90', from: 61, to: 90 },
  { bucket: '90+', from: 91, to: null },
] as const;

/**
 * What needs the treasurer, and the pictures of the Overzicht: each figure in SQL over the whole
 * ledger so the screen stays quick with 100 000 items.
 */
export function getDashboard(ctx: Ctx): Dashboard {
  const today = ctx.today();
  const earliest = earliestCollection(ctx);

  const due = stmt(
    ctx.db,
    `SELECT COUNT(*) AS items, COUNT(DISTINCT i.debtor_id) AS debtors, COALESCE(SUM(i.balance), 0) AS amount
       FROM open_items i JOIN debtors d ON d.id = i.debtor_id
      WHERE ${DUE_FOR_COLLECTION}`,
  ).get({ earliest }) as { items: number; debtors: number; amount: number };

  const batches = stmt(
    ctx.db,
    `SELECT ${BATCH_STATE} AS state, COUNT(*) AS batches, COALESCE(SUM(b.control_sum), 0) AS amount
       FROM batches b WHERE b.kind = 'collection' GROUP BY state`,
  ).all({ today }) as { state: 'awaiting' | 'executed' | 'cancelled'; batches: number; amount: number }[];
  const batchesByState = BATCH_STATES.map((state) => batches.find((b) => b.state === state) ?? { state, batches: 0, amount: 0 });

  // members, not mandates: the link opens the debtor list on exactly these
  const expiring = stmt(ctx.db, `SELECT COUNT(*) AS n FROM debtors d WHERE ${MANDATE_EXPIRING_DEBTOR}`).get({ expiringCutoff: expiringCutoff(today) }) as { n: number };
  const withoutMandate = stmt(ctx.db, `SELECT COUNT(*) AS n FROM debtors d WHERE ${DIRECT_DEBIT_WITHOUT_MANDATE}`).get() as { n: number };

  // the same members the Terugbetalingen screen offers
  const refunds = refundCandidates(ctx);
  const credits = { debtors: refunds.length, amount: refunds.reduce((sum, c) => sum + c.credit, 0) };

  const ageRows = stmt(
    ctx.db,
    `SELECT CASE WHEN age <= 30 THEN '0-30' WHEN age <= 60 THEN '31-60' WHEN age <= 90 THEN '61-90' ELSE '90+' END AS bucket,
            COUNT(*) AS items, COUNT(DISTINCT debtor_id) AS debtors, SUM(balance) AS amount
       FROM (SELECT debtor_id, balance, CAST(julianday(@today) - julianday(due_date) AS INTEGER) AS age
               FROM open_items WHERE state = 'open' AND balance > 0)
      GROUP BY bucket`,
  ).all({ today }) as { bucket: (typeof AGE_BUCKETS)[number]['bucket']; items: number; debtors: number; amount: number }[];
  const ageing = AGE_BUCKETS.map(({ bucket, from, to }) => ({
    bucket,
    items: 0,
    debtors: 0,
    amount: 0,
    ...ageRows.find((r) => r.bucket === bucket),
    // the due-date range of the bucket, for the click-through to Openstaande posten
    dueFrom: to === null ? null : addDays(today, -to),
    dueTo: from === null ? null : addDays(today, -from),
  }));

  // what the next collections bring: saved batches on their dates, collectable items on the
  // first date they could be collected
  const forecast = stmt(
    ctx.db,
    `SELECT date, SUM(scheduled) AS scheduled, SUM(expected) AS expected FROM (
        SELECT t.date, t.amount AS scheduled, 0 AS expected
          FROM batch_transactions t JOIN batches b ON b.id = t.batch_id
         WHERE b.kind = 'collection' AND b.status = 'saved' AND t.date >= @today
        UNION ALL
        SELECT MAX(i.due_date, @earliest), 0, i.balance
          FROM open_items i JOIN debtors d ON d.id = i.debtor_id
         WHERE i.state = 'open' AND i.balance > 0 AND i.blocked = 0 AND ${COLLECTABLE_DEBTOR})
      GROUP BY date ORDER BY date LIMIT 60`,
  ).all({ today, earliest }) as { date: string; scheduled: number; expected: number }[];

  // the statements capability says what waits after the bank's answer
  const bank = statementTodo(ctx);

  const awaiting = batchesByState[0]!;
  return {
    today,
    todo: {
      dueForCollection: due,
      batchesAwaitingBank: { batches: awaiting.batches, amount: awaiting.amount },
      mandatesExpiring: { debtors: expiring.n },
      directDebitWithoutMandate: { debtors: withoutMandate.n },
      creditsToPayBack: credits,
      entriesToMatch: { entries: bank.unmatchedEntries },
      returnsToHandle: { returns: bank.returnsToHandle },
      statementProblems: { statements: bank.statementProblems },
    },
    ageing,
    forecast,
    batchesByState,
  };
}
