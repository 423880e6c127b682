import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import type { HandOverResult } from '../../shared/api/dunning';
import { conflictError, notFoundError } from '../../shared/api/errors';
import { backupBeforeRun } from '../collections/savedFiles';
import type { Ctx } from '../context';
import { euroNl, writeEntry } from '../dossier/entries';
import { checkWritableFolder, commitWithFiles } from '../files/atomicOutput';
import { asFileRefusal } from '../files/fileRefusal';
import { sha256OfFile } from '../files/pendingOutputs';
import { setBlocked } from '../items/operations';
import { dunningLetterModules } from '../letters/lazyPdf';
import { stmt } from '../preparedStatements';
import { bookCostsLowering } from './costsLowering';
import { planHandOver } from './handOverClaims';
import { handOverTotal } from './handOverTotal';
import { listLevels } from './levels';
import { nextId } from './runFiles';

type Result = z.output<typeof HandOverResult>;

/** the reason on each blocked item: the open-items grid and the history show it */
export const HANDED_OVER = 'overgedragen';

/** Where a hand-over writes when the caller names no folder: "Overdrachten" beside the ledger file. */
export function defaultHandOverFolder(ctx: Ctx): string {
  return path.join(path.dirname(path.resolve(ctx.file)), 'Overdrachten');
}

/**
 * The status a handed-over debtor gets: the one the hand-over level sets (the default ladder's
 * Overdracht sets Incassobureau), else the status called Incassobureau, else unchanged.
 */
function handedOverStatus(ctx: Ctx): number | null {
  const levels = listLevels(ctx).filter((l) => l.setsStatusId !== null);
  const level = levels.find((l) => l.handOver) ?? levels.at(-1);
  if (level?.handOver && level.setsStatusId !== null) return level.setsStatusId;
  return (stmt(ctx.db, "SELECT id FROM debtor_statuses WHERE name = 'Incassobureau' AND active = 1").get() as { id: number } | undefined)?.id ?? level?.setsStatusId ?? null;
}

/**
 * Overdracht aan een incassobureau. The package is drawn first from what the books say (drawing
 * PDFs is asynchronous, a transaction is not), then inside ONE transaction the same package must
 * come out again — otherwise nothing is booked and the files are removed — the files are placed,
 * every claimed item is blocked as overgedragen (so no letter and no collection asks for it any
 * more), the debtor's status is set and the dossier records the hand-over. COMMIT comes last.
 */
export async function handOverWithFiles(ctx: Ctx, input: { date: string; debtorIds: number[]; out?: string }): Promise<Result> {
  const base = path.resolve(input.out ?? defaultHandOverFolder(ctx));
  if (input.out === undefined) fs.mkdirSync(base, { recursive: true });
  checkWritableFolder(base, 'out');
  const planned = planHandOver(ctx, input.date, input.debtorIds);
  backupBeforeRun(ctx, 'before-hand-over');
  const handOverId = nextId(ctx, 'hand_overs');
  const { handOverPackage } = await dunningLetterModules();
  const rendered = await handOverPackage(planned.map((p) => p.package));

  const folder = path.join(base, `overdracht-${input.date}-${handOverId}`);
  fs.mkdirSync(folder);
  try {
    const { result } = asFileRefusal(() =>
      commitWithFiles(ctx.db, ctx.file, folder, (out): Result => {
        const again = planHandOver(ctx, input.date, input.debtorIds);
        if (!isDeepStrictEqual(again, planned) || nextId(ctx, 'hand_overs') !== handOverId) {
          throw conflictError('changed', 'De administratie is veranderd terwijl het overdrachtsdossier werd gemaakt; er is niets overgedragen. Probeer het opnieuw', 'The ledger changed while the hand-over package was being made; nothing was handed over. Try again');
        }
        const claims = out.put(path.join(folder, rendered.claims.fileName), rendered.claims.csv);
        const id = Number(stmt(ctx.db, 'INSERT INTO hand_overs (date, folder, claims_file, claims_sha256) VALUES (?, ?, ?, ?)').run(input.date, folder, claims.path, claims.sha256).lastInsertRowid);
        const statusId = handedOverStatus(ctx);
        const statusName = statusId === null ? null : (stmt(ctx.db, 'SELECT name FROM debtor_statuses WHERE id = ?').get(statusId) as { name: string }).name;
        const debtors = planned.map((p, i) => {
          const dossier = rendered.dossiers[i]!;
          const pdf = out.put(path.join(folder, dossier.fileName), dossier.pdf);
          const total = handOverTotal(p.package);
          for (const l of p.lowerings) bookCostsLowering(ctx, p.debtorId, l, input.date);
          setBlocked(ctx, { itemIds: p.itemIds, blocked: true, reason: HANDED_OVER });
          if (statusId !== null) stmt(ctx.db, 'UPDATE debtors SET status_id = ? WHERE id = ?').run(statusId, p.debtorId);
          const entryId = writeEntry(ctx, {
            debtorId: p.debtorId,
            kind: 'handover',
            date: input.date,
            text: `Overgedragen aan het incassobureau: ${euroNl(total)} (${p.itemIds.length} ${p.itemIds.length === 1 ? 'post' : 'posten'}); dossier ${dossier.fileName}`,
          });
          stmt(ctx.db, 'INSERT INTO hand_over_debtors (hand_over_id, debtor_id, total, pdf_file, pdf_sha256, dossier_entry_id) VALUES (?, ?, ?, ?, ?, ?)').run(id, p.debtorId, total, pdf.path, pdf.sha256, entryId);
          return { debtorId: p.debtorId, debtorNumber: p.package.debtor.number, debtorName: p.package.debtor.name, items: p.itemIds.length, total, pdf: pdf.path, statusName };
        });
        return { handOverId: id, date: input.date, folder, claimsFile: claims.path, debtors, total: debtors.reduce((s, d) => s + d.total, 0) };
      }, 'out'),
    );
    return result;
  } catch (e) {
    // the hand-over's own folder, empty again after the files were discarded (rmdir never removes a file)
    fs.rmdirSync(folder);
    throw e;
  }
}

