import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

/**
 * Rows of one table gathered and written many at a time with one multi-row INSERT. Each INSERT
 * statement carries its own fixed cost (the statement's program, its triggers set up, the
 * AUTOINCREMENT counter written back, the call into SQLite); for the small rows an import writes
 * per entry (an allocation, a line in an item's history) that cost was most of the write.
 */
export class RowBuffer {
  private values: unknown[] = [];
  private rows = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly perInsert = 64,
  ) {}

  add(row: readonly unknown[]): void {
    if (row.length !== this.columns.length) throw new Error(`${this.table}: ${row.length} values for ${this.columns.length} columns`);
    for (const v of row) this.values.push(v);
    if (++this.rows === this.perInsert) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    const one = `(${this.columns.map(() => '?').join(', ')})`;
    stmt(this.db, `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array(this.rows).fill(one).join(', ')}`).run(this.values);
    this.values = [];
    this.rows = 0;
  }
}

const scopes = new WeakMap<Database.Database, Map<string, { flush(): void }>>();

/**
 * Lets an import hold back rows it writes many of (its statement entries, their allocations, the
 * items its batch credits settle) and write them in bulk. Held-back rows are written before
 * anything reads those tables: at the end of the scope, and where a matcher asks (flushWrites)
 * before a query that looks at allocations or items in collection. Inside the caller's
 * transaction, so a failure anywhere still writes nothing.
 */
export function withWriteBehind<T>(ctx: Ctx, run: () => T): T {
  if (scopes.has(ctx.db)) return run();
  const buffers = new Map<string, { flush(): void }>();
  scopes.set(ctx.db, buffers);
  try {
    const value = run();
    for (const b of buffers.values()) b.flush();
    return value;
  } finally {
    scopes.delete(ctx.db);
  }
}

/** The scope's buffer of this name (made by `make` on first use), or undefined outside a scope: write directly. */
export function writeBehind<B extends { flush(): void }>(ctx: Ctx, name: string, make: () => B): B | undefined {
  const buffers = scopes.get(ctx.db);
  if (!buffers) return undefined;
  let b = buffers.get(name) as B | undefined;
  if (!b) {
    b = make();
    buffers.set(name, b);
  }
  return b;
}

/** Writes every held-back row now: call before reading what an import may be holding back. */
export function flushWrites(ctx: Ctx): void {
  const buffers = scopes.get(ctx.db);
  if (buffers) for (const b of buffers.values()) b.flush();
}
