import type { z } from 'zod';
import type { HandOverCandidate } from '../../shared/api/dunning';
import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import { addDays, formatDate } from '../../shared/dates';
import type { Ctx } from '../context';
import { dossierEntries } from '../dossier/entries';
import { stmt } from '../preparedStatements';
import type { HandOverEvent, HandOverInput } from './handOver';
import { handOverTotal } from './handOverTotal';
import { costsLowerings, type CostsLowering } from './costsLowering';
import { interestSince } from './interest';
import type { LetterParty } from './letterData';
import { listLevels } from './levels';
import { FEE_SOURCES } from './proposal';
import { LETTER_TERM_DAYS } from './run';
import { getDunningSettings, listInterestRates } from './settings';

/**
 * Who is ready for the collection agency, and what the agency gets, read from the books: the items
 * that passed the last dunning level (no active level follows theirs), every unpaid fee and
 * collection costs item, the letters sent and the dossier. A claim is handed over once: its items
 * are blocked afterwards, so they leave dunning and collection and no longer count here.
 */

export type Candidate = z.output<typeof HandOverCandidate>;

interface ItemRow {
  id: number;
  sourceType: string;
  document: string;
  description: string;
  itemDate: string;
  dueDate: string;
  amount: number;
  balance: number;
  levelId: number | null;
  dunnedOn: string | null;
  interestThrough: string | null;
}

const isFee = (sourceType: string) => (FEE_SOURCES as readonly string[]).includes(sourceType);

/** Levels after which no active level follows: an item there has had its last letter. */
function lastLevels(ctx: Ctx): Map<number, string> {
  const levels = listLevels(ctx);
  return new Map(levels.filter((l) => !levels.some((n) => n.active && n.position > l.position)).map((l) => [l.id, l.name]));
}

function openItemsOf(ctx: Ctx, debtorId: number): ItemRow[] {
  return stmt(
    ctx.db,
    `SELECT id, source_type AS sourceType, document, description, item_date AS itemDate, due_date AS dueDate, amount, balance,
            dunning_level_id AS levelId, dunned_on AS dunnedOn, interest_through AS interestThrough
       FROM open_items WHERE debtor_id = ? AND state = 'open' AND balance > 0 AND blocked = 0 ORDER BY due_date, id`,
  ).all(debtorId) as ItemRow[];
}

/** The claim of one debtor: the items at the last level and all open fees; null when nothing passed the last level. */
function claimOf(ctx: Ctx, debtorId: number, last: Map<number, string>) {
  const items = openItemsOf(ctx, debtorId);
  const atLast = items.filter((i) => i.levelId !== null && last.has(i.levelId));
  if (atLast.length === 0) return null;
  const claimed = items.filter((i) => isFee(i.sourceType) || atLast.includes(i));
  // the last letter gave its term to pay; the claim goes to the agency only after it
  const lastLetterOn = atLast.reduce((max, i) => (i.dunnedOn && i.dunnedOn > max ? i.dunnedOn : max), '');
  return { claimed, levelName: last.get(atLast[0]!.levelId!)!, lastLetterOn, readyOn: addDays(lastLetterOn, LETTER_TERM_DAYS + 1) };
}

function organisation(ctx: Ctx): HandOverInput['organisation'] {
  const org = stmt(ctx.db, 'SELECT name, street, postal_code AS postalCode, city, country, email, phone FROM organisation WHERE id = 1').get() as LetterParty | undefined;
  if (!org) throw conflictError('not_initialized', 'Richt eerst de administratie in', 'Set up the ledger first');
  const bank = stmt(ctx.db, 'SELECT iban, bic FROM bank_accounts WHERE active = 1 ORDER BY id LIMIT 1').get() as { iban: string; bic: string | null } | undefined;
  if (!bank) throw conflictError('no_bank_account', 'Het overdrachtsdossier noemt de rekening van de vereniging: voeg eerst een bankrekening toe (Instellingen)', "The hand-over dossier names the club's account: add a bank account first (Settings)");
  return { ...org, iban: bank.iban, bic: bank.bic };
}

const EVENT_KINDS: Record<string, HandOverEvent['kind'] | undefined> = { call: 'call', email: 'email', agreement: 'agreement', return: 'return', note: 'note', due_date: 'note' };

