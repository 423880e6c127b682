import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { createBackup } from './backups';
import { MigrationError } from './migrationError';

export { MigrationError };

/**
 * Our own runner for the drizzle-kit migrations (same bookkeeping table as drizzle's migrator),
 * because the stock one has three holes for a money ledger: it silently skips a migration whose
 * timestamp is older than the newest applied one, never checks hashes, and runs drizzle-kit's
 * table rebuilds with foreign keys still on, so a DROP TABLE can cascade and delete rows. Here:
 * applied migrations must match the app's journal (hash by hash), the file is backed up first,
 * foreign keys are off outside the transaction, and `foreign_key_check` must come back empty
 * before COMMIT.
 */
export interface MigrationReport {
  applied: string[];
  backupFile: string | null;
}

const TABLE = '__drizzle_migrations';

/**
 * How many of the app's migrations this ledger still lacks. Refuses (MigrationError) a ledger
 * written by a newer Penning or with a different history; reads only, so it can run on a
 * read-only connection before anything is written.
 */
export function pendingMigrationCount(db: Database.Database, migrationsFolder: string): number {
  const known = readMigrationFiles({ migrationsFolder });
  const tags = readTags(migrationsFolder);
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '${TABLE}'`).get();
  const applied = exists ? (db.prepare(`SELECT hash FROM ${TABLE} ORDER BY id`).all() as { hash: string }[]) : [];
  applied.forEach((row, i) => {
    const expected = known[i];
    if (!expected) {
      throw new MigrationError(
        `This ledger was written by a newer version of Penning (migration ${i + 1} of ${applied.length} is unknown to this version). Update Penning before opening it.`,
        'newer',
      );
    }
    if (expected.hash !== row.hash) {
      throw new MigrationError(`Migration ${tags[i] ?? i} in this ledger differs from the one this version of Penning ships; refusing to open it.`, 'differs');
    }
  });
  return known.length - applied.length;
}

export function migrateLedger(db: Database.Database, file: string, migrationsFolder: string): MigrationReport {
  const known = readMigrationFiles({ migrationsFolder });
  const tags = readTags(migrationsFolder);
  const missing = pendingMigrationCount(db, migrationsFolder);
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL, created_at NUMERIC)`);
  const applied = { length: known.length - missing };

  const pending = known.slice(applied.length);
  if (pending.length === 0) return { applied: [], backupFile: null };

  const backupFile = applied.length > 0 && file !== ':memory:' ? createBackup(db, file, `before-migration-${tags[applied.length] ?? 'next'}`).file : null;

  db.pragma('foreign_keys = OFF');
  const insert = db.prepare(`INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`);
  const run = db.transaction(() => {
    for (const migration of pending) {
      for (const statement of migration.sql) {
        if (statement.trim()) db.exec(statement);
      }
      insert.run(migration.hash, migration.folderMillis);
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new MigrationError(`Migration would leave ${broken.length} rows with broken references; rolled back.`);
    }
  });
  try {
    run();
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return { applied: tags.slice(applied.length, applied.length + pending.length), backupFile };
}

function readTags(migrationsFolder: string): string[] {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}
