import { createHash } from 'node:crypto';
import type { FileReadingT } from '../../shared/api/statements';
import { validationError } from '../../shared/api/errors';
import { statementTotals } from './balanceCheck';
import { type BankFile, StatementReadError } from './model';
import { readBankFile } from './read';

/** 200 MB of base64 is the API's limit; a real statement file of 100 000 entries is far below. */
export function decodeUpload(content: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content.replace(/\s+/g, ''))) {
    throw validationError('content', 'base64', 'De inhoud van het bestand is geen geldige base64', 'The file content is not valid base64');
  }
  return Buffer.from(content, 'base64');
}

/** Reads the bytes; what cannot be read is one message naming where and why, never a stack trace. */
export function readUpload(bytes: Uint8Array, fileName: string): BankFile {
  try {
    return readBankFile(bytes);
  } catch (e) {
    if (e instanceof StatementReadError) {
      const name = fileName ? `${fileName}, ` : '';
      throw validationError('content', 'unreadable', `${name}${e.where}: ${e.nl}. Er is niets ingelezen`, `${name}${e.where}: ${e.en}. Nothing was imported`);
    }
    throw e;
  }
}

/** The file read, its hash and size: the caller keeps no hold on the bytes, so an import need not keep them. */
export function readWithHash(bytes: Uint8Array, fileName: string): { file: BankFile; sha256: string; bytes: number } {
  return { file: readUpload(bytes, fileName), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** What a file holds, per statement with its balance check; the dry run and the import both say this. */
export function fileReading(file: BankFile): FileReadingT {
  const sums: Record<string, number> = {};
  let entries = 0;
  const statements = file.statements.map((s) => {
    const t = statementTotals(s);
    entries += t.entries;
    for (const e of s.entries) sums[e.currency] = (sums[e.currency] ?? 0) + e.amount;
    return {
      account: s.account,
      currency: s.currency,
      id: s.id,
      from: s.from,
      to: s.to,
      opening: s.opening?.amount ?? null,
      closing: s.closing?.amount ?? null,
      entries: t.entries,
      credits: t.credits,
      // a treasurer reads "afschrijvingen € 1.234,56", not a negative total; sums stay signed
      debits: -t.debits,
      balanceOk: t.difference === null ? null : t.difference === 0,
    };
  });
  if (file.statusReport) entries += file.statusReport.rejects.length;
  return { format: file.format, variant: file.variant, statements, entries, sums };
}