/** Everything the agency gets about one debtor, as the hand-over renderer takes it. */
function packageOf(ctx: Ctx, debtorId: number, date: string, claimedBefore: ItemRow[], org: HandOverInput['organisation'], lowerings: CostsLowering[]): HandOverInput {
  // charged costs go to the agency as recalculated on what is still owed (the hand-over books the lowering)
  const claimed = claimedBefore.map((i) => {
    const l = lowerings.find((x) => x.itemId === i.id);
    return l ? { ...i, balance: i.balance - (l.from - l.to) } : i;
  }).filter((i) => i.balance > 0);
  const d = stmt(
    ctx.db,
    'SELECT number, name, street, postal_code AS postalCode, city, country, email, phone, iban, kind FROM debtors WHERE id = ?',
  ).get(debtorId) as LetterParty & { number: string; iban: string | null; kind: 'person' | 'business' };
  const principal = claimed.filter((i) => !isFee(i.sourceType));
  const costItems = claimed.filter((i) => i.sourceType === 'collection_costs');
  // the BTW in a costs item is the share its letter booked (as waiving takes it back)
  const vatOf = stmt(ctx.db, "SELECT costs, costs_vat AS vat FROM dunning_letters WHERE 'IK-' || id = ?");
  const costsVat = costItems.reduce((s, i) => {
    const l = vatOf.get(i.document) as { costs: number; vat: number } | undefined;
    return s + (l && l.vat > 0 ? Math.round((i.balance * l.vat) / (l.costs + l.vat)) : 0);
  }, 0);
  const costsTotal = costItems.reduce((s, i) => s + i.balance, 0);
  const announced = principal.length
    ? (stmt(
        ctx.db,
        `SELECT l.costs, l.costs_vat AS vat FROM dunning_letters l JOIN dunning_letter_items li ON li.letter_id = l.id
          WHERE li.item_id IN (SELECT value FROM json_each(?)) AND l.term_ends_on IS NOT NULL ORDER BY l.id DESC LIMIT 1`,
      ).get(JSON.stringify(principal.map((i) => i.id))) as { costs: number; vat: number } | undefined)
    : undefined;
  const settings = getDunningSettings(ctx);
  const rates = settings.statutoryInterest ? listInterestRates(ctx).filter((r) => r.kind === (d.kind === 'business' ? 'commercial' : 'consumer')) : [];
  const letters = stmt(
    ctx.db,
    `SELECT l.date, v.name AS levelName, l.total, l.delivery FROM dunning_letters l JOIN dunning_levels v ON v.id = l.level_id WHERE l.debtor_id = ? ORDER BY l.date, l.id`,
  ).all(debtorId) as { date: string; levelName: string; total: number; delivery: 'print' | 'email' }[];
  const events = dossierEntries(ctx, debtorId)
    .filter((e) => EVENT_KINDS[e.kind])
    .reverse()
    .map((e) => ({ date: e.date, kind: EVENT_KINDS[e.kind]!, text: e.text.nl }));
  return {
    date,
    organisation: org,
    debtor: { name: d.name, street: d.street, postalCode: d.postalCode, city: d.city, country: d.country, email: d.email, phone: d.phone, number: d.number, organisation: d.kind === 'business', iban: d.iban },
    items: principal.map((i) => ({ document: i.document, description: i.description, itemDate: i.itemDate, dueDate: i.dueDate, amount: i.amount, paid: i.amount - i.balance, open: i.balance })),
    fees: claimed.filter((i) => i.sourceType === 'dunning_fee' || i.sourceType === 'interest').map((i) => ({ description: `${i.document} ${i.description}`, amount: i.balance })),
    collectionCosts: costItems.length ? { amount: costsTotal - costsVat, vat: costsVat, charged: true } : announced && announced.costs > 0 ? { amount: announced.costs, vat: announced.vat, charged: false } : null,
    // what the letters booked is in the fees already: only the interest since, through the hand-over date
    interest: rates.length ? principal.reduce((s, i) => s + interestSince(rates, i.balance, i.dueDate, i.interestThrough, date), 0) : 0,
    letters: letters.map((l) => ({ date: l.date, levelName: l.levelName, total: l.total, delivery: l.delivery === 'email' ? 'email' : 'post' })),
    events,
  };
}

