import { earliestCollectionDate } from '../../shared/businessDays';
import { addMonths, formatDate, isIsoDate } from '../../shared/dates';
import { getSettings } from '../settings/settings';
import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import { equalParts, formatEuro } from '../../shared/money';
import type { Ctx } from '../context';
import { accountForRole } from '../ledger/chart';
import { postEntry } from '../ledger/post';
import { stmt } from '../preparedStatements';
import { closeItem, createItem, recordEvent } from './openItems';

interface ItemRow {
  id: number;
  debtorId: number;
  document: string;
  description: string;
  itemDate: string;
  dueDate: string;
  balance: number;
  state: string;
  blocked: number;
  arrangement: number;
}

function openItem(ctx: Ctx, id: number, field = 'itemId'): ItemRow {
  const row = stmt(
    ctx.db,
    'SELECT id, debtor_id AS debtorId, document, description, item_date AS itemDate, due_date AS dueDate, balance, state, blocked, arrangement FROM open_items WHERE id = ?',
  ).get(id) as ItemRow | undefined;
  if (!row) throw notFoundError({ nl: `Openstaande post ${id}`, en: `Open item ${id}` }, field);
  if (row.state !== 'open') throw conflictError('closed', `Post ${row.document} is al afgesloten`, `Item ${row.document} is already closed`, field);
  return row;
}

function itemsOfOneDebtor(ctx: Ctx, ids: number[]): ItemRow[] {
  if (new Set(ids).size !== ids.length) throw validationError('itemIds', 'unique', 'Dezelfde post staat er twee keer in', 'The same item is listed twice');
  const items = ids.map((id, i) => openItem(ctx, id, `itemIds.${i}`));
  if (new Set(items.map((i) => i.debtorId)).size > 1) {
    throw validationError('itemIds', 'one_debtor', 'Alleen posten van dezelfde debiteur kunnen samen worden verwerkt', 'Only items of the same debtor can be handled together');
  }
  return items;
}

const euro = (cents: number) => formatEuro(cents).replace(/\u00a0/g, ' ');

/**
 * Due dates left open take the next possible date for the first part (never a date in the past:
 * for a member on direct debit the earliest collection date, else today, and not before the
 * item's own due date) and a month after the part before for the others.
 */
function partDueDates(ctx: Ctx, item: ItemRow, given: (string | undefined)[]): string[] {
  const out: string[] = [];
  given.forEach((d, i) => {
    if (d !== undefined) out.push(d);
    else if (i > 0) out.push(addMonths(out[i - 1]!, 1));
    else {
      const debtor = stmt(ctx.db, 'SELECT payment_method AS method FROM debtors WHERE id = ?').get(item.debtorId) as { method: string };
      const next = debtor.method === 'direct_debit' ? earliestCollectionDate(ctx.today(), getSettings(ctx).collection.leadDays) : ctx.today();
      out.push(item.dueDate > next ? item.dueDate : next);
    }
  });
  return out;
}

/**
 * Opsplitsen: one item into parts with their own due dates (a payment arrangement). The sum is
 * preserved to the cent; equal parts put the odd cents in the first parts.
 */
