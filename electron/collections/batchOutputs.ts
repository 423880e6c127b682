import path from 'node:path';
import type { Ctx } from '../context';
import { notFoundError } from '../../shared/api/errors';
import { commitWithFiles, type WrittenFile, writeFiles } from '../files/atomicOutput';
import { batchFileText } from './files';
import { stmt } from '../preparedStatements';

/**
 * Where the files of a batch were written on this machine. A batch the bank has not yet
 * confirmed must have its file: on opening, each such batch is checked against the places its
 * files were written, and one whose file is gone (or changed) is reported with the command that
 * re-creates it byte for byte.
 */
export function recordBatchOutputs(ctx: Ctx, batchId: number, files: WrittenFile[], firstFileNo = 1): void {
  const insert = stmt(ctx.db, 'INSERT INTO batch_outputs (batch_id, file_no, path, sha256) VALUES (?, ?, ?, ?)');
  files.forEach((f, i) => insert.run(batchId, firstFileNo + i, f.path, f.sha256));
}

export { type MissingBatchFile, recreateCommand } from './missingFiles';

/** The folders Penning wrote batch files to: where stale temporaries of a killed run may lie. */
export function outputFolders(ctx: Ctx): string[] {
  return (stmt(ctx.db, 'SELECT DISTINCT path FROM batch_outputs').pluck().all() as string[]).map((p) => path.dirname(p)).filter((d, i, all) => all.indexOf(d) === i);
}

/** The place the newest write of a batch file went. */
export function lastOutputPath(ctx: Ctx, batchId: number, fileNo: number): string | null {
  return (stmt(ctx.db, 'SELECT path FROM batch_outputs WHERE batch_id = ? AND file_no = ? ORDER BY id DESC LIMIT 1').pluck().get(batchId, fileNo) as string | undefined) ?? null;
}

/**
 * Writes a saved batch's file again (byte for byte: rebuilt from the stored rows) at `target`, or
 * where it was last written, and records the new place with the batch. On a read-only ledger the
 * file is still written; only the record is left out.
 */
export function recreateBatchFile(ctx: Ctx, batchId: number, fileNo: number, target?: string): WrittenFile & { messageId: string } {
  const place = target ?? lastOutputPath(ctx, batchId, fileNo);
  if (!place) {
    throw notFoundError({ nl: `Een eerdere plek voor bestand ${fileNo} van batch ${batchId}`, en: `An earlier place for file ${fileNo} of batch ${batchId}` }, 'fileNo');
  }
  const file = batchFileText(ctx, batchId, fileNo);
  if (ctx.ledger?.access.readOnly) return { ...writeFiles([{ path: place, data: file.xml }])[0]!, messageId: file.messageId };
  const { files } = commitWithFiles(ctx.db, ctx.file, path.dirname(path.resolve(place)), (out) => {
    const written = out.put(place, file.xml);
    recordBatchOutputs(ctx, batchId, [written], fileNo);
    return written;
  });
  return { ...files[0]!, messageId: file.messageId };
}
