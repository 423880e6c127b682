import { conflictError, validationError } from '../../shared/api/errors';
import { earliestCollectionDate, isBusinessDay, nextBusinessDay } from '../../shared/businessDays';
import { formatDate } from '../../shared/dates';
import { discountOn, equalParts } from '../../shared/money';
import { groupBy } from '../../shared/grouping';
import { toSepaText } from '../../shared/sepaText';
import type { Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { stmt } from '../statements';
import type { SequenceType } from '../sepa/pain008';
import type { ExclusionReason } from '../../shared/collectionReasons';
import { type BatchHeader, batchHeader } from './batchRecord';
import { amendmentReader } from '../mandates/amendments';
import { needsBicAndAddress } from '../../shared/bankIdentity';

export interface CollectionRequest {
  bankAccountId?: number;
  scheme: 'CORE' | 'B2B';
  /** one date for every debit; left out with perDueDate */
  collectionDate?: string;
  /** each item on its own due date (never before the earliest allowed date) */
  perDueDate: boolean;
  /** items due up to this date; default the collection date */
  dueUpTo?: string;
  /** also items not yet due (a member who just signed a mandate) */
  includeNotDue: boolean;
  /** items the treasurer switched off in the review */
  excludeItemIds: number[];
}

export interface Portion {
  itemId: number;
  document: string;
  description: string;
  /** the item's balance taken (signed), and the discount on it */
  amount: number;
  discount: number;
  /** set when the item is above the per-transaction maximum and is collected in parts */
  part: { index: number; of: number } | null;
}

export interface PlannedDebit {
  debtorId: number;
  debtorNumber: string;
  debtorName: string;
  /** the account holder's name, which the bank file carries */
  name: string;
  iban: string;
  bic: string | null;
  mandateId: number;
  mandateReference: string;
  signedOn: string;
  sequenceType: SequenceType;
  date: string;
  gross: number;
  discount: number;
  amount: number;
  portions: Portion[];
  remittance: string;
  originalMandateReference: string | null;
  originalIban: string | null;
  smnda: boolean;
  originalCreditorId: string | null;
  previousLastCollectedOn: string | null;
  previousAmendmentPending: boolean;
  fileNo: number;
}

export interface Excluded {
  itemId: number;
  debtorId: number;
  debtorNumber: string;
  debtorName: string;
  document: string;
  dueDate: string;
  balance: number;
  reason: ExclusionReason;
  /** e.g. the batch an item is already in */
  detail: string | null;
}

export interface CollectionPlan {
  bankAccount: { id: number; name: string; iban: string; pain008Version: '001.02' | '001.08'; maxTransactionsPerFile: number | null };
  scheme: 'CORE' | 'B2B';
  earliestDate: string;
  collectionDate: string | null;
  header: BatchHeader;
  debits: PlannedDebit[];
  excluded: Excluded[];
  fileCount: number;
}

interface Candidate {
  itemId: number;
  debtorId: number;
  number: string;
  debtorName: string;
  holder: string | null;
  iban: string | null;
  bic: string | null;
  method: string;
  collect: number;
  consolidate: number;
  discountAmount: number | null;
  discountPercent: number | null;
  document: string;
  description: string;
  dueDate: string;
  balance: number;
  blocked: number;
  arrangement: number;
  mandateId: number | null;
  mandateReference: string | null;
  mandateSignedOn: string | null;
  mandateType: 'recurring' | 'one_off' | null;
  mandateLastCollectedOn: string | null;
  mandateOriginalReference: string | null;
  mandateOriginalIban: string | null;
  mandateAmendmentPending: number | null;
  country: string;
  street: string | null;
  city: string | null;
}

/** The debtor's usable mandate, as read with its items. */
interface MandateRow {
  id: number;
  reference: string;
  signedOn: string;
  type: 'recurring' | 'one_off';
  lastCollectedOn: string | null;
  originalReference: string | null;
  originalIban: string | null;
  amendmentPending: number;
}

type Discount = { amount: number | null; percent: number | null };

export function collectionBankAccount(ctx: Ctx, id: number | undefined, purpose: 'collection' | 'refunds') {
  const accounts = getSettings(ctx).bankAccounts.filter((b) => b.active && b[purpose]);
  if (id !== undefined) {
    const chosen = accounts.find((b) => b.id === id);
    if (!chosen) throw validationError('bankAccountId', 'not_enabled', `Bankrekening ${id} is niet ingesteld voor ${purpose === 'collection' ? 'incasso' : 'terugbetalingen'}`, `Bank account ${id} is not enabled for ${purpose === 'collection' ? 'collection' : 'refunds'}`);
    return chosen;
  }
  if (accounts.length === 0) {
    throw conflictError('no_bank_account', `Geen bankrekening ingesteld voor ${purpose === 'collection' ? 'incasso' : 'terugbetalingen'} (Instellingen > Bankrekeningen)`, `No bank account enabled for ${purpose} (Settings > Bank accounts)`, 'bankAccountId');
  }
  if (accounts.length > 1) throw validationError('bankAccountId', 'required', 'Kies de bankrekening', 'Choose the bank account');
  return accounts[0]!;
}

/** Why a debtor has no mandate to collect with in this scheme: none, only the other scheme, revoked, expired or used up. */
function reasonWithoutMandate(mandates: { status: string; scheme: string }[]): ExclusionReason {
  if (mandates.length === 0) return 'no_mandate';
  if (mandates.some((m) => m.status === 'active')) return 'other_scheme';
  return mandates[mandates.length - 1]!.status === 'revoked' ? 'mandate_revoked' : 'mandate_expired';
}

/** As few equal parts as keep each under the maximum, odd cents first (as Opsplitsen does). */
export function partsUnder(amount: number, max: number | null): number[] {
  return max === null || amount <= max ? [amount] : equalParts(amount, Math.ceil(amount / max));
}

function fillTemplate(template: string, values: Record<string, string>): string {
  // a template of only unreadable text still leaves the document numbers: Ustrd is never empty
  return toSepaText(template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? ''), 140) || toSepaText(values.documenten ?? '', 140);
}