export function splitItem(
  ctx: Ctx,
  input: { itemId: number; parts: { amount?: number; dueDate?: string }[]; arrangement: boolean; reason?: string },
): number[] {
  const item = openItem(ctx, input.itemId);
  const dueDates = partDueDates(ctx, item, input.parts.map((p) => p.dueDate));
  const n = input.parts.length;
  if (n < 2) throw validationError('parts', 'min', 'Splits in minstens twee delen', 'Split into at least two parts');
  const given = input.parts.filter((p) => p.amount !== undefined).length;
  if (given !== 0 && given !== n) throw validationError('parts', 'all_or_none', 'Geef bij alle delen een bedrag, of bij geen (gelijke delen)', 'Give an amount for every part, or for none (equal parts)');
  let amounts: number[];
  if (given === 0) {
    amounts = equalParts(item.balance, n);
  } else {
    amounts = input.parts.map((p) => p.amount!);
    const sum = amounts.reduce((a, b) => a + b, 0);
    if (sum !== item.balance) {
      throw validationError('parts', 'sum', `De delen tellen op tot ${euro(sum)}, de post staat open voor ${euro(item.balance)}`, `The parts add up to ${euro(sum)}, the item's balance is ${euro(item.balance)}`);
    }
  }
  amounts.forEach((a, i) => {
    if (a === 0 || Math.sign(a) !== Math.sign(item.balance)) {
      throw validationError(`parts.${i}.amount`, 'sign', 'Elk deel is een bedrag met hetzelfde teken als de post', 'Each part must have the same sign as the item');
    }
    if (!isIsoDate(dueDates[i]!)) throw validationError(`parts.${i}.dueDate`, 'date', 'Ongeldige vervaldatum', 'Invalid due date');
  });
  const ids = amounts.map((amount, i) =>
    createItem(
      ctx,
      {
        debtorId: item.debtorId,
        sourceType: 'split',
        document: `${item.document}/${i + 1}`,
        description: withSuffix(item.description, ` (termijn ${i + 1} van ${n})`),
        // the parts keep the document's date: the pre-notification period counts from the invoice
        itemDate: item.itemDate,
        dueDate: dueDates[i]!,
        amount,
        parentItemId: item.id,
        arrangement: input.arrangement,
      },
      { kind: 'split_from', text: `Deel ${i + 1} van ${n} uit post ${item.document}`, relatedItemId: item.id, reason: input.reason },
    ),
  );
  closeItem(ctx, item.id, 'split', { kind: 'split', text: `Opgesplitst in ${n} delen: ${amounts.map(euro).join(', ')}`, reason: input.reason });
  if (input.arrangement) markDebtorStatus(ctx, item.debtorId, 'Betalingsregeling');
  return ids;
}

/**
 * A merged item's document names the items it joins, and a part's document and description are its
 * item's with a suffix: merging the parts of a merged item again and again multiplied the names with
 * every round (a property test's ledger reached 2 MB per item). Kept to what a list and a letter
 * show; the item's history still has a line for every step, naming the items by these documents.
 */
const MERGED_DOCUMENT_MAX = 80;
const DESCRIPTION_MAX = 140;

