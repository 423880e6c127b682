import { checkOutputTarget } from '../files/atomicOutput';
import { asFileRefusal } from '../files/fileRefusal';
import { listBackups, readKeep, backupsFolder, rotateBackups } from '../../db/backups';
import { backupNow, restoreInSession } from './restore';
import { recreateBatchFile } from '../collections/batchOutputs';
import { ledgerHealth } from '../ledgerHealth';
import type { ledgerFileMethods } from '../../shared/api/ledgerFile';
import type { HandlersFor } from '../handlerTypes';

export const ledgerFileHandlers: HandlersFor<typeof ledgerFileMethods> = {
  'ledger.health': (ctx) => ledgerHealth(ctx),
  'backups.list': (ctx) => ({ folder: backupsFolder(ctx.file), keep: readKeep(ctx.db), backups: listBackups(ctx.file) }),
  'backups.create': (ctx) => backupNow(ctx),
  'backups.setKeep': (ctx, input) => {
    ctx.db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('backups.keep', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(input.keep));
    if (ctx.file !== ':memory:') rotateBackups(ctx.file, input.keep);
    return { keep: input.keep };
  },
  'backups.restore': (ctx, input) => ({ ...restoreInSession(ctx, input.name), health: ledgerHealth(ctx) }),
  'batches.recreateFile': (ctx, input) => {
    const f = asFileRefusal(() => recreateBatchFile(ctx, input.id, input.fileNo, input.out === undefined ? undefined : checkOutputTarget(input.out, 'out')));
    return { path: f.path, sha256: f.sha256, messageId: f.messageId };
  },
};
