import type { DebtorT } from '../../shared/api/contract';
import { notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { DIRECT_DEBIT_WITHOUT_MANDATE, MANDATE_EXPIRING_DEBTOR, expiringCutoff } from '../mandates/expiring';
import { recordIbanAmendment } from '../mandates/mandates';
import { stmt } from '../preparedStatements';
import { checkBicForIban, NON_EEA_SEPA, needsBicAndAddress, sameBank } from '../../shared/bankIdentity';
import { validateSepaContent } from '../../shared/sepaText';
import { IN_COLLECTION_JSON, inCollectionText, parseInCollection } from '../collections/inTransit';
import { defaultStatusId, requireStatus } from './statuses';

export interface DebtorInput {
  number?: string;
  name: string;
  email?: string;
  phone?: string;
  street?: string;
  postalCode?: string;
  city?: string;
  country: string;
  language: 'nl' | 'en';
  kind: 'person' | 'business';
  paymentMethod: 'direct_debit' | 'transfer';
  iban?: string;
  bic?: string;
  accountHolder?: string;
  collect: boolean;
  consolidate: boolean;
  paymentTermDays?: number | null;
  statusId?: number;
  notes?: string;
  tags?: string[];
  feeAmount?: number | null;
  discountAmount?: number | null;
  discountPercent?: number | null;
  dunningProfile?: 'normal' | 'gentle' | 'excluded';
}

/** A debtor's balance is the sum of its lines on the receivables control account. */
const DEBTOR_SELECT = `SELECT d.id, d.number, d.name, d.email, d.phone, d.street, d.postal_code AS postalCode, d.city, d.country,
        d.language, d.kind, d.payment_method AS paymentMethod, d.iban, d.bic, d.account_holder AS accountHolder,
        d.collect, d.consolidate, d.payment_term_days AS paymentTermDays, d.status_id AS statusId, s.name AS statusName,
        d.notes, d.fee_amount AS feeAmount, d.discount_amount AS discountAmount, d.discount_percent AS discountPercent, d.dunning_profile AS dunningProfile, d.created_at AS createdAt, (SELECT group_concat(tag, char(31)) FROM debtor_tags t WHERE t.debtor_id = d.id) AS tags,
        (SELECT m.reference FROM mandates m WHERE m.debtor_id = d.id AND m.status = 'active' ORDER BY m.id DESC LIMIT 1) AS activeMandate,
        ${IN_COLLECTION_JSON} AS inCollection,
        COALESCE((SELECT SUM(l.debit) - SUM(l.credit) FROM journal_lines l
                   WHERE l.debtor_id = d.id
                     AND l.account_id = (SELECT account_id FROM account_roles WHERE role = 'receivables')), 0) AS balance
   FROM debtors d LEFT JOIN debtor_statuses s ON s.id = d.status_id`;

type DebtorRow = Omit<DebtorT, 'collect' | 'consolidate' | 'tags' | 'inCollection' | 'inCollectionText'> & { collect: number; consolidate: number; tags: string | null; inCollection: string | null };

function fromRow(r: DebtorRow): DebtorT {
  const inCollection = parseInCollection(r.inCollection);
  return {
    ...r, collect: r.collect === 1, consolidate: r.consolidate === 1, tags: r.tags ? r.tags.split('\u001f').sort((a, b) => a.localeCompare(b, 'nl')) : [],
    inCollection, inCollectionText: inCollectionText(inCollection),
  };
}

/** Replaces a debtor's groups; the same group written twice or with other spacing counts once. */
function writeTags(ctx: Ctx, debtorId: number, tags: string[] | undefined): void {
  if (tags === undefined) return;
  stmt(ctx.db, 'DELETE FROM debtor_tags WHERE debtor_id = ?').run(debtorId);
  const insert = stmt(ctx.db, 'INSERT OR IGNORE INTO debtor_tags (debtor_id, tag) VALUES (?, ?)');
  for (const tag of tags) if (tag.trim()) insert.run(debtorId, tag.trim().replace(/\s+/g, ' '));
}

export function listTags(ctx: Ctx): { tag: string; count: number }[] {
  return stmt(ctx.db, 'SELECT tag, COUNT(*) AS count FROM debtor_tags GROUP BY tag ORDER BY tag COLLATE NOCASE').all() as { tag: string; count: number }[];
}

export function getDebtor(ctx: Ctx, id: number): DebtorT {
  const row = stmt(ctx.db, `${DEBTOR_SELECT} WHERE d.id = ?`).get(id) as DebtorRow | undefined;
  if (!row) throw notFoundError({ nl: `Debiteur ${id}`, en: `Debtor ${id}` }, 'id');
  return fromRow(row);
}

export function listDebtors(ctx: Ctx, q: { search?: string; mandate?: 'expiring' | 'missing'; limit: number; offset: number }): { total: number; debtors: DebtorT[] } {
  const term = q.search?.trim();
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (term) {
    where.push('(d.name LIKE @like OR d.number = @term OR d.email LIKE @like OR d.iban LIKE @ibanLike)');
    Object.assign(params, { like: `%${term}%`, term, ibanLike: `%${term.replace(/\s+/g, '').toUpperCase()}%` });
  }
  if (q.mandate === 'expiring') {
    where.push(MANDATE_EXPIRING_DEBTOR);
    params.expiringCutoff = expiringCutoff(ctx.today());
  } else if (q.mandate === 'missing') where.push(DIRECT_DEBIT_WITHOUT_MANDATE);
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM debtors d${clause}`).get(params) as { n: number }).n;
  const rows = ctx.db
    .prepare(`${DEBTOR_SELECT}${clause} ORDER BY CAST(d.number AS INTEGER), d.number LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit, offset: q.offset }) as DebtorRow[];
  return { total, debtors: rows.map(fromRow) };
}

