import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { type Posting, type PostingLine, postEntry } from './post';

interface Gathering {
  key: string;
  id: number;
  /** the number postEntry will give it (nothing else is posted before it) */
  number: number;
  posting: Omit<Posting, 'lines'>;
  lines: PostingLine[];
  /** lines on this account (without debtor) are added up into one line, last */
  sumAccountId: number | null;
  sum: { debit: number; credit: number; description: string | null };
}

interface Scope {
  /** the entries being gathered, in the order of their ids */
  open: Map<string, Gathering>;
}

const scopes = new WeakMap<Database.Database, Scope>();

/**
 * Lets one journal entry take the bookings of many statement entries of one kind (the 80 000
 * credits of one collection on one statement, the members' transfers of one statement and day),
 * each otherwise an entry of its own with two lines: one line per statement entry, the lines on
 * `sumAccountId` (the bank) added up into one.
 *
 * Several entries may be gathered at once (a bank mixes credits of a collection with members'
 * transfers on one statement). Their ids and numbers are known at once, so each statement entry's
 * allocations and its items' history name them while they are still being gathered; they are
 * posted through postEntry — checked, balanced, numbered — in the order of their ids as soon as
 * anything else is posted or the scope ends, so ids and numbers stay in posting order. The ids are
 * named before the entries exist, so the scope defers the foreign-key checks to the commit of the
 * caller's transaction; should an entry never be posted, the commit fails and nothing is written.
 */
export function withGatheredEntries<T>(ctx: Ctx, run: () => T): T {
  if (!ctx.db.inTransaction || scopes.has(ctx.db)) return run();
  ctx.db.pragma('defer_foreign_keys = ON');
  const scope: Scope = { open: new Map() };
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

/** Posts the entries being gathered, if any: postEntry calls this before it books anything else. */
export function postGathered(ctx: Ctx): void {
  const scope = scopes.get(ctx.db);
  if (!scope || scope.open.size === 0) return;
  const open = [...scope.open.values()];
  scope.open.clear();
  for (const g of open) {
    const lines = g.sumAccountId === null ? g.lines : [...g.lines, ...sumLine(g)];
    const id = postEntry(ctx, { ...g.posting, lines }, g.id);
    if (id !== g.id) throw new Error(`gathered journal entry posted as ${id}, expected ${g.id}`);
    const { number } = stmt(ctx.db, 'SELECT number FROM journal_entries WHERE id = ?').get(id) as { number: number };
    if (number !== g.number) throw new Error(`gathered journal entry ${id} numbered ${number}, expected ${g.number}`);
  }
}

function sumLine(g: Gathering): PostingLine[] {
  const net = g.sum.debit - g.sum.credit;
  if (net === 0) return [];
  return [{ accountId: g.sumAccountId!, debit: Math.max(net, 0), credit: Math.max(-net, 0), description: g.sum.description }];
}

/**
 * Adds one statement entry's balanced booking to the entry gathered under `key` (a new one when
 * none is open under it) and returns that entry's id and reference (MEM 2026/0001, see entryReference).
 */
export function gatherLines(ctx: Ctx, key: string, posting: Omit<Posting, 'lines'>, lines: PostingLine[], sum: { accountId: number; description: string }): { id: number; number: number } {
  const scope = scopes.get(ctx.db);
  if (!scope) throw new Error('gatherLines outside withGatheredEntries');
  let g = scope.open.get(key);
  if (!g) {
    const last = [...scope.open.values()].at(-1);
    const sameBook = [...scope.open.values()].filter((o) => o.posting.journalCode === posting.journalCode && o.posting.date.slice(0, 4) === posting.date.slice(0, 4));
    g = {
      key,
      id: Math.max(nextEntryId(ctx), (last?.id ?? 0) + 1),
      number: Math.max(nextNumber(ctx, posting), ...sameBook.map((o) => o.number + 1)),
      posting,
      lines: [],
      sumAccountId: sum.accountId,
      sum: { debit: 0, credit: 0, description: sum.description },
    };
    scope.open.set(key, g);
  }
  for (const line of lines) {
    if (line.accountId === g.sumAccountId && line.debtorId == null) {
      g.sum.debit += line.debit;
      g.sum.credit += line.credit;
    } else g.lines.push(line);
  }
  return { id: g.id, number: g.number };
}

/** The id the next journal entry gets (AUTOINCREMENT: past every id ever handed out). */
function nextEntryId(ctx: Ctx): number {
  const row = stmt(
    ctx.db,
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'journal_entries'), 0), COALESCE((SELECT MAX(id) FROM journal_entries), 0)) + 1 AS id",
  ).get() as { id: number };
  return row.id;
}

/** The number postEntry gives the next entry of this journal and year. */
function nextNumber(ctx: Ctx, posting: Omit<Posting, 'lines'>): number {
  const row = stmt(
    ctx.db,
    'SELECT COALESCE(MAX(e.number), 0) + 1 AS n FROM journal_entries e JOIN journals j ON j.id = e.journal_id WHERE j.code = ? AND e.year = ?',
  ).get(posting.journalCode, Number(posting.date.slice(0, 4))) as { n: number };
  return row.n;
}
