import type { FileReadingT, ImportResultT } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { bytesToBase64 } from '../../components/download';

/** A bank file the treasurer dropped or chose, read once into the form the API takes. */
export interface BankUpload {
  fileName: string;
  content: string;
}

export async function readUpload(file: File): Promise<BankUpload> {
  return { fileName: file.name, content: bytesToBase64(await file.arrayBuffer()) };
}

/** What the file holds; books nothing. */
export function previewBankFile(upload: BankUpload): Promise<FileReadingT> {
  return call('statements.preview', upload);
}

/**
 * The one place the import is called, so a progress display for large files can wrap this call
 * (and only this one) once progress events exist.
 */
export function importBankFile(upload: BankUpload): Promise<ImportResultT> {
  return call('statements.import', upload);
}
