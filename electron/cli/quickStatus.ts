import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkedSinceLastClose } from '../../db/checkedMark';
import { findMigrationsFolder } from '../../db/migrationsFolder';
import { isWritable } from '../../db/writable';
import { missingBatchFilesIn } from '../collections/missingFiles';
import { readLedgerStatus, type LedgerStatus } from '../settings/ledgerStatus';

/**
 * `penning status` without the session start: when Penning itself closed this file cleanly today
 * and nothing touched it since, the start has nothing to do (the open check, the daily backup,
 * recovery and keeping mandates current all ran on that earlier open), the file's schema is this
 * version's, it is writable and every unconfirmed batch still has its file, a look at the file
 * answers the same as `ledger.status` in a fraction of the time: no contract, drizzle or domain
 * module is loaded. Anything else returns null: the full start runs.
 */
export function quickStatus(file: string): LedgerStatus | null {
  const full = path.resolve(file);
  // a read-only file or folder gets its warning from the full start
  if (!checkedSinceLastClose(full) || !isWritable(full)) return null;
  let db: Database.Database | undefined;
  try {
    // not readonly: a read-only connection cannot remove the -wal/-shm it makes, and a -wal left
    // behind would send the next command through the full start; this one only reads
    db = new Database(full, { fileMustExist: true });
    // a batch file gone or changed is told by the full start, with the command that re-creates it
    if (!schemaIsCurrent(db) || missingBatchFilesIn(db).length > 0) return null;
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
