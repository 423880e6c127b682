import type { z } from 'zod';
import type { DunningExclusion, DunningProposal, ProposalExclusion } from '../../shared/api/dunning';
import { addDays } from '../../shared/dates';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { collectionCosts, collectionCostsVat } from './collectionCosts';
import { costsLowerings, type CostsLowering } from './costsLowering';
import { interestSince, type RatePeriod } from './interest';
import { nextLetterOn, nextLevelAfter } from './ladder';
import { listLevels, type DunningLevelT } from './levels';
import { getDunningSettings, listInterestRates, type DunningSettingsT } from './settings';
import { termEndsOn } from './term';

/** Fees and costs a letter asks for are items too; they follow the dunning but are no principal for the WIK scale. */
export const FEE_SOURCES = ['dunning_fee', 'collection_costs', 'interest'] as const;

export interface CandidateItem {
  itemId: number;
  debtorId: number;
  sourceType: string;
  document: string;
  description: string;
  itemDate: string;
  dueDate: string;
  amount: number;
  balance: number;
  levelId: number | null;
  interestThrough: string | null;
  nextLevel: DunningLevelT;
}

export interface PlannedLetter {
  debtorId: number;
  debtorNumber: string;
  debtorName: string;
  kind: 'person' | 'business';
  profile: 'normal' | 'gentle' | 'excluded';
  delivery: 'print' | 'email';
  level: DunningLevelT;
  /** the items that reach a new level with this letter */
  items: CandidateItem[];
  principal: number;
  /** earlier fees, costs and interest still open (charged costs already lowered): they go along with every letter */
  openFeeItems: { itemId: number; document: string; description: string; balance: number }[];
  openFees: number;
  fee: number;
  costs: number;
  costsVat: number;
  costsMode: 'none' | 'announce' | 'charge';
  /** the items the charged costs are computed on (the rest still open of each) */
  costItemIds: number[];
  /** charged costs a part payment lowers with this letter (costsLowering.ts), and by how much in all */
  costsLowerings: CostsLowering[];
  costsLowered: number;
  /** statutory interest this letter charges, per principal item, accrued through the letter date */
  interestItems: { itemId: number; amount: number }[];
  interest: number;
  interestThrough: string | null;
  total: number;
  termEndsOn: string | null;
}

export type Exclusion = z.output<typeof ProposalExclusion>;

export interface DunningPlan {
  date: string;
  settings: DunningSettingsT;
  letters: PlannedLetter[];
  excluded: Exclusion[];
}

interface Row {
  itemId: number;
  debtorId: number;
  number: string;
  name: string;
  kind: 'person' | 'business';
  profile: 'normal' | 'gentle' | 'excluded';
  email: string | null;
  method: 'direct_debit' | 'transfer';
  collect: number;
  sourceType: string;
  document: string;
  description: string;
  itemDate: string;
  dueDate: string;
  amount: number;
  balance: number;
  state: string;
  blocked: number;
  arrangement: number;
  levelId: number | null;
  dunnedOn: string | null;
  interestThrough: string | null;
  returnAction: string | null;
  validMandate: number;
}

export const isFee = (sourceType: string) => (FEE_SOURCES as readonly string[]).includes(sourceType);

/**
 * The dunning proposal for a date: which overdue item reaches which level, per debtor one letter
 * (at the highest level any of its items reaches), and everything left out with its reason.
 *
 * An item climbs the ladder by its rule (ladder.ts); a gentle debtor waits `gentleExtraDays` longer each time.
 * A level that charges the statutory costs waits, for a consumer, until the term of the
 * veertiendagenbrief that named the item has passed.
 */
