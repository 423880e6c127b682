import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import type { DunningRunResult } from '../../shared/api/dunning';
import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import { backupBeforeRun } from '../collections/savedFiles';
import type { Ctx } from '../context';
import { checkWritableFolder, commitWithFiles } from '../files/atomicOutput';
import { sha256OfFile } from '../files/pendingOutputs';
import { asFileRefusal } from '../files/fileRefusal';
import { dunningLetterModules } from '../letters/lazyPdf';
import { stmt } from '../preparedStatements';
import { bookDunningRun } from './run';

type RunOutput = z.output<typeof DunningRunResult>;

/** Where a run writes when the caller names no folder: "Aanmaningen" beside the ledger file. */
export function defaultLettersFolder(ctx: Ctx): string {
  return path.join(path.dirname(path.resolve(ctx.file)), 'Aanmaningen');
}

/** A run's own folder and its print file (one PDF of all letters) are named alike: by date and run. */
export const runFolderName = (date: string, runId: number) => `aanmaningen-${date}-run-${runId}`;
export const printFileName = (date: string, runId: number) => `${runFolderName(date, runId)}.pdf`;

export const nextId = (ctx: Ctx, table: string) =>
  ((stmt(ctx.db, 'SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as { seq: number } | undefined)?.seq ?? 0) + 1;

/**
 * The dunning run with its letters on disk. Drawing a thousand PDFs is asynchronous and the
 * booking is one synchronous transaction, so the letters are drawn first from the dry run (which
 * names the same letter ids and references the booking will get), and the booking then has to
 * produce exactly those letters: if anything changed in between, nothing is booked and the files
 * are removed. The files go into a folder of the run's own and are in place before COMMIT.
 */
export async function runDunningWithFiles(ctx: Ctx, input: { date: string; debtorIds: number[]; out?: string }): Promise<RunOutput> {
  const base = path.resolve(input.out ?? defaultLettersFolder(ctx));
  if (input.out === undefined) fs.mkdirSync(base, { recursive: true });
  checkWritableFolder(base, 'out');
  const planned = bookDunningRun(ctx, input.date, input.debtorIds, { dryRun: true });
  if (planned.letters.length === 0) throw validationError('debtorIds', 'min', 'Kies minstens één debiteur', 'Choose at least one debtor');
  backupBeforeRun(ctx, 'before-dunning');
  const runId = nextId(ctx, 'dunning_runs');
  const firstLetterId = nextId(ctx, 'dunning_letters');
  const { renderDunningLetters } = await dunningLetterModules();
  const printName = printFileName(input.date, runId);
  const rendered = await renderDunningLetters(planned.letters, (done, total) => ctx.progress('dunning.letters', done, total), { combinedFileName: printName });

  const folder = path.join(base, runFolderName(input.date, runId));
  fs.mkdirSync(folder);
  try {
    const { result } = asFileRefusal(() =>
      commitWithFiles(ctx.db, ctx.file, folder, (out) => {
        const booked = bookDunningRun(ctx, input.date, input.debtorIds);
        if (booked.runId !== runId || !isDeepStrictEqual(booked.letters, planned.letters)) {
          throw conflictError('changed', 'De administratie is veranderd terwijl de brieven werden gemaakt; er is niets geboekt. Maak het voorstel opnieuw', 'The ledger changed while the letters were being made; nothing was booked. Make the proposal again');
        }
        const setFiles = stmt(ctx.db, 'UPDATE dunning_letters SET pdf_file = ?, eml_file = ?, pdf_sha256 = ? WHERE id = ?');
        const files = rendered.letters.map((r, i) => {
          const letterId = firstLetterId + i;
          const pdf = out.put(path.join(folder, r.fileName), r.pdf);
          const eml = r.eml !== undefined ? out.put(path.join(folder, r.emlFileName!), r.eml).path : null;
          setFiles.run(pdf.path, eml, pdf.sha256, letterId);
          return { letterId, debtorNumber: r.debtorNumber, pdf: pdf.path, eml };
        });
        const print = out.put(path.join(folder, rendered.combined.fileName), rendered.combined.pdf);
        stmt(ctx.db, 'UPDATE dunning_runs SET folder = ? WHERE id = ?').run(folder, runId);
        return { ...booked, folder, files, printFile: print.path };
      }, 'out'),
    );
    return result;
  } catch (e) {
    // the run's own folder, empty again after the files were discarded (rmdir never removes a file)
    fs.rmdirSync(folder);
    throw e;
  }
}

/** A letter's PDF or draft, or its run's print file, read back from where the run wrote it. */
export function letterFile(ctx: Ctx, letterId: number, kind: 'pdf' | 'eml' | 'print'): { fileName: string; mediaType: string; base64: string } {
  const row = stmt(
    ctx.db,
    `SELECT l.pdf_file AS pdf, l.eml_file AS eml, l.pdf_sha256 AS sha, r.folder, r.run_date AS date, r.id AS runId
       FROM dunning_letters l JOIN dunning_runs r ON r.id = l.run_id WHERE l.id = ?`,
  ).get(letterId) as { pdf: string | null; eml: string | null; sha: string | null; folder: string | null; date: string; runId: number } | undefined;
  if (!row) throw notFoundError({ nl: `Aanmaning ${letterId} bestaat niet`, en: `Dunning letter ${letterId} does not exist` }, 'letterId');
  const file = kind === 'pdf' ? row.pdf : kind === 'eml' ? row.eml : row.folder && path.join(row.folder, printFileName(row.date, row.runId));
  if (!file) {
    throw validationError('kind', 'no_file', kind === 'eml' ? 'Voor deze brief is geen e-mailconcept gemaakt (het lid of de vereniging heeft geen e-mailadres)' : 'Van deze brief is geen bestand bewaard', kind === 'eml' ? 'No e-mail draft was made for this letter (the member or the club has no e-mail address)' : 'No file was kept for this letter');
  }
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw conflictError('file_missing', `Het bestand ${file} is er niet meer (verplaatst of verwijderd)`, `The file ${file} is gone (moved or deleted)`, 'kind');
  }
  if (kind === 'pdf' && row.sha && sha256OfFile(file) !== row.sha) {
    throw conflictError('file_changed', `Het bestand ${file} is veranderd sinds de run het schreef`, `The file ${file} changed since the run wrote it`, 'kind');
  }
  return { fileName: path.basename(file), mediaType: kind === 'eml' ? 'message/rfc822' : 'application/pdf', base64: fs.readFileSync(file).toString('base64') };
}
