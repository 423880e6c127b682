import type { BankAccountT, SettingsT } from '../../shared/api/contract';
import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { accountForRole, installDefaultChart } from '../ledger/chart';
import { DEFAULT_PRE_NOTIFICATION } from '../letters/preNotification';
import { DEFAULT_PRENOTIFICATION_DAYS } from '../collections/prenotification';
import { stmt } from '../preparedStatements';
import { newIdSalt } from '../collections/bankIds';
import { checkBicForIban } from '../../shared/bankIdentity';
import { validateSepaContent } from '../../shared/sepaText';

/** The club's name is the creditor's <Nm> in every file; a template with only placeholders is fine, one whose own text is unreadable is not. */
function checkSepaTexts(name: string | undefined, remittanceTemplate: string | undefined, prefix = ''): void {
  const checks: [string, string | undefined, { nl: string; en: string }][] = [
    [`${prefix}organisation.name`, name, { nl: 'Naam van de vereniging', en: 'Organisation name' }],
    [`${prefix}collection.remittanceTemplate`, remittanceTemplate?.replace(/\{(\w+)\}/g, '').trim() ? remittanceTemplate.replace(/\{(\w+)\}/g, '') : undefined, { nl: 'Omschrijving op het afschrift', en: 'Remittance text' }],
  ];
  for (const [field, value, label] of checks) {
    if (value === undefined) continue;
    const v = validateSepaContent(value, label);
    if (!v.ok) throw validationError(field, v.rule, v.nl, v.en);
  }
}

export interface OrganisationInput {
  name: string;
  street?: string;
  postalCode?: string;
  city?: string;
  country: string;
  email?: string;
  phone?: string;
}

export interface BankAccountInput {
  id?: number;
  name: string;
  iban: string;
  bic?: string;
  ledgerAccountId?: number;
  collection: boolean;
  refunds: boolean;
  active: boolean;
  pain008Version?: '001.02' | '001.08';
  pain001Version?: '001.03' | '001.09';
  maxTransactionsPerFile?: number | null;
  batchBooking?: boolean;
}

interface OrganisationRow {
  name: string;
  street: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
  email: string | null;
  phone: string | null;
  creditor_id: string | null;
  default_payment_term_days: number;
  pre_notification_text: string | null;
  collection_lead_days: number;
  max_collection_amount: number | null;
  remittance_template: string | null;
  collection_discount_amount: number | null;
  collection_discount_percent: number | null;
  first_as_frst: number;
  prenotification_days: number;
  language: 'nl' | 'en';
}

export function isInitialized(ctx: Ctx): boolean {
  return stmt(ctx.db, 'SELECT 1 FROM organisation WHERE id = 1').get() !== undefined;
}

export function listBankAccounts(ctx: Ctx): BankAccountT[] {
  const rows = stmt(
    ctx.db,
    `SELECT id, name, iban, bic, ledger_account_id AS ledgerAccountId, collection, refunds, active, pain008_version AS pain008Version,
            pain001_version AS pain001Version, max_transactions_per_file AS maxTransactionsPerFile, batch_booking AS batchBooking FROM bank_accounts ORDER BY id`,
  ).all() as (Omit<BankAccountT, 'collection' | 'refunds' | 'active' | 'batchBooking'> & { collection: number; refunds: number; active: number; batchBooking: number })[];
  return rows.map((r) => ({ ...r, collection: r.collection === 1, refunds: r.refunds === 1, active: r.active === 1, batchBooking: r.batchBooking === 1 }));
}

/** {vereniging} {lidnummer} {naam} {omschrijving} {documenten}: cut to 140 SEPA characters in the file. */
export const DEFAULT_REMITTANCE = '{vereniging} {omschrijving} factuur {documenten}';

