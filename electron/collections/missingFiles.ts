import type Database from 'better-sqlite3';
import { sha256OfFile } from '../files/pendingOutputs';
import { stmt } from '../preparedStatements';

/**
 * A batch the bank has not yet confirmed must have its file: each is checked against the places
 * its files were written (batch_outputs). Kept apart from the file writers so that the CLI's quick
 * status can check it without loading them.
 */
export interface MissingBatchFile {
  batchId: number;
  reference: string;
  fileNo: number;
  fileCount: number;
  path: string;
  problem: 'missing' | 'changed';
  /** re-creates the file at its place, byte for byte */
  command: string;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function recreateCommand(reference: string, fileNo: number, fileCount: number, file: string): string {
  return `penning batch file ${reference}${fileCount > 1 ? ` --file ${fileNo}` : ''} --out ${shellQuote(file)}`;
}

/** Saved (not cancelled) batches whose file is at none of the places it was written, or differs there. */
export function missingBatchFilesIn(db: Database.Database): MissingBatchFile[] {
  const rows = stmt(
    db,
    `SELECT b.id AS batchId, b.reference, b.file_count AS fileCount, b.file_hashes AS hashes, o.file_no AS fileNo, o.path
       FROM batch_outputs o JOIN batches b ON b.id = o.batch_id
      WHERE b.status = 'saved' ORDER BY b.id, o.file_no, o.id DESC`,
  ).all() as { batchId: number; reference: string; fileCount: number; hashes: string; fileNo: number; path: string }[];
  const missing: MissingBatchFile[] = [];
  const seen = new Map<string, { row: (typeof rows)[number]; found: boolean; changed: boolean }>();
  for (const r of rows) {
    const key = `${r.batchId}/${r.fileNo}`;
    const entry = seen.get(key) ?? { row: r, found: false, changed: false };
    seen.set(key, entry);
    if (entry.found) continue;
    const expected = (JSON.parse(r.hashes) as string[])[r.fileNo - 1];
    const actual = sha256OfFile(r.path);
    if (actual === expected) entry.found = true;
    else if (actual !== null) entry.changed = true;
  }
  for (const { row, found, changed } of seen.values()) {
    if (found) continue;
    missing.push({
      batchId: row.batchId, reference: row.reference, fileNo: row.fileNo, fileCount: row.fileCount, path: row.path,
      problem: changed ? 'changed' : 'missing', command: recreateCommand(row.reference, row.fileNo, row.fileCount, row.path),
    });
  }
  return missing;
}

