import type Database from 'better-sqlite3';
import { rotateIdSalt } from '../collections/bankIds';
import type { Ctx } from '../context';

/**
 * The one place a restore is remembered (ledger_meta restored_at/restored_from): the health report
 * shows when and from which copy, the batch list and ledger.status warn that the bank may hold
 * files this ledger no longer knows.
 */

/**
 * The call site every restore ends in. A restored ledger is older than what the bank has already
 * seen, so ids made from its counters could be issued twice: the ledger's id salt is rotated (see
 * collections/bankIds), and when and from which copy it was restored is kept.
 */
export function markLedgerRestored(db: Database.Database, from: string, at = new Date()): void {
  const set = db.prepare('INSERT INTO ledger_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    rotateIdSalt(db);
    set.run('restored_at', at.toISOString());
    set.run('restored_from', from);
  })();
}

export function restoredInfo(db: Database.Database): { restoredAt: string | null; restoredFrom: string | null } {
  const get = (key: string) => (db.prepare('SELECT value FROM ledger_meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
  try {
    return { restoredAt: get('restored_at'), restoredFrom: get('restored_from') };
  } catch {
    // a file from before ledger_meta, read before its migration
    return { restoredAt: null, restoredFrom: null };
  }
}

export interface RestoreNotice {
  restoredAt: string;
  message: { nl: string; en: string };
}

/** The warning above the batches (and in ledger.status) of a restored ledger. */
export function restoreNotice(ctx: Ctx): RestoreNotice | null {
  return restoreNoticeOf(ctx.db);
}

export function restoreNoticeOf(db: Database.Database): RestoreNotice | null {
  const at = restoredInfo(db).restoredAt;
  if (!at) return null;
  return {
    restoredAt: at,
    message: {
      nl: 'Deze administratie is teruggezet uit een back-up: de bank kan incasso- of terugbetalingsbestanden hebben die hier niet meer staan. Kijk in de bankomgeving welke batches al zijn verwerkt voordat u opnieuw incasseert. Nieuwe bestanden krijgen andere kenmerken, dus niets wordt dubbel aangeboden onder hetzelfde kenmerk.',
      en: 'This ledger was restored from a backup: the bank may hold collection or refund files that are no longer here. Check in online banking which batches were processed before collecting again. New files get other ids, so nothing is offered twice under the same id.',
    },
  };
}
