import { restoreNotice } from '../backups/restored';
import { seedDemoClub } from '../demo/seed';
import { getSettings, initialize, requireInitialized, saveBankAccount, updateSettings } from './settings';
import { call } from '../api';
import type { settingsMethods } from '../../shared/api/settings';
import type { HandlersFor } from '../handlerTypes';

export const settingsHandlers: HandlersFor<typeof settingsMethods> = {
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
};
