import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import { euro } from './euro';
import type { Ctx } from '../context';
import { recordEvent } from '../items/openItems';
import { accountForRole } from '../ledger/chart';
import { postEntry } from '../ledger/post';
import { reverseEntry } from '../ledger/entries';
import { journalOfKind } from '../collections/numbering';
import { stmt } from '../preparedStatements';
import { counterpartyOf, recordMatch } from './entryRecord';
import type { StatementEntry } from './model';
import { type OpenItemRow, payItems } from './match/payItems';
import { transferExplanation } from './match/transfers';
import { detailsFromStore } from './storedDetails';


interface StoredEntry {
  id: number;
  amount: number;
  bookingDate: string;
  state: string;
  kind: string | null;
  journalEntryId: number | null;
  details: string;
  information: string | null;
  ledgerAccountId: number;
}

function storedEntry(ctx: Ctx, id: number): StoredEntry {
  const row = stmt(
    ctx.db,
    `SELECT e.id, e.amount, e.booking_date AS bookingDate, e.state, e.match_kind AS kind, e.journal_entry_id AS journalEntryId, e.details, e.information, a.ledger_account_id AS ledgerAccountId
       FROM statement_entries e JOIN bank_accounts a ON a.id = e.bank_account_id WHERE e.id = ?`,
  ).get(id) as StoredEntry | undefined;
  if (!row) throw notFoundError({ nl: `Afschriftregel ${id}`, en: `Statement entry ${id}` }, 'entryId');
  return row;
}

function requireUnmatched(e: StoredEntry): void {
  if (e.state !== 'unmatched') throw conflictError('already_matched', `Afschriftregel ${e.id} is al verwerkt; maak de koppeling eerst ongedaan`, `Statement entry ${e.id} has already been handled; undo that first`, 'entryId');
}

/**
 * A manual match: the payment settles the chosen items (oldest first), the rest becomes a credit,
 * and the payer's IBAN is remembered for that member so the next payment matches by itself.
 */
export function matchManually(ctx: Ctx, input: { entryId: number; itemIds: number[]; learnIban: boolean }): void {
  const e = storedEntry(ctx, input.entryId);
  requireUnmatched(e);
  if (e.amount <= 0) throw validationError('entryId', 'not_incoming', 'Alleen ontvangen bedragen kunnen met posten worden gekoppeld; boek een afschrijving op een rekening', 'Only incoming amounts can be matched to items; book a debit to an account');
  if (new Set(input.itemIds).size !== input.itemIds.length) throw validationError('itemIds', 'unique', 'Dezelfde post staat er twee keer in', 'The same item is listed twice');
  const q = stmt(ctx.db, "SELECT id, debtor_id AS debtorId, document, due_date AS dueDate, balance, state FROM open_items WHERE id = ?");
  const items = input.itemIds.map((id, i) => {
    const row = q.get(id) as (OpenItemRow & { state: string }) | undefined;
    if (!row) throw notFoundError({ nl: `Openstaande post ${id}`, en: `Open item ${id}` }, `itemIds.${i}`);
    if (row.state !== 'open' || row.balance <= 0) throw conflictError('not_open', `Post ${row.document} staat niet open`, `Item ${row.document} is not open`, `itemIds.${i}`);
    return row;
  });
  if (new Set(items.map((i) => i.debtorId)).size !== 1) throw validationError('itemIds', 'one_debtor', 'Eén betaling koppelt u aan posten van één debiteur', 'One payment is matched to items of one debtor');
  items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  const debtorId = items[0]!.debtorId;
  const debtor = stmt(ctx.db, 'SELECT name, number, iban FROM debtors WHERE id = ?').get(debtorId) as { name: string; number: string; iban: string | null };
  const paid = payItems(ctx, { statementEntryId: e.id, bankLedgerAccountId: e.ledgerAccountId, amount: e.amount, date: e.bookingDate, debtorId, items, description: `Betaling ${debtor.name} (${debtor.number})` });
  const party = counterpartyOf({ details: detailsFromStore(e.details) } as StatementEntry);
  let learned = false;
  if (input.learnIban && party.iban && party.iban !== debtor.iban) {
    learned = stmt(ctx.db, 'INSERT OR IGNORE INTO debtor_ibans (debtor_id, iban, learned_at) VALUES (?, ?, ?)').run(debtorId, party.iban, ctx.now().toISOString()).changes === 1;
  }
  const how = { nl: 'een koppeling met de hand', en: 'a manual match' };
  const text = transferExplanation(debtor, how, paid);
  if (learned) {
    text.nl += `; IBAN ${party.iban} onthouden voor dit lid`;
    text.en += `; IBAN ${party.iban} remembered for this member`;
  }
  recordMatch(ctx, e.id, 'manual', text, paid.journalEntryId, paid.allocations);
}

