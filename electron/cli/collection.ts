import fs from 'node:fs';
import path from 'node:path';
import { api, type Input, type Method, type ParsedInput } from '../../shared/api/contract';
import { ApiError } from '../../shared/api/errors';
import { toValidationError } from '../../shared/api/zodError';
import { REASON_TEXT } from '../../shared/collectionReasons';
import { recreateBatchFile } from '../collections/batchOutputs';
import { saveBatchToDisk } from '../collections/fileOutput';
import { checkOutputTarget, checkWritableFolder, writeFiles } from '../files/atomicOutput';
import { proposalOf } from '../collections/proposal';
import { getBatch } from '../collections/queries';
import { saveCollection } from '../collections/save';
import { saveRefund } from '../refunds/refunds';
import { type Args, idArgument, listOption, UsageError } from './args';
import { type Caller, print, report, say } from './io';
import { backupBeforeRun, refused } from './ledgerFile';
import { debtorIdByNumber } from './receivables';

/**
 * collect / refund / batch. Saving runs the same validated handler code inside one transaction
 * that also writes the file(s); they are in place before the booking commits (files/atomicOutput.ts),
 * after a backup, and the target is checked before anything is booked.
 */

async function bankId(c: Caller, iban: string | undefined): Promise<number | undefined> {
  if (!iban) return undefined;
  const normal = iban.replace(/\s+/g, '').toUpperCase();
  const bank = (await c.call('settings.get', {})).bankAccounts.find((b) => b.iban === normal);
  if (!bank) report({ code: 'validation', field: 'bank', rule: 'unknown', message: { nl: `Bankrekening ${normal} staat niet bij de bankrekeningen`, en: `Bank account ${normal} is not one of the bank accounts` } }, c.lang);
  return bank.id;
}

function parsed<M extends Method>(c: Caller, method: M, raw: unknown): ParsedInput<M> {
  const r = api[method].input.safeParse(raw, { reportInput: true });
  if (!r.success) report(toValidationError(r.error).data, c.lang);
  return r.data as ParsedInput<M>;
}

export async function collectCommand(c: Caller, args: Args): Promise<void> {
  const o = args.options;
  const out = o.get('--out');
  const dryRun = args.flags.has('--dry-run');
  if (!out && !dryRun) throw new UsageError('collect heeft --out <bestand.xml> nodig (of --dry-run om het voorstel te zien)', 'collect needs --out <file.xml> (or --dry-run to see the proposal)');
  const raw: Input<'collections.create'> = {
    bankAccountId: await bankId(c, o.get('--bank')),
    scheme: (o.get('--scheme') ?? 'CORE').toUpperCase() as 'CORE' | 'B2B',
    collectionDate: o.get('--date'),
    perDueDate: args.flags.has('--per-due-date'),
    dueUpTo: o.get('--due-up-to'),
    includeNotDue: args.flags.has('--include-not-due'),
    excludeItemIds: listOption(o.get('--exclude'), /[,\s]+/).map((id) => idArgument(id, { nl: '--exclude postnummer', en: '--exclude item id' })),
    mergeSameDate: !args.flags.has('--no-merge'),
    netCredits: !args.flags.has('--no-net-credits'),
    confirmPrenotification: args.flags.has('--confirm-prenotification'),
  };
  if (dryRun) {
    const p = await c.call('collections.propose', raw);
    say(`${p.totals.count} debits, ${p.totals.amount / 100} EUR, ${p.excluded.length} items not proposed (dry run: nothing written)`);
    if (p.prenotification.length) say(`${p.prenotification.length} item(s) collected sooner than announced: saving needs --confirm-prenotification`);
    return print({
      ...p.totals,
      collectionDate: p.collectionDate,
      debits: p.debits.map((d) => ({
        debtor: `${d.debtorNumber} ${d.debtorName}`,
        date: d.date,
        sequenceType: d.sequenceType,
        amount: d.amount,
        discount: d.discount,
        credits: d.credits,
        items: d.items.map((i) => ({ item: i.itemId, document: i.document, amount: i.amount, part: i.part, ...(i.prenotification ? { announced: i.prenotification.noticeFrom } : {}) })),
        remittance: d.remittance,
      })),
      prenotification: p.prenotification.map((f) => ({ item: f.itemId, debtor: `${f.debtorNumber} ${f.debtorName}`, document: f.document, date: f.date, announcedDate: f.announcedDate, invoiceDate: f.invoiceDate, noticeFrom: f.noticeFrom })),
      excluded: excludedSummary(c, p.excluded),
    });
  }
  const input = parsed(c, 'collections.create', raw);
  const target = refused(c.lang, () => checkOutputTarget(out!));
  backupBeforeRun(c, 'before-collect');
  const { result, files } = refused(c.lang, () => c.showingProgress(() => saveBatchToDisk(c.ctx, target, (sink) => saveCollection(c.ctx, input, sink), (r) => r.batchId)));
  const batch = getBatch(c.ctx, result.batchId);
  const proposal = proposalOf(result.plan);
  say(`${batch.reference}: ${batch.transactionCount} debits, control sum ${batch.controlSum / 100} EUR, ${files.length} file(s); items are now in collection`);
  print({
    batch: batch.reference,
    id: batch.id,
    transactions: batch.transactionCount,
    controlSum: batch.controlSum,
    discount: batch.discountTotal,
    collectionDate: proposal.collectionDate,
    files: files.map((f) => f.path),
    sha256: batch.fileHashes,
    excluded: excludedSummary(c, proposal.excluded),
  });
}