function clipped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}\u2026`;
}

function withSuffix(text: string, suffix: string): string {
  return `${clipped(text, Math.max(1, DESCRIPTION_MAX - suffix.length))}${suffix}`;
}

/**
 * Samenvoegen: an invoice with a credit note or payment of the same debtor into one item whose
 * balance is the difference (-55 and +80 become +25, which can then be collected).
 */
export function mergeItems(ctx: Ctx, input: { itemIds: number[]; dueDate?: string; reason?: string }): number {
  if (input.itemIds.length < 2) throw validationError('itemIds', 'min', 'Kies minstens twee posten', 'Choose at least two items');
  const items = itemsOfOneDebtor(ctx, input.itemIds);
  const total = items.reduce((s, i) => s + i.balance, 0);
  if (total === 0) throw validationError('itemIds', 'nets_to_zero', 'Deze posten heffen elkaar op: gebruik Vereffenen', 'These items cancel out: use Settle');
  const owed = items.filter((i) => i.balance > 0);
  const dueDate = input.dueDate ?? (owed.length ? owed.map((i) => i.dueDate).sort().at(-1)! : ctx.today());
  const id = createItem(
    ctx,
    {
      debtorId: items[0]!.debtorId,
      sourceType: 'merge',
      document: clipped(items.map((i) => i.document).join(' + '), MERGED_DOCUMENT_MAX),
      description: clipped(`Samengevoegd: ${items.map((i) => `${i.document} ${euro(i.balance)}`).join(', ')}`, DESCRIPTION_MAX),
      itemDate: ctx.today(),
      dueDate,
      amount: total,
      arrangement: items.some((i) => i.arrangement === 1),
    },
    { kind: 'merged_from', text: `Samengevoegd uit ${items.map((i) => i.document).join(', ')}`, reason: input.reason },
  );
  for (const i of items) {
    closeItem(ctx, i.id, 'merged', { kind: 'merged_into', text: `Samengevoegd tot één post van ${euro(total)}`, relatedItemId: id, reason: input.reason }, id);
  }
  return id;
}

/** Vereffenen: items of one debtor that net to zero are closed against each other. */
export function settleItems(ctx: Ctx, input: { itemIds: number[]; reason?: string }): void {
  if (input.itemIds.length < 2) throw validationError('itemIds', 'min', 'Kies minstens twee posten', 'Choose at least two items');
  const items = itemsOfOneDebtor(ctx, input.itemIds);
  const total = items.reduce((s, i) => s + i.balance, 0);
  if (total !== 0) {
    throw validationError('itemIds', 'not_zero', `Deze posten tellen op tot ${euro(total)}; vereffenen kan alleen als ze samen nul zijn (voeg ze anders samen)`, `These items add up to ${euro(total)}; settling needs a total of zero (merge them instead)`);
  }
  for (const i of items) {
    closeItem(ctx, i.id, 'settled', { kind: 'settled', text: `Vereffend met ${items.filter((x) => x.id !== i.id).map((x) => x.document).join(', ')}`, reason: input.reason });
  }
}

/** Afboeken: the balance goes to the write-off account in Memoriaal; the item closes. */
export function writeOffItem(ctx: Ctx, input: { itemId: number; reason: string; date?: string }): number {
  const item = openItem(ctx, input.itemId);
  const receivables = accountForRole(ctx, 'receivables');
  const writeOff = accountForRole(ctx, 'writeOff');
  const amount = Math.abs(item.balance);
  const owed = item.balance > 0;
  const entryId = postEntry(ctx, {
    journalCode: 'MEM',
    date: input.date ?? ctx.today(),
    description: `Afboeken ${item.document}: ${input.reason}`.slice(0, 140),
    sourceType: 'write_off',
    sourceId: String(item.id),
    lines: [
      { accountId: writeOff, debit: owed ? amount : 0, credit: owed ? 0 : amount },
      { accountId: receivables, debtorId: item.debtorId, debit: owed ? 0 : amount, credit: owed ? amount : 0 },
    ],
  });
  closeItem(ctx, item.id, 'written_off', { kind: 'written_off', text: `Afgeboekt: ${euro(item.balance)}`, reason: input.reason, entryId });
  return entryId;
}

export function changeDueDate(ctx: Ctx, input: { itemId: number; dueDate: string; reason: string }): void {
  const item = openItem(ctx, input.itemId);
  if (item.dueDate === input.dueDate) return;
  stmt(ctx.db, 'UPDATE open_items SET due_date = ? WHERE id = ?').run(input.dueDate, item.id);
  recordEvent(ctx, item.id, 'due_date_changed', `Vervaldatum ${formatDate(item.dueDate)} gewijzigd in ${formatDate(input.dueDate)}`, { reason: input.reason });
}

/** Blocked items are left out of collection runs and dunning until unblocked. */
export function setBlocked(ctx: Ctx, input: { itemIds: number[]; blocked: boolean; reason?: string }): void {
  input.itemIds.forEach((id, i) => {
    const item = openItem(ctx, id, `itemIds.${i}`);
    if ((item.blocked === 1) === input.blocked) return;
    stmt(ctx.db, 'UPDATE open_items SET blocked = ? WHERE id = ?').run(input.blocked ? 1 : 0, id);
    recordEvent(ctx, id, input.blocked ? 'blocked' : 'unblocked', input.blocked ? 'Geblokkeerd voor incasso en aanmaningen' : 'Blokkade opgeheven', { reason: input.reason });
  });
}

function markDebtorStatus(ctx: Ctx, debtorId: number, statusName: string): void {
  const status = stmt(ctx.db, 'SELECT id FROM debtor_statuses WHERE name = ? AND active = 1').get(statusName) as { id: number } | undefined;
  if (status) stmt(ctx.db, 'UPDATE debtors SET status_id = ? WHERE id = ?').run(status.id, debtorId);
}
