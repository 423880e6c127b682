import { restoreNotice } from './collections/bankIds';
import { z } from 'zod';
import { api, isMethod, type Method, type Output, type ParsedInput } from '../shared/api/contract';
import { ApiError, type ApiErrorData, type ApiResult, validationError } from '../shared/api/errors';
import { toValidationError } from '../shared/api/zodError';
import type { Ctx } from './context';
import { createDebtor, getDebtor, listDebtors, listTags, updateDebtor } from './debtors/debtors';
import { listStatuses, saveStatus } from './debtors/statuses';
import { expireStaleMandates, listMandates, revokeMandate, saveMandateForCollection } from './mandates/mandates';
import { seedDemoClub } from './demo/seed';
import { listAccounts, listJournals, saveAccount, saveJournal, setAccountRole } from './ledger/chart';
import { getEntry, listEntries, reverseEntry } from './ledger/entries';
import { applyMemberImport, planMemberImport, previewMemberImport } from './imports/members/importMembers';
import { getOverview } from './ledger/overview';
import { getDashboard } from './overview/dashboard';
import { createFeeRun, getFeeRun, listFeeRuns, postFeeRun } from './invoices/feeRuns';
import { createDraft, creditInvoice, deleteDraft, getInvoice, listInvoices, postInvoice, setDraftBlocked, updateDraft } from './invoices/invoices';
import { changeDueDate, mergeItems, setBlocked, settleItems, splitItem, writeOffItem } from './items/operations';
import { itemsForEntry } from './items/openItems';
import { itemHistory, listItems } from './items/queries';
import { postEntry } from './ledger/post';
import { getSettings, initialize, requireInitialized, saveBankAccount, updateSettings } from './settings/settings';
import { cancelBatch } from './collections/cancel';
import { batchFileText } from './collections/files';
import { planCollection } from './collections/plan';
import { proposalOf } from './collections/proposal';
import { batchTransactions, getBatch, listBatches } from './collections/queries';
import { collectionReadiness } from './collections/readiness';
import { saveCollection } from './collections/save';
import { refundCandidates, saveRefund } from './refunds/refunds';
import { earliestCollectionDate, latestCollectionDate } from '../shared/businessDays';
import { listBackups, readKeep, backupsFolder, rotateBackups } from '../db/backups';
import { backupNow, restoreInSession } from './backups/restore';
import { recreateBatchFile } from './collections/batchOutputs';
import { assertWritable, ledgerHealth } from './ledgerHealth';
import { statementHandlers } from './statements/handlers';

/**
 * pdfkit (with its fonts and compression tables) is the heaviest module Penning loads; only the
 * methods that render a PDF pay for it, so `penning status` and the app's first screen start fast.
 */
async function pdfModules() {
  const [invoice, batch, zip] = await Promise.all([import('./letters/invoicePdf'), import('./letters/batchReport'), import('./letters/zip')]);
  return { renderInvoicePdf: invoice.renderInvoicePdf, renderBatchReport: batch.renderBatchReport, renderSpecifications: batch.renderSpecifications, zipStored: zip.zipStored };
}

