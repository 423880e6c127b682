import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { PENNING_TMP, type WrittenFile } from './atomicOutput';

/**
 * A file is renamed into place just before its booking commits. A process killed in that gap
 * leaves a file the bank must never get: a run that was not booked. So before the rename Penning
 * notes, beside the ledger, which files are in flight (with their hash); the next open removes
 * such a file when no batch carries its hash, clears Penning's temporaries in those folders, and
 * drops the note.
 */
interface PendingNote {
  pid: number;
  folders: string[];
  files: { path: string; sha256: string }[];
}

function noteFile(ledgerFile: string): string {
  return path.join(path.dirname(path.resolve(ledgerFile)), `.${path.basename(ledgerFile)}.penning-pending.json`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function notePendingOutputs(ledgerFile: string, folders: string[], files: WrittenFile[]): void {
  if (ledgerFile === ':memory:') return;
  const note: PendingNote = { pid: process.pid, folders: [...new Set(folders)], files: files.map((f) => ({ path: f.path, sha256: f.sha256 })) };
  const target = noteFile(ledgerFile);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.penning-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(note));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, target);
}

export function clearPendingOutputs(ledgerFile: string): void {
  if (ledgerFile !== ':memory:') fs.rmSync(noteFile(ledgerFile), { force: true });
}

/** Penning temporaries in `folder` whose writing process is gone. */
export function removeStaleTemps(folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PENNING_TMP.exec(name);
    if (!m || isAlive(Number(m[1]))) continue;
    try {
      fs.rmSync(path.join(folder, name), { force: true });
      removed.push(path.join(folder, name));
    } catch {
      // a temporary we cannot remove (read-only folder) does no harm: it is never read
    }
  }
  return removed;
}

export function sha256OfFile(file: string): string | null {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

export interface Recovery {
  removedTemps: string[];
  /** files placed by a run that was killed before its booking committed */
  removedUnbooked: string[];
}

/** On open (writable ledger): undo what a killed run left behind. */
export function recoverPendingOutputs(db: Database.Database, ledgerFile: string, folders: string[]): Recovery {
  const recovery: Recovery = { removedTemps: [], removedUnbooked: [] };
  if (ledgerFile === ':memory:') return recovery;
  const file = noteFile(ledgerFile);
  let note: PendingNote | null = null;
  try {
    note = JSON.parse(fs.readFileSync(file, 'utf8')) as PendingNote;
  } catch {
    note = null;
  }
  if (note && isAlive(note.pid)) note = null;
  const booked = db.prepare('SELECT 1 FROM batches WHERE instr(file_hashes, ?) > 0 LIMIT 1');
  for (const f of note?.files ?? []) {
    if (sha256OfFile(f.path) === f.sha256 && !booked.get(f.sha256)) {
      fs.rmSync(f.path, { force: true });
      recovery.removedUnbooked.push(f.path);
    }
  }
  for (const folder of new Set([...(note?.folders ?? []), ...folders])) recovery.removedTemps.push(...removeStaleTemps(folder));
  if (note) fs.rmSync(file, { force: true });
  return recovery;
}
