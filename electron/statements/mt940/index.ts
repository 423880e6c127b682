import { StatementReadError, type BankFile } from '../model';

/** MT940 as Dutch banks write it. Being written on branch stmt-mt940. */
export function readMt940(_bytes: Uint8Array): BankFile {
  throw new StatementReadError('bestand', 'MT940-bestanden worden nog niet gelezen', 'MT940 files are not read yet');
}
