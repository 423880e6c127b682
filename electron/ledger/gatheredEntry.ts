import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { type Posting, type PostingLine, postEntry } from './post';

interface Gathering {
  key: string;
  id: number;
  posting: Omit<Posting, 'lines'>;
  lines: PostingLine[];
  /** lines on this account (without debtor) are added up into one line, last */
  sumAccountId: number | null;
  sum: { debit: number; credit: number; description: string | null };
}

interface Scope {
  current: Gathering | null;
}

const scopes = new WeakMap<Database.Database, Scope>();

/**
 * Lets one journal entry take the bookings of many statement entries of one kind (the 80 000
 * credits of one collection on one statement, each otherwise an entry of its own with two lines):
 * one line per statement entry, the lines on `sumAccountId` (the bank) added up into one.
 *
 * The entry's id is known at once, so each statement entry's allocations and its items' history
 * name it while it is still being gathered; it is posted through postEntry — checked, balanced,
 * numbered — as soon as anything else is posted, the key changes, or the scope ends, so no other
 * entry comes between and ids and numbers stay in order. The ids are named before the entry
 * exists, so the scope defers the foreign-key checks to the commit of the caller's transaction;
 * should the entry never be posted, the commit fails and nothing is written.
 */
export function withGatheredEntries<T>(ctx: Ctx, run: () => T): T {
  if (!ctx.db.inTransaction || scopes.has(ctx.db)) return run();
  ctx.db.pragma('defer_foreign_keys = ON');
  const scope: Scope = { current: null };
  scopes.set(ctx.db, scope);
  try {
    const value = run();
    postGathered(ctx);
    return value;
  } finally {
    scopes.delete(ctx.db);
  }
}

/** Whether bookings may be gathered here (inside withGatheredEntries). */
export function gathering(ctx: Ctx): boolean {
  return scopes.has(ctx.db);
}

/** Posts the entry being gathered, if any: postEntry calls this before it books anything else. */
export function postGathered(ctx: Ctx): void {
  const scope = scopes.get(ctx.db);
  const g = scope?.current;
  if (!scope || !g) return;
  scope.current = null;
  const lines = g.sumAccountId === null ? g.lines : [...g.lines, ...sumLine(g)];
  const id = postEntry(ctx, { ...g.posting, lines }, g.id);
  if (id !== g.id) throw new Error(`gathered journal entry posted as ${id}, expected ${g.id}`);
}

function sumLine(g: Gathering): PostingLine[] {
  const net = g.sum.debit - g.sum.credit;
  if (net === 0) return [];
  return [{ accountId: g.sumAccountId!, debit: Math.max(net, 0), credit: Math.max(-net, 0), description: g.sum.description }];
}

/**
 * Adds one statement entry's balanced booking to the entry gathered under `key` (a new one when
 * the key differs) and returns that entry's id.
 */
export function gatherLines(ctx: Ctx, key: string, posting: Omit<Posting, 'lines'>, lines: PostingLine[], sum: { accountId: number; description: string }): number {
  const scope = scopes.get(ctx.db);
  if (!scope) throw new Error('gatherLines outside withGatheredEntries');
  if (scope.current?.key !== key) {
    postGathered(ctx);
    scope.current = { key, id: nextEntryId(ctx), posting, lines: [], sumAccountId: sum.accountId, sum: { debit: 0, credit: 0, description: sum.description } };
  }
  const g = scope.current!;
  for (const line of lines) {
    if (line.accountId === g.sumAccountId && line.debtorId == null) {
      g.sum.debit += line.debit;
      g.sum.credit += line.credit;
    } else g.lines.push(line);
  }
  return g.id;
}

/** The id the next journal entry gets (AUTOINCREMENT: past every id ever handed out). */
function nextEntryId(ctx: Ctx): number {
  const row = stmt(
    ctx.db,
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'journal_entries'), 0), COALESCE((SELECT MAX(id) FROM journal_entries), 0)) + 1 AS id",
  ).get() as { id: number };
  return row.id;
}
