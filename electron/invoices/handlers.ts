import { createFeeRun, getFeeRun, listFeeRuns, postFeeRun } from './feeRuns';
import { createDraft, creditInvoice, deleteDraft, getInvoice, listInvoices, postInvoice, setDraftBlocked, updateDraft } from './invoices';
import { requireInitialized } from '../settings/settings';
import { pdfModules } from '../letters/lazyPdf';
import type { invoicesMethods } from '../../shared/api/invoices';
import type { HandlersFor } from '../handlerTypes';

export const invoicesHandlers: HandlersFor<typeof invoicesMethods> = {
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
};
