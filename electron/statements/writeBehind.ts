import type Database from 'better-sqlite3';
import type { Ctx } from '../context';

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

/** `use` with the scope's buffer of this name, or outside a scope with a new one written when `use` is done. */
export function buffered<B extends { flush(): void }>(ctx: Ctx, name: string, make: () => B, use: (buffer: B) => void): void {
  const held = writeBehind(ctx, name, make);
  const buffer = held ?? make();
  use(buffer);
  if (!held) buffer.flush();
}

interface ItemsHeld {
  flush(): void;
  touches?(o: { itemIds?: readonly number[]; debtorId?: number }): boolean;
}

/**
 * Writes the held changes to these items or this debtor's (the buffers that know what they touch)
 * before a reader that looks only at those: cheaper than flushWrites where a few entries (a
 * statement's returns) sit among thousands of credits.
 */
export function flushWritesTouching(ctx: Ctx, o: { itemIds?: readonly number[]; debtorId?: number }): void {
  const buffers = scopes.get(ctx.db);
  if (buffers) for (const b of buffers.values() as Iterable<ItemsHeld>) if (b.touches?.(o)) b.flush();
}
