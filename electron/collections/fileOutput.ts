import fs from 'node:fs';
import path from 'node:path';
import type { BatchFile } from './files';
import type { FileSink } from './batchRecord';

/**
 * Files for a batch saved on disk (CLI, desktop): each written to a temporary name inside the
 * database transaction and renamed only after it committed; on failure the temporaries go.
 * One file keeps the chosen name, more get -1, -2, ... before the extension.
 */
export function withFilesOnDisk<T>(target: string, save: (sink: FileSink) => T): { result: T; files: string[] } {
  const written: { tmp: string; final: string }[] = [];
  const sink: FileSink = (file: BatchFile) => {
    const ext = path.extname(target);
    const final = file.fileCount > 1 ? `${target.slice(0, target.length - ext.length)}-${file.fileNo}${ext}` : target;
    const tmp = `${final}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, 'w');
    written.push({ tmp, final });
    return { emit: (chunk) => void fs.writeSync(fd, chunk), close: () => fs.closeSync(fd) };
  };
  let result: T;
  try {
    result = save(sink);
  } catch (e) {
    for (const f of written) fs.rmSync(f.tmp, { force: true });
    throw e;
  }
  for (const f of written) fs.renameSync(f.tmp, f.final);
  return { result, files: written.map((f) => path.resolve(f.final)) };
}
