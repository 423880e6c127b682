import { getOverview } from '../ledger/overview';
import { getDashboard } from './dashboard';
import type { overviewMethods } from '../../shared/api/overview';
import type { HandlersFor } from '../handlerTypes';

export const overviewHandlers: HandlersFor<typeof overviewMethods> = {
  'overview.get': (ctx) => ({ ...getOverview(ctx), ...getDashboard(ctx) }),
};
