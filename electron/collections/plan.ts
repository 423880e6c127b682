import { conflictError, validationError } from '../../shared/api/errors';
import { addBusinessDays, earliestCollectionDate, isBusinessDay, latestCollectionDate, MAX_CALENDAR_DAYS_AHEAD, nextBusinessDay } from '../../shared/businessDays';
import { formatDate } from '../../shared/dates';
import { MAX_CENTS } from '../../shared/money';
import { toSepaText } from '../../shared/sepaText';
import type { Ctx } from '../context';
import { getSettings } from '../settings/settings';
import { stmt } from '../preparedStatements';
import type { SequenceType } from '../sepa/pain008';
import type { ExclusionReason } from '../../shared/collectionReasons';
import { type BatchHeader, batchHeader } from './batchRecord';
import { type MemberItem, memberDebits, type Portion as DraftPortion } from './memberDebits';
import { type ShortNotice, shortNotice } from './prenotification';
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
  /** a member's items on one date become one debit (default); off: one debit per item */
  mergeSameDate?: boolean;
  /** open credits are set off against the member's debits (default); off: they wait for a refund */
  netCredits?: boolean;
  /** the treasurer confirmed collecting items sooner than their invoices announced */
  confirmPrenotification?: boolean;
}

export interface Portion extends DraftPortion {
  /** set when the item is collected sooner than its invoice announced */
  notice: ShortNotice | null;
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
  /** open credits set off in this debit (negative) */
  credits: number;
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
  latestDate: string;
  collectionDate: string | null;
  header: BatchHeader;
  debits: PlannedDebit[];
  excluded: Excluded[];
  fileCount: number;
  /** items the bank returned before that this plan collects again (AM04/MS03 re-presented once) */
  represented: Set<number>;
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
  itemDate: string;
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
  const latest = latestCollectionDate(today);
  if (collectionDate !== null && collectionDate > latest) {
    throw validationError('collectionDate', 'too_late', `Incassodatum ${formatDate(collectionDate)} ligt te ver vooruit: een bank neemt een incasso hooguit ${MAX_CALENDAR_DAYS_AHEAD} dagen vooraf aan, dus uiterlijk ${formatDate(latest)}`, `Collection date ${formatDate(collectionDate, 'en')} is too far ahead: a bank accepts a collection at most ${MAX_CALENDAR_DAYS_AHEAD} days ahead, so ${formatDate(latest, 'en')} at the latest`);
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
            i.document, i.description, i.due_date AS dueDate, i.item_date AS itemDate, i.balance, i.blocked, i.arrangement,
            m.id AS mandateId, m.reference AS mandateReference, m.signed_on AS mandateSignedOn, m.type AS mandateType,
            m.last_collected_on AS mandateLastCollectedOn, m.original_reference AS mandateOriginalReference, m.original_iban AS mandateOriginalIban,
            m.amendment_pending AS mandateAmendmentPending, d.country, d.street, d.city
       FROM open_items i JOIN debtors d ON d.id = i.debtor_id
       LEFT JOIN mandates m ON m.id = (SELECT id FROM mandates WHERE debtor_id = d.id AND status = 'active' AND scheme = ? ORDER BY id DESC LIMIT 1)
      WHERE i.state = 'open' AND i.balance <> 0
      ORDER BY CAST(d.number AS INTEGER), d.number, i.due_date, i.id`,
  ).iterate(req.scheme) as Iterable<Candidate>;

  const returned = returnedItems(ctx);
  const represented = new Set<number>();
  const excluded: Excluded[] = [];
  const exclude = (x: Candidate, reason: ExclusionReason, detail: string | null = null) =>
    excluded.push({ itemId: x.itemId, debtorId: x.debtorId, debtorNumber: x.number, debtorName: x.debtorName, document: x.document, dueDate: x.dueDate, balance: x.balance, reason, detail });

  const debits: PlannedDebit[] = [];
  const maxAmount = Math.min(c.maxAmount ?? MAX_CENTS, MAX_CENTS);
  /** One member's eligible items on their mandate become debits (see memberDebits); the rest is left out with its reason. */
  const addDebits = (debtor: Candidate, mandate: MandateRow, items: (MemberItem & { source: Candidate })[]): void => {
    const discount: Discount = debtor.discountAmount !== null || debtor.discountPercent !== null ? { amount: debtor.discountAmount, percent: debtor.discountPercent } : globalDiscount;
    const { debits: drafts, left } = memberDebits(
      items,
      { oneOff: mandate.type === 'one_off', merge: req.mergeSameDate !== false || debtor.consolidate === 1, netCredits: req.netCredits !== false, max: maxAmount, discount },
      (date) => addBusinessDays(date, 1),
    );
    const byId = new Map(items.map((x) => [x.itemId, x]));
    for (const l of left) exclude(byId.get(l.item.itemId)!.source, l.reason);
    // one sequence type per mandate in a batch: a bank refuses FRST and RCUR of one mandate in one file
    const sequenceType: SequenceType = mandate.type === 'one_off' ? 'OOFF' : c.firstAsFrst && mandate.lastCollectedOn === null ? 'FRST' : 'RCUR';
    const pending = mandate.amendmentPending === 1;
    const amendment = amendmentOf(mandate, { iban: debtor.iban!, bic: debtor.bic });
    for (const draft of drafts) {
      const portions: Portion[] = draft.portions.map((p) => ({ ...p, notice: shortNotice(byId.get(p.itemId)!, draft.date, c.prenotificationDays) }));
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
        date: draft.date,
        gross: draft.gross,
        discount: draft.discount,
        amount: draft.gross - draft.discount,
        credits: portions.filter((p) => p.amount < 0).reduce((s, p) => s + p.amount, 0),
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
  let pending: { debtor: Candidate; mandate: MandateRow; items: (MemberItem & { source: Candidate })[] } | null = null;
  const flush = () => {
    if (!pending) return;
    const { debtor, mandate, items } = pending;
    pending = null;
    addDebits(debtor, mandate, items);
  };
  // each item on the collection date, or on its own due date (never before the earliest allowed date)
  const dateOf = (x: Candidate) => collectionDate ?? (x.dueDate < earliest ? earliest : nextBusinessDay(x.dueDate));
  for (const x of candidates) {
    if (pending && pending.debtor.debtorId !== x.debtorId) flush();
    if (x.method !== 'direct_debit') { exclude(x, x.mandateId !== null ? 'transfer_with_mandate' : 'not_direct_debit', x.mandateReference); continue; }
    const ret = returned.get(x.itemId);
    if (ret && ret.action !== 'represent') { exclude(x, 'returned', `${ret.code ?? '?'}, ${ret.count}x`); continue; }
    if (x.collect !== 1) { exclude(x, 'collect_off'); continue; }
    if (!x.iban) { exclude(x, 'missing_iban'); continue; }
    // cards from before the rule: outside the EEA a debit needs BIC and address, so it waits here, not in the bank's rejection
    if (needsBicAndAddress(x.iban, x.country) && (!x.bic || !x.street || !x.city)) { exclude(x, 'missing_bic_address'); continue; }
    if (x.mandateId === null) { withoutMandate.push(x); continue; }
    if (x.mandateType === 'one_off' && x.mandateLastCollectedOn) { exclude(x, 'mandate_used'); continue; }
    const mandate = mandateOf(x);
    if (x.blocked === 1) { exclude(x, 'blocked'); continue; }
    // an arrangement's instalments go along on their own due dates; only those not yet due wait
    if (x.arrangement === 1 && x.dueDate > dueUpTo && x.balance > 0) { exclude(x, 'arrangement'); continue; }
    if (x.dueDate > dueUpTo && !req.includeNotDue && x.balance > 0) { exclude(x, 'not_due'); continue; }
    if (excludedIds.has(x.itemId)) { exclude(x, 'deselected'); continue; }
    const date = dateOf(x);
    if (date > latest && x.balance > 0) { exclude(x, 'too_far_ahead'); continue; }
    if (!pending) pending = { debtor: x, mandate, items: [] };
    if (ret) represented.add(x.itemId);
    pending.items.push({ itemId: x.itemId, document: x.document, description: x.description, dueDate: x.dueDate, itemDate: x.itemDate, balance: x.balance, date, source: x });
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
    latestDate: latest,
    collectionDate,
    header,
    debits,
    excluded,
    fileCount: debits.length ? debits[debits.length - 1]!.fileNo : 0,
    represented,
  };
}

/**
 * Open items the bank sent back, with the latest reason and how often: the storno policy stored
 * with each return says whether the item may be collected again (only 'represent').
 */
function returnedItems(ctx: Ctx): Map<number, { code: string | null; count: number; action: string }> {
  const rows = stmt(
    ctx.db,
    `SELECT p.item_id AS itemId, COUNT(*) AS count, MAX(r.id) AS lastId, r.reason_code AS code, r.action
       FROM collection_returns r JOIN batch_transaction_items p ON p.transaction_id = r.transaction_id JOIN open_items i ON i.id = p.item_id
      WHERE i.state = 'open' GROUP BY p.item_id`,
  ).all() as { itemId: number; count: number; code: string | null; action: string }[];
  return new Map(rows.map((r) => [r.itemId, r]));
}
