import { applyMemberImport, planMemberImport, previewMemberImport } from './members/importMembers';
import { requireInitialized } from '../settings/settings';
import type { importsMethods } from '../../shared/api/imports';
import type { HandlersFor } from '../handlerTypes';

export const importsHandlers: HandlersFor<typeof importsMethods> = {
  'imports.members.preview': (ctx, input) => previewMemberImport(planMemberImport(ctx, Buffer.from(input.content, 'base64'), input.mapping)),
  'imports.members.commit': (ctx, input) => {
    requireInitialized(ctx);
    return applyMemberImport(ctx, planMemberImport(ctx, Buffer.from(input.content, 'base64'), input.mapping));
  },
};
