import type Database from 'better-sqlite3';
import { markLedgerRestored as freshBankIds } from '../collections/bankIds';

/**
 * The call site every restore ends in. A restored ledger is older than what the bank has already
 * seen, so ids made from its counters could be issued twice: the ledger's id salt is rotated (see
 * collections/bankIds), and when and from which copy it was restored is kept for the health report.
 */
export function markLedgerRestored(db: Database.Database, from: string, at = new Date()): void {
  const set = db.prepare('INSERT INTO ledger_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    freshBankIds(db, at);
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