/** Read methods may answer later (a PDF being rendered); writes stay synchronous inside their transaction. */
type Handlers = { [M in Method]: (ctx: Ctx, input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/**
 * The handler table: the one implementation of the contract. Every transport (IPC, browser-mode
 * HTTP, CLI) calls `dispatch`, which validates, runs writes in one transaction and turns every
 * failure into error data.
 */
export const handlers: Handlers = {
  'ledger.status': (ctx) => {
    const s = getSettings(ctx);
    return { initialized: s.initialized, file: ctx.file, organisationName: s.initialized ? s.organisation.name : null, language: s.language, restoredLedger: restoreNotice(ctx) };
  },
  'setup.initialize': (ctx, input) => initialize(ctx, input),
  'setup.demo': (ctx) => seedDemoClub(ctx, call),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': (ctx, input) => updateSettings(ctx, input),
  'bankAccounts.save': (ctx, input) => {
    requireInitialized(ctx);
    return saveBankAccount(ctx, input);
  },
  'accounts.list': (ctx) => listAccounts(ctx),
  'accounts.save': (ctx, input) => saveAccount(ctx, input),
  'accounts.setRole': (ctx, input) => setAccountRole(ctx, input.role, input.accountId),
  'journals.list': (ctx) => listJournals(ctx),
  'journals.save': (ctx, input) => saveJournal(ctx, input),
  'entries.post': (ctx, input) => {
    requireInitialized(ctx);
    const accountIdByCode = ctx.db.prepare('SELECT id FROM accounts WHERE code = ?');
    const lines = input.lines.map((l, i) => {
      let accountId = l.accountId;
      if (accountId === undefined) {
        const row = accountIdByCode.get(l.accountCode) as { id: number } | undefined;
        if (!row) throw validationError(`lines.${i}.accountCode`, 'exists', `Grootboekrekening ${l.accountCode} bestaat niet`, `Account ${l.accountCode} does not exist`);
        accountId = row.id;
      }
      return { accountId, debtorId: l.debtorId ?? null, debit: l.debit, credit: l.credit, description: l.description ?? null };
    });
    const entryId = postEntry(ctx, { ...input, lines });
    itemsForEntry(ctx, entryId, 'journal');
    return getEntry(ctx, entryId);
  },
  'entries.reverse': (ctx, input) => {
    const reversal = reverseEntry(ctx, input);
    itemsForEntry(ctx, reversal.id, 'journal');
    return reversal;
  },
  'entries.list': (ctx, input) => listEntries(ctx, input),
  'debtors.list': (ctx, input) => listDebtors(ctx, input),
  'debtors.get': (ctx, input) => getDebtor(ctx, input.id),
  'debtors.create': (ctx, input) => {
    requireInitialized(ctx);
    return createDebtor(ctx, input);
  },
  'debtors.update': (ctx, input) => updateDebtor(ctx, input),
  'debtors.tags': (ctx) => listTags(ctx),
  'debtorStatuses.list': (ctx) => listStatuses(ctx),
  'debtorStatuses.save': (ctx, input) => saveStatus(ctx, input),
  'mandates.list': (ctx, input) => {
    getDebtor(ctx, input.debtorId);
    return listMandates(ctx, input.debtorId);
  },
  'mandates.save': (ctx, input) => saveMandateForCollection(ctx, input),
  'mandates.revoke': (ctx, input) => revokeMandate(ctx, input.id, input.date),
  'mandates.expireStale': (ctx, input) => expireStaleMandates(ctx, input.today),
  'invoices.createDraft': (ctx, input) => getInvoice(ctx, createDraft(ctx, input)),
  'invoices.updateDraft': (ctx, { id, ...input }) => {
    updateDraft(ctx, id, input);
    return getInvoice(ctx, id);
  },
  'invoices.deleteDraft': (ctx, input) => {
    deleteDraft(ctx, input.id);
    return { deleted: input.id };
  },
  'invoices.setBlocked': (ctx, input) => {
    setDraftBlocked(ctx, input.id, input.blocked);
    return getInvoice(ctx, input.id);
  },
  'invoices.post': (ctx, input) => {
    requireInitialized(ctx);
    postInvoice(ctx, input.id);
    return getInvoice(ctx, input.id);
  },
  'invoices.credit': (ctx, input) => getInvoice(ctx, creditInvoice(ctx, input)),
  'invoices.get': (ctx, input) => getInvoice(ctx, input.id),
  'invoices.pdf': async (ctx, input) => (await pdfModules()).renderInvoicePdf(ctx, input.id).then(({ fileName, pdf }) => ({ fileName, base64: pdf.toString('base64') })),
  'invoices.list': (ctx, input) => listInvoices(ctx, input.debtorId),
  'feeRuns.create': (ctx, input) => {
    requireInitialized(ctx);
    return getFeeRun(ctx, createFeeRun(ctx, input));
  },
  'feeRuns.list': (ctx) => listFeeRuns(ctx),
  'feeRuns.get': (ctx, input) => getFeeRun(ctx, input.id),
  'feeRuns.post': (ctx, input) => ({ ...postFeeRun(ctx, input.id), run: getFeeRun(ctx, input.id) }),
  'items.list': (ctx, input) => listItems(ctx, input),
  'items.history': (ctx, input) => itemHistory(ctx, input.itemId),
  'items.split': (ctx, input) => ({ itemIds: splitItem(ctx, input) }),
  'items.merge': (ctx, input) => ({ itemId: mergeItems(ctx, input) }),
  'items.settle': (ctx, input) => {
    settleItems(ctx, input);
    return { settled: input.itemIds.length };
  },
  'items.writeOff': (ctx, input) => ({ entryId: writeOffItem(ctx, input) }),
  'items.changeDueDate': (ctx, input) => {
    changeDueDate(ctx, input);
    return { itemId: input.itemId };
  },
  'items.setBlocked': (ctx, input) => {
    setBlocked(ctx, input);
    return { changed: input.itemIds.length };
  },
  'imports.members.preview': (ctx, input) => previewMemberImport(planMemberImport(ctx, Buffer.from(input.content, 'base64'), input.mapping)),
  'imports.members.commit': (ctx, input) => {
    requireInitialized(ctx);
    return applyMemberImport(ctx, planMemberImport(ctx, Buffer.from(input.content, 'base64'), input.mapping));
  },
  'collections.readiness': (ctx) => collectionReadiness(ctx),
  'collections.calendar': (ctx) => {
    const leadDays = getSettings(ctx).collection.leadDays;
    return { today: ctx.today(), earliestDate: earliestCollectionDate(ctx.today(), leadDays), latestDate: latestCollectionDate(ctx.today()), leadDays };
  },
  'collections.propose': (ctx, input) => proposalOf(planCollection(ctx, input)),
  'collections.create': (ctx, input) => getBatch(ctx, saveCollection(ctx, input).batchId),
  'refunds.candidates': (ctx) => refundCandidates(ctx),
  'refunds.create': (ctx, input) => getBatch(ctx, saveRefund(ctx, input)),
  'batches.list': (ctx, input) => listBatches(ctx, input.kind),
  'batches.get': (ctx, input) => ({ batch: getBatch(ctx, input.id), transactions: batchTransactions(ctx, input.id, input.limit, input.offset) }),
  'batches.file': (ctx, input) => batchFileText(ctx, input.id, input.fileNo),
  'batches.cancel': (ctx, input) => {
    cancelBatch(ctx, input);
    return getBatch(ctx, input.id);
  },
  'batches.report': async (ctx, input) => (await pdfModules()).renderBatchReport(ctx, input.id).then(({ fileName, pdf }) => ({ fileName, base64: pdf.toString('base64') })),
  'batches.specificationsZip': async (ctx, input) => {
    const { renderSpecifications, zipStored } = await pdfModules();
    const specs = await renderSpecifications(ctx, input.id);
    const zip = zipStored(specs.map((f) => ({ name: f.fileName, data: f.pdf })), ctx.now());
    return { fileName: `specificaties-${getBatch(ctx, input.id).reference}.zip`, files: specs.length, base64: zip.toString('base64') };
  },
  'batches.specifications': async (ctx, input) => (await pdfModules()).renderSpecifications(ctx, input.id).then((files) => files.map((f) => ({ fileName: f.fileName, debtorNumber: f.debtorNumber, base64: f.pdf.toString('base64') }))),
  'overview.get': (ctx) => getOverview(ctx),
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
    const f = recreateBatchFile(ctx, input.id, input.fileNo);
    return { path: f.path, sha256: f.sha256 };
  },
  'overview.dashboard': (ctx) => getDashboard(ctx),
  ...statementHandlers,
};

export type Logger = (message: string, error?: unknown) => void;

const defaultLogger: Logger = (message, error) => console.error(`[penning] ${message}`, error ?? '');

function invoke(ctx: Ctx, method: string, rawInput: unknown, log: Logger): ApiResult<unknown> | Promise<ApiResult<unknown>> {
  if (!isMethod(method)) {
    return {
      ok: false,
      error: { code: 'unknown_method', field: 'method', rule: 'exists', message: { nl: `Onbekende functie: ${method}`, en: `Unknown method: ${method}` } },
    };
  }
  const def = api[method];
  const parsed = (def.input as z.ZodType).safeParse(rawInput ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, error: toValidationError(parsed.error).data };
  const handler = handlers[method] as (ctx: Ctx, input: unknown) => unknown;
  const fileOperation = 'fileOperation' in def && def.fileOperation;
  try {
    if (def.kind === 'write' && !fileOperation) assertWritable(ctx);
    const value = def.kind === 'write' && !fileOperation ? ctx.db.transaction(() => handler(ctx, parsed.data))() : handler(ctx, parsed.data);
    if (value instanceof Promise) {
      return value.then(
        (v): ApiResult<unknown> => ({ ok: true, value: v }),
        (e: unknown): ApiResult<unknown> => ({ ok: false, error: toErrorData(e, method, log) }),
      );
    }
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toErrorData(e, method, log) };
  }
}