/** The next free member number: one above the highest numeric one. */
export function nextDebtorNumber(ctx: Ctx): string {
  const row = stmt(ctx.db, "SELECT MAX(CAST(number AS INTEGER)) AS n FROM debtors WHERE number GLOB '[0-9]*'").get() as { n: number | null };
  return String((row.n ?? 1000) + 1);
}

/** Rules that span fields, checked for create, update and import alike. */
export function checkDebtorRules(input: DebtorInput): void {
  if (input.paymentMethod === 'direct_debit' && !input.iban) {
    throw validationError('iban', 'required_for_direct_debit', 'Voor automatische incasso is een IBAN nodig', 'Direct debit needs an IBAN');
  }
  if (input.discountAmount != null && input.discountPercent != null) {
    throw validationError('discountPercent', 'one_of', 'Incassokorting is een bedrag of een percentage, niet allebei', 'A collection discount is an amount or a percentage, not both');
  }
  // the name and account holder go into bank files as <Nm>: refused here, not half-way through a run
  for (const [field, label] of [['name', { nl: 'Naam', en: 'Name' }], ['accountHolder', { nl: 'Rekeninghouder', en: 'Account holder' }]] as const) {
    const v = validateSepaContent(input[field] ?? '', label);
    if (!v.ok) throw validationError(field, v.rule, v.nl, v.en);
  }
  if (input.iban && input.bic) {
    const v = checkBicForIban(input.bic, input.iban);
    if (!v.ok) throw validationError('bic', v.rule, v.nl, v.en);
  }
  if (input.iban && needsBicAndAddress(input.iban, input.country)) {
    const where = NON_EEA_SEPA.has(input.iban.slice(0, 2)) ? input.iban.slice(0, 2) : input.country;
    if (!input.bic) {
      throw validationError('bic', 'required_outside_eea', `Een rekening in ${where} (SEPA, buiten de EER) heeft een BIC nodig voor incasso en terugbetaling`, `An account in ${where} (SEPA, outside the EEA) needs a BIC for collection and refunds`);
    }
    if (!input.street || !input.city) {
      throw validationError(!input.street ? 'street' : 'city', 'address_outside_eea', `Een rekening in ${where} (SEPA, buiten de EER): het bankbestand moet het adres dragen; vul straat en plaats in`, `An account in ${where} (SEPA, outside the EEA): the bank file must carry the address; fill in street and city`);
    }
  }
}