export function planDunning(ctx: Ctx, date: string): DunningPlan {
  const settings = getDunningSettings(ctx);
  const levels = listLevels(ctx);
  const rates = listInterestRates(ctx);
  const ratesOf: Record<'consumer' | 'commercial', RatePeriod[]> = {
    consumer: rates.filter((r) => r.kind === 'consumer'),
    commercial: rates.filter((r) => r.kind === 'commercial'),
  };

  const rows = stmt(
    ctx.db,
    `SELECT i.id AS itemId, i.debtor_id AS debtorId, d.number, d.name, d.kind, d.dunning_profile AS profile, d.email, d.payment_method AS method, d.collect,
            i.source_type AS sourceType, i.document, i.description, i.item_date AS itemDate, i.due_date AS dueDate, i.amount,
            CASE WHEN i.state = 'in_collection' THEN i.amount ELSE i.balance END AS balance, i.state,
            i.blocked, i.arrangement, i.dunning_level_id AS levelId, i.dunned_on AS dunnedOn,
            -- a part of a split item, or the item several were merged into, goes on where its origin's interest was booked
            COALESCE(i.interest_through, (SELECT p.interest_through FROM open_items p WHERE p.id = i.parent_item_id),
                     CASE WHEN i.source_type = 'merge' THEN (SELECT MAX(m.interest_through) FROM open_items m WHERE m.merged_into_item_id = i.id) END) AS interestThrough,
            (SELECT r.action FROM collection_returns r JOIN batch_transaction_items p ON p.transaction_id = r.transaction_id
              WHERE p.item_id = i.id ORDER BY r.id DESC LIMIT 1) AS returnAction,
            EXISTS (SELECT 1 FROM mandates m WHERE m.debtor_id = d.id AND m.status = 'active' AND NOT (m.type = 'one_off' AND m.last_collected_on IS NOT NULL)) AS validMandate
       FROM open_items i JOIN debtors d ON d.id = i.debtor_id
      -- an item on its way to the bank has balance 0 until the bank answers: it shows with its amount
      WHERE ((i.state = 'open' AND i.balance > 0) OR (i.state = 'in_collection' AND i.amount > 0)) AND i.due_date < ?
      ORDER BY CAST(d.number AS INTEGER), d.number, i.due_date, i.id`,
  ).all(date) as Row[];

  // a payment arrangement whose instalments are all on time pauses dunning for that member
  const arrangementsOnTime = new Set(
    (stmt(
      ctx.db,
      `SELECT debtor_id AS debtorId FROM open_items WHERE arrangement = 1 AND state IN ('open', 'in_collection') AND balance > 0
        GROUP BY debtor_id HAVING SUM(CASE WHEN state = 'open' AND due_date < ? THEN 1 ELSE 0 END) = 0`,
    ).all(date) as { debtorId: number }[]).map((r) => r.debtorId),
  );
  const recentContact = new Map(
    (stmt(
      ctx.db,
      `SELECT debtor_id AS debtorId, MAX(date) AS last FROM dossier_entries
        WHERE kind IN ('call', 'email', 'agreement') AND date > ? AND date <= ? GROUP BY debtor_id`,
    ).all(addDays(date, -settings.recentContactDays), date) as { debtorId: number; last: string }[]).map((r) => [r.debtorId, r.last]),
  );
  // the veertiendagenbrief that named an item: its term decides when costs may be charged
  const announcedTerm = stmt(
    ctx.db,
    `SELECT MIN(l.term_ends_on) AS passed, MAX(l.term_ends_on) AS latest FROM dunning_letters l JOIN dunning_letter_items li ON li.letter_id = l.id
      WHERE li.item_id = ? AND l.term_ends_on IS NOT NULL`,
  );
  // costs go up once: a letter with costs and no term charged them
  const chargedBefore = stmt(
    ctx.db,
    `SELECT 1 FROM dunning_letters l JOIN dunning_letter_items li ON li.letter_id = l.id WHERE li.item_id = ? AND l.costs > 0 AND l.term_ends_on IS NULL LIMIT 1`,
  );
  const openFeesOf = stmt(
    ctx.db,
    `SELECT id AS itemId, document, description, balance FROM open_items
      WHERE debtor_id = ? AND state = 'open' AND balance > 0 AND source_type IN ('dunning_fee', 'collection_costs', 'interest') ORDER BY id`,
  );
  const openChargedCosts = stmt(ctx.db, "SELECT 1 FROM open_items WHERE debtor_id = ? AND state = 'open' AND balance > 0 AND source_type = 'collection_costs' LIMIT 1");

  const excluded: Exclusion[] = [];
  const letters: PlannedLetter[] = [];
  const exclude = (r: Row, reason: DunningExclusion, detail: string | null = null, whole = false) =>
    excluded.push({ debtorId: r.debtorId, debtorNumber: r.number, debtorName: r.name, itemId: whole ? null : r.itemId, document: whole ? null : r.document, balance: r.balance, reason, detail });

  const byDebtor = new Map<number, Row[]>();
  for (const r of rows) {
    const list = byDebtor.get(r.debtorId);
    if (list) list.push(r);
    else byDebtor.set(r.debtorId, [r]);
  }

  for (const [debtorId, items] of byDebtor) {
    const first = items[0]!;
    const owed = items.reduce((s, r) => s + r.balance, 0);
    const excludeDebtor = (reason: DunningExclusion, detail: string | null = null) =>
      excluded.push({ debtorId, debtorNumber: first.number, debtorName: first.name, itemId: null, document: null, balance: owed, reason, detail });
    if (first.profile === 'excluded') { excludeDebtor('profile_excluded'); continue; }
    if (arrangementsOnTime.has(debtorId)) { excludeDebtor('arrangement'); continue; }
    const contact = recentContact.get(debtorId);
    if (contact) { excludeDebtor('recent_contact', contact); continue; }

    // why an item stays out of any letter whatever its level; null when it is being dunned
    const heldBack = (r: Row): DunningExclusion | null => {
      if (r.state === 'in_collection') return 'in_collection';
      if (r.blocked === 1) return 'blocked';
      if (r.returnAction === 'represent') return 'represent';
      // still collectable: the next collection run takes it, a letter would ask twice
      if (first.method === 'direct_debit' && first.collect === 1 && r.validMandate === 1 && r.returnAction === null && !isFee(r.sourceType)) return 'direct_debit';
      return null;
    };
    // while the principal is being dunned, the fees, costs and interest it brought go along with its
    // letters (as open fees) instead of climbing on their own: one letter, never a second one for € 7,50
    const principalDunned = items.some((r) => !isFee(r.sourceType) && heldBack(r) === null);
    const reaching: CandidateItem[] = [];
    for (const r of items) {
      const held = heldBack(r);
      if (held) { exclude(r, held); continue; }
      if (principalDunned && isFee(r.sourceType)) continue;
      const next = nextLevelAfter(levels, r.levelId);
      if (!next) { exclude(r, 'last_level'); continue; }
      const due = nextLetterOn(r, next);
      if (date < due) continue;
      if (first.profile === 'gentle' && date < addDays(due, settings.gentleExtraDays)) { exclude(r, 'gentle_waiting', addDays(due, settings.gentleExtraDays)); continue; }
      if (next.collectionCosts === 'charge' && first.kind === 'person' && !isFee(r.sourceType)) {
        const term = announcedTerm.get(r.itemId) as { passed: string | null; latest: string | null };
        if (term.latest !== null && !(term.passed! < date)) { exclude(r, 'costs_term_running', term.passed); continue; }
      }
      reaching.push({ itemId: r.itemId, debtorId, sourceType: r.sourceType, document: r.document, description: r.description, itemDate: r.itemDate, dueDate: r.dueDate, amount: r.amount, balance: r.balance, levelId: r.levelId, interestThrough: r.interestThrough, nextLevel: next });
    }
    if (reaching.length === 0) continue;

    const level = reaching.reduce((top, c) => (c.nextLevel.position > top.position ? c.nextLevel : top), reaching[0]!.nextLevel);
    const principalItems = reaching.filter((c) => !isFee(c.sourceType));
    const principal = principalItems.reduce((s, c) => s + c.balance, 0);
    const lowerings = costsLowerings(ctx, debtorId);
    const costsLowered = lowerings.reduce((s, c) => s + c.from - c.to, 0);
    const openFeeItems = (openFeesOf.all(debtorId) as PlannedLetter['openFeeItems'])
      .map((f) => {
        const lowered = lowerings.find((c) => c.itemId === f.itemId);
        return lowered ? { ...f, description: `${f.description} (verlaagd na deelbetaling)`, balance: f.balance - (lowered.from - lowered.to) } : f;
      })
      .filter((f) => f.balance > 0);
    const openFees = openFeeItems.reduce((s, f) => s + f.balance, 0);
    if (principal + openFees < settings.minimum) { excludeDebtor('below_minimum', String(settings.minimum)); continue; }

    let costs = 0;
    let costsMode: PlannedLetter['costsMode'] = 'none';
    let costItemIds: number[] = [];
    let term: string | null = null;
    if (level.collectionCosts === 'announce' && principal > 0) {
      costsMode = 'announce';
      costs = collectionCosts(principal);
      term = termEndsOn(date);
    } else if (level.collectionCosts === 'charge') {
      // a consumer owes them only for items a veertiendagenbrief named whose term has passed;
      // an organisation owes them from the day after the due date (art. 6:96 lid 4 BW)
      costItemIds = principalItems
        .filter((c) => !chargedBefore.get(c.itemId))
        .filter((c) => first.kind === 'business' || (announcedTerm.get(c.itemId) as { passed: string | null }).passed !== null)
        .map((c) => c.itemId);
      const base = principalItems.filter((c) => costItemIds.includes(c.itemId)).reduce((s, c) => s + c.balance, 0);
      if (base > 0) {
        costsMode = 'charge';
        // on what is still open now: a part payment within the term lowers the costs
        costs = collectionCosts(base);
      }
    }
    const costsVat = collectionCostsVat(costs, settings.collectionCostsVat);
    // no fee on top of statutory costs once those are charged
    const fee = level.fee !== null && costsMode !== 'charge' && !openChargedCosts.get(debtorId) ? level.fee : 0;
    // on the principal only: fees, costs and earlier interest earn none (see interest.ts for the yearly compounding)
    const rateTable = ratesOf[first.kind === 'business' ? 'commercial' : 'consumer'];
    const interestItems = settings.statutoryInterest
      ? principalItems.map((c) => ({ itemId: c.itemId, amount: interestSince(rateTable, c.balance, c.dueDate, c.interestThrough, date) })).filter((i) => i.amount > 0)
      : [];
    const interest = interestItems.reduce((s, i) => s + i.amount, 0);
    const charged = costsMode === 'charge' ? costs + costsVat : 0;
    letters.push({
      debtorId,
      debtorNumber: first.number,
      debtorName: first.name,
      kind: first.kind,
      profile: first.profile,
      delivery: first.email ? 'email' : 'print',
      level,
      items: reaching,
      principal,
      openFeeItems,
      openFees,
      fee,
      costs,
      costsVat,
      costsMode,
      costItemIds,
      costsLowerings: lowerings,
      costsLowered,
      interestItems,
      interest,
      interestThrough: interest > 0 ? date : null,
      total: principal + openFees + fee + charged + interest,
      termEndsOn: term,
    });
  }
  return { date, settings, letters, excluded };
}