/** The claims CSV of a hand-over, or one debtor's dossier PDF, read back unchanged from where it was written. */
export function handOverFile(ctx: Ctx, handOverId: number, debtorId?: number): { fileName: string; mediaType: string; base64: string } {
  const row = (
    debtorId === undefined
      ? stmt(ctx.db, 'SELECT claims_file AS file, claims_sha256 AS sha FROM hand_overs WHERE id = ?').get(handOverId)
      : stmt(ctx.db, 'SELECT pdf_file AS file, pdf_sha256 AS sha FROM hand_over_debtors WHERE hand_over_id = ? AND debtor_id = ?').get(handOverId, debtorId)
  ) as { file: string; sha: string } | undefined;
  if (!row) {
    throw notFoundError(
      debtorId === undefined ? { nl: `Overdracht ${handOverId}`, en: `Hand-over ${handOverId}` } : { nl: `Debiteur ${debtorId} in overdracht ${handOverId}`, en: `Debtor ${debtorId} in hand-over ${handOverId}` },
      debtorId === undefined ? 'handOverId' : 'debtorId',
    );
  }
  if (!fs.statSync(row.file, { throwIfNoEntry: false })?.isFile()) {
    throw conflictError('file_missing', `Het bestand ${row.file} is er niet meer (verplaatst of verwijderd)`, `The file ${row.file} is gone (moved or deleted)`, 'handOverId');
  }
  if (sha256OfFile(row.file) !== row.sha) {
    throw conflictError('file_changed', `Het bestand ${row.file} is veranderd sinds de overdracht het schreef`, `The file ${row.file} changed since the hand-over wrote it`, 'handOverId');
  }
  return { fileName: path.basename(row.file), mediaType: debtorId === undefined ? 'text/csv' : 'application/pdf', base64: fs.readFileSync(row.file).toString('base64') };
}

/** The hand-overs of one debtor, newest first (the debtor card says so and offers the dossier again). */
export function handOversOf(ctx: Ctx, debtorId: number): { handOverId: number; date: string; total: number; fileName: string }[] {
  const rows = stmt(
    ctx.db,
    'SELECT h.id AS handOverId, h.date, d.total, d.pdf_file AS file FROM hand_over_debtors d JOIN hand_overs h ON h.id = d.hand_over_id WHERE d.debtor_id = ? ORDER BY h.id DESC',
  ).all(debtorId) as { handOverId: number; date: string; total: number; file: string }[];
  return rows.map(({ file, ...r }) => ({ ...r, fileName: path.basename(file) }));
}