export function getSettings(ctx: Ctx): SettingsT {
  const row = stmt(ctx.db, 'SELECT * FROM organisation WHERE id = 1').get() as OrganisationRow | undefined;
  return {
    initialized: row !== undefined,
    organisation: {
      name: row?.name ?? '',
      street: row?.street ?? null,
      postalCode: row?.postal_code ?? null,
      city: row?.city ?? null,
      country: row?.country ?? 'NL',
      email: row?.email ?? null,
      phone: row?.phone ?? null,
    },
    creditorId: row?.creditor_id ?? null,
    defaultPaymentTermDays: row?.default_payment_term_days ?? 14,
    preNotificationText: row?.pre_notification_text ?? DEFAULT_PRE_NOTIFICATION,
    language: row?.language ?? 'nl',
    bankAccounts: listBankAccounts(ctx),
    collection: {
      leadDays: row?.collection_lead_days ?? 2,
      maxAmount: row?.max_collection_amount ?? null,
      remittanceTemplate: row?.remittance_template ?? DEFAULT_REMITTANCE,
      discountAmount: row?.collection_discount_amount ?? null,
      discountPercent: row?.collection_discount_percent ?? null,
      firstAsFrst: row?.first_as_frst === 1,
      prenotificationDays: row?.prenotification_days ?? DEFAULT_PRENOTIFICATION_DAYS,
    },
  };
}

