import { formatEuro } from '../../shared/money';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

/**
 * Money on its way: debits in a saved batch whose items are still "in incasso". That is not paid
 * until the bank confirms — the card, the debtor list and the overview say so apart.
 */
export interface InCollection {
  batchId: number;
  reference: string;
  date: string;
  amount: number;
}

const PENDING = `FROM batch_transactions t JOIN batches b ON b.id = t.batch_id
  WHERE b.kind = 'collection' AND b.status = 'saved' AND EXISTS (SELECT 1 FROM open_items i WHERE i.batch_transaction_id = t.id AND i.state = 'in_collection')`;

/** SQL for a debtor row (alias d): the pending debits per batch as JSON. */
export const IN_COLLECTION_JSON = `(SELECT json_group_array(json_object('batchId', x.batchId, 'reference', x.reference, 'date', x.date, 'amount', x.amount))
   FROM (SELECT b.id AS batchId, b.reference, MIN(t.date) AS date, SUM(t.amount) AS amount ${PENDING} AND t.debtor_id = d.id GROUP BY b.id ORDER BY b.id) x)`;

export function parseInCollection(json: string | null): InCollection[] {
  return json ? (JSON.parse(json) as InCollection[]) : [];
}

/** "in incasso (€ 150,00, batch INC-2026-0001)" — what the card and list show until the bank confirms. */
export function inCollectionText(list: InCollection[]): { nl: string; en: string } | null {
  if (list.length === 0) return null;
  const total = list.reduce((s, x) => s + x.amount, 0);
  const refs = list.map((x) => x.reference).join(', ');
  return { nl: `in incasso (${formatEuro(total)}, batch ${refs})`, en: `in collection (${formatEuro(total, 'en')}, batch ${refs})` };
}

/** Incasso onderweg per batch, for the overview. */
export function collectionsInTransit(ctx: Ctx): (InCollection & { debits: number })[] {
  return stmt(ctx.db, `SELECT b.id AS batchId, b.reference, MIN(t.date) AS date, SUM(t.amount) AS amount, COUNT(*) AS debits ${PENDING} GROUP BY b.id ORDER BY b.id`).all() as (InCollection & { debits: number })[];
}