/** The debtors whose claim passed the last level, with what would be handed over on the date and from when. */
export function handOverCandidates(ctx: Ctx, date: string): Candidate[] {
  const last = lastLevels(ctx);
  if (last.size === 0) return [];
  const ids = stmt(
    ctx.db,
    `SELECT DISTINCT i.debtor_id AS id FROM open_items i JOIN debtors d ON d.id = i.debtor_id
      WHERE i.state = 'open' AND i.balance > 0 AND i.blocked = 0 AND i.dunning_level_id IN (SELECT value FROM json_each(?))
      ORDER BY CAST(d.number AS INTEGER), d.number`,
  ).all(JSON.stringify([...last.keys()])) as { id: number }[];
  const org = ids.length ? organisation(ctx) : null;
  return ids.flatMap(({ id }) => {
    const claim = claimOf(ctx, id, last);
    if (!claim) return [];
    const p = packageOf(ctx, id, date, claim.claimed, org!, costsLowerings(ctx, id));
    const costs = p.collectionCosts?.charged ? p.collectionCosts.amount + p.collectionCosts.vat : 0;
    return [{
      debtorId: id,
      debtorNumber: p.debtor.number,
      debtorName: p.debtor.name,
      levelName: claim.levelName,
      lastLetterOn: claim.lastLetterOn,
      readyOn: claim.readyOn,
      ready: date >= claim.readyOn,
      items: claim.claimed.length,
      principal: p.items.reduce((s, i) => s + i.open, 0),
      fees: p.fees.reduce((s, f) => s + f.amount, 0),
      costs,
      interest: p.interest,
      total: handOverTotal(p),
    }];
  });
}

export interface PlannedHandOver {
  debtorId: number;
  itemIds: number[];
  /** charged costs lowered after a part payment, booked with the hand-over */
  lowerings: CostsLowering[];
  package: HandOverInput;
}

/**
 * The packages for the chosen debtors on the date, or ONE refusal naming the first debtor that
 * cannot be handed over: not past the last level, the last letter's term still running, nothing
 * open, or already handed over.
 */
export function planHandOver(ctx: Ctx, date: string, debtorIds: number[]): PlannedHandOver[] {
  if (debtorIds.length === 0) throw validationError('debtorIds', 'min', 'Kies minstens één debiteur om over te dragen', 'Choose at least one debtor to hand over');
  const last = lastLevels(ctx);
  const org = organisation(ctx);
  const seen = new Set<number>();
  const planned: PlannedHandOver[] = [];
  debtorIds.forEach((debtorId, n) => {
    if (seen.has(debtorId)) return;
    seen.add(debtorId);
    const field = `debtorIds.${n}`;
    const who = stmt(ctx.db, 'SELECT number, name FROM debtors WHERE id = ?').get(debtorId) as { number: string; name: string } | undefined;
    if (!who) throw notFoundError({ nl: `Debiteur ${debtorId}`, en: `Debtor ${debtorId}` }, field);
    const name = `${who.number} ${who.name}`;
    const claim = last.size ? claimOf(ctx, debtorId, last) : null;
    if (claim) {
      if (date < claim.readyOn) {
        throw conflictError('term_running', `${name}: de termijn van de laatste brief (${formatDate(claim.lastLetterOn)}) loopt nog; overdragen kan vanaf ${formatDate(claim.readyOn)}`, `${name}: the term of the last letter (${formatDate(claim.lastLetterOn)}) is still running; hand-over is possible from ${formatDate(claim.readyOn)}`, field);
      }
      const lowerings = costsLowerings(ctx, debtorId);
      const pkg = packageOf(ctx, debtorId, date, claim.claimed, org, lowerings);
      // a costs item lowered to nothing closes with its lowering: nothing of it is handed over
      const closes = (i: ItemRow) => lowerings.some((l) => l.itemId === i.id && i.balance - (l.from - l.to) <= 0);
      planned.push({ debtorId, itemIds: claim.claimed.filter((i) => !closes(i)).map((i) => i.id), lowerings, package: pkg });
      return;
    }
    const before = stmt(ctx.db, 'SELECT h.date FROM hand_over_debtors d JOIN hand_overs h ON h.id = d.hand_over_id WHERE d.debtor_id = ? ORDER BY h.id DESC LIMIT 1').get(debtorId) as { date: string } | undefined;
    if (before) throw conflictError('already_handed_over', `${name} is al overgedragen aan het incassobureau (${formatDate(before.date)})`, `${name} was already handed over to the collection agency (${formatDate(before.date)})`, field);
    const open = stmt(ctx.db, "SELECT 1 FROM open_items WHERE debtor_id = ? AND state IN ('open', 'in_collection') AND balance > 0 LIMIT 1").get(debtorId);
    if (!open) throw conflictError('nothing_open', `${name} heeft niets openstaan om over te dragen`, `${name} has nothing outstanding to hand over`, field);
    throw conflictError('not_last_level', `${name} heeft het laatste aanmaanniveau nog niet gehad; alleen wat daarna nog openstaat gaat naar het incassobureau`, `${name} has not had the last dunning level yet; only what is still open after it goes to the collection agency`, field);
  });
  return planned;
}