function documentsText(portions: Portion[]): string {
  const docs = [...new Set(portions.map((p) => p.document))];
  return docs.length <= 4 ? docs.join(', ') : `${docs.slice(0, 3).join(', ')} en ${docs.length - 3} meer`;
}

/**
 * The proposal: every open item either lands in a debit or in the why-not list with its reason.
 * Read-only — the same plan is what `saveCollection` books and writes.
 */
export function planCollection(ctx: Ctx, req: CollectionRequest): CollectionPlan {
  const settings = getSettings(ctx);
  if (!settings.creditorId) throw conflictError('no_creditor_id', 'Vul eerst het incassant-ID in (Instellingen > Organisatie)', 'Fill in the creditor identifier first (Settings > Organisation)', 'creditorId');
  const bank = collectionBankAccount(ctx, req.bankAccountId, 'collection');
  const today = ctx.today();
  const earliest = earliestCollectionDate(today, settings.collection.leadDays);
  let collectionDate: string | null = null;
  if (!req.perDueDate) {
    collectionDate = req.collectionDate ?? earliest;
    if (collectionDate < earliest) {
      throw validationError('collectionDate', 'too_early', `Incassodatum ${formatDate(collectionDate)} is te vroeg: de vroegste is ${formatDate(earliest)}`, `Collection date ${formatDate(collectionDate, 'en')} is too early: the earliest is ${formatDate(earliest, 'en')}`);
    }
    if (!isBusinessDay(collectionDate)) {
      throw validationError('collectionDate', 'business_day', `Incassodatum ${formatDate(collectionDate)} is geen bankwerkdag (weekend of TARGET2-feestdag); neem ${formatDate(nextBusinessDay(collectionDate))}`, `Collection date ${formatDate(collectionDate, 'en')} is not a bank business day; take ${formatDate(nextBusinessDay(collectionDate), 'en')}`);
    }
  }
  const dueUpTo = req.dueUpTo ?? collectionDate ?? earliest;
  const excludedIds = new Set(req.excludeItemIds);
  const c = settings.collection;
  const globalDiscount: Discount = { amount: c.discountAmount, percent: c.discountPercent };
  const header = batchHeader(settings, bank);
  const amendmentOf = amendmentReader(ctx, settings.creditorId);

  // each item comes with the debtor's usable mandate (the newest active one of this scheme), so no
  // table of every member's mandates has to be held while planning
  const candidates = stmt(
    ctx.db,
    `SELECT i.id AS itemId, i.debtor_id AS debtorId, d.number, d.name AS debtorName, d.account_holder AS holder, d.iban, d.bic, d.payment_method AS method,
            d.collect, d.consolidate, d.discount_amount AS discountAmount, d.discount_percent AS discountPercent,
            i.document, i.description, i.due_date AS dueDate, i.balance, i.blocked, i.arrangement,
            m.id AS mandateId, m.reference AS mandateReference, m.signed_on AS mandateSignedOn, m.type AS mandateType,
            m.last_collected_on AS mandateLastCollectedOn, m.original_reference AS mandateOriginalReference, m.original_iban AS mandateOriginalIban,
            m.amendment_pending AS mandateAmendmentPending, d.country, d.street, d.city
       FROM open_items i JOIN debtors d ON d.id = i.debtor_id
       LEFT JOIN mandates m ON m.id = (SELECT id FROM mandates WHERE debtor_id = d.id AND status = 'active' AND scheme = ? ORDER BY id DESC LIMIT 1)
      WHERE i.state = 'open' AND i.balance <> 0
      ORDER BY CAST(d.number AS INTEGER), d.number, i.due_date, i.id`,
  ).iterate(req.scheme) as Iterable<Candidate>;

  const excluded: Excluded[] = [];
  const exclude = (x: Candidate, reason: ExclusionReason, detail: string | null = null) =>
    excluded.push({ itemId: x.itemId, debtorId: x.debtorId, debtorNumber: x.number, debtorName: x.debtorName, document: x.document, dueDate: x.dueDate, balance: x.balance, reason, detail });

  const debits: PlannedDebit[] = [];
  const mandateSeen = new Set<number>();
  /** One debtor's eligible items on one date become one debit (consolidated) or one per item, parts above the maximum apart. */
  const addDebits = (debtor: Candidate, mandate: MandateRow, date: string, items: Candidate[]): void => {
    const discount: Discount = debtor.discountAmount !== null || debtor.discountPercent !== null ? { amount: debtor.discountAmount, percent: debtor.discountPercent } : globalDiscount;
    const portionsOf = (x: Candidate): Portion[] => {
      if (x.balance < 0) return [{ itemId: x.itemId, document: x.document, description: x.description, amount: x.balance, discount: 0, part: null }];
      const parts = partsUnder(x.balance, c.maxAmount);
      // a fixed discount is per item (on its first part); a percentage applies to every part
      return parts.map((amount, i) => ({
        itemId: x.itemId, document: x.document, description: x.description, amount,
        discount: discount.percent !== null || i === 0 ? discountOn(amount, discount) : 0,
        part: parts.length > 1 ? { index: i + 1, of: parts.length } : null,
      }));
    };
    const net = items.reduce((s, x) => s + x.balance, 0);
    let bins: Portion[][];
    if (net <= 0) {
      for (const x of items) exclude(x, 'nothing_to_collect');
      return;
    } else if (c.maxAmount === null || net <= c.maxAmount || items.length === 1) {
      bins = items.length === 1 ? portionsOf(items[0]!).map((p) => [p]) : [items.flatMap(portionsOf)];
    } else {
      // a consolidated debtor above the maximum: credits wait, the rest is packed into debits under it
      for (const x of items) if (x.balance < 0) exclude(x, 'credit');
      bins = [];
      for (const p of items.filter((x) => x.balance > 0).flatMap(portionsOf)) {
        const bin = bins.find((b) => b.reduce((s, q) => s + q.amount, 0) + p.amount <= c.maxAmount!);
        if (bin) bin.push(p);
        else bins.push([p]);
      }
    }
    const first = !mandateSeen.has(mandate.id) && mandate.lastCollectedOn === null;
    mandateSeen.add(mandate.id);
    const sequenceType: SequenceType = mandate.type === 'one_off' ? 'OOFF' : c.firstAsFrst && first ? 'FRST' : 'RCUR';
    const pending = mandate.amendmentPending === 1;
    const amendment = amendmentOf(mandate, { iban: debtor.iban!, bic: debtor.bic });
    for (const portions of bins) {
      const gross = portions.reduce((s, p) => s + p.amount, 0);
      const disc = portions.reduce((s, p) => s + p.discount, 0);
      if (gross - disc <= 0) {
        for (const p of portions) exclude(items.find((x) => x.itemId === p.itemId)!, 'nothing_to_collect');
        continue;
      }
      const main = portions.find((p) => p.amount > 0)!;
      debits.push({
        debtorId: debtor.debtorId,
        debtorNumber: debtor.number,
        debtorName: debtor.debtorName,
        name: toSepaText(debtor.holder ?? debtor.debtorName, 70),
        iban: debtor.iban!,
        bic: debtor.bic,
        mandateId: mandate.id,
        mandateReference: mandate.reference,
        signedOn: mandate.signedOn,
        sequenceType,
        date,
        gross,
        discount: disc,
        amount: gross - disc,
        portions,
        remittance: fillTemplate(c.remittanceTemplate, {
          vereniging: settings.organisation.name,
          lidnummer: debtor.number,
          naam: debtor.debtorName,
          omschrijving: main.part ? `${main.description} deel ${main.part.index}/${main.part.of}` : main.description,
          documenten: documentsText(portions),
        }),
        ...amendment,
        previousLastCollectedOn: mandate.lastCollectedOn,
        previousAmendmentPending: pending,
        fileNo: 1,
      });
    }
  };

  // rows come per debtor; a debtor's eligible items wait in `pending` until the next debtor starts,
  // so only the debits, not every row, stay in memory
  const withoutMandate: Candidate[] = [];
  const mandateOf = (x: Candidate): MandateRow => ({
    id: x.mandateId!, reference: x.mandateReference!, signedOn: x.mandateSignedOn!, type: x.mandateType!, lastCollectedOn: x.mandateLastCollectedOn, originalReference: x.mandateOriginalReference, originalIban: x.mandateOriginalIban, amendmentPending: x.mandateAmendmentPending ?? 0,
  });
  let pending: { debtor: Candidate; mandate: MandateRow; items: Candidate[] } | null = null;
  const flush = () => {
    if (!pending) return;
    const { debtor, mandate, items } = pending;
    pending = null;
    const dateOf = (x: Candidate) => collectionDate ?? (x.dueDate < earliest ? earliest : nextBusinessDay(x.dueDate));
    if (debtor.consolidate !== 1) {
      for (const x of items) addDebits(debtor, mandate, dateOf(x), [x]);
      return;
    }
    for (const [date, group] of groupBy(items, dateOf)) addDebits(debtor, mandate, date, group);
  };
  for (const x of candidates) {
    if (pending && pending.debtor.debtorId !== x.debtorId) flush();
    if (x.method !== 'direct_debit') { exclude(x, x.mandateId !== null ? 'transfer_with_mandate' : 'not_direct_debit', x.mandateReference); continue; }
    if (x.collect !== 1) { exclude(x, 'collect_off'); continue; }
    if (!x.iban) { exclude(x, 'missing_iban'); continue; }
    // cards from before the rule: outside the EEA a debit needs BIC and address, so it waits here, not in the bank's rejection
    if (needsBicAndAddress(x.iban, x.country) && (!x.bic || !x.street || !x.city)) { exclude(x, 'missing_bic_address'); continue; }
    if (x.mandateId === null) { withoutMandate.push(x); continue; }
    if (x.mandateType === 'one_off' && x.mandateLastCollectedOn) { exclude(x, 'mandate_used'); continue; }
    const mandate = mandateOf(x);
    if (x.blocked === 1) { exclude(x, 'blocked'); continue; }
    if (x.arrangement === 1) { exclude(x, 'arrangement'); continue; }
    if (x.dueDate > dueUpTo && !req.includeNotDue) { exclude(x, 'not_due'); continue; }
    if (x.balance < 0 && x.consolidate !== 1) { exclude(x, 'credit'); continue; }
    if (excludedIds.has(x.itemId)) { exclude(x, 'deselected'); continue; }
    if (!pending) pending = { debtor: x, mandate, items: [] };
    pending.items.push(x);
  }
  flush();
  // the reason for a missing mandate takes a look at the debtor's other mandates: after the rows are read
  const mandatesOf = stmt(ctx.db, 'SELECT status, scheme FROM mandates WHERE debtor_id = ? ORDER BY id');
  const reasons = new Map<number, ExclusionReason>();
  for (const x of withoutMandate) {
    let reason = reasons.get(x.debtorId);
    if (!reason) reasons.set(x.debtorId, (reason = reasonWithoutMandate(mandatesOf.all(x.debtorId) as { status: string; scheme: string }[])));
    exclude(x, reason);
  }

  // items already on their way to the bank, so the why-not list answers for them too
  for (const x of stmt(
    ctx.db,
    `SELECT i.id AS itemId, i.debtor_id AS debtorId, d.number, d.name AS debtorName, i.document, i.due_date AS dueDate, t.amount AS balance, b.reference
       FROM open_items i JOIN debtors d ON d.id = i.debtor_id JOIN batch_transactions t ON t.id = i.batch_transaction_id JOIN batches b ON b.id = t.batch_id
      WHERE i.state = 'in_collection' ORDER BY i.id`,
  ).all() as (Candidate & { reference: string })[]) {
    exclude(x, 'in_batch', x.reference);
  }

  // the why-not list in member order, as the treasurer's own lists are
  const num = (n: string) => Number(n) || Number.MAX_SAFE_INTEGER;
  excluded.sort((a, b) => num(a.debtorNumber) - num(b.debtorNumber) || a.debtorNumber.localeCompare(b.debtorNumber) || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.itemId - b.itemId));

  // files: debits in date and sequence order, cut at the bank's limit per file
  const seqOrder: Record<SequenceType, number> = { FRST: 0, RCUR: 1, OOFF: 2, FNAL: 3 };
  debits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : seqOrder[a.sequenceType] - seqOrder[b.sequenceType]));
  const perFile = bank.maxTransactionsPerFile ?? Number.MAX_SAFE_INTEGER;
  debits.forEach((d, i) => (d.fileNo = Math.floor(i / perFile) + 1));

  return {
    bankAccount: { id: bank.id, name: bank.name, iban: bank.iban, pain008Version: bank.pain008Version, maxTransactionsPerFile: bank.maxTransactionsPerFile },
    scheme: req.scheme,
    earliestDate: earliest,
    collectionDate,
    header,
    debits,
    excluded,
    fileCount: debits.length ? debits[debits.length - 1]!.fileNo : 0,
  };
}
