import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkedSinceLastClose } from '../../db/checkedMark';
import { findMigrationsFolder } from '../../db/migrationsFolder';
import { readLedgerStatus, type LedgerStatus } from '../settings/ledgerStatus';

/**
 * `penning status` without the session start: when Penning itself closed this file cleanly today
 * and nothing touched it since, the start has nothing to do (the open check, the daily backup,
 * recovery and keeping mandates current all ran on that earlier open) and the file's schema is this
 * version's, a read-only look answers the same as `ledger.status` in a fraction of the time: no
 * contract, drizzle or domain modules are loaded. Anything else returns null: the full start runs.
 */
export function quickStatus(file: string): LedgerStatus | null {
  const full = path.resolve(file);
  // a read-only file or folder gets its warning from the full start
  if (!checkedSinceLastClose(full) || !writable(full)) return null;
  let db: Database.Database | undefined;
  try {
    // not readonly: a read-only connection cannot remove the -wal/-shm it makes, and a -wal left
    // behind would send the next command through the full start; this one only reads
    db = new Database(full, { fileMustExist: true });
    if (!schemaIsCurrent(db)) return null;
    return readLedgerStatus(db, full);
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** The same migrations as this version ships, by count and the newest one's timestamp. */
function schemaIsCurrent(db: Database.Database): boolean {
  const journal = JSON.parse(fs.readFileSync(path.join(findMigrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const applied = db.prepare('SELECT count(*) AS n, max(created_at) AS last FROM __drizzle_migrations').get() as { n: number; last: number | null };
  const newest = journal.entries.at(-1);
  return applied.n === journal.entries.length && newest !== undefined && Number(applied.last) === newest.when;
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