/** First run: organisation row, default chart and journals, bank accounts — all or nothing. */
export function initialize(
  ctx: Ctx,
  input: { organisation: OrganisationInput; creditorId?: string; bankAccounts: Omit<BankAccountInput, 'id'>[]; language: 'nl' | 'en' },
): SettingsT {
  if (isInitialized(ctx)) {
    throw conflictError('already_initialized', 'Deze administratie is al ingericht; wijzig de gegevens bij Instellingen', 'This ledger is already set up; change it under Settings');
  }
  const o = input.organisation;
  checkSepaTexts(o.name, undefined);
  stmt(
    ctx.db,
    `INSERT INTO organisation (id, name, street, postal_code, city, country, email, phone, creditor_id, language, initialized_at, id_salt)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(o.name, o.street ?? null, o.postalCode ?? null, o.city ?? null, o.country, o.email ?? null, o.phone ?? null, input.creditorId ?? null, input.language, ctx.now().toISOString(), newIdSalt());
  installDefaultChart(ctx);
  input.bankAccounts.forEach((b, i) => saveBankAccount(ctx, b, `bankAccounts.${i}`));
  return getSettings(ctx);
}

export function updateSettings(
  ctx: Ctx,
  input: {
    organisation?: OrganisationInput;
    creditorId?: string | null;
    defaultPaymentTermDays?: number;
    preNotificationText?: string | null;
    language?: 'nl' | 'en';
    collection?: Partial<{ leadDays: number; maxAmount: number | null; remittanceTemplate: string; discountAmount: number | null; discountPercent: number | null; firstAsFrst: boolean; prenotificationDays: number }>;
  },
): SettingsT {
  requireInitialized(ctx);
  const o = input.organisation;
  checkSepaTexts(o?.name, input.collection?.remittanceTemplate);
  if (o) {
    stmt(ctx.db, 'UPDATE organisation SET name = ?, street = ?, postal_code = ?, city = ?, country = ?, email = ?, phone = ? WHERE id = 1').run(
      o.name, o.street ?? null, o.postalCode ?? null, o.city ?? null, o.country, o.email ?? null, o.phone ?? null,
    );
  }
  if (input.creditorId !== undefined) stmt(ctx.db, 'UPDATE organisation SET creditor_id = ? WHERE id = 1').run(input.creditorId ?? null);
  if (input.defaultPaymentTermDays !== undefined) stmt(ctx.db, 'UPDATE organisation SET default_payment_term_days = ? WHERE id = 1').run(input.defaultPaymentTermDays);
  if (input.preNotificationText !== undefined) stmt(ctx.db, 'UPDATE organisation SET pre_notification_text = ? WHERE id = 1').run(input.preNotificationText ?? null);
  if (input.language !== undefined) stmt(ctx.db, 'UPDATE organisation SET language = ? WHERE id = 1').run(input.language);
  const c = input.collection;
  if (c) {
    if (c.discountAmount != null && c.discountPercent != null) {
      throw validationError('collection.discountPercent', 'one_of', 'Incassokorting is een bedrag of een percentage, niet allebei', 'A collection discount is an amount or a percentage, not both');
    }
    const columns: [keyof typeof c, string][] = [
      ['leadDays', 'collection_lead_days'], ['maxAmount', 'max_collection_amount'], ['remittanceTemplate', 'remittance_template'],
      ['discountAmount', 'collection_discount_amount'], ['discountPercent', 'collection_discount_percent'], ['firstAsFrst', 'first_as_frst'],
      ['prenotificationDays', 'prenotification_days'],
    ];
    for (const [key, column] of columns) {
      const value = c[key];
      if (value !== undefined) stmt(ctx.db, `UPDATE organisation SET ${column} = ? WHERE id = 1`).run(typeof value === 'boolean' ? Number(value) : value);
    }
  }
  return getSettings(ctx);
}

export function requireInitialized(ctx: Ctx): void {
  if (!isInitialized(ctx)) {
    throw conflictError('not_initialized', 'Richt eerst de administratie in (organisatie en bankrekening)', 'Set up the ledger first (organisation and bank account)');
  }
}

/** Adds or changes a bank account; a new one books on the Bank role account unless told otherwise. */
export function saveBankAccount(ctx: Ctx, input: Omit<BankAccountInput, 'id'> & { id?: number }, field = ''): BankAccountT {
  const prefix = field ? `${field}.` : '';
  const clash = stmt(ctx.db, 'SELECT id FROM bank_accounts WHERE iban = ? AND id IS NOT ?').get(input.iban, input.id ?? null);
  if (clash) throw validationError(`${prefix}iban`, 'unique', `IBAN ${input.iban} staat al bij de bankrekeningen`, `IBAN ${input.iban} is already a bank account`);
  if (input.bic) {
    const v = checkBicForIban(input.bic, input.iban);
    if (!v.ok) throw validationError(`${prefix}bic`, v.rule, v.nl, v.en);
  }
  const ledgerAccountId = input.ledgerAccountId ?? accountForRole(ctx, 'bank');
  const account = stmt(ctx.db, "SELECT type FROM accounts WHERE id = ?").get(ledgerAccountId) as { type: string } | undefined;
  if (!account) throw notFoundError({ nl: `Grootboekrekening ${ledgerAccountId}`, en: `Account ${ledgerAccountId}` }, `${prefix}ledgerAccountId`);
  if (account.type !== 'asset') {
    throw validationError(`${prefix}ledgerAccountId`, 'asset', 'Een bankrekening boekt op een balansrekening (activa)', 'A bank account books on an asset account');
  }
  const values = [
    input.name, input.iban, input.bic ?? null, ledgerAccountId, input.collection ? 1 : 0, input.refunds ? 1 : 0, input.active ? 1 : 0,
    input.pain008Version ?? '001.02', input.pain001Version ?? '001.03', input.maxTransactionsPerFile ?? null, input.batchBooking === false ? 0 : 1,
  ];
  let id = input.id;
  if (id === undefined) {
    id = Number(
      stmt(ctx.db, 'INSERT INTO bank_accounts (name, iban, bic, ledger_account_id, collection, refunds, active, pain008_version, pain001_version, max_transactions_per_file, batch_booking) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...values).lastInsertRowid,
    );
  } else {
    const changed = stmt(
      ctx.db,
      'UPDATE bank_accounts SET name = ?, iban = ?, bic = ?, ledger_account_id = ?, collection = ?, refunds = ?, active = ?, pain008_version = ?, pain001_version = ?, max_transactions_per_file = ?, batch_booking = ? WHERE id = ?',
    ).run(...values, id);
    if (changed.changes === 0) throw notFoundError({ nl: `Bankrekening ${id}`, en: `Bank account ${id}` }, `${prefix}id`);
  }
  return listBankAccounts(ctx).find((b) => b.id === id)!;
}