/** Bank costs, other income, a transfer between own accounts: the entry against the chosen account. */
export function bookToAccount(ctx: Ctx, input: { entryId: number; accountId: number; description?: string }): void {
  const e = storedEntry(ctx, input.entryId);
  requireUnmatched(e);
  const account = stmt(ctx.db, 'SELECT id, code, name FROM accounts WHERE id = ?').get(input.accountId) as { id: number; code: string; name: string } | undefined;
  if (!account) throw notFoundError({ nl: `Grootboekrekening ${input.accountId}`, en: `Account ${input.accountId}` }, 'accountId');
  const role = stmt(ctx.db, 'SELECT role FROM account_roles WHERE account_id = ?').all(account.id) as { role: string }[];
  if (role.some((r) => r.role === 'receivables')) throw validationError('accountId', 'receivables', 'Een betaling van een lid koppelt u aan zijn posten, niet rechtstreeks op Debiteuren', 'A member\u2019s payment is matched to their items, not booked straight to receivables');
  if (account.id === e.ledgerAccountId) throw validationError('accountId', 'same_account', 'Kies een andere rekening dan de bankrekening zelf', 'Choose an account other than the bank account itself');
  const amount = Math.abs(e.amount);
  const incoming = e.amount > 0;
  const description = (input.description ?? `Afschriftregel ${e.id}: ${account.name}`).slice(0, 140);
  const entryId = postEntry(ctx, {
    journalCode: journalOfKind(ctx, 'bank'),
    date: e.bookingDate,
    description,
    sourceType: 'statement_entry',
    sourceId: String(e.id),
    lines: [
      { accountId: e.ledgerAccountId, debit: incoming ? amount : 0, credit: incoming ? 0 : amount, description },
      { accountId: account.id, debit: incoming ? 0 : amount, credit: incoming ? amount : 0, description },
    ],
  });
  recordMatch(
    ctx,
    e.id,
    'account',
    { nl: `Met de hand geboekt op ${account.code} ${account.name}`, en: `Booked by hand to ${account.code} ${account.name}` },
    entryId,
    [{ kind: 'account', amount: e.amount, accountId: account.id }],
  );
}

/**
 * Undoes a manual match, a transfer match or a booking to an account: a reversing entry, the
 * items get back what the payment took, a credit it left is closed again. Only while those items
 * have not moved on; matches of collections and returns are not undone here.
 */
