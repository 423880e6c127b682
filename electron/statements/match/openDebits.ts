import type Database from 'better-sqlite3';
import type { Ctx } from '../../context';
import { stmt } from '../../preparedStatements';
import { flushWrites } from '../writeBehind';

/** Debits of a batch the bank has not yet credited nor refused before settlement. */
export const OPEN_TX = `NOT EXISTS (SELECT 1 FROM statement_allocations a WHERE a.transaction_id = t.id AND a.kind = 'transaction' AND a.reversed_by_entry_id IS NULL)
  AND NOT EXISTS (SELECT 1 FROM collection_returns r WHERE r.transaction_id = t.id AND r.kind = 'reject')`;

interface BatchDebits {
  reference: string;
  /** a saved or confirmed collection: its credits are ours (not a refund run's, not a cancelled batch's) */
  credited: boolean;
  ids: number[];
  amounts: number[];
  position: Map<number, number>;
  /** end-to-end id of each open debit: its index */
  byEndToEnd: Map<string, number>;
  open: Uint8Array;
  /** no debit before this index is open */
  first: number;
  openCount: number;
  openTotal: number;
  firstDate: string | null;
  /** the items each open debit holds in collection, loaded on the first credit */
  items: Map<number, number[]> | null;
  /** counted in the database: no debit open */
  complete: boolean;
}

/**
 * Which debits of each batch are still open, kept for the length of one import: a statement of
 * 100 000 credits would otherwise count the whole batch again for every credit (to confirm it) and
 * for every member's transfer (to compare the amount with the batch's open total), and look up
 * each debit, whether it is open and the items it holds one query at a time.
 *
 * Loaded from the database per batch on first use; the import tells it each debit it closes
 * (recordMatch, a pre-settlement reject), and nothing else changes a debit or its items while the
 * import holds its transaction. A batch is confirmed only after a full count in the database, and a
 * batch total that equals a credit is recounted before the credit is matched to it.
 */
export class OpenDebits {
  private readonly batches = new Map<number, BatchDebits>();

  constructor(private readonly ctx: Ctx) {}

  private load(batchId: number): BatchDebits {
    let b = this.batches.get(batchId);
    if (b) return b;
    flushWrites(this.ctx);
    const rows = stmt(this.ctx.db, `SELECT t.id, t.amount, t.end_to_end_id AS endToEndId FROM batch_transactions t WHERE t.batch_id = ? AND ${OPEN_TX} ORDER BY t.id`).all(batchId) as { id: number; amount: number; endToEndId: string }[];
    const first = stmt(this.ctx.db, 'SELECT MIN(date) AS d FROM batch_transactions WHERE batch_id = ?').get(batchId) as { d: string | null };
    const batch = stmt(this.ctx.db, 'SELECT reference, kind, status FROM batches WHERE id = ?').get(batchId) as { reference: string; kind: string; status: string };
    b = {
      reference: batch.reference,
      credited: batch.kind === 'collection' && batch.status !== 'cancelled',
      ids: rows.map((r) => r.id),
      amounts: rows.map((r) => r.amount),
      position: new Map(rows.map((r, i) => [r.id, i])),
      byEndToEnd: new Map(rows.map((r, i) => [r.endToEndId, i])),
      open: new Uint8Array(rows.length).fill(1),
      first: 0,
      openCount: rows.length,
      openTotal: rows.reduce((s, r) => s + r.amount, 0),
      firstDate: first.d,
      items: null,
      complete: false,
    };
    this.batches.set(batchId, b);
    return b;
  }

  /** The open debit of a collection with this end-to-end id, in a batch loaded so far; undefined: ask the database. */
  openDebit(endToEndId: string): { id: number; batchId: number; reference: string } | undefined {
    for (const [batchId, b] of this.batches) {
      if (!b.credited) continue;
      const i = b.byEndToEnd.get(endToEndId);
      if (i !== undefined && b.open[i]) return { id: b.ids[i]!, batchId, reference: b.reference };
    }
    return undefined;
  }

  /** Of these debits of the batch, the ones still open. */
  openOf(batchId: number, ids: number[]): { id: number; amount: number; batchId: number }[] {
    const b = this.load(batchId);
    return ids.flatMap((id) => {
      const i = b.position.get(id);
      return i !== undefined && b.open[i] ? [{ id, amount: b.amounts[i]!, batchId }] : [];
    });
  }

  /** The items an open debit of the batch holds in collection, oldest first. */
  itemsOf(batchId: number, transactionId: number): number[] {
    const b = this.load(batchId);
    if (!b.items) {
      flushWrites(this.ctx);
      const rows = stmt(
        this.ctx.db,
        "SELECT o.id, o.batch_transaction_id AS tx FROM open_items o JOIN batch_transactions t ON t.id = o.batch_transaction_id WHERE t.batch_id = ? AND o.state = 'in_collection' ORDER BY o.id",
      ).all(batchId) as { id: number; tx: number }[];
      b.items = new Map();
      for (const r of rows) {
        const list = b.items.get(r.tx);
        if (list) list.push(r.id);
        else b.items.set(r.tx, [r.id]);
      }
    }
    return b.items.get(transactionId) ?? [];
  }

  /** A debit was credited, returned, refunded or refused: it is no longer open. */
  closed(batchId: number, transactionId: number): void {
    const b = this.batches.get(batchId);
    const i = b?.position.get(transactionId);
    if (!b || i === undefined || !b.open[i]) return;
    b.open[i] = 0;
    b.openCount--;
    b.openTotal -= b.amounts[i]!;
  }

  /** Whether no debit of the batch is open any more (as the database says). */
  complete(batchId: number): boolean {
    const b = this.load(batchId);
    if (b.complete) return true;
    while (b.first < b.ids.length && !b.open[b.first]) b.first++;
    if (b.first < b.ids.length) return false;
    flushWrites(this.ctx);
    const count = stmt(this.ctx.db, `SELECT COUNT(*) AS n FROM batch_transactions t WHERE t.batch_id = ? AND ${OPEN_TX}`).get(batchId) as { n: number };
    // nothing in an import opens a closed debit again: counted once
    if (count.n === 0) return (b.complete = true);
    // a debit opened again meanwhile: start over from the database
    this.batches.delete(batchId);
    return false;
  }

  /** The sum of the batch's open debits as far as this import knows (callers recount before booking). */
  openTotal(batchId: number): number {
    return this.load(batchId).openTotal;
  }

  /** The date of the batch's earliest debit. */
  firstDate(batchId: number): string | null {
    return this.load(batchId).firstDate;
  }
}

const active = new WeakMap<Database.Database, OpenDebits>();

/**
 * Runs one import with its OpenDebits; the matchers find it through the connection, so the
 * functions they share with manual matching keep their signatures.
 */
export function withOpenDebits<T>(ctx: Ctx, run: () => T): T {
  active.set(ctx.db, new OpenDebits(ctx));
  try {
    return run();
  } finally {
    active.delete(ctx.db);
  }
}

export function openDebitsOf(ctx: Ctx): OpenDebits | undefined {
  return active.get(ctx.db);
}
