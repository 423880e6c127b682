import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { validationError } from '../../shared/api/errors';

/**
 * A bank file the browser sent as a stream (POST /upload) rather than as base64 inside a JSON call:
 * a year of camt.053 is far larger than the server's request-body budget, and base64 in JSON would
 * hold the file three times over. It lands in the ledger's own folder (same disk, same access
 * rights as the ledger) under a random name, and the statement calls name it by that id.
 */
export const STAGED_PREFIX = '.penning-upload-';
const ID = /^[a-f0-9]{32}$/;

export const newUploadId = () => crypto.randomBytes(16).toString('hex');

export function stagedPath(ledgerFile: string, id: string): string {
  if (!ID.test(id)) throw validationError('upload', 'pattern', 'Ongeldig uploadnummer', 'Invalid upload id');
  return path.join(path.dirname(ledgerFile), `${STAGED_PREFIX}${id}`);
}

export function readStaged(ledgerFile: string, id: string): Buffer {
  try {
    return fs.readFileSync(stagedPath(ledgerFile, id));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw validationError('upload', 'gone', 'Het geüploade bestand is er niet meer (al ingelezen of Penning is opnieuw gestart); kies het bestand opnieuw', 'The uploaded file is gone (already imported, or Penning was restarted); choose the file again');
    }
    throw e;
  }
}

export function removeStaged(ledgerFile: string, id: string): void {
  fs.rmSync(stagedPath(ledgerFile, id), { force: true });
}

/** Uploads a crashed or closed session left behind: never read again, so they go at the next start. */
export function removeLeftoverUploads(ledgerFile: string): void {
  const folder = path.dirname(ledgerFile);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const n of names) if (n.startsWith(STAGED_PREFIX) && ID.test(n.slice(STAGED_PREFIX.length).replace(/\.part$/, ''))) fs.rmSync(path.join(folder, n), { force: true });
}
