import type Database from 'better-sqlite3';

/**
 * Prepared statements cached per connection: hot paths (posting 100 000 entries) must not parse
 * SQL again for every call.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let map = cache.get(db);
  if (!map) {
    map = new Map();
    cache.set(db, map);
  }
  let s = map.get(sql);
  if (!s) {
    s = db.prepare(sql);
    map.set(sql, s);
  }
  return s;
}

/**
 * The id an AUTOINCREMENT table gives its next row: past every id ever handed out, deleted or
 * rolled back ones included. For ids named before their row is written (a gathered journal entry,
 * a statement entry matched before it is inserted).
 */
export function nextAutoincrementId(db: Database.Database, table: 'journal_entries' | 'statement_entries'): number {
  const row = stmt(db, `SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '${table}'), 0), COALESCE((SELECT MAX(id) FROM ${table}), 0)) + 1 AS id`).get() as { id: number };
  return row.id;
}
