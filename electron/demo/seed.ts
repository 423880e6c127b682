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
import type { call as CallApi } from '../api';
import { expireStaleMandates, revokeMandate, saveMandate } from '../mandates/mandates';

/**
 * Fills an empty ledger with the demo club, through the same domain functions the UI uses, so the
 * demo obeys every rule a real ledger does (valid IBANs, balanced opening entries). `call` is
 * handed in by the API module that owns this handler, so the two do not import each other.
 */
export function seedDemoClub(ctx: Ctx, call: typeof CallApi, seed?: number): Output<'setup.demo'> {
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
      street: m.street,
      postalCode: m.postalCode,
      city: m.city,
      iban: m.iban,
      bic: m.bic,
      paymentMethod: onTransfer ? 'transfer' : 'direct_debit',
      tags: [i % 4 === 1 ? 'Jeugd' : 'Senioren', ...(i % 3 === 0 ? ['Competitie'] : [])],
    });
    const debtorId = createDebtor(ctx, input).id;
    idByNumber.set(m.number, debtorId);
    if (onTransfer) return;
    const stale = i % 50 === 13;
    const signedOn = stale ? '2022-03-01' : `${2024 + (i % 2)}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
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
  bookSeason(ctx, call, [...idByNumber.values()]);
  return { members: club.members.length, openingBalances: club.openingBalances.length, settings: getSettings(ctx) };
}

/**
 * A season of receivables, so the demo has real work in it: the fee run of 1 September for every
 * member (seniors and juniors), a competition fee in October, a Christmas tournament not yet due,
 * about a fifth paid by transfer, a few credit notes, two payment arrangements.
 */
function bookSeason(ctx: Ctx, call: typeof CallApi, debtorIds: number[]): void {
  const senior = call(ctx, 'feeRuns.create', { description: 'Contributie 2026-2027 senioren', invoiceDate: '2026-09-01', amount: 18_500, selection: { mode: 'tag', tags: ['Senioren'] } });
  const junior = call(ctx, 'feeRuns.create', { description: 'Contributie 2026-2027 junioren', invoiceDate: '2026-09-01', amount: 9_500, selection: { mode: 'tag', tags: ['Jeugd'] } });
  call(ctx, 'feeRuns.post', { id: senior.id });
  call(ctx, 'feeRuns.post', { id: junior.id });
  const competition = call(ctx, 'feeRuns.create', { description: 'Competitiebijdrage najaar 2026', invoiceDate: '2026-10-15', amount: 3_500, selection: { mode: 'tag', tags: ['Competitie'] } });
  call(ctx, 'feeRuns.post', { id: competition.id });
  const christmas = call(ctx, 'feeRuns.create', { description: 'Kersttoernooi 2026', invoiceDate: '2026-11-20', dueDate: '2026-12-18', amount: 1_250, selection: { mode: 'selected', debtorIds: debtorIds.filter((_, i) => i % 7 === 2) } });
  call(ctx, 'feeRuns.post', { id: christmas.id });

  const bank = accountForRole(ctx, 'bank');
  const receivables = accountForRole(ctx, 'receivables');
  const feeItems = (debtorId: number) => call(ctx, 'items.list', { debtorId, limit: 50 }).items.filter((i) => i.document.startsWith('2026-') && i.sourceType === 'invoice');
  debtorIds.forEach((debtorId, i) => {
    const [fee] = feeItems(debtorId);
    if (!fee) return;
    if (i % 5 === 4) {
      // Paid by transfer: the bank entry, then the payment settled against the invoice.
      const entryId = postEntry(ctx, {
        journalCode: 'BNK',
        date: `2026-09-${String(5 + (i % 20)).padStart(2, '0')}`,
        description: `Ontvangst ${fee.document}`,
        sourceType: 'demo_payment',
        sourceId: fee.document,
        lines: [
          { accountId: bank, debit: fee.balance, credit: 0 },
          { accountId: receivables, debtorId, debit: 0, credit: fee.balance },
        ],
      });
      const [payment] = itemsForEntry(ctx, entryId, 'journal');
      call(ctx, 'items.settle', { itemIds: [fee.id, payment!], reason: 'Betaald per overboeking' });
    } else if (i % 37 === 6) {
      call(ctx, 'invoices.credit', { invoiceId: fee.invoiceId!, date: '2026-09-20', description: `Korting gezinslidmaatschap op ${fee.document}`, lines: [{ description: 'Korting gezinslid', unitPrice: 2_500 }] });
    }
  });
  for (const debtorId of [debtorIds[10]!, debtorIds[58]!]) {
    const [fee] = feeItems(debtorId);
    if (!fee) continue;
    call(ctx, 'items.split', {
      itemId: fee.id,
      arrangement: true,
      reason: 'Betalingsregeling: drie maandelijkse termijnen',
      parts: [{ dueDate: '2026-10-01' }, { dueDate: '2026-11-01' }, { dueDate: '2026-12-01' }],
    });
  }
}
