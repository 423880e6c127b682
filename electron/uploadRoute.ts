import fs from 'node:fs';
import type http from 'node:http';
import { MAX_XML_BYTES } from './statements/camt/limits';
import { newUploadId, stagedPath } from './statements/stagedUpload';

/** The largest file the bank-file readers take (camt's 256 MiB): anything larger is refused before it is stored. */
export const MAX_UPLOAD = MAX_XML_BYTES;
/** Uploads written at the same time; each holds only a stream buffer in memory, this bounds the disk. */
const MAX_UPLOADS_IN_FLIGHT = 2;
let inFlight = 0;

type Answer = (status: number, body: unknown) => void;
const refusal = (nl: string, en: string, rule: string) => ({ ok: false, error: { code: 'validation', field: 'upload', rule, message: { nl, en } } });

/**
 * POST /upload: the request body is the file itself, piped to disk in the ledger's folder (so the
 * server's memory holds a stream buffer, not the file), first as .part and renamed once complete,
 * so a broken upload is never read. Answers `{ ok, value: { upload, size } }`; the statement
 * calls then name the upload instead of carrying the content. Token and origin are checked by the
 * caller exactly as for /api/.
 */
export function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, ledgerFile: string, answer: Answer, discardRest: () => void): void {
  const tooLarge = () => answer(413, refusal(`Bestand te groot: hoogstens ${MAX_UPLOAD / 1024 / 1024} MB`, `File too large: at most ${MAX_UPLOAD / 1024 / 1024} MB`, 'max_upload'));
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD) {
    discardRest();
    return tooLarge();
  }
  if (inFlight >= MAX_UPLOADS_IN_FLIGHT) {
    discardRest();
    res.setHeader('Retry-After', '1');
    return answer(503, refusal('Penning is bezig; probeer het zo opnieuw', 'Penning is busy; try again in a moment', 'busy'));
  }
  inFlight++;
  const id = newUploadId();
  const final = stagedPath(ledgerFile, id);
  const part = `${final}.part`;
  const out = fs.createWriteStream(part, { flags: 'wx', mode: 0o600 });
  let size = 0;
  let failed = false;
  const fail = (then: () => void) => {
    if (failed) return;
    failed = true;
    inFlight--;
    req.unpipe(out);
    out.destroy();
    fs.rm(part, { force: true }, () => undefined);
    then();
  };
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > MAX_UPLOAD) fail(() => {
      discardRest();
      tooLarge();
    });
  });
  req.on('aborted', () => fail(() => undefined));
  out.on('error', () => fail(() => answer(500, refusal('Het bestand kon niet worden opgeslagen in de map van de administratie', 'The file could not be stored in the ledger\u2019s folder', 'upload_write'))));
  out.on('finish', () => {
    if (failed) return;
    inFlight--;
    fs.rename(part, final, (err) => {
      if (err) {
        fs.rm(part, { force: true }, () => undefined);
        return answer(500, refusal('Het bestand kon niet worden opgeslagen in de map van de administratie', 'The file could not be stored in the ledger\u2019s folder', 'upload_write'));
      }
      answer(200, { ok: true, value: { upload: id, size } });
    });
  });
  req.pipe(out);
}
