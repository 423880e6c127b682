import path from 'node:path';
import { backupsFolder, copyLedgerTo, listBackups, readKeep } from '../../db/backups';
import { openLedger, type Ledger } from '../../db/open';
import { restoreLedgerFile } from '../backups/restore';
import { markLedgerRestored } from '../backups/restored';
import type { Ctx } from '../context';
import { checkOutputTarget } from '../files/atomicOutput';
import { fileRefusal } from '../files/fileRefusal';
import { readOnlyMessage } from '../ledgerHealth';
import { defaultLedgerFile } from '../paths';
import { openSession, type Startup } from '../session';
import { type Args, UsageError } from './args';
import { type Caller, print, report, say } from './io';

/**
 * The CLI's side of the ledger file: which commands may create a ledger, what opening found
 * (told on stderr), and the backup commands.
 */


/**
 * Runs `work`; a refusal (ApiError) ends the command with its message and exit code 2, and so
 * does a file the system would not let us write (a full disk between check and write): the run
 * was rolled back, so that is said too.
 */
export function refused<T>(lang: 'nl' | 'en', work: () => T): T {
  try {
    return work();
  } catch (e) {
    const refusal = fileRefusal(e);
    if (refusal) report(refusal.data, lang);
    throw e;
  }
}

/**
 * Only `init` makes a ledger where none is (and the folder only at the default place): a typo in
 * --db must not leave an empty ledger or a folder tree behind. The database is closed on every
 * way out, so refused commands leave no -wal/-shm.
 */
export function openForCommand(args: Args, command: string): { ledger: Ledger; ctx: Ctx; startup: Startup } {
  const init = command === 'init';
  const session = refused(args.lang, () => openSession(args.db, { create: init, createFolder: init && args.db === defaultLedgerFile() }));
  process.on('exit', () => session.ledger.close());
  return session;
}

export function tellStartup(lang: 'nl' | 'en', ctx: Ctx, startup: Startup): void {
  const t = (nl: string, en: string) => say(lang === 'nl' ? nl : en);
  const banner = ctx.ledger && readOnlyMessage(ctx.ledger.access, ctx.file);
  if (banner) t(`Let op: ${banner.nl}`, `Warning: ${banner.en}`);
  for (const f of startup.recovery.removedUnbooked) t(`Verwijderd: ${f} (van een run die niet is geboekt)`, `Removed: ${f} (from a run that was not booked)`);
  for (const m of startup.missingFiles) {
    const what = m.problem === 'missing' ? { nl: 'ontbreekt', en: 'is missing' } : { nl: 'is gewijzigd', en: 'was changed' };
    t(`Let op: bestand ${m.fileNo} van ${m.reference} ${what.nl} (${m.path}); maak het opnieuw met: ${m.command}`, `Warning: file ${m.fileNo} of ${m.reference} ${what.en} (${m.path}); re-create it with: ${m.command}`);
  }
  if (startup.backupError) t(`Let op: de dagelijkse reservekopie is niet gemaakt: ${startup.backupError}`, `Warning: the daily backup was not made: ${startup.backupError}`);
}

export async function backupCommand(c: Caller, args: Args): Promise<void> {
  const out = args.options.get('--out');
  if (!out) return print(await c.call('backups.create', {}));
  const target = refused(c.lang, () => checkOutputTarget(out));
  copyLedgerTo(c.ctx.db, target);
  print({ file: target });
}

export async function backupsCommand(c: Caller): Promise<void> {
  print({ folder: backupsFolder(c.ctx.file), keep: readKeep(c.ctx.db), backups: listBackups(c.ctx.file) });
}

/** Works without opening the current ledger: it may be the damaged one that is being replaced. */
export function restoreCommand(args: Args): void {
  const source = args.positional[1];
  if (!source) throw new UsageError('restore heeft een reservekopie nodig (zie "penning backups")', 'restore needs a backup file (see "penning backups")');
  const { keptAside } = refused(args.lang, () => restoreLedgerFile(args.db, source, {}));
  const ledger = refused(args.lang, () => openLedger(args.db, { create: false }));
  try {
    if (!ledger.access.readOnly) markLedgerRestored(ledger.db, path.basename(source));
    const t = (nl: string, en: string) => say(args.lang === 'nl' ? nl : en);
    t(`Teruggezet: ${path.resolve(source)}${keptAside ? `; het vorige bestand staat in ${keptAside}` : ''}`, `Restored: ${path.resolve(source)}${keptAside ? `; the previous file is kept in ${keptAside}` : ''}`);
    print({ restored: path.resolve(source), keptAside, readOnly: ledger.access.readOnly });
  } finally {
    ledger.close();
  }
}
