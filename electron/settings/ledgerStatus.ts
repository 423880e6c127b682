import type Database from 'better-sqlite3';

export interface RestoreNotice {
  restoredAt: string;
  message: { nl: string; en: string };
}

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

export function restoreNoticeOf(db: Database.Database): RestoreNotice | null {
  const at = (db.prepare('SELECT restored_at AS at FROM organisation WHERE id = 1').get() as { at: string | null } | undefined)?.at;
  if (!at) return null;
  return {
    restoredAt: at,
    message: {
      nl: 'Deze administratie is teruggezet uit een back-up: de bank kan incasso- of terugbetalingsbestanden hebben die hier niet meer staan. Kijk in de bankomgeving welke batches al zijn verwerkt voordat u opnieuw incasseert. Nieuwe bestanden krijgen andere kenmerken, dus niets wordt dubbel aangeboden onder hetzelfde kenmerk.',
      en: 'This ledger was restored from a backup: the bank may hold collection or refund files that are no longer here. Check in online banking which batches were processed before collecting again. New files get other ids, so nothing is offered twice under the same id.',
    },
  };
}
