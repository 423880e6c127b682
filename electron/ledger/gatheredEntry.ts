import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { nextAutoincrementId, stmt } from '../preparedStatements';
import { type Posting, type PostingLine, postEntry } from './post';

interface Gathering {
  key: string;
  id: number;
  /** the number postEntry will give it (nothing else is posted before it) */
  number: number;
  posting: Omit<Posting, 'lines'>;
  lines: PostingLine[];
  /** lines on these accounts (without debtor) are added up into one line each, last, in this order */
  sums: Map<number, { debit: number; credit: number; description: string }>;
}

interface Scope {
  /** the entries being gathered, in the order of their ids */
  open: Map<string, Gathering>;
  /** the newest id given out, and the newest number per journal and year */
  lastId: number;
  numbers: Map<string, number>;
  /** entries of their own posted with the gathered ones (see postInTurn) */
  alone: number;
}

const scopes = new WeakMap<Database.Database, Scope>();

/**
 * Lets one journal entry take the bookings of many statement entries of one kind (the 80 000
 * credits of one collection on one statement, the members' transfers of one statement and day),
 * each otherwise an entry of its own with two lines: the bank's side added up into one line, the
 * other side a line per statement entry where it names a debtor (a member's payment) or added up
 * as well (Incasso onderweg: each credit's debit is in its allocation).
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
  const scope: Scope = { open: new Map(), lastId: 0, numbers: new Map(), alone: 0 };
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
  scope.numbers.clear();
  for (const g of open) {
    const lines = [...g.lines, ...sumLines(g)];
    const id = postEntry(ctx, { ...g.posting, lines }, g.id);
    if (id !== g.id) throw new Error(`gathered journal entry posted as ${id}, expected ${g.id}`);
    const { number } = stmt(ctx.db, 'SELECT number FROM journal_entries WHERE id = ?').get(id) as { number: number };
    if (number !== g.number) throw new Error(`gathered journal entry ${id} numbered ${number}, expected ${g.number}`);
  }
}

function sumLines(g: Gathering): PostingLine[] {
  return [...g.sums].flatMap(([accountId, sum]) => {
    const net = sum.debit - sum.credit;
    return net === 0 ? [] : [{ accountId, debit: Math.max(net, 0), credit: Math.max(-net, 0), description: sum.description }];
  });
}

/**
 * Adds one statement entry's balanced booking to the entry gathered under `key` (a new one when
 * none is open under it) and returns that entry's id and number. Its lines on the `sums` accounts
 * without a debtor are added up (the bank's side; the descriptions are those of the first booking).
 */
export function gatherLines(ctx: Ctx, key: string, posting: Omit<Posting, 'lines'>, lines: PostingLine[], sums: { accountId: number; description: string }[]): { id: number; number: number } {
  const scope = scopes.get(ctx.db);
  if (!scope) throw new Error('gatherLines outside withGatheredEntries');
  let g = scope.open.get(key);
  if (!g) {
    const book = `${posting.journalCode}|${posting.date.slice(0, 4)}`;
    // after those still open: they are posted first
    const open = scope.open.size > 0;
    const id = Math.max(nextAutoincrementId(ctx.db, 'journal_entries'), open ? scope.lastId + 1 : 0);
    const reserved = scope.numbers.get(book);
    const number = Math.max(nextNumber(ctx, posting), reserved === undefined ? 0 : reserved + 1);
    scope.lastId = id;
    scope.numbers.set(book, number);
    g = {
      key,
      id,
      number,
      posting,
      lines: [],
      sums: new Map(sums.map((x) => [x.accountId, { debit: 0, credit: 0, description: x.description }])),
    };
    scope.open.set(key, g);
  }
  for (const line of lines) {
    const sum = line.debtorId == null ? g.sums.get(line.accountId) : undefined;
    if (sum) {
      sum.debit += line.debit;
      sum.credit += line.credit;
    } else g.lines.push(line);
  }
  return { id: g.id, number: g.number };
}

/**
 * Posts an entry of its own in a gathering scope without cutting the entries being gathered short:
 * it takes the next id and number and is posted with them, in turn (a statement's returns among
 * thousands of credits would otherwise split the credits' entry at every return). Outside a scope
 * it is posted at once. Returns its id.
 */
export function postInTurn(ctx: Ctx, posting: Posting): number {
  const scope = scopes.get(ctx.db);
  if (!scope) return postEntry(ctx, posting);
  const { lines, ...head } = posting;
  return gatherLines(ctx, `alone|${++scope.alone}`, head, lines, []).id;
}

/** The number postEntry gives the next entry of this journal and year. */
function nextNumber(ctx: Ctx, posting: Omit<Posting, 'lines'>): number {
  const row = stmt(
    ctx.db,
    'SELECT COALESCE(MAX(e.number), 0) + 1 AS n FROM journal_entries e JOIN journals j ON j.id = e.journal_id WHERE j.code = ? AND e.year = ?',
  ).get(posting.journalCode, Number(posting.date.slice(0, 4))) as { n: number };
  return row.n;
}
