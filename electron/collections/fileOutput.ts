import path from 'node:path';
import type { Ctx } from '../context';
import { commitWithFiles, type OutputSet, type WrittenFile } from '../files/atomicOutput';
import type { FileSink } from './batchRecord';
import { recordBatchOutputs } from './batchOutputs';
import type { BatchFile } from './files';

/**
 * Files for a batch saved on disk (CLI, desktop). One file keeps the chosen name, more get -1,
 * -2, ... before the extension.
 */
export function batchFilePath(target: string, file: { fileNo: number; fileCount: number }): string {
  const ext = path.extname(target);
  return file.fileCount > 1 ? `${target.slice(0, target.length - ext.length)}-${file.fileNo}${ext}` : target;
}

function sinkInto(out: OutputSet, target: string): FileSink {
  return (file: BatchFile) => {
    const w = out.open(batchFilePath(target, file));
    return { emit: (chunk) => w.write(chunk), close: () => void w.close() };
  };
}

/**
 * Books a batch and places its files in one step (see atomicOutput.ts): the files are in place
 * before the booking commits, and where they went is recorded with the batch.
 */
export function saveBatchToDisk<T>(ctx: Ctx, target: string, save: (sink: FileSink) => T, batchIdOf: (result: T) => number): { result: T; files: WrittenFile[] } {
  const full = path.resolve(target);
  return commitWithFiles(ctx.db, ctx.file, path.dirname(full), (out) => {
    const result = save(sinkInto(out, full));
    recordBatchOutputs(ctx, batchIdOf(result), out.files);
    return result;
  });
}
