import { saveCollectionToFile, saveRefundToFile } from './savedFiles';
import { getSettings } from '../settings/settings';
import { cancelBatch } from './cancel';
import { batchFileText } from './files';
import { planCollection } from './plan';
import { proposalOf } from './proposal';
import { batchTransactions, getBatch, listBatches } from './queries';
import { collectionReadiness } from './readiness';
import { saveCollection } from './save';
import { refundCandidates, saveRefund } from '../refunds/refunds';
import { earliestCollectionDate, latestCollectionDate } from '../../shared/businessDays';
import { pdfModules } from '../letters/lazyPdf';
import type { collectionsMethods } from '../../shared/api/collections';
import type { HandlersFor } from '../handlerTypes';

export const collectionsHandlers: HandlersFor<typeof collectionsMethods> = {
  'collections.readiness': (ctx) => collectionReadiness(ctx),
  'collections.calendar': (ctx) => {
    const leadDays = getSettings(ctx).collection.leadDays;
    return { today: ctx.today(), earliestDate: earliestCollectionDate(ctx.today(), leadDays), latestDate: latestCollectionDate(ctx.today()), leadDays };
  },
  'collections.propose': (ctx, input) => proposalOf(planCollection(ctx, input)),
  'collections.create': (ctx, input) => getBatch(ctx, saveCollection(ctx, input).batchId),
  'collections.save': (ctx, { out, ...request }) => saveCollectionToFile(ctx, request, out),
  'refunds.save': (ctx, { out, ...input }) => saveRefundToFile(ctx, input, out),
  'refunds.candidates': (ctx) => refundCandidates(ctx),
  'refunds.create': (ctx, input) => getBatch(ctx, saveRefund(ctx, input)),
  'batches.list': (ctx, input) => listBatches(ctx, input),
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
};
