import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { validationError } from '../../shared/api/errors';
import { type BackupInfo, backupsFolder, copyLedgerTo, createBackup, fsyncPath, listBackups } from '../../db/backups';
import { checkLedgerFile, type OpenOptions, openLedger } from '../../db/open';
import type { Ctx } from '../context';
import { checkWritableFolder } from '../files/atomicOutput';
import { markLedgerRestored } from './restored';

/**
 * Putting a backup back. The copy passes the same checks as opening a ledger (a damaged or newer
 * one is refused, nothing changes), is copied beside the ledger under a temporary name, the
 * current file (with its -wal) is moved aside into the backups folder, and the copy renamed into
 * place. Nothing is deleted: the file that was replaced stays listed as "before-restore".
 */
export function restoreLedgerFile(ledgerFile: string, source: string, options: OpenOptions, closeCurrent: () => void = () => undefined): { keptAside: string | null } {
  const full = path.resolve(ledgerFile);
  const src = path.resolve(source);
  if (src === full) throw validationError('file', 'same_file', `${src} is de administratie zelf, geen reservekopie`, `${src} is the ledger itself, not a backup`);
  const problems = checkLedgerFile(src, options);
  if (problems.length > 0) {
    throw validationError('file', 'damaged', `Reservekopie ${src} is beschadigd (${problems[0]!.nl}); kies een andere`, `Backup ${src} is damaged (${problems[0]!.en}); choose another`);
  }
  const folder = path.dirname(full);
  checkWritableFolder(folder, '--db');
  const tmp = path.join(folder, `.${path.basename(full)}.penning-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    copyConsistently(src, tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  closeCurrent();
  let keptAside: string | null = null;
  if (fs.existsSync(full)) {
    const backups = backupsFolder(full);
    if (!fs.existsSync(backups)) fs.mkdirSync(backups);
    keptAside = path.join(backups, `${path.basename(full).replace(/\.sqlite$/i, '')}-${new Date().toISOString().replace(/[-:.]/g, '')}-before-restore.sqlite`);
    fs.renameSync(full, keptAside);
    if (fs.existsSync(`${full}-wal`)) fs.renameSync(`${full}-wal`, `${keptAside}-wal`);
    fs.rmSync(`${full}-shm`, { force: true });
  }
  fs.renameSync(tmp, full);
  fsyncPath(folder);
  return { keptAside };
}

/** A copy of a file that may still have a -wal beside it: through SQLite, so the -wal counts too. */
function copyConsistently(src: string, target: string): void {
  if (!fs.existsSync(`${src}-wal`)) {
    fs.copyFileSync(src, target);
    fsyncPath(target);
    return;
  }
  const db = new Database(src, { readonly: true });
  try {
    copyLedgerTo(db, target);
  } finally {
    db.close();
  }
}

/** Restores a backup under a running session (app, browser mode): the connection is swapped in place. */
export function restoreInSession(ctx: Ctx, name: string): { restored: string; keptAside: string | null } {
  const ledger = ctx.ledger;
  if (!ledger || ctx.file === ':memory:') throw validationError('name', 'no_file', 'Deze administratie heeft geen bestand om terug te zetten', 'This ledger has no file to restore into');
  const backup = listBackups(ctx.file).find((b) => b.name === name);
  if (!backup) throw validationError('name', 'exists', `Reservekopie ${name} bestaat niet in ${backupsFolder(ctx.file)}`, `Backup ${name} does not exist in ${backupsFolder(ctx.file)}`);
  const { keptAside } = restoreLedgerFile(ctx.file, backup.file, ledger.options, () => ledger.db.close());
  const fresh = openLedger(ctx.file, ledger.options);
  if (!fresh.access.readOnly) markLedgerRestored(fresh.db, backup.name);
  Object.assign(ledger, fresh);
  ctx.db = fresh.db;
  ctx.orm = fresh.orm;
  return { restored: backup.name, keptAside: keptAside && path.basename(keptAside) };
}

/** A backup now; of a damaged ledger it is named so, and never offered as the last good one. */
export function backupNow(ctx: Ctx): BackupInfo {
  if (ctx.file === ':memory:') throw validationError('db', 'no_file', 'Deze administratie heeft geen bestand', 'This ledger has no file');
  const folder = path.dirname(backupsFolder(ctx.file));
  checkWritableFolder(folder, '--db');
  return createBackup(ctx.db, ctx.file, ctx.ledger?.access.reason === 'damaged' ? 'damaged' : 'manual');
}
