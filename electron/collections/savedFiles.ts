import { validationError } from '../../shared/api/errors';
import { type BackupReason, backupsFolder, createBackup } from '../../db/backups';
import type { Ctx } from '../context';
import { checkOutputTarget } from '../files/atomicOutput';
import { asFileRefusal } from '../files/fileRefusal';
import { assertWritable } from '../ledgerHealth';
import { saveRefund } from '../refunds/refunds';
import type { CollectionRequest } from './plan';
import { saveBatchToDisk } from './fileOutput';
import { proposalOf } from './proposal';
import { getBatch } from './queries';
import { saveCollection } from './save';

/**
 * Before a run that books and writes files: the ledger must be writable and a backup is made (no
 * copy, no run).
 */
export function backupBeforeRun(ctx: Ctx, reason: BackupReason): void {
  assertWritable(ctx);
  if (ctx.file === ':memory:') return;
  try {
    createBackup(ctx.db, ctx.file, reason);
  } catch (e) {
    throw validationError(
      'db',
      'backup',
      `De reservekopie vóór deze run kon niet worden gemaakt in ${backupsFolder(ctx.file)} (${(e as Error).message}); er is niets geboekt`,
      `The backup before this run could not be made in ${backupsFolder(ctx.file)} (${(e as Error).message}); nothing was booked`,
    );
  }
}

/**
 * The one way a run places its bank file on disk, for every transport that asks for a path (the
 * CLI's --out, a save dialog): the target is checked before anything is booked, a backup is made,
 * then the files are in place before the booking commits.
 */
function prepare(ctx: Ctx, out: string, reason: BackupReason): string {
  assertWritable(ctx);
  const target = checkOutputTarget(out, 'out');
  backupBeforeRun(ctx, reason);
  return target;
}

export function saveCollectionToFile(ctx: Ctx, request: CollectionRequest, out: string) {
  const target = prepare(ctx, out, 'before-collect');
  const { result, files } = asFileRefusal(() => saveBatchToDisk(ctx, target, (sink) => saveCollection(ctx, request, sink), (r) => r.batchId));
  const proposal = proposalOf(result.plan);
  return {
    batch: getBatch(ctx, result.batchId),
    files: files.map((f) => ({ path: f.path, sha256: f.sha256 })),
    collectionDate: proposal.collectionDate,
    excluded: proposal.excluded,
  };
}

export function saveRefundToFile(ctx: Ctx, input: Parameters<typeof saveRefund>[1], out: string) {
  const target = prepare(ctx, out, 'before-refund');
  const { result, files } = asFileRefusal(() => saveBatchToDisk(ctx, target, (sink) => saveRefund(ctx, input, sink), (id) => id));
  return { batch: getBatch(ctx, result), files: files.map((f) => ({ path: f.path, sha256: f.sha256 })) };
}
