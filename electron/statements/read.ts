import { decodeText } from '../imports/decode';
import { readXmlBankFile } from './camt';
import { readMt940 } from './mt940';
import { StatementReadError, type BankFile } from './model';

/**
 * Reads any bank file Penning understands. The format comes from the content, never from the
 * file's name or extension: treasurers save ING's MT940 as .txt and Rabobank's camt as .dat.
 */
export function readBankFile(bytes: Uint8Array): BankFile {
  if (bytes.length === 0) throw new StatementReadError('bestand', 'Het bestand is leeg', 'The file is empty');
  const head = decodeText(bytes.subarray(0, 4096)).text.replace(/^[\uFEFF\s]+/, '');
  if (head.startsWith('<')) return readXmlBankFile(bytes);
  if (/^(\{1:|:20:|:940:|0000 |\r?\n?:20:)/.test(head) || /(^|[\r\n]):20:/.test(head)) return readMt940(bytes);
  throw new StatementReadError(
    'bestand',
    'Dit is geen bankafschrift dat Penning kent (camt.052/053/054, pain.002 of MT940)',
    'This is not a bank file Penning knows (camt.052/053/054, pain.002 or MT940)',
  );
}
