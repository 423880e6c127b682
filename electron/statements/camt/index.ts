import { StatementReadError, type BankFile } from '../model';

/** camt.052/053/054 and pain.002 (ISO 20022 XML). Being written on branch stmt-xml. */
export function readXmlBankFile(_bytes: Uint8Array): BankFile {
  throw new StatementReadError('bestand', 'XML-bankbestanden worden nog niet gelezen', 'XML bank files are not read yet');
}
