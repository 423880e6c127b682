import type { Output } from '../shared/api/contract';
import { conflictError } from '../shared/api/errors';
import { lastGoodBackup } from '../db/backups';
import type { LedgerAccess } from '../db/open';
import { restoredInfo } from './backups/restored';
import { missingBatchFilesIn } from './collections/missingFiles';
import type { Ctx } from './context';

/**
 * What the UI shows as a banner and the CLI as a line on stderr when the ledger may not be
 * written, and the refusal every write gets then.
 */
export function readOnlyMessage(access: LedgerAccess, file: string): { nl: string; en: string } | null {
  if (!access.readOnly) return null;
  if (access.reason === 'file_read_only') {
    return {
      nl: `Administratie ${file} is alleen-lezen: je kunt kijken, maar niets wijzigen. Maak het bestand schrijfbaar om te boeken`,
      en: `Ledger ${file} is read-only: you can look, but not change anything. Make the file writable to book`,
    };
  }
  const backup = lastGoodBackup(file);
  const first = access.problems[0] ?? { nl: 'onbekende fout', en: 'unknown fault' };
  return {
    nl: `Administratie ${file} is beschadigd (${first.nl}) en daarom alleen-lezen geopend. ${backup ? `Zet de laatste goede reservekopie terug: ${backup.name}` : 'Er is geen reservekopie; neem contact op voor hulp'}`,
    en: `Ledger ${file} is damaged (${first.en}) and was opened read-only. ${backup ? `Restore the last good backup: ${backup.name}` : 'There is no backup; ask for help'}`,
  };
}

export function assertWritable(ctx: Ctx): void {
  const access = ctx.ledger?.access;
  if (!access?.readOnly) return;
  const why = access.reason === 'damaged' ? { nl: 'het bestand is beschadigd', en: 'the file is damaged' } : { nl: 'het bestand is alleen-lezen', en: 'the file is read-only' };
  throw conflictError(
    'read_only',
    `De administratie is alleen-lezen geopend (${why.nl}); er is niets opgeslagen`,
    `The ledger was opened read-only (${why.en}); nothing was saved`,
    'db',
  );
}

export function ledgerHealth(ctx: Ctx): Output<'ledger.health'> {
  const access: LedgerAccess = ctx.ledger?.access ?? { readOnly: false, reason: null, problems: [] };
  let missingFiles: Output<'ledger.health'>['missingFiles'] = [];
  try {
    missingFiles = missingBatchFilesIn(ctx.db);
  } catch {
    // a damaged ledger may not even read its batches; the banner already says so
  }
  return {
    file: ctx.file,
    readOnly: access.readOnly,
    reason: access.reason,
    message: readOnlyMessage(access, ctx.file),
    problems: access.problems,
    lastGoodBackup: ctx.file === ':memory:' ? null : lastGoodBackup(ctx.file),
    missingFiles,
    ...restoredInfo(ctx.db),
  };
}
