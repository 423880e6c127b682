import { formatDate } from '../../shared/dates';
import { notFoundError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { changeDueDate, mergeItems, splitItem } from '../items/operations';
import { stmt } from '../preparedStatements';
import { euroNl, writeEntry } from './entries';

/**
 * What comes out of a call (seeds/002: "Heeft de klant een geldige reden om te laat te betalen? Dan
 * kan de ondernemer de vervaldatum aanpassen"): the open items' own operations, with the agreement
 * written in the dossier by the same transaction (dispatch holds it), so the books and the dossier
 * never tell different stories.
 */

function itemFacts(ctx: Ctx, itemId: number, field: string): { debtorId: number; document: string; dueDate: string } {
  const i = stmt(ctx.db, 'SELECT debtor_id AS debtorId, document, due_date AS dueDate FROM open_items WHERE id = ?').get(itemId) as { debtorId: number; document: string; dueDate: string } | undefined;
  if (!i) throw notFoundError({ nl: `Openstaande post ${itemId}`, en: `Open item ${itemId}` }, field);
  return i;
}

export function moveDueDate(ctx: Ctx, input: { itemId: number; dueDate: string; reason: string }): { itemId: number; entryId: number } {
  const before = itemFacts(ctx, input.itemId, 'itemId');
  changeDueDate(ctx, input);
  const entryId = writeEntry(ctx, {
    debtorId: before.debtorId,
    kind: 'due_date',
    date: ctx.today(),
    text: `Vervaldatum ${before.document} verschoven van ${formatDate(before.dueDate)} naar ${formatDate(input.dueDate)}: ${input.reason}`,
  });
  return { itemId: input.itemId, entryId };
}

export function makeArrangement(
  ctx: Ctx,
  input: { itemIds: number[]; parts: { amount?: number; dueDate?: string }[]; reason?: string; followUpOn?: string },
): { itemIds: number[]; entryId: number } {
  const first = itemFacts(ctx, input.itemIds[0]!, 'itemIds.0');
  // several items become one claim first, so the instalments cover all of them
  const itemId = input.itemIds.length > 1 ? mergeItems(ctx, { itemIds: input.itemIds, reason: input.reason ?? 'Betalingsregeling' }) : input.itemIds[0]!;
  const documents = input.itemIds.map((id, i) => itemFacts(ctx, id, `itemIds.${i}`).document);
  const itemIds = splitItem(ctx, { itemId, parts: input.parts, arrangement: true, reason: input.reason ?? 'Betalingsregeling' });
  const instalments = itemIds.map((id) => stmt(ctx.db, 'SELECT due_date AS dueDate, amount FROM open_items WHERE id = ?').get(id) as { dueDate: string; amount: number });
  const total = instalments.reduce((s, p) => s + p.amount, 0);
  const lines = instalments.map((p, i) => `${i + 1}. ${formatDate(p.dueDate)} ${euroNl(p.amount)}`).join('; ');
  const entryId = writeEntry(ctx, {
    debtorId: first.debtorId,
    kind: 'agreement',
    date: ctx.today(),
    text: `Betalingsregeling voor ${documents.join(', ')} (${euroNl(total)}) in ${instalments.length} termijnen: ${lines}${input.reason ? `. ${input.reason}` : ''}`,
    followUpOn: input.followUpOn,
  });
  return { itemIds, entryId };
}
