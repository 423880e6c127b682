import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/**
 * Our own runner for the drizzle-kit migrations (same bookkeeping table as drizzle's migrator),
 * because the stock one has three holes for a money ledger: it silently skips a migration whose
 * timestamp is older than the newest applied one, never checks hashes, and runs drizzle-kit's
 * table rebuilds with foreign keys still on, so a DROP TABLE can cascade and delete rows. Here:
 * applied migrations must match the app's journal (hash by hash), the file is backed up first,
 * foreign keys are off outside the transaction, and `foreign_key_check` must come back empty
 * before COMMIT.
 */
export class MigrationError extends Error {}

export interface MigrationReport {
  applied: string[];
  backupFile: string | null;
}

const TABLE = '__drizzle_migrations';

export function migrateLedger(db: Database.Database, file: string, migrationsFolder: string): MigrationReport {
  const known = readMigrationFiles({ migrationsFolder });
  const tags = readTags(migrationsFolder);
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL, created_at NUMERIC)`);
  const applied = db.prepare(`SELECT hash, created_at AS createdAt FROM ${TABLE} ORDER BY id`).all() as { hash: string; createdAt: number }[];

  applied.forEach((row, i) => {
    const expected = known[i];
    if (!expected) {
      throw new MigrationError(
        `This ledger was written by a newer version of Penning (migration ${i + 1} of ${applied.length} is unknown to this version). Update Penning before opening it.`,
      );
    }
    if (expected.hash !== row.hash) {
      throw new MigrationError(`Migration ${tags[i] ?? i} in this ledger differs from the one this version of Penning ships; refusing to open it.`);
    }
  });

  const pending = known.slice(applied.length);
  if (pending.length === 0) return { applied: [], backupFile: null };

  const backupFile = applied.length > 0 && file !== ':memory:' ? backupBeforeMigrate(db, file, tags[applied.length] ?? 'next') : null;

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

/** A consistent copy of the whole file, taken with VACUUM INTO so it works synchronously. */
function backupBeforeMigrate(db: Database.Database, file: string, nextTag: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.backup-${stamp}-before-${nextTag}`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