export function unmatch(ctx: Ctx, input: { entryId: number; reason: string }): void {
  const e = storedEntry(ctx, input.entryId);
  if (e.state !== 'matched' || e.journalEntryId === null) throw conflictError('not_matched', `Afschriftregel ${e.id} is niet gekoppeld`, `Statement entry ${e.id} is not matched`, 'entryId');
  if (!['manual', 'transfer', 'account'].includes(e.kind ?? '')) {
    throw conflictError('automatic', 'Koppelingen van incasso\u2019s, terugboekingen en terugbetalingen worden niet ongedaan gemaakt; boek een correctie in het memoriaal', 'Matches of collections, returns and refunds are not undone; book a correction in the memorial journal', 'entryId');
  }
  const allocations = stmt(ctx.db, 'SELECT a.id, a.kind, a.item_id AS itemId, a.amount FROM statement_allocations a WHERE a.statement_entry_id = ? AND a.reversed_by_entry_id IS NULL').all(e.id) as { id: number; kind: string; itemId: number | null; amount: number }[];
  const item = stmt(ctx.db, 'SELECT id, document, balance, amount, state FROM open_items WHERE id = ?');
  for (const a of allocations) {
    if (a.itemId === null) continue;
    const i = item.get(a.itemId) as { id: number; document: string; balance: number; amount: number; state: string };
    const movedOn = a.kind === 'credit' ? i.state !== 'open' || i.balance !== i.amount : !(i.state === 'open' || (i.state === 'settled' && i.balance === 0));
    if (movedOn) throw conflictError('moved_on', `Post ${i.document} is sindsdien gewijzigd; boek een correctie in het memoriaal`, `Item ${i.document} has changed since; book a correction in the memorial journal`, 'entryId');
  }
  const description = `Koppeling afschriftregel ${e.id} ongedaan: ${input.reason}`.slice(0, 140);
  const reversal = isGathered(ctx, e.journalEntryId) ? reverseShare(ctx, e, allocations, description) : reverseEntry(ctx, { entryId: e.journalEntryId, description });
  const setItem = stmt(ctx.db, "UPDATE open_items SET balance = ?, state = CASE WHEN ? = 0 THEN 'settled' ELSE 'open' END, closed_on = CASE WHEN ? = 0 THEN closed_on ELSE NULL END WHERE id = ?");
  const markReversed = stmt(ctx.db, 'UPDATE statement_allocations SET reversed_by_entry_id = ? WHERE id = ?');
  for (const a of allocations) {
    if (a.itemId !== null) {
      const i = item.get(a.itemId) as { balance: number };
      const after = a.kind === 'credit' ? 0 : i.balance + a.amount;
      recordEvent(ctx, a.itemId, 'payment_undone', `Betaling ${euro(a.amount)} ongedaan gemaakt: ${input.reason}`, { entryId: reversal.id, balanceAfter: after });
      setItem.run(after, after, after, a.itemId);
    }
    markReversed.run(reversal.id, a.id);
  }
  stmt(ctx.db, "UPDATE statement_entries SET state = 'unmatched', match_kind = NULL, journal_entry_id = NULL, explanation_nl = ?, explanation_en = ? WHERE id = ?").run(
    `Koppeling ongedaan gemaakt (${input.reason}); koppel opnieuw of boek op een rekening`,
    `Match undone (${input.reason}); match again or book to an account`,
    e.id,
  );
}

/** Whether the entry holds the bookings of many statement entries (see ledger/gatheredEntry.ts). */
function isGathered(ctx: Ctx, journalEntryId: number): boolean {
  return (stmt(ctx.db, 'SELECT source_type AS sourceType FROM journal_entries WHERE id = ?').get(journalEntryId) as { sourceType: string | null }).sourceType === 'bank_statement';
}

/**
 * A member's transfer booked in the statement's gathered entry: the other payments in it stand, so
 * only this one's share is reversed — Debiteuren (the member) / Bank for the amount it booked —
 * in an entry of its own; the gathered entry itself, like every posted entry, never changes.
 */
function reverseShare(ctx: Ctx, e: StoredEntry, allocations: { itemId: number | null; amount: number }[], description: string): { id: number } {
  const debtorOf = stmt(ctx.db, 'SELECT debtor_id AS debtorId FROM open_items WHERE id = ?');
  const debtors = new Set(allocations.flatMap((a) => (a.itemId === null ? [] : [(debtorOf.get(a.itemId) as { debtorId: number }).debtorId])));
  const booked = allocations.reduce((s, a) => s + a.amount, 0);
  if (debtors.size !== 1 || booked !== e.amount) throw new Error(`statement entry ${e.id}: its share of a gathered entry is not one member's payment of ${e.amount}`);
  const { journalCode } = stmt(ctx.db, 'SELECT j.code AS journalCode FROM journal_entries x JOIN journals j ON j.id = x.journal_id WHERE x.id = ?').get(e.journalEntryId) as { journalCode: string };
  const id = postEntry(ctx, {
    journalCode,
    date: ctx.today(),
    description,
    sourceType: 'statement_entry',
    sourceId: String(e.id),
    lines: [
      { accountId: accountForRole(ctx, 'receivables'), debtorId: [...debtors][0]!, debit: e.amount, credit: 0, description },
      { accountId: e.ledgerAccountId, debit: 0, credit: e.amount, description },
    ],
  });
  return { id };
}
