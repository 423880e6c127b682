import type { SuggestionT } from '../../../shared/api/statements';
import { addDays, formatDate } from '../../../shared/dates';
import { euro } from '../euro';
import type { Ctx } from '../../context';
import { stmt } from '../../preparedStatements';
import { counterpartyOf, entryText } from '../entryRecord';
import type { StatementEntry } from '../model';
import { itemsForAmount, type PayerIndex } from './transfers';
import { payableItems } from './payItems';
import { normalizeName, referenceTokens } from './references';


/** Points per reason; a payment that carries the reference and comes from the known IBAN scores 100. */
const POINTS = { reference: 40, iban: 30, amount: 20, name: 15, date: 5 } as const;

/**
 * For an entry Penning could not match: the members it may come from, each with the items it
 * would settle and why — amount, IBAN, name, reference, date — ranked by score.
 */
export function suggestionsFor(ctx: Ctx, e: StatementEntry, index: PayerIndex, limit: number): SuggestionT[] {
  const party = counterpartyOf(e);
  const amount = e.amount;
  const candidates = new Set<number>();
  const tokens = referenceTokens(entryText(e));
  const referencedItems = new Set<number>();
  for (const t of tokens) for (const id of index.itemsByReference.get(t) ?? []) referencedItems.add(id);
  const debtorOfItem = stmt(ctx.db, "SELECT debtor_id AS d FROM open_items WHERE id = ? AND state = 'open' AND balance > 0");
  for (const id of referencedItems) {
    const r = debtorOfItem.get(id) as { d: number } | undefined;
    if (r) candidates.add(r.d);
  }
  const byIban = party.iban ? index.debtorsByIban.get(party.iban) ?? [] : [];
  byIban.forEach((d) => candidates.add(d));
  const nameKey = party.name ? normalizeName(party.name) : null;
  const nameWords = new Set(nameKey ? nameKey.split(' ').filter((w) => w.length > 2) : []);
  if (nameKey) for (const d of index.debtorsByName.get(nameKey) ?? []) candidates.add(d);
  if (amount > 0) {
    for (const r of stmt(ctx.db, "SELECT DISTINCT debtor_id AS d FROM open_items WHERE state = 'open' AND balance = ? LIMIT 50").all(amount) as { d: number }[]) candidates.add(r.d);
  }
  if (nameWords.size > 0 && candidates.size < limit) {
    // a surname in the payer's name: debtors whose name shares a word of three letters or more
    const like = stmt(ctx.db, "SELECT id FROM debtors WHERE lower(name) LIKE ? LIMIT 20");
    for (const w of nameWords) for (const r of like.all(`%${w}%`) as { id: number }[]) candidates.add(r.id);
  }

  const debtor = stmt(ctx.db, 'SELECT id, number, name, account_holder AS holder FROM debtors WHERE id = ?');
  const out: SuggestionT[] = [];
  for (const id of candidates) {
    const d = debtor.get(id) as { id: number; number: string; name: string; holder: string | null };
    const open = payableItems(ctx, id);
    if (open.length === 0) continue;
    const reasons: SuggestionT['reasons'] = [];
    const referenced = open.filter((i) => referencedItems.has(i.id));
    if (referenced.length > 0) {
      reasons.push({ key: 'reference', points: POINTS.reference, text: { nl: `kenmerk ${referenced.map((i) => i.document).join(', ')} in de omschrijving`, en: `reference ${referenced.map((i) => i.document).join(', ')} in the description` } });
    }
    if (byIban.includes(id)) reasons.push({ key: 'iban', points: POINTS.iban, text: { nl: `betaald vanaf de bekende IBAN ${party.iban}`, en: `paid from the known IBAN ${party.iban}` } });
    const exact = itemsForAmount(open, amount);
    const items = referenced.length > 0 ? referenced : exact ?? open;
    const total = items.reduce((s, i) => s + i.balance, 0);
    if (exact) reasons.push({ key: 'amount', points: POINTS.amount, text: { nl: `bedrag ${euro(amount)} gelijk aan wat openstaat`, en: `amount ${euro(amount, 'en')} equals what is open` } });
    else if (amount > 0 && amount < total) reasons.push({ key: 'amount', points: Math.round(POINTS.amount / 4), text: { nl: `bedrag ${euro(amount)} is een deel van ${euro(total)}`, en: `amount ${euro(amount, 'en')} is part of ${euro(total, 'en')}` } });
    if (nameKey) {
      const names = [d.name, d.holder].filter((n): n is string => !!n).map(normalizeName);
      if (names.includes(nameKey)) reasons.push({ key: 'name', points: POINTS.name, text: { nl: `naam ${party.name} gelijk`, en: `name ${party.name} matches` } });
      else {
        const shared = names.some((n) => n.split(' ').some((w) => nameWords.has(w)));
        if (shared) reasons.push({ key: 'name', points: Math.round(POINTS.name / 2), text: { nl: `naam ${party.name} lijkt op ${d.name}`, en: `name ${party.name} resembles ${d.name}` } });
      }
    }
    const near = items.find((i) => i.dueDate >= addDays(e.bookingDate, -45) && i.dueDate <= addDays(e.bookingDate, 30));
    if (near) reasons.push({ key: 'date', points: POINTS.date, text: { nl: `vervaldatum ${formatDate(near.dueDate)} dicht bij de betaaldatum`, en: `due ${formatDate(near.dueDate)}, close to the payment date` } });
    if (reasons.length === 0 || reasons.every((r) => r.key === 'date')) continue;
    out.push({
      debtorId: id,
      debtorNumber: d.number,
      debtorName: d.name,
      items: items.map((i) => ({ itemId: i.id, document: i.document, dueDate: i.dueDate, balance: i.balance })),
      amount: total,
      score: Math.min(100, reasons.reduce((s, r) => s + r.points, 0)),
      reasons,
    });
  }
  return out.sort((a, b) => b.score - a.score || a.debtorNumber.localeCompare(b.debtorNumber, 'nl', { numeric: true })).slice(0, limit);
}

