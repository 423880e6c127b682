import type { Output } from '../../shared/api/contract';
import { conflictError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { createDebtor } from '../debtors/debtors';
import { accountForRole } from '../ledger/chart';
import { itemsForEntry } from '../items/openItems';
import { postEntry } from '../ledger/post';
import { getSettings, initialize, isInitialized, saveBankAccount } from '../settings/settings';
import { generateDemoClub } from './demoClub';
import { api } from '../../shared/api/contract';
import { expireStaleMandates, revokeMandate, saveMandate } from '../mandates/mandates';

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

  // Most members pay by direct debit with a signed mandate; every tenth pays by transfer, and a
  // few mandates were revoked or have not been used for years (they expire below).
  const idByNumber = new Map<string, number>();
  club.members.forEach((m, i) => {
    const onTransfer = i % 10 === 7;
    const input = api['debtors.create'].input.parse({
      number: m.number,
      name: m.name,
      email: m.email,
      iban: m.iban,
      bic: m.bic,
      paymentMethod: onTransfer ? 'transfer' : 'direct_debit',
    });
    const debtorId = createDebtor(ctx, input).id;
    idByNumber.set(m.number, debtorId);
    if (onTransfer) return;
    const stale = i % 50 === 13;
    const signedOn = stale ? '2022-03-01' : `20${18 + (i % 8)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
    const mandate = saveMandate(ctx, { debtorId, reference: `ZWA-${m.number}`, signedOn, type: 'recurring', scheme: 'CORE' });
    if (i % 50 === 29) revokeMandate(ctx, mandate.id, '2026-05-01');
  });
  expireStaleMandates(ctx, club.openingDate);

  const receivables = accountForRole(ctx, 'receivables');
  const opening = accountForRole(ctx, 'openingBalance');
  for (const b of club.openingBalances) {
    const debtorId = idByNumber.get(b.memberNumber)!;
    const amount = Math.abs(b.amount);
    const owes = b.amount > 0;
    const entryId = postEntry(ctx, {
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
    itemsForEntry(ctx, entryId, 'opening_balance');
  }
  return { members: club.members.length, openingBalances: club.openingBalances.length, settings: getSettings(ctx) };
}
