import type { AccountT, JournalT } from '../../shared/api/contract';
import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import type { AccountRole, AccountType, JournalKind } from '../../shared/ledgerRoles';
import type { Ctx } from '../context';
import { fixedLookup } from '../fixedLookups';
import { stmt } from '../preparedStatements';

/**
 * The default chart for a Dutch club (codes in the spirit of the Dutch standard chart) and the
 * four journals. Installed once at first run; the treasurer may rename and renumber afterwards.
 */
export const DEFAULT_CHART: { code: string; name: string; type: AccountType; roles: AccountRole[] }[] = [
  { code: '0900', name: 'Eigen vermogen', type: 'equity', roles: [] },
  { code: '0990', name: 'Tussenrekening beginbalans', type: 'equity', roles: ['openingBalance'] },
  { code: '1100', name: 'Bank', type: 'asset', roles: ['bank'] },
  { code: '1110', name: 'Spaarrekening', type: 'asset', roles: [] },
  { code: '1300', name: 'Debiteuren', type: 'asset', roles: ['receivables'] },
  { code: '1400', name: 'Incasso onderweg', type: 'asset', roles: ['collectionInTransit'] },
  { code: '1600', name: 'Terug te betalen', type: 'liability', roles: ['refundsPayable'] },
  { code: '1710', name: 'Af te dragen btw incassokosten', type: 'liability', roles: ['collectionCostsVat'] },
  { code: '4800', name: 'Bankkosten', type: 'expense', roles: ['bankCosts'] },
  { code: '4900', name: 'Incassokorting', type: 'expense', roles: ['collectionDiscount'] },
  { code: '4910', name: 'Afgeboekte vorderingen', type: 'expense', roles: ['writeOff'] },
  { code: '8000', name: 'Contributies', type: 'revenue', roles: ['feeRevenue'] },
  { code: '8100', name: 'Overige opbrengsten', type: 'revenue', roles: ['otherRevenue'] },
  { code: '8200', name: 'Aanmaankosten/boetes', type: 'revenue', roles: ['dunningFees'] },
  { code: '8210', name: 'Incassokosten', type: 'revenue', roles: ['collectionCosts'] },
  { code: '8220', name: 'Wettelijke rente', type: 'revenue', roles: ['statutoryInterest'] },
];

export const DEFAULT_JOURNALS: { code: string; name: string; kind: JournalKind }[] = [
  { code: 'VRK', name: 'Verkoop', kind: 'sales' },
  { code: 'INC', name: 'Incasso', kind: 'collection' },
  { code: 'BNK', name: 'Bank', kind: 'bank' },
  { code: 'MEM', name: 'Memoriaal', kind: 'memorial' },
];

export function installDefaultChart(ctx: Ctx): void {
  const insertAccount = stmt(ctx.db, 'INSERT INTO accounts (code, name, type) VALUES (?, ?, ?)');
  const insertRole = stmt(ctx.db, 'INSERT INTO account_roles (role, account_id) VALUES (?, ?)');
  for (const a of DEFAULT_CHART) {
    const id = Number(insertAccount.run(a.code, a.name, a.type).lastInsertRowid);
    for (const role of a.roles) insertRole.run(role, id);
  }
  const insertJournal = stmt(ctx.db, 'INSERT INTO journals (code, name, kind) VALUES (?, ?, ?)');
  for (const j of DEFAULT_JOURNALS) insertJournal.run(j.code, j.name, j.kind);
}

/** The account that plays a role; a clear error when the chart lacks it. */
export function accountForRole(ctx: Ctx, role: AccountRole): number {
  const row = fixedLookup(ctx.db, `role|${role}`, () => stmt(ctx.db, 'SELECT account_id AS id FROM account_roles WHERE role = ?').get(role) as { id: number } | undefined);
  if (!row) {
    throw conflictError('role_missing', `Geen grootboekrekening ingesteld voor de rol "${role}" (Instellingen > Rekeningschema)`, `No account is set for the role "${role}" (Settings > Chart of accounts)`, 'role');
  }
  return row.id;
}

export function listAccounts(ctx: Ctx): AccountT[] {
  const rows = stmt(
    ctx.db,
    `SELECT a.id, a.code, a.name, a.type, a.active,
            (SELECT group_concat(role) FROM account_roles r WHERE r.account_id = a.id) AS roles,
            COALESCE((SELECT SUM(debit) - SUM(credit) FROM journal_lines l WHERE l.account_id = a.id), 0) AS balance
       FROM accounts a ORDER BY a.code`,
  ).all() as { id: number; code: string; name: string; type: AccountType; active: number; roles: string | null; balance: number }[];
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    active: r.active === 1,
    roles: (r.roles ? r.roles.split(',').sort() : []) as AccountRole[],
    balance: r.balance,
  }));
}

