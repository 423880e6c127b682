import { createHash } from 'node:crypto';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, MAX_DEBTOR_ATTACHMENT_BYTES } from '../../shared/api/dossier';
import { notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { sniffAttachment, type AttachmentType } from './attachmentType';

/** Files kept in the ledger with a dossier entry: checked on their bytes, limited per file and per debtor. */

export interface AttachmentUpload {
  fileName: string;
  content: string;
}

export interface CheckedAttachment {
  fileName: string;
  mediaType: AttachmentType;
  bytes: Buffer;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} MB`;
const mbEn = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

function decode(content: string, field: string, fileName: string): Buffer {
  const compact = content.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw validationError(field, 'base64', `${fileName}: de inhoud van het bestand is geen geldige base64`, `${fileName}: the file content is not valid base64`);
  }
  return Buffer.from(compact, 'base64');
}

/** Every check before anything is written, so a refusal leaves the dossier as it was. */
export function checkAttachments(ctx: Ctx, debtorId: number, uploads: AttachmentUpload[]): CheckedAttachment[] {
  let total = (stmt(ctx.db, 'SELECT COALESCE(SUM(a.size), 0) AS n FROM dossier_attachments a JOIN dossier_entries e ON e.id = a.entry_id WHERE e.debtor_id = ?').get(debtorId) as { n: number }).n;
  return uploads.map((u, i) => {
    // only the name, never a folder the sender's machine had
    const fileName = path.basename(u.fileName.replace(/\\/g, '/')).trim();
    if (!fileName) throw validationError(`attachments.${i}.fileName`, 'required', 'Een bijlage heeft geen bestandsnaam', 'An attachment has no file name');
    const field = `attachments.${i}.content`;
    const bytes = decode(u.content, field, fileName);
    if (bytes.length === 0) throw validationError(field, 'empty', `${fileName} is leeg`, `${fileName} is empty`);
    if (bytes.length > MAX_ATTACHMENT_BYTES) {
      throw validationError(field, 'max_size', `${fileName} is ${mb(bytes.length)}; een bijlage mag hoogstens ${mb(MAX_ATTACHMENT_BYTES)} zijn`, `${fileName} is ${mbEn(bytes.length)}; an attachment may be at most ${mbEn(MAX_ATTACHMENT_BYTES)}`);
    }
    total += bytes.length;
    if (total > MAX_DEBTOR_ATTACHMENT_BYTES) {
      throw validationError(
        field,
        'max_debtor_size',
        `${fileName} past niet meer: de bijlagen van één debiteur mogen samen hoogstens ${mb(MAX_DEBTOR_ATTACHMENT_BYTES)} zijn`,
        `${fileName} does not fit: the attachments of one debtor may be at most ${mbEn(MAX_DEBTOR_ATTACHMENT_BYTES)} together`,
      );
    }
    const mediaType = sniffAttachment(bytes);
    if (!mediaType) {
      throw validationError(
        field,
        'file_type',
        `${fileName} is geen PDF, PNG, JPEG, tekstbestand of e-mail (.eml); alleen die worden bewaard`,
        `${fileName} is not a PDF, PNG, JPEG, text file or e-mail (.eml); only those are kept`,
      );
    }
    return { fileName, mediaType, bytes };
  });
}

export function storeAttachments(ctx: Ctx, entryId: number, files: CheckedAttachment[]): void {
  const insert = stmt(ctx.db, 'INSERT INTO dossier_attachments (entry_id, file_name, media_type, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?)');
  for (const f of files) insert.run(entryId, f.fileName, f.mediaType, f.bytes.length, createHash('sha256').update(f.bytes).digest('hex'), f.bytes);
}

export function readAttachment(ctx: Ctx, id: number): { fileName: string; mediaType: string; size: number; base64: string } {
  const a = stmt(ctx.db, 'SELECT file_name AS fileName, media_type AS mediaType, size, data FROM dossier_attachments WHERE id = ?').get(id) as
    | { fileName: string; mediaType: string; size: number; data: Buffer }
    | undefined;
  if (!a) throw notFoundError({ nl: `Bijlage ${id}`, en: `Attachment ${id}` }, 'id');
  return { fileName: a.fileName, mediaType: a.mediaType, size: a.size, base64: a.data.toString('base64') };
}