/** What the transports call: every method, including the ones that answer later. */
export async function dispatchAsync(ctx: Ctx, method: string, rawInput: unknown, log: Logger = defaultLogger): Promise<ApiResult<unknown>> {
  return invoke(ctx, method, rawInput, log);
}

/** In-process and synchronous, for tests, the demo seeder and the bench. */
export function dispatch(ctx: Ctx, method: string, rawInput: unknown, log: Logger = defaultLogger): ApiResult<unknown> {
  const result = invoke(ctx, method, rawInput, log);
  if (result instanceof Promise) {
    void result.catch(() => undefined);
    return { ok: false, error: { code: 'internal', message: { nl: `${method} werkt alleen asynchroon`, en: `${method} only works asynchronously` } } };
  }
  return result;
}

/** Typed in-process call: throws ApiError. For tests, the demo seeder and scripts. */
export function call<M extends Method>(ctx: Ctx, method: M, input: z.input<(typeof api)[M]['input']>): Output<M> {
  const result = dispatch(ctx, method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Output<M>;
}

function toErrorData(e: unknown, method: string, log: Logger): ApiErrorData {
  if (e instanceof ApiError) return e.data;
  const code = (e as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    log(`${method}: constraint`, e);
    return {
      code: 'conflict',
      rule: code.toLowerCase(),
      message: {
        nl: 'De wijziging is geweigerd omdat ze de administratie inconsistent zou maken; er is niets opgeslagen',
        en: 'The change was refused because it would make the books inconsistent; nothing was saved',
      },
    };
  }
  log(`${method} failed`, e);
  return {
    code: 'internal',
    message: { nl: 'Er ging iets mis; er is niets opgeslagen. Details staan in het logboek', en: 'Something went wrong; nothing was saved. Details are in the log' },
  };
}