function excludedSummary(c: Caller, excluded: { itemId: number; debtorNumber: string; debtorName: string; document: string; balance: number; reason: keyof typeof REASON_TEXT; detail: string | null }[]) {
  return excluded.map((x) => ({ item: x.itemId, debtor: `${x.debtorNumber} ${x.debtorName}`, document: x.document, balance: x.balance, reason: x.reason, text: REASON_TEXT[x.reason][c.lang] + (x.detail ? ` (${x.detail})` : '') }));
}

export async function refundCommand(c: Caller, args: Args): Promise<void> {
  const o = args.options;
  const out = o.get('--out');
  if (!out) throw new UsageError('refund heeft --out <bestand.xml> nodig', 'refund needs --out <file.xml>');
  const members = listOption(o.get('--debtors'), /[,\s]+/);
  const debtorIds = members.length
    ? await Promise.all(members.map((n) => debtorIdByNumber(c, n)))
    : (await c.call('refunds.candidates', {})).filter((x) => x.iban).map((x) => x.debtorId);
  const input = parsed(c, 'refunds.create', { bankAccountId: await bankId(c, o.get('--bank')), executionDate: o.get('--date'), debtorIds });
  const target = refused(c.lang, () => checkOutputTarget(out));
  backupBeforeRun(c, 'before-refund');
  const { result, files } = refused(c.lang, () => c.showingProgress(() => saveBatchToDisk(c.ctx, target, (sink) => saveRefund(c.ctx, input, sink), (id) => id)));
  const batch = getBatch(c.ctx, result);
  say(`${batch.reference}: ${batch.transactionCount} refunds, ${batch.controlSum / 100} EUR`);
  print({ batch: batch.reference, id: batch.id, transactions: batch.transactionCount, controlSum: batch.controlSum, executionDate: batch.requestedDate, files: files.map((f) => f.path), sha256: batch.fileHashes });
}

async function batchByArgument(c: Caller, value: string | undefined): Promise<number> {
  if (!value) throw new UsageError('batch heeft een nummer of kenmerk nodig (INC-2026-0001)', 'batch needs an id or a reference (INC-2026-0001)');
  if (/^\d+$/.test(value)) return Number(value);
  const found = (await c.call('batches.list', {})).find((b) => b.reference === value.toUpperCase());
  if (!found) report({ code: 'not_found', field: 'id', message: { nl: `Geen batch ${value}`, en: `No batch ${value}` } }, c.lang);
  return found.id;
}

export async function batchCommand(c: Caller, args: Args): Promise<void> {
  const [, sub, ref] = args.positional;
  switch (sub) {
    case 'list':
      return print(await c.call('batches.list', {}));
    case 'show':
      return print(await c.call('batches.get', { id: await batchByArgument(c, ref), limit: 100_000, offset: 0 }));
    case 'file': {
      const out = args.options.get('--out');
      if (!out) throw new UsageError('batch file heeft --out <bestand.xml> nodig', 'batch file needs --out <file.xml>');
      const target = refused(c.lang, () => checkOutputTarget(out));
      const id = await batchByArgument(c, ref);
      const f = refused(c.lang, () => recreateBatchFile(c.ctx, id, Number(args.options.get('--file') ?? '1'), target));
      return print({ file: f.path, messageId: f.messageId, sha256: f.sha256 });
    }
    case 'report': {
      const out = args.options.get('--out');
      if (!out) throw new UsageError('batch report heeft --out <bestand.pdf> nodig', 'batch report needs --out <file.pdf>');
      const target = refused(c.lang, () => checkOutputTarget(out));
      const r = await c.call('batches.report', { id: await batchByArgument(c, ref) });
      refused(c.lang, () => writeFiles([{ path: target, data: Buffer.from(r.base64, 'base64') }]));
      return print({ file: target });
    }
    case 'specs': {
      const folder = args.options.get('--folder');
      if (!folder) throw new UsageError('batch specs heeft --folder <map> nodig', 'batch specs needs --folder <dir>');
      const full = path.resolve(folder);
      // the folder itself may be new, its parent must exist: a typo makes no folder tree
      refused(c.lang, () => (fs.existsSync(full) ? checkWritableFolder(full, '--folder') : checkWritableFolder(path.dirname(full), '--folder')));
      const specs = await c.call('batches.specifications', { id: await batchByArgument(c, ref) });
      if (!fs.existsSync(full)) fs.mkdirSync(full);
      refused(c.lang, () => writeFiles(specs.map((s) => ({ path: path.join(full, s.fileName), data: Buffer.from(s.base64, 'base64') })), '--folder'));
      say(`${specs.length} specifications written to ${path.resolve(folder)}`);
      return print(specs.map((s) => path.resolve(folder, s.fileName)));
    }
    case 'cancel': {
      const reason = args.options.get('--reason') ?? 'Geannuleerd via de opdrachtregel';
      const batch = await c.call('batches.cancel', { id: await batchByArgument(c, ref), reason });
      say(`${batch.reference} cancelled: booking reversed, items open again, file void`);
      return print(batch);
    }
    default:
      throw new UsageError(`onbekend batch-commando "${sub ?? ''}": batch list | show | file | report | specs | cancel <batch>`, `unknown batch command "${sub ?? ''}": batch list | show | file | report | specs | cancel <batch>`);
  }
}
