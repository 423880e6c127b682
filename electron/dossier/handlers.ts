import type { dossierMethods } from '../../shared/api/dossier';
import { validationError } from '../../shared/api/errors';
import { formatDate } from '../../shared/dates';
import type { HandlersFor } from '../handlerTypes';
import { checkAttachments, readAttachment, storeAttachments } from './attachments';
import { makeArrangement, moveDueDate } from './callActions';
import { callList } from './callList';
import { dossierEntries, markFollowUpDone, refusalsPerMandate, requireDebtor, writeEntry } from './entries';

export const dossierHandlers: HandlersFor<typeof dossierMethods> = {
  'dossier.list': (ctx, input) => {
    requireDebtor(ctx, input.debtorId);
    return { entries: dossierEntries(ctx, input.debtorId), refusals: refusalsPerMandate(ctx, input.debtorId) };
  },
  'dossier.add': (ctx, input) => {
    requireDebtor(ctx, input.debtorId);
    if (input.date > ctx.today()) {
      throw validationError('date', 'future', `De datum ${formatDate(input.date)} ligt in de toekomst; leg een contact vast als het geweest is`, `The date ${formatDate(input.date)} is in the future; record a contact once it has happened`);
    }
    const files = checkAttachments(ctx, input.debtorId, input.attachments);
    if (input.completesFollowUp !== undefined) markFollowUpDone(ctx, input.completesFollowUp, 'completesFollowUp', input.debtorId);
    const entryId = writeEntry(ctx, { debtorId: input.debtorId, kind: input.kind, date: input.date, text: input.text, followUpOn: input.followUpOn });
    storeAttachments(ctx, entryId, files);
    return { entryId };
  },
  'dossier.attachment': (ctx, input) => readAttachment(ctx, input.id),
  'dossier.followUpDone': (ctx, input) => {
    markFollowUpDone(ctx, input.entryId);
    return { entryId: input.entryId };
  },
  'dossier.callList': (ctx, input) => callList(ctx, input.date),
  'dossier.moveDueDate': (ctx, input) => moveDueDate(ctx, input),
  'dossier.arrangement': (ctx, input) => makeArrangement(ctx, input),
};
