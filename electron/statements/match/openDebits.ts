import type Database from 'better-sqlite3';
import type { Ctx } from '../../context';
import { stmt } from '../../preparedStatements';

/** Debits of a batch the bank has not yet credited nor refused before settlement. */
export const OPEN_TX = `NOT EXISTS (SELECT 1 FROM statement_allocations a WHERE a.transaction_id = t.id AND a.kind = 'transaction' AND a.reversed_by_entry_id IS NULL)
  AND NOT EXISTS (SELECT 1 FROM collection_returns r WHERE r.transaction_id = t.id AND r.kind = 'reject')`;

interface BatchDebits {
  ids: number[];
  amounts: number[];
  position: Map<number, number>;
  open: Uint8Array;
  /** no debit before this index is open */
  first: number;
  openCount: number;
  openTotal: number;
  firstDate: string | null;
}

/**
 * Which debits of each batch are still open, kept for the length of one import: a statement of
 * 100 000 credits would otherwise count the whole batch again for every credit (to confirm it) and
 * for every member's transfer (to compare the amount with the batch's open total).
 *
 * Loaded from the database per batch on first use; the import tells it each debit it closes
 * (recordMatch, a pre-settlement reject). What it answers is checked against the database before
 * anything is booked on it: a debit it still holds open is looked up before a batch is called
 * incomplete, a batch is confirmed only after a full count, and a batch total that equals a credit
 * is recounted before the credit is matched to it.
 */
export class OpenDebits {
  private readonly batches = new Map<number, BatchDebits>();

  constructor(private readonly ctx: Ctx) {}

  private load(batchId: number): BatchDebits {
    let b = this.batches.get(batchId);
    if (b) return b;
    const rows = stmt(this.ctx.db, `SELECT t.id, t.amount FROM batch_transactions t WHERE t.batch_id = ? AND ${OPEN_TX} ORDER BY t.id`).all(batchId) as { id: number; amount: number }[];
    const first = stmt(this.ctx.db, 'SELECT MIN(date) AS d FROM batch_transactions WHERE batch_id = ?').get(batchId) as { d: string | null };
    b = {
      ids: rows.map((r) => r.id),
      amounts: rows.map((r) => r.amount),
      position: new Map(rows.map((r, i) => [r.id, i])),
      open: new Uint8Array(rows.length).fill(1),
      first: 0,
      openCount: rows.length,
      openTotal: rows.reduce((s, r) => s + r.amount, 0),
      firstDate: first.d,
    };
    this.batches.set(batchId, b);
    return b;
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
    const isOpen = stmt(this.ctx.db, `SELECT 1 FROM batch_transactions t WHERE t.id = ? AND ${OPEN_TX}`);
    for (; b.first < b.ids.length; b.first++) {
      if (!b.open[b.first]) continue;
      if (isOpen.get(b.ids[b.first])) return false;
      this.closed(batchId, b.ids[b.first]!);
    }
    const count = stmt(this.ctx.db, `SELECT COUNT(*) AS n FROM batch_transactions t WHERE t.batch_id = ? AND ${OPEN_TX}`).get(batchId) as { n: number };
    if (count.n === 0) return true;
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
