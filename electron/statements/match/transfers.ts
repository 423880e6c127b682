import { euro } from '../euro';
import type { Ctx } from '../../context';
import { stmt } from '../../preparedStatements';
import { counterpartyOf, type EntryToMatch, entryText, recordMatch } from '../entryRecord';
import { type OpenItemRow, payableItems, payItems } from './payItems';
import { flushWritesTouching } from '../writeBehind';
import { normalizeName, normalizeReference, referenceTokens } from './references';


/**
 * Lookups built once per import (or suggestion request): open items by their normalized document,
 * debtors by IBAN (the card's and those learned from manual matches) and by name.
 */
export interface PayerIndex {
  itemsByReference: Map<string, number[]>;
  debtorsByIban: Map<string, number[]>;
  debtorsByName: Map<string, number[]>;
}

export function buildPayerIndex(ctx: Ctx): PayerIndex {
  // many debtors may share a key (a common surname, a family's IBAN): each id once per key, in a
  // list from the start (a set per key copied into a list afterwards made 100 000 sets and lists
  // at the start of every large import)
  const push = (map: Map<string, number[]>, key: string | null, id: number) => {
    if (!key) return;
    const ids = map.get(key);
    if (!ids) map.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  const itemsByReference = new Map<string, number[]>();
  for (const r of stmt(ctx.db, "SELECT id, document FROM open_items WHERE state = 'open' AND balance > 0").iterate() as Iterable<{ id: number; document: string }>) {
    push(itemsByReference, normalizeReference(r.document), r.id);
  }
  const debtorsByIban = new Map<string, number[]>();
  for (const d of stmt(ctx.db, 'SELECT id, iban FROM debtors WHERE iban IS NOT NULL').iterate() as Iterable<{ id: number; iban: string }>) push(debtorsByIban, d.iban, d.id);
  for (const l of stmt(ctx.db, 'SELECT debtor_id AS debtorId, iban FROM debtor_ibans').iterate() as Iterable<{ debtorId: number; iban: string }>) push(debtorsByIban, l.iban, l.debtorId);
  let debtorsByName: Map<string, number[]> | undefined;
  return {
    itemsByReference,
    debtorsByIban,
    // only a payment without a reference or a known IBAN is looked up by name: normalizing every
    // member's name waits until one comes
    get debtorsByName() {
      if (!debtorsByName) {
        const byName = new Map<string, number[]>();
        for (const d of stmt(ctx.db, 'SELECT id, name, account_holder AS holder FROM debtors').iterate() as Iterable<{ id: number; name: string; holder: string | null }>) {
          push(byName, normalizeName(d.name), d.id);
          if (d.holder) push(byName, normalizeName(d.holder), d.id);
        }
        debtorsByName = byName;
      }
      return debtorsByName;
    },
  };
}

const itemById = (ctx: Ctx, id: number) =>
  stmt(ctx.db, "SELECT id, debtor_id AS debtorId, document, due_date AS dueDate, balance FROM open_items WHERE id = ? AND state = 'open' AND balance > 0").get(id) as OpenItemRow | undefined;

/** The items named in the text, when they are all of one debtor. */
export function referencedItems(ctx: Ctx, index: PayerIndex, text: string): OpenItemRow[] {
  const ids = referenceTokens(text).flatMap((t) => index.itemsByReference.get(t) ?? []);
  flushWritesTouching(ctx, { itemIds: ids });
  const items = ids.map((id) => itemById(ctx, id)).filter((i): i is OpenItemRow => !!i);
  const unique = [...new Map(items.map((i) => [i.id, i])).values()];
  if (unique.length === 0 || new Set(unique.map((i) => i.debtorId)).size !== 1) return [];
  return unique.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
}

/** The items an amount pays exactly: one item of that balance (the oldest), or all of them together. */
export function itemsForAmount(items: OpenItemRow[], amount: number): OpenItemRow[] | null {
  const one = items.find((i) => i.balance === amount);
  if (one) return [one];
  if (items.length > 1 && items.reduce((s, i) => s + i.balance, 0) === amount) return items;
  return null;
}

/**
 * A member's transfer: by the reference in the text (invoice number, RF reference), else by a known
 * IBAN and an amount that pays items exactly, else by name and amount. Partial payments settle the
 * oldest first; an overpayment leaves a credit.
 */
export function matchTransfer(ctx: Ctx, m: EntryToMatch, index: PayerIndex): boolean {
  const e = m.entry;
  // money coming back with a reason code (a bounced refund) is no member's payment
  if (e.amount <= 0 || e.reversal || m.preSettlement || e.details.some((d) => d.returnInfo)) return false;
  const party = counterpartyOf(e);
  let debtorId: number | null = null;
  let items: OpenItemRow[] = [];
  let how: { nl: string; en: string } | null = null;

  const referenced = referencedItems(ctx, index, entryText(e));
  if (referenced.length > 0) {
    debtorId = referenced[0]!.debtorId;
    items = referenced;
    const docs = referenced.map((i) => i.document).join(', ');
    how = { nl: `het kenmerk ${docs} in de omschrijving`, en: `the reference ${docs} in the description` };
  }
  if (!how && party.iban) {
    const candidates = (index.debtorsByIban.get(party.iban) ?? []).map((id) => ({ id, items: itemsForAmount(payableItems(ctx, id), e.amount) })).filter((c) => c.items);
    if (candidates.length === 1) {
      debtorId = candidates[0]!.id;
      items = candidates[0]!.items!;
      how = { nl: `de bekende IBAN ${party.iban} en het bedrag`, en: `the known IBAN ${party.iban} and the amount` };
    }
  }
  if (!how && party.name) {
    const candidates = (index.debtorsByName.get(normalizeName(party.name)) ?? []).map((id) => ({ id, items: itemsForAmount(payableItems(ctx, id), e.amount) })).filter((c) => c.items);
    if (candidates.length === 1) {
      debtorId = candidates[0]!.id;
      items = candidates[0]!.items!;
      how = { nl: `de naam ${party.name} en het bedrag`, en: `the name ${party.name} and the amount` };
    }
  }
  if (!how || debtorId === null) return false;

  const debtor = stmt(ctx.db, 'SELECT name, number FROM debtors WHERE id = ?').get(debtorId) as { name: string; number: string };
  const paid = payItems(ctx, { statementEntryId: m.id, bankLedgerAccountId: m.bankLedgerAccountId, amount: e.amount, date: e.bookingDate, debtorId, items, description: `Betaling ${debtor.name} (${debtor.number})`, statementDbId: m.statementDbId });
  recordMatch(ctx, m.id, 'transfer', transferExplanation(debtor, how, paid), paid.journalEntryId, paid.allocations);
  return true;
}

export function transferExplanation(debtor: { name: string; number: string }, how: { nl: string; en: string }, paid: { settled: number; partial: number; credit: number }) {
  const nl = [`Betaling van ${debtor.name} (${debtor.number}), gevonden op ${how.nl}`];
  const en = [`Payment by ${debtor.name} (${debtor.number}), found by ${how.en}`];
  if (paid.settled) { nl.push(`${paid.settled} ${paid.settled === 1 ? 'post' : 'posten'} betaald`); en.push(`${paid.settled} item${paid.settled === 1 ? '' : 's'} paid`); }
  if (paid.partial) { nl.push('deels betaald, de rest staat open'); en.push('partly paid, the rest stays open'); }
  if (paid.credit) { nl.push(`te veel betaald: tegoed ${euro(paid.credit)}`); en.push(`overpaid: credit ${euro(paid.credit, 'en')}`); }
  return { nl: nl.join('; '), en: en.join('; ') };
}
