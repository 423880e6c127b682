import type Database from 'better-sqlite3';

/**
 * The call site every restore ends in. A restored ledger is older than what the bank has already
 * seen, so ids made from its counters could be issued twice; the `sepa` branch adds the function
 * that makes ids fresh after a restore, and the lead wires it in here. What this module itself
 * does: remember when and from which copy the ledger was restored, for the health report.
 */
export function markLedgerRestored(db: Database.Database, from: string, at = new Date()): void {
  const set = db.prepare('INSERT INTO ledger_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    set.run('restored_at', at.toISOString());
    set.run('restored_from', from);
  })();
}

export function restoredInfo(db: Database.Database): { restoredAt: string | null; restoredFrom: string | null } {
  const get = (key: string) => (db.prepare('SELECT value FROM ledger_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  try {
    return { restoredAt: get('restored_at'), restoredFrom: get('restored_from') };
  } catch {
    return { restoredAt: null, restoredFrom: null };
  }
}
