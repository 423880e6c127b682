import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Copies of the ledger in `<ledger>.backups/` beside it: on the first open of a day, before
 * migrations, before every booking run that produces files, and on request. Each copy is a
 * consistent snapshot (VACUUM INTO, so it works on a live WAL database and from a read-only
 * connection), written under a temporary name and renamed into place; only the newest `keep`
 * are kept.
 */
export const DEFAULT_KEEP = 10;

/** why the copy was made; part of the file name so a listing explains itself */
export type BackupReason = 'daily' | 'manual' | 'before-collect' | 'before-refund' | 'before-dunning' | 'before-hand-over' | 'before-restore' | 'damaged' | `before-migration-${string}`;

export interface BackupInfo {
  name: string;
  file: string;
  /** ISO moment, from the name */
  createdAt: string;
  reason: string;
  bytes: number;
}

const NAME = /^(.+)-(\d{8}T\d{6}\d{3}Z)-([a-z0-9_-]+)\.sqlite$/;

export function backupsFolder(ledgerFile: string): string {
  return `${path.resolve(ledgerFile)}.backups`;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function fromStamp(s: string): string {
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

/** fsync of a file, or of a folder after a rename into it (Windows cannot open a folder for that; NTFS journals the rename). */
export function fsyncPath(file: string): void {
  if (process.platform === 'win32' && fs.statSync(file).isDirectory()) return;
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Newest first. Files that are not Penning's copies are left alone and not listed. */
export function listBackups(ledgerFile: string): BackupInfo[] {
  const folder = backupsFolder(ledgerFile);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const list: BackupInfo[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = path.join(folder, name);
    list.push({ name, file, createdAt: fromStamp(m[2]!), reason: m[3]!, bytes: fs.statSync(file).size });
  }
  return list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.name.localeCompare(a.name)));
}

export function readKeep(db: Database.Database): number {
  try {
    const row = db.prepare("SELECT value FROM ledger_meta WHERE key = 'backups.keep'").get() as { value: string } | undefined;
    const n = Number(row?.value);
    return Number.isSafeInteger(n) && n >= 1 ? n : DEFAULT_KEEP;
  } catch {
    // a ledger from before ledger_meta (backup before its migration)
    return DEFAULT_KEEP;
  }
}

export function createBackup(db: Database.Database, ledgerFile: string, reason: BackupReason, now = new Date()): BackupInfo {
  const folder = backupsFolder(ledgerFile);
  if (!fs.existsSync(folder)) fs.mkdirSync(folder);
  const base = path.basename(ledgerFile).replace(/\.sqlite$/i, '');
  const name = `${base}-${stamp(now)}-${reason.toLowerCase().replace(/[^a-z0-9_-]+/g, '_')}.sqlite`;
  const file = path.join(folder, name);
  copyLedgerTo(db, file);
  rotateBackups(ledgerFile, readKeep(db));
  const m = NAME.exec(name)!;
  return { name, file, createdAt: fromStamp(m[2]!), reason: m[3]!, bytes: fs.statSync(file).size };
}

/** A consistent copy of the open ledger at `target`, never half written: temporary name, fsync, rename. */
export function copyLedgerTo(db: Database.Database, target: string): void {
  const folder = path.dirname(target);
  const tmp = path.join(folder, `.${path.basename(target)}.penning-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    fsyncPath(tmp);
    fs.renameSync(tmp, target);
    fsyncPath(folder);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Keeps the newest `keep` copies. A copy set aside before a restore goes with its -wal. */
export function rotateBackups(ledgerFile: string, keep: number): string[] {
  const removed: string[] = [];
  for (const old of listBackups(ledgerFile).slice(keep)) {
    for (const f of [old.file, `${old.file}-wal`, `${old.file}-shm`]) fs.rmSync(f, { force: true });
    removed.push(old.file);
  }
  return removed;
}

/** The newest copy Penning made of a healthy ledger (a copy of a damaged one is named so). */
export function lastGoodBackup(ledgerFile: string): BackupInfo | null {
  return listBackups(ledgerFile).find((b) => b.reason !== 'damaged' && b.reason !== 'before-restore') ?? null;
}

/** The automatic copy of the day: only when none was made today (local date). */
export function dailyBackupDue(ledgerFile: string, now = new Date()): boolean {
  const today = localDay(now);
  return !listBackups(ledgerFile).some((b) => localDay(new Date(b.createdAt)) === today);
}

function localDay(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}
