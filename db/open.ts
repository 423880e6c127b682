import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrateLedger, type MigrationReport } from './migrate';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Ledger {
  file: string;
  db: Database.Database;
  orm: Orm;
  migration: MigrationReport;
  close(): void;
}

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another ABI (Electron); see scripts/native-electron.mjs. */
  nativeBinding?: string;
  migrationsFolder?: string;
}

/**
 * Opens (or creates) a ledger file: WAL, foreign keys on, then pending migrations after a backup.
 */
export function openLedger(file: string, options: OpenOptions = {}): Ledger {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // without it a REPLACE deletes rows without firing their DELETE triggers
    db.pragma('recursive_triggers = ON');
    const migration = migrateLedger(db, file, options.migrationsFolder ?? findMigrationsFolder());
    db.pragma('foreign_keys = ON');
    return { file, db, orm: drizzle(db, { schema }), migration, close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * The migrations ship as files beside the code. Looked up from the environment, then upwards from
 * the code's own folder and the working directory, so tests, the CLI (tsx), the built bundle in
 * out/ and a packaged app (resources/migrations) all find them.
 */
export function findMigrationsFolder(): string {
  const fromEnv = process.env.PENNING_MIGRATIONS;
  if (fromEnv) return fromEnv;
  const starts = [typeof __dirname !== 'undefined' ? __dirname : undefined, process.cwd()];
  for (const start of starts) {
    let dir = start;
    while (dir) {
      for (const candidate of [path.join(dir, 'db', 'migrations'), path.join(dir, 'migrations')]) {
        if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('Cannot find the database migrations (db/migrations). Set PENNING_MIGRATIONS.');
}
