import type { Output } from '../../shared/api/contract';
import { conflictError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { createDebtor } from '../debtors/debtors';
import { accountForRole } from '../ledger/chart';
import { postEntry } from '../ledger/post';
import { getSettings, initialize, isInitialized, saveBankAccount } from '../settings/settings';
import { generateDemoClub } from './demoClub';

/**
 * Fills an empty ledger with the demo club, through the same domain functions the UI uses, so the
 * demo obeys every rule a real ledger does (valid IBANs, balanced opening entries).
 */
export function seedDemoClub(ctx: Ctx, seed?: number): Output<'setup.demo'> {
  if (isInitialized(ctx)) {
    throw conflictError('already_initialized', 'De demo-vereniging kan alleen in een lege administratie worden aangemaakt', 'The demo club can only be created in an empty ledger');
  }
  const club = generateDemoClub(seed);
  const [current, ...others] = club.bankAccounts;
  initialize(ctx, {
    organisation: { ...club.organisation },
    creditorId: club.organisation.creditorId,
    bankAccounts: current ? [{ ...current, collection: true, refunds: true, active: true }] : [],
    language: 'nl',
  });
  const savings = ctx.db.prepare("SELECT id FROM accounts WHERE code = '1110'").get() as { id: number } | undefined;
  for (const b of others) {
    saveBankAccount(ctx, { ...b, ledgerAccountId: savings?.id, collection: false, refunds: false, active: true });
  }

  const idByNumber = new Map<string, number>();
  for (const m of club.members) {
    idByNumber.set(m.number, createDebtor(ctx, { number: m.number, name: m.name, email: m.email, iban: m.iban }).id);
  }

  const receivables = accountForRole(ctx, 'receivables');
  const opening = accountForRole(ctx, 'openingBalance');
  for (const b of club.openingBalances) {
    const debtorId = idByNumber.get(b.memberNumber)!;
    const amount = Math.abs(b.amount);
    const owes = b.amount > 0;
    postEntry(ctx, {
      journalCode: 'MEM',
      date: club.openingDate,
      description: b.description,
      sourceType: 'opening_balance',
      sourceId: b.memberNumber,
      lines: [
        { accountId: receivables, debtorId, debit: owes ? amount : 0, credit: owes ? 0 : amount },
        { accountId: opening, debit: owes ? 0 : amount, credit: owes ? amount : 0 },
      ],
    });
  }
  return { members: club.members.length, openingBalances: club.openingBalances.length, settings: getSettings(ctx) };
}
