import type Database from 'better-sqlite3';
import { restoreNoticeOf, type RestoreNotice } from '../backups/restored';

export interface LedgerStatus {
  initialized: boolean;
  file: string;
  organisationName: string | null;
  language: 'nl' | 'en';
  restoredLedger: RestoreNotice | null;
}

/**
 * What `ledger.status` answers, read with plain SQL so the CLI can answer `penning status` from a
 * read-only look at the file without loading the contract, drizzle or any domain module.
 */
export function readLedgerStatus(db: Database.Database, file: string): LedgerStatus {
  const org = db.prepare('SELECT name, language FROM organisation WHERE id = 1').get() as { name: string; language: string } | undefined;
  return {
    initialized: org !== undefined,
    file,
    organisationName: org?.name ?? null,
    language: org?.language === 'en' ? 'en' : 'nl',
    restoredLedger: restoreNoticeOf(db),
  };
}
