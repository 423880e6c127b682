import type { EntryT } from '../../shared/api/contract';
import { conflictError, notFoundError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';
import { postEntry } from './post';

interface EntryRow {
  id: number;
  journalCode: string;
  year: number;
  number: number;
  date: string;
  description: string;
  sourceType: string | null;
  sourceId: string | null;
  reversesEntryId: number | null;
  reversedByEntryId: number | null;
}

const ENTRY_SELECT = `SELECT e.id, j.code AS journalCode, e.year, e.number, e.date, e.description,
        e.source_type AS sourceType, e.source_id AS sourceId, e.reverses_entry_id AS reversesEntryId,
        (SELECT r.id FROM journal_entries r WHERE r.reverses_entry_id = e.id) AS reversedByEntryId
   FROM journal_entries e JOIN journals j ON j.id = e.journal_id`;

/**
 * The entry's reference as the treasurer sees and quotes it: journal, year / number — MEM 2026/0001.
 * Batches are INC-2026-0001: the cancellation of batch INC-2026-0001 (entry INC 2026/0002) can no
 * longer be taken for the next batch, INC-2026-0002.
 */
export function entryReference(journalCode: string, year: number, number: number): string {
  return `${journalCode} ${year}/${String(number).padStart(4, '0')}`;
}

/** `debtorId`: only that debtor's lines (an entry gathered over a statement holds every member's payment). */
function withLines(ctx: Ctx, rows: EntryRow[], debtorId: number | null = null): EntryT[] {
  const lines = stmt(
    ctx.db,
    `SELECT l.account_id AS accountId, a.code AS accountCode, a.name AS accountName, l.debtor_id AS debtorId,
            d.name AS debtorName, l.debit, l.credit, l.description
       FROM journal_lines l JOIN accounts a ON a.id = l.account_id LEFT JOIN debtors d ON d.id = l.debtor_id
      WHERE l.entry_id = ? AND (? IS NULL OR l.debtor_id = ?) ORDER BY l.line_no`,
  );
  return rows.map(({ year, number, ...r }) => ({
    ...r,
    reference: entryReference(r.journalCode, year, number),
    lines: lines.all(r.id, debtorId, debtorId) as EntryT['lines'],
  }));
}

export function getEntry(ctx: Ctx, id: number): EntryT {
  const row = stmt(ctx.db, `${ENTRY_SELECT} WHERE e.id = ?`).get(id) as EntryRow | undefined;
  if (!row) throw notFoundError({ nl: `Boeking ${id}`, en: `Entry ${id}` }, 'entryId');
  return withLines(ctx, [row])[0]!;
}

export function listEntries(ctx: Ctx, q: { journalCode?: string; debtorId?: number; limit: number; offset: number }): { total: number; entries: EntryT[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.journalCode) {
    where.push('j.code = ?');
    params.push(q.journalCode);
  }
  if (q.debtorId !== undefined) {
    where.push('e.id IN (SELECT entry_id FROM journal_lines WHERE debtor_id = ?)');
    params.push(q.debtorId);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = (ctx.db.prepare(`SELECT COUNT(*) AS n FROM journal_entries e JOIN journals j ON j.id = e.journal_id${clause}`).get(...params) as { n: number }).n;
  const rows = ctx.db.prepare(`${ENTRY_SELECT}${clause} ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as EntryRow[];
  return { total, entries: withLines(ctx, rows, q.debtorId ?? null) };
}

/** The only correction of a posted entry: the same lines with debit and credit swapped. */
export function reverseEntry(ctx: Ctx, input: { entryId: number; date?: string; description?: string }): EntryT {
  const original = getEntry(ctx, input.entryId);
  if (original.reversedByEntryId !== null) {
    throw conflictError('already_reversed', `Boeking ${original.reference} is al tegengeboekt`, `Entry ${original.reference} has already been reversed`, 'entryId');
  }
  if (original.reversesEntryId !== null) {
    throw conflictError('is_reversal', `Boeking ${original.reference} is zelf een tegenboeking`, `Entry ${original.reference} is itself a reversal`, 'entryId');
  }
  const id = postEntry(ctx, {
    journalCode: original.journalCode,
    date: input.date ?? ctx.today(),
    description: input.description ?? `Tegenboeking ${original.reference}: ${original.description}`.slice(0, 140),
    sourceType: original.sourceType,
    sourceId: original.sourceId,
    reversesEntryId: original.id,
    lines: original.lines.map((l) => ({ accountId: l.accountId, debtorId: l.debtorId, debit: l.credit, credit: l.debit, description: l.description })),
  });
  return getEntry(ctx, id);
}
