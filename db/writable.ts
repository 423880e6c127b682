import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether Penning may write the ledger: the file and its folder (for -wal, backups and the mark).
 * access() says yes to root for a chmod-444 file, so the mode's write bits count too.
 */
export function isWritable(full: string): boolean {
  const folder = path.dirname(full);
  const noWriteBits = (p: string) => (fs.statSync(p).mode & 0o222) === 0;
  try {
    fs.accessSync(full, fs.constants.W_OK);
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    return false;
  }
  return !noWriteBits(full) && !noWriteBits(folder);
}
