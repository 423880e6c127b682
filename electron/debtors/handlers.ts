import { createDebtor, getDebtor, listDebtors, listTags, updateDebtor } from './debtors';
import { listStatuses, saveStatus } from './statuses';
import { expireStaleMandates, listMandates, revokeMandate, saveMandateForCollection } from '../mandates/mandates';
import { requireInitialized } from '../settings/settings';
import type { debtorsMethods } from '../../shared/api/debtors';
import type { HandlersFor } from '../handlerTypes';

export const debtorsHandlers: HandlersFor<typeof debtorsMethods> = {
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
};