export function getAccount(ctx: Ctx, id: number): AccountT {
  const found = listAccounts(ctx).find((a) => a.id === id);
  if (!found) throw notFoundError({ nl: `Grootboekrekening ${id}`, en: `Account ${id}` }, 'id');
  return found;
}

export function saveAccount(ctx: Ctx, input: { id?: number; code: string; name: string; type: AccountType; active: boolean }): AccountT {
  const clash = stmt(ctx.db, 'SELECT id FROM accounts WHERE code = ? AND id IS NOT ?').get(input.code, input.id ?? null);
  if (clash) throw validationError('code', 'unique', `Rekeningnummer ${input.code} bestaat al`, `Account code ${input.code} already exists`);
  if (input.id === undefined) {
    const id = Number(stmt(ctx.db, 'INSERT INTO accounts (code, name, type, active) VALUES (?, ?, ?, ?)').run(input.code, input.name, input.type, input.active ? 1 : 0).lastInsertRowid);
    return getAccount(ctx, id);
  }
  const current = getAccount(ctx, input.id);
  if (!input.active && current.roles.length > 0) {
    throw validationError('active', 'role_in_use', `Rekening ${current.code} heeft een rol (${current.roles.join(', ')}) en kan niet inactief worden`, `Account ${current.code} plays a role (${current.roles.join(', ')}) and cannot be deactivated`);
  }
  if (input.type !== current.type && current.balance !== 0) {
    throw validationError('type', 'has_balance', `Rekening ${current.code} heeft een saldo; het soort rekening kan niet meer veranderen`, `Account ${current.code} has a balance; its type can no longer change`);
  }
  stmt(ctx.db, 'UPDATE accounts SET code = ?, name = ?, type = ?, active = ? WHERE id = ?').run(input.code, input.name, input.type, input.active ? 1 : 0, input.id);
  return getAccount(ctx, input.id);
}

export function setAccountRole(ctx: Ctx, role: AccountRole, accountId: number): AccountT[] {
  const account = getAccount(ctx, accountId);
  if (!account.active) throw validationError('accountId', 'inactive', `Rekening ${account.code} is inactief`, `Account ${account.code} is inactive`);
  stmt(ctx.db, 'INSERT INTO account_roles (role, account_id) VALUES (?, ?) ON CONFLICT(role) DO UPDATE SET account_id = excluded.account_id').run(role, accountId);
  return listAccounts(ctx);
}

export function listJournals(ctx: Ctx): JournalT[] {
  return stmt(
    ctx.db,
    `SELECT j.id, j.code, j.name, j.kind,
            (SELECT COUNT(*) FROM journal_entries e WHERE e.journal_id = j.id) AS entryCount
       FROM journals j ORDER BY j.id`,
  ).all() as JournalT[];
}

export function saveJournal(ctx: Ctx, input: { id?: number; code: string; name: string; kind: JournalKind }): JournalT {
  const clash = stmt(ctx.db, 'SELECT id FROM journals WHERE code = ? AND id IS NOT ?').get(input.code, input.id ?? null);
  if (clash) throw validationError('code', 'unique', `Dagboekcode ${input.code} bestaat al`, `Journal code ${input.code} already exists`);
  let id = input.id;
  if (id === undefined) {
    id = Number(stmt(ctx.db, 'INSERT INTO journals (code, name, kind) VALUES (?, ?, ?)').run(input.code, input.name, input.kind).lastInsertRowid);
  } else {
    const found = listJournals(ctx).find((j) => j.id === id);
    if (!found) throw notFoundError({ nl: `Dagboek ${id}`, en: `Journal ${id}` }, 'id');
    if (found.entryCount > 0 && found.code !== input.code) {
      throw validationError('code', 'has_entries', `Dagboek ${found.code} heeft boekingen; de code kan niet meer veranderen`, `Journal ${found.code} has entries; its code can no longer change`);
    }
    stmt(ctx.db, 'UPDATE journals SET code = ?, name = ?, kind = ? WHERE id = ?').run(input.code, input.name, input.kind, id);
  }
  return listJournals(ctx).find((j) => j.id === id)!;
}
