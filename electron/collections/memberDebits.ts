import type { ExclusionReason } from '../../shared/collectionReasons';
import { discountOn, equalParts } from '../../shared/money';

/** One eligible open item of a member, with the date the planner would collect it on. */
export interface MemberItem {
  itemId: number;
  document: string;
  description: string;
  dueDate: string;
  itemDate: string;
  balance: number;
  date: string;
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

export interface DraftDebit {
  date: string;
  portions: Portion[];
  gross: number;
  discount: number;
}

export interface MemberRules {
  /** a one-off mandate carries one debit, ever */
  oneOff: boolean;
  /** items on the same date become one debit (the default; a consolidated member always) */
  merge: boolean;
  /** open credits are set off against the debits (the default) rather than left for a refund */
  netCredits: boolean;
  /** largest debit in cents: the bank's or the treasurer's maximum, never above SEPA's */
  max: number;
  discount: { amount: number | null; percent: number | null };
}

export interface LeftOut {
  item: MemberItem;
  reason: ExclusionReason;
}

/** As few equal parts as keep each under the maximum, odd cents first (as Opsplitsen does). */
function partsUnder(amount: number, max: number): number[] {
  return amount <= max ? [amount] : equalParts(amount, Math.ceil(amount / max));
}

const sum = (xs: { amount: number }[]) => xs.reduce((s, x) => s + x.amount, 0);

const whole = (x: MemberItem): Portion => ({ itemId: x.itemId, document: x.document, description: x.description, amount: x.balance, discount: 0, part: null });

function portionsOf(x: MemberItem, max: number, splittable: boolean): Portion[] {
  const parts = splittable ? partsUnder(x.balance, max) : [x.balance];
  return parts.map((amount, i) => ({ ...whole(x), amount, part: parts.length > 1 ? { index: i + 1, of: parts.length } : null }));
}

/**
 * The date groups a member's items are collected in, credits set off against the earliest: groups
 * are joined until what is owed exceeds the credit, on the latest of their dates so that nothing is
 * collected before its own date.
 */
function dateGroups(positives: MemberItem[], credits: MemberItem[], merge: boolean): { date: string; items: MemberItem[] }[] | 'credit_exceeds' | 'nothing_to_collect' {
  const sorted = [...positives].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const groups: { date: string; items: MemberItem[] }[] = [];
  for (const x of sorted) {
    const last = groups[groups.length - 1];
    if (merge && last && last.date === x.date) last.items.push(x);
    else groups.push({ date: x.date, items: [x] });
  }
  if (credits.length === 0) return groups;
  const credit = credits.reduce((s, x) => s + x.balance, 0);
  let owed = 0;
  for (let n = 0; n < groups.length; n++) {
    owed += groups[n]!.items.reduce((s, x) => s + x.balance, 0);
    if (owed + credit > 0) {
      const joined = groups.slice(0, n + 1);
      return [{ date: joined[joined.length - 1]!.date, items: [...joined.flatMap((g) => g.items), ...credits] }, ...groups.slice(n + 1)];
    }
  }
  return owed + credit === 0 ? 'nothing_to_collect' : 'credit_exceeds';
}

/**
 * Portions packed first-fit into debits under the maximum. A credit goes into the first debit of
 * whole items it leaves positive: never beside the parts of an item, whose parts must all be
 * collected for the item to be split.
 */
function pack(portions: Portion[], max: number): { bins: Portion[][]; unplaced: Portion[] } {
  const bins: Portion[][] = [];
  for (const p of portions.filter((q) => q.amount > 0)) {
    const bin = bins.find((b) => sum(b) + p.amount <= max);
    if (bin) bin.push(p);
    else bins.push([p]);
  }
  const unplaced: Portion[] = [];
  for (const c of portions.filter((q) => q.amount < 0)) {
    const bin = bins.length === 1 ? bins[0]! : bins.find((b) => b.every((q) => q.part === null) && sum(b) + c.amount > 0);
    if (bin) bin.push(c);
    else unplaced.push(c);
  }
  return { bins, unplaced };
}

/**
 * The discount on what is actually collected: a percentage of the debit after credits, a fixed
 * amount once per debit. It is recorded on the debit's positive portions, first come first.
 */
function withDiscount(date: string, portions: Portion[], discount: MemberRules['discount']): DraftDebit {
  const gross = sum(portions);
  const total = gross > 0 ? discountOn(gross, discount) : 0;
  let left = total;
  for (const p of portions) {
    p.discount = p.amount > 0 ? Math.min(p.amount, left) : 0;
    left -= p.discount;
  }
  return { date, portions, gross, discount: total };
}

/**
 * One member's debits on one mandate: credits set off, items on one date merged, amounts above the
 * maximum in parts (a one-off mandate is never split and carries a single debit), equal debits on
 * one date never twice. What cannot be collected comes back with its reason.
 */
export function memberDebits(items: MemberItem[], rules: MemberRules, nextDate: (date: string) => string): { debits: DraftDebit[]; left: LeftOut[] } {
  const left: LeftOut[] = [];
  const positives = items.filter((x) => x.balance > 0);
  let credits = items.filter((x) => x.balance < 0);
  if (!rules.netCredits || positives.length === 0) {
    for (const x of credits) left.push({ item: x, reason: 'credit' });
    credits = [];
  }
  if (positives.length === 0) return { debits: [], left };
  const groups = dateGroups(positives, credits, rules.merge || rules.oneOff || credits.length > 0);
  if (typeof groups === 'string') {
    for (const x of items) left.push({ item: x, reason: groups });
    return { debits: [], left };
  }
  const chosen = rules.oneOff ? groups.slice(0, 1) : groups;
  for (const g of groups.slice(chosen.length)) for (const x of g.items) left.push({ item: x, reason: 'one_off_once' });

  const debits: DraftDebit[] = [];
  for (const g of chosen) {
    if (rules.oneOff) {
      for (const x of g.items.filter((y) => y.balance > rules.max)) left.push({ item: x, reason: 'above_maximum' });
    }
    const portions = g.items.filter((x) => !rules.oneOff || x.balance <= rules.max).flatMap((x) => portionsOf(x, rules.max, !rules.oneOff));
    const { bins, unplaced } = pack(portions, rules.max);
    for (const c of unplaced) left.push({ item: g.items.find((x) => x.itemId === c.itemId)!, reason: 'credit' });
    const kept = rules.oneOff ? bins.slice(0, 1) : bins;
    for (const b of bins.slice(kept.length)) for (const p of b) left.push({ item: g.items.find((x) => x.itemId === p.itemId)!, reason: 'one_off_once' });
    const drafts = kept.map((b) => withDiscount(g.date, b, rules.discount));
    // an item in parts is collected whole or not at all: when the discount leaves one of its parts nothing to collect, all wait
    const empty = new Set(drafts.filter((d) => d.gross - d.discount <= 0).flatMap((d) => d.portions.map((p) => p.itemId)));
    for (let size = -1; size !== empty.size; ) {
      size = empty.size;
      for (const d of drafts) if (d.portions.some((p) => empty.has(p.itemId))) for (const p of d.portions) empty.add(p.itemId);
    }
    for (const d of drafts) {
      if (d.portions.some((p) => empty.has(p.itemId))) {
        for (const id of new Set(d.portions.map((p) => p.itemId))) left.push({ item: g.items.find((x) => x.itemId === id)!, reason: 'nothing_to_collect' });
      } else debits.push(d);
    }
  }
  return { debits: spreadEqualDebits(debits, nextDate), left };
}

/**
 * Two debits of one mandate with the same amount on the same date look like a duplicate to a
 * bank: the later one moves to the next business day (the parts of an item keep their order).
 */
export function spreadEqualDebits(debits: DraftDebit[], nextDate: (date: string) => string): DraftDebit[] {
  const taken = new Set<string>();
  for (const d of debits) {
    const key = () => `${d.date}|${d.gross - d.discount}`;
    while (taken.has(key())) d.date = nextDate(d.date);
    taken.add(key());
  }
  return debits;
}