export function dunningProposal(ctx: Ctx, date: string): z.output<typeof DunningProposal> {
  const plan = planDunning(ctx, date);
  const debtors = plan.letters.map((l) => ({
    debtorId: l.debtorId,
    debtorNumber: l.debtorNumber,
    debtorName: l.debtorName,
    kind: l.kind,
    profile: l.profile,
    delivery: l.delivery,
    levelId: l.level.id,
    levelName: l.level.name,
    items: l.items.map((c) => ({ itemId: c.itemId, document: c.document, sourceType: c.sourceType, dueDate: c.dueDate, balance: c.balance, levelId: c.levelId, nextLevelId: c.nextLevel.id, nextLevelName: c.nextLevel.name })),
    principal: l.principal,
    openFees: l.openFees,
    fee: l.fee,
    costs: l.costs,
    costsVat: l.costsVat,
    costsMode: l.costsMode,
    costsLowered: l.costsLowered,
    interest: l.interest,
    total: l.total,
    termEndsOn: l.termEndsOn,
  }));
  return {
    date,
    debtors,
    excluded: plan.excluded,
    totals: {
      letters: debtors.length,
      principal: debtors.reduce((s, d) => s + d.principal, 0),
      fees: debtors.reduce((s, d) => s + d.fee, 0),
      costs: debtors.reduce((s, d) => s + (d.costsMode === 'charge' ? d.costs + d.costsVat : 0), 0),
      costsLowered: debtors.reduce((s, d) => s + d.costsLowered, 0),
      interest: debtors.reduce((s, d) => s + d.interest, 0),
    },
  };
}
