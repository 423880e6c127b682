import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { ApiError, validationError } from '../shared/api/errors';
import { bookProblems, pageProblems, type Problem } from './health';
import { checkedSinceLastClose, markCheckedAtClose } from './checkedMark';
import { MigrationError, migrateLedger, pendingMigrationCount, type MigrationReport } from './migrate';
import * as schema from './schema';
import { findMigrationsFolder } from './migrationsFolder';
import { isWritable } from './writable';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface Ledger {
  file: string;
  db: Database.Database;
  orm: Orm;
  migration: MigrationReport;
  access: LedgerAccess;
  /** how it was opened, so a restore can open the restored file the same way */
  options: OpenOptions;
  close(): void;
}

/**
 * Whether the ledger may be written. Read-only when the open check found the file damaged (pages
 * or books), or when the file or its folder is read-only; every write method is then refused.
 */
export interface LedgerAccess {
  readOnly: boolean;
  reason: 'damaged' | 'file_read_only' | null;
  problems: Problem[];
}

const WRITABLE: LedgerAccess = { readOnly: false, reason: null, problems: [] };

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another ABI (Electron); see scripts/native-electron.mjs. */
  nativeBinding?: string;
  migrationsFolder?: string;
  /** make a new ledger when the file does not exist (default); the CLI allows it only for `init` */
  create?: boolean;
  /** also make a missing folder (only for the default location, never for a typed path) */
  createFolder?: boolean;
}

function refuse(rule: string, nl: string, en: string): ApiError {
  return validationError('db', rule, nl, en);
}

/**
 * Opens (or creates) a ledger file. An existing file is first looked at without writing: is it a
 * SQLite file, one of ours and not from a newer Penning, are its pages and books sound. Files that
 * cannot be a ledger are refused with one message (ApiError, field "db"); a damaged or read-only
 * one opens read-only. Otherwise: WAL, foreign keys on, pending migrations after a backup.
 */
export function openLedger(file: string, options: OpenOptions = {}): Ledger {
  if (file === ':memory:') return openWritable(file, options);
  const full = path.resolve(file);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) return createLedger(full, options);
  if (stat.isDirectory()) throw refuse('is_directory', `Administratie ${full} is een map, geen bestand`, `Ledger ${full} is a folder, not a file`);
  if (stat.size === 0) {
    throw refuse('empty', `Administratie ${full} is leeg (0 bytes): geen Penning-administratie. Kies het juiste bestand of verwijder dit lege bestand`, `Ledger ${full} is empty (0 bytes): not a Penning ledger. Choose the right file or remove this empty one`);
  }
  checkSqliteHeader(full);
  const writable = isWritable(full);
  const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder();
  // a sound file Penning closed cleanly today and nobody touched since needs no full check again
  const trusted = writable && checkedSinceLastClose(full);
  const probe = inspect(full, migrationsFolder, writable, options, false, !trusted);
  if (probe.problems.length > 0) {
    if (probe.pending > 0) throw damagedRefusal(full, probe.problems);
    return openReadOnly(full, options, { readOnly: true, reason: 'damaged', problems: probe.problems }, writable);
  }
  if (!writable) {
    if (probe.pending > 0) {
      throw refuse('read_only', `Administratie ${full} is alleen-lezen en moet worden bijgewerkt voor deze versie van Penning; maak het bestand schrijfbaar`, `Ledger ${full} is read-only and must be upgraded for this version of Penning; make the file writable`);
    }
    return openReadOnly(full, options, { readOnly: true, reason: 'file_read_only', problems: [] }, false);
  }
  const ledger = openWritable(full, options, migrationsFolder);
  const problems = trusted ? [] : bookProblems(ledger.db);
  if (problems.length === 0) return markedOnClose(ledger, full);
  ledger.close();
  return openReadOnly(full, options, { readOnly: true, reason: 'damaged', problems }, true);
}

/**
 * The checks of opening, on a file that is not (yet) the ledger: a backup about to be restored.
 * Refuses what cannot be a ledger; returns the problems of a damaged one (none: sound).
 */
export function checkLedgerFile(file: string, options: OpenOptions = {}): Problem[] {
  const full = path.resolve(file);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw refuse('missing', `${full} bestaat niet of is geen bestand`, `${full} does not exist or is not a file`);
  if (stat.size === 0) throw refuse('empty', `${full} is leeg (0 bytes): geen Penning-administratie`, `${full} is empty (0 bytes): not a Penning ledger`);
  checkSqliteHeader(full);
  return inspect(full, options.migrationsFolder ?? findMigrationsFolder(), isWritable(full), options, true).problems;
}

function createLedger(full: string, options: OpenOptions): Ledger {
  if (options.create === false) {
    throw refuse('missing', `Administratie ${full} bestaat niet; maak er een met \`penning init\``, `Ledger ${full} does not exist; create one with \`penning init\``);
  }
  const folder = path.dirname(full);
  if (!fs.existsSync(folder)) {
    if (!options.createFolder) throw refuse('folder_missing', `De map ${folder} voor administratie ${path.basename(full)} bestaat niet`, `The folder ${folder} for ledger ${path.basename(full)} does not exist`);
    fs.mkdirSync(folder, { recursive: true });
  }
  return markedOnClose(openWritable(full, options), full);
}

/** A sound ledger, once closed cleanly, is remembered as checked (see checkedMark). */
function markedOnClose(ledger: Ledger, full: string): Ledger {
  ledger.close = () => {
    if (!ledger.db.open) return;
    ledger.db.close();
    markCheckedAtClose(full);
  };
  return ledger;
}

