import type Database from 'better-sqlite3';

/**
 * Answers that cannot change while one long operation runs in its transaction (an import of
 * 100 000 statement entries asks for the receivables account or the bank journal a few hundred
 * thousand times): looked up once per operation, forgotten when it ends, so a change made between
 * two operations is always seen.
 */
const scopes = new WeakMap<Database.Database, Map<string, unknown>>();

export function withFixedLookups<T>(db: Database.Database, run: () => T): T {
  if (scopes.has(db)) return run();
  scopes.set(db, new Map());
  try {
    return run();
  } finally {
    scopes.delete(db);
  }
}

/** `look` once per key inside withFixedLookups; every time outside it. */
export function fixedLookup<T>(db: Database.Database, key: string, look: () => T): T {
  const known = scopes.get(db);
  if (!known) return look();
  if (known.has(key)) return known.get(key) as T;
  const value = look();
  known.set(key, value);
  return value;
}