/**
 * A new IBAN at another bank makes the old BIC wrong: it is dropped when it was left as it stood,
 * so the card never pairs the new account with the old bank (checkDebtorRules then asks for a BIC
 * where one is required).
 */
function bicForNewIban(current: DebtorT, input: DebtorInput): string | undefined {
  if (!input.bic || !current.iban || !input.iban || input.bic !== current.bic || current.iban === input.iban) return input.bic;
  return sameBank({ iban: current.iban }, { iban: input.iban }) ? input.bic : undefined;
}

function columns(ctx: Ctx, input: DebtorInput) {
  return {
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    street: input.street ?? null,
    postal_code: input.postalCode ?? null,
    city: input.city ?? null,
    country: input.country,
    language: input.language,
    kind: input.kind,
    payment_method: input.paymentMethod,
    iban: input.iban ?? null,
    bic: input.bic ?? null,
    account_holder: input.accountHolder ?? null,
    collect: input.collect ? 1 : 0,
    consolidate: input.consolidate ? 1 : 0,
    payment_term_days: input.paymentTermDays ?? null,
    status_id: input.statusId !== undefined ? requireStatus(ctx, input.statusId) : defaultStatusId(ctx),
    notes: input.notes ?? null,
    fee_amount: input.feeAmount ?? null,
    discount_amount: input.discountAmount ?? null,
    discount_percent: input.discountPercent ?? null,
    dunning_profile: input.dunningProfile ?? 'normal',
  };
}

export function createDebtor(ctx: Ctx, input: DebtorInput): DebtorT {
  checkDebtorRules(input);
  const number = input.number ?? nextDebtorNumber(ctx);
  if (stmt(ctx.db, 'SELECT 1 FROM debtors WHERE number = ?').get(number)) {
    throw validationError('number', 'unique', `Debiteurnummer ${number} bestaat al`, `Debtor number ${number} already exists`);
  }
  const values = { number, ...columns(ctx, input) };
  const names = Object.keys(values);
  const id = Number(
    stmt(ctx.db, `INSERT INTO debtors (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(values).lastInsertRowid,
  );
  writeTags(ctx, id, input.tags);
  return getDebtor(ctx, id);
}

export function updateDebtor(ctx: Ctx, input: DebtorInput & { id: number }): DebtorT {
  const current = getDebtor(ctx, input.id);
  input = { ...input, bic: bicForNewIban(current, input) };
  checkDebtorRules(input);
  const number = input.number ?? current.number;
  if (stmt(ctx.db, 'SELECT 1 FROM debtors WHERE number = ? AND id <> ?').get(number, input.id)) {
    throw validationError('number', 'unique', `Debiteurnummer ${number} bestaat al`, `Debtor number ${number} already exists`);
  }
  const values = { number, ...columns(ctx, { ...input, statusId: input.statusId ?? current.statusId ?? undefined, dunningProfile: input.dunningProfile ?? current.dunningProfile }) };
  const sets = Object.keys(values).map((n) => `${n} = @${n}`);
  stmt(ctx.db, `UPDATE debtors SET ${sets.join(', ')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @id`).run({ ...values, id: input.id });
  writeTags(ctx, input.id, input.tags);
  if ((current.iban ?? null) !== (input.iban ?? null)) recordIbanAmendment(ctx, input.id, current.iban, input.iban ?? null);
  return getDebtor(ctx, input.id);
}