function checkSqliteHeader(full: string): void {
  const header = Buffer.alloc(16);
  let fd: number;
  try {
    fd = fs.openSync(full, 'r');
  } catch (e) {
    throw refuse('unreadable', `Administratie ${full} kan niet worden gelezen (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, `Ledger ${full} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3\0') {
    throw refuse('not_sqlite', `${full} is geen Penning-administratie (het is geen SQLite-bestand)`, `${full} is not a Penning ledger (it is not a SQLite file)`);
  }
}

/**
 * A file its owner made read-only (no write bit at all), or one we may not write, is opened
 * read-only. The bits count too because an administrator passes every access check.
 */

function damagedRefusal(full: string, problems: Problem[]): ApiError {
  return refuse(
    'damaged',
    `Administratie ${full} is beschadigd (${problems[0]!.nl}); zet een reservekopie terug met \`penning restore <kopie>\` (zie \`penning backups\`)`,
    `Ledger ${full} is damaged (${problems[0]!.en}); restore a backup with \`penning restore <copy>\` (see \`penning backups\`)`,
  );
}

/**
 * Looks at an existing file without changing it. A writable file is probed through a normal
 * connection kept query-only (so closing it removes the -wal/-shm it made); a read-only one
 * through a read-only connection.
 */
function inspect(full: string, migrationsFolder: string, writable: boolean, options: OpenOptions, books = false, pages = true): { pending: number; problems: Problem[] } {
  const hadWal = fs.existsSync(`${full}-wal`);
  const db = connect(full, options, !writable);
  try {
    if (writable) db.pragma('query_only = ON');
    let tables: string[];
    try {
      tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    } catch (e) {
      throw damagedRefusal(full, [{ nl: (e as Error).message, en: (e as Error).message }]);
    }
    if (tables.length > 0 && !tables.includes('__drizzle_migrations')) {
      throw refuse('not_penning', `${full} is een SQLite-bestand, maar geen Penning-administratie`, `${full} is a SQLite file, but not a Penning ledger`);
    }
    let pending: number;
    try {
      pending = pendingMigrationCount(db, migrationsFolder);
    } catch (e) {
      // the app's own migrations missing is a broken installation, not a damaged ledger
      if (!fs.existsSync(path.join(migrationsFolder, 'meta', '_journal.json'))) throw e;
      if (!(e instanceof MigrationError)) throw damagedRefusal(full, [{ nl: (e as Error).message, en: (e as Error).message }]);
      if (e.kind === 'newer') {
        throw refuse('newer', `Administratie ${full} is gemaakt met een nieuwere versie van Penning; werk Penning bij om haar te openen`, `Ledger ${full} was written by a newer version of Penning; update Penning to open it`);
      }
      throw refuse('history', `Administratie ${full} heeft een andere opbouw dan deze versie van Penning kent (${e.message}); ze wordt niet geopend`, `Ledger ${full}: ${e.message}`);
    }
    const problems = pages ? pageProblems(db) : [];
    if (books && pending === 0 && problems.length === 0) problems.push(...bookProblems(db));
    return { pending, problems };
  } finally {
    closeQuietly(db, full, !writable, hadWal);
  }
}

function connect(full: string, options: OpenOptions, readonly: boolean): Database.Database {
  try {
    return new Database(full, { readonly, fileMustExist: full !== ':memory:' && readonly, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (e) {
    throw refuse('unreadable', `Administratie ${full} kan niet worden geopend (${(e as Error).message})`, `Ledger ${full} cannot be opened (${(e as Error).message})`);
  }
}

/** A read-only connection to a WAL file leaves an empty -wal and a -shm behind; they were ours, so they go. */
function closeQuietly(db: Database.Database, full: string, readonly: boolean, hadWal: boolean): void {
  db.close();
  if (!readonly || hadWal) return;
  try {
    if (fs.statSync(`${full}-wal`, { throwIfNoEntry: false })?.size === 0) {
      fs.rmSync(`${full}-wal`, { force: true });
      fs.rmSync(`${full}-shm`, { force: true });
    }
  } catch {
    // a read-only folder: nothing was created there either
  }
}

function openReadOnly(full: string, options: OpenOptions, access: LedgerAccess, writable: boolean): Ledger {
  // a damaged but writable file keeps a normal connection, made query-only by SQLite itself
  const readonly = !writable;
  const hadWal = fs.existsSync(`${full}-wal`);
  const db = connect(full, options, readonly);
  if (!readonly) db.pragma('query_only = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  const ledger: Ledger = {
    file: full,
    db,
    orm: drizzle(db, { schema }),
    migration: { applied: [], backupFile: null },
    access,
    options,
    close: () => {
      if (ledger.db.open) closeQuietly(ledger.db, full, readonly, hadWal);
    },
  };
  return ledger;
}

function openWritable(file: string, options: OpenOptions, migrationsFolder?: string): Ledger {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // without it a REPLACE deletes rows without firing their DELETE triggers
    db.pragma('recursive_triggers = ON');
    const migration = migrateLedger(db, file, migrationsFolder ?? options.migrationsFolder ?? findMigrationsFolder());
    db.pragma('foreign_keys = ON');
    const ledger: Ledger = { file, db, orm: drizzle(db, { schema }), migration, access: WRITABLE, options, close: () => ledger.db.open && ledger.db.close() };
    return ledger;
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

export { findMigrationsFolder };
