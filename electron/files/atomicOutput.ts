import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { validationError } from '../../shared/api/errors';
import { fsyncPath } from '../../db/backups';
import { crashPoint } from './crashPoints';
import { clearPendingOutputs, notePendingOutputs } from './pendingOutputs';

/**
 * Every file Penning hands to the treasurer (bank files, PDFs, exports) is written here, so a file
 * and the books always agree: the target is checked before anything is booked, each file is
 * written and fsynced under a temporary name in its own folder, renamed into place, the folder
 * fsynced, and only then the transaction commits. A failed COMMIT removes the placed files again;
 * a crash in between is repaired on the next open (see pendingOutputs.ts).
 */

export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface FileWriter {
  write(chunk: string | Buffer): void;
  /** fsyncs and closes the temporary file; the file is placed later, all together */
  close(): WrittenFile;
}

/** `.incasso.xml.penning-1234-9f3a0c1e.tmp`: recognisably ours, and naming the process that wrote it. */
export const PENNING_TMP = /^\..+\.penning-(\d+)-[0-9a-f]{8}\.tmp$/;

function tempNameFor(final: string): string {
  return path.join(path.dirname(final), `.${path.basename(final)}.penning-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Refuses, before anything is booked, a target that cannot become a file: a directory, a folder
 * that does not exist (no folder tree is made from a typo), or one Penning may not write in.
 * Returns the absolute path.
 */
export function checkOutputTarget(target: string, field = '--out'): string {
  const full = path.resolve(target);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    throw validationError(field, 'is_directory', `${field}: ${full} is een map; geef een bestandsnaam in die map`, `${field}: ${full} is a folder; give a file name inside it`);
  }
  if (stat && !stat.isFile()) {
    throw validationError(field, 'not_a_file', `${field}: ${full} is geen gewoon bestand`, `${field}: ${full} is not a regular file`);
  }
  checkWritableFolder(path.dirname(full), field);
  return full;
}

/** The folder must already exist and be writable: a rename into place cannot cross folders. */
export function checkWritableFolder(folder: string, field: string): void {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat) throw validationError(field, 'folder_missing', `${field}: de map ${folder} bestaat niet`, `${field}: the folder ${folder} does not exist`);
  if (!stat.isDirectory()) throw validationError(field, 'folder_missing', `${field}: ${folder} is geen map`, `${field}: ${folder} is not a folder`);
  let writable = (stat.mode & 0o222) !== 0; // a folder its owner made read-only; an administrator would pass the access check
  try {
    fs.accessSync(folder, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw validationError(field, 'not_writable', `${field}: in de map ${folder} mag niet geschreven worden`, `${field}: the folder ${folder} is not writable`);
}

interface Staged {
  final: string;
  tmp: string;
  fd: number | null;
  written: WrittenFile | null;
  placed: boolean;
}

/** The files of one run: staged under temporary names until `place`. */
export class OutputSet {
  private readonly staged: Staged[] = [];

  constructor(readonly field = '--out') {}

  open(target: string): FileWriter {
    const final = checkOutputTarget(target, this.field);
    if (this.staged.some((s) => s.final === final)) throw new Error(`${final} is written twice in one run`);
    const s: Staged = { final, tmp: tempNameFor(final), fd: null, written: null, placed: false };
    s.fd = fs.openSync(s.tmp, 'wx', 0o644);
    this.staged.push(s);
    const hash = createHash('sha256');
    let bytes = 0;
    return {
      write: (chunk) => {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        hash.update(buf);
        bytes += buf.length;
        for (let off = 0; off < buf.length; ) off += fs.writeSync(s.fd!, buf, off);
        crashPoint('during-write');
      },
      close: () => {
        fs.fsyncSync(s.fd!);
        fs.closeSync(s.fd!);
        s.fd = null;
        s.written = { path: final, sha256: hash.digest('hex'), bytes };
        return s.written;
      },
    };
  }

  put(target: string, data: string | Buffer): WrittenFile {
    const w = this.open(target);
    w.write(data);
    return w.close();
  }

  get files(): WrittenFile[] {
    return this.staged.map((s) => s.written).filter((w): w is WrittenFile => w !== null);
  }

  get folders(): string[] {
    return [...new Set(this.staged.map((s) => path.dirname(s.final)))];
  }

  place(): void {
    for (const s of this.staged) {
      if (!s.written) throw new Error(`${s.final} was opened but never finished`);
    }
    for (const s of this.staged) {
      fs.renameSync(s.tmp, s.final);
      s.placed = true;
    }
    for (const folder of this.folders) fsyncPath(folder);
  }

  /** Undo: temporaries go, and placed files too (their booking did not happen). */
  discard(): void {
    for (const s of this.staged) {
      if (s.fd !== null) fs.closeSync(s.fd);
      s.fd = null;
      fs.rmSync(s.placed ? s.final : s.tmp, { force: true });
    }
  }
}

/**
 * One booking run that produces files: `work` books inside a transaction and writes its files to
 * `out`; the files are placed before COMMIT. `ledgerFile` names the ledger, beside which a note of
 * the files in flight lets the next open undo a run killed between rename and COMMIT.
 */
export function commitWithFiles<T>(db: Database.Database, ledgerFile: string, folder: string, work: (out: OutputSet) => T, field = '--out'): { result: T; files: WrittenFile[] } {
  checkWritableFolder(folder, field);
  crashPoint('before-book');
  const out = new OutputSet(field);
  notePendingOutputs(ledgerFile, [folder], []);
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work(out);
    crashPoint('after-temp-write');
    notePendingOutputs(ledgerFile, out.folders.concat(folder), out.files);
    out.place();
    crashPoint('after-rename');
    db.exec('COMMIT');
    clearPendingOutputs(ledgerFile);
    crashPoint('after-commit');
    return { result, files: out.files };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    out.discard();
    clearPendingOutputs(ledgerFile);
    throw e;
  }
}

/** Files that book nothing (PDFs, a re-saved batch file): still all or none, never half written. */
export function writeFiles(targets: { path: string; data: string | Buffer }[], field = '--out'): WrittenFile[] {
  for (const t of targets) checkOutputTarget(t.path, field);
  const out = new OutputSet(field);
  try {
    for (const t of targets) out.put(t.path, t.data);
    out.place();
    return out.files;
  } catch (e) {
    out.discard();
    throw e;
  }
}
