import { conflictError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { fixedLookup } from '../fixedLookups';
import { stmt } from '../preparedStatements';

const PREFIX = { collection: 'INC', refund: 'TRB' } as const;

/** INC-2026-0001: the next batch reference of its kind and year, gap-free and never reused. */
export function nextBatchReference(ctx: Ctx, kind: 'collection' | 'refund'): { reference: string; year: number; seq: number } {
  const year = Number(ctx.today().slice(0, 4));
  const row = stmt(ctx.db, 'SELECT MAX(seq) AS seq FROM batches WHERE kind = ? AND year = ?').get(kind, year) as { seq: number | null };
  const seq = (row.seq ?? 0) + 1;
  return { reference: `${PREFIX[kind]}-${year}-${String(seq).padStart(4, '0')}`, year, seq };
}

/** CreDtTm as local wall time, to the second: it is stored, so a re-save repeats it exactly. */
export function creationStamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}T${p(now.getHours())}:${p(now.getMinutes())}:${p(now.getSeconds())}`;
}

/** INC-2026-0001-3F9A1ABCDE-000001 (31 characters); batches saved before the key existed keep their old form on re-save. */
export const endToEndId = (reference: string, idKey: string | null, n: number) => `${reference}${idKey ? `-${idKey}` : ''}-${String(n).padStart(6, '0')}`;

export function journalOfKind(ctx: Ctx, kind: 'sales' | 'collection' | 'bank' | 'memorial'): string {
  const row = fixedLookup(ctx.db, `journalOfKind|${kind}`, () => stmt(ctx.db, 'SELECT code FROM journals WHERE kind = ? ORDER BY id LIMIT 1').get(kind) as { code: string } | undefined);
  if (!row) throw conflictError('no_journal', `Er is geen dagboek van de soort ${kind} (Instellingen > Dagboeken)`, `There is no ${kind} journal (Settings > Journals)`);
  return row.code;
}
