import type { FileReadingT, ImportResultT } from '../../../../shared/api/contract';
import { call, isBrowserMode, type Progress, uploadFile } from '../../api/client';
import { bytesToBase64 } from '../../components/download';

/**
 * A bank file the treasurer dropped or chose, in the form the API takes: under Electron its bytes
 * (base64), in browser mode the id of the copy streamed to the server (a year of camt.053 is far
 * over what one JSON call may carry).
 */
export interface BankUpload {
  fileName: string;
  content?: string;
  upload?: string;
}

export async function readUpload(file: File, onProgress?: (p: Progress) => void): Promise<BankUpload> {
  if (isBrowserMode()) return { fileName: file.name, upload: await uploadFile(file, onProgress) };
  return { fileName: file.name, content: bytesToBase64(await file.arrayBuffer()) };
}

/** What the file holds; books nothing. */
export function previewBankFile(upload: BankUpload): Promise<FileReadingT> {
  return call('statements.preview', upload);
}

/** The one place the import is called: its progress (matching the entries) goes to the caller's bar. */
export function importBankFile(upload: BankUpload, onProgress?: (p: Progress) => void): Promise<ImportResultT> {
  return call('statements.import', upload, onProgress ? { onProgress } : {});
}
