import path from 'node:path';
import { type BackupInfo, backupsFolder, createBackup, dailyBackupDue } from '../db/backups';
import { openLedger, type Ledger, type OpenOptions } from '../db/open';
import { call } from './api';
import { type MissingBatchFile, outputFolders } from './collections/batchOutputs';
import { missingBatchFilesIn } from './collections/missingFiles';
import { createContext, type Ctx } from './context';
import { type Recovery, recoverPendingOutputs } from './files/pendingOutputs';
import { isInitialized } from './settings/settings';

/** What opening found and did, for the transports to tell (stderr, the UI's health call). */
export interface Startup {
  recovery: Recovery;
  backup: BackupInfo | null;
  /** a daily backup that could not be made: opening goes on, the reason is told */
  backupError: string | null;
  missingFiles: MissingBatchFile[];
}

/**
 * What every transport does when it opens a ledger: check and migrate, build the context, then
 * the housekeeping of a writable ledger: undo what a killed file-producing run left, the copy of
 * the day, and keep stored states true (a mandate unused for 36 months is expired).
 */
export function openSession(file: string, options: OpenOptions = {}, now?: () => Date): { ledger: Ledger; ctx: Ctx; startup: Startup } {
  const ledger = openLedger(file, options);
  try {
    const ctx = createContext(ledger, now);
    const startup: Startup = { recovery: { removedTemps: [], removedUnbooked: [] }, backup: null, backupError: null, missingFiles: [] };
    if (!ledger.access.readOnly) {
      // a killed backup or restore leaves its temporary in the backups folder or beside the ledger
      const ownFolders = ledger.file === ':memory:' ? [] : [path.dirname(ledger.file), backupsFolder(ledger.file)];
      startup.recovery = recoverPendingOutputs(ledger.db, ledger.file, [...outputFolders(ctx), ...ownFolders]);
      if (ledger.file !== ':memory:' && isInitialized(ctx) && dailyBackupDue(ledger.file)) {
        try {
          startup.backup = createBackup(ledger.db, ledger.file, 'daily');
        } catch (e) {
          startup.backupError = (e as Error).message;
        }
      }
      call(ctx, 'mandates.expireStale', {});
    }
    try {
      startup.missingFiles = missingBatchFilesIn(ctx.db);
    } catch {
      // a damaged ledger may not read its batches; its banner says enough
    }
    return { ledger, ctx, startup };
  } catch (e) {
    ledger.close();
    throw e;
  }
}
