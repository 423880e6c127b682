import { validationError } from '../../shared/api/errors';
import { listAccounts, listJournals, saveAccount, saveJournal, setAccountRole } from './chart';
import { getEntry, listEntries, reverseEntry } from './entries';
import { itemsForEntry } from '../items/openItems';
import { postEntry } from './post';
import { requireInitialized } from '../settings/settings';
import type { bookkeepingMethods } from '../../shared/api/bookkeeping';
import type { HandlersFor } from '../handlerTypes';

export const bookkeepingHandlers: HandlersFor<typeof bookkeepingMethods> = {
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
};
