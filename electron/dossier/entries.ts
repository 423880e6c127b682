import type { DossierEntryT } from '../../shared/api/dossier';
import { conflictError, notFoundError, validationError } from '../../shared/api/errors';
import { formatDate } from '../../shared/dates';
import { formatEuro } from '../../shared/money';
import { reasonLabel } from '../../shared/returnReasons';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

/**
 * The dossier as one dated list. Letters and returns live in their own tables (the dunning run and
 * the statement import write them); they are read in here, unless a dossier entry already points
 * at them, so each shows exactly once whoever writes what.
 */

interface Row {
  source: 'entry' | 'letter' | 'return';
  id: number;
  date: string;
  kind: DossierEntryT['kind'];
  text: string;
  followUpOn: string | null;
  followUpDone: number;
  letterId: number | null;
  returnId: number | null;
  createdAt: string;
  // letters
  levelName: string | null;
  total: number | null;
  delivery: string | null;
  // returns
  returnKind: string | null;
  reasonCode: string | null;
  outcomeNl: string | null;
  outcomeEn: string | null;
  amount: number | null;
  batchReference: string | null;
}

const UNION = `
  SELECT 'entry' AS source, e.id, e.date, e.kind, e.text, e.follow_up_on AS followUpOn, e.follow_up_done AS followUpDone, e.letter_id AS letterId, e.return_id AS returnId, e.created_at AS createdAt,
         NULL AS levelName, NULL AS total, NULL AS delivery, NULL AS returnKind, NULL AS reasonCode, NULL AS outcomeNl, NULL AS outcomeEn, NULL AS amount, NULL AS batchReference
    FROM dossier_entries e WHERE e.debtor_id = @debtorId
  UNION ALL
  SELECT 'letter', l.id, l.date, 'letter', '', NULL, 0, l.id, NULL, l.created_at,
         v.name, l.total, l.delivery, NULL, NULL, NULL, NULL, NULL, NULL
    FROM dunning_letters l JOIN dunning_levels v ON v.id = l.level_id
   WHERE l.debtor_id = @debtorId AND NOT EXISTS (SELECT 1 FROM dossier_entries e WHERE e.letter_id = l.id)
  UNION ALL
  SELECT 'return', r.id, r.date, 'return', '', NULL, 0, NULL, r.id, r.created_at,
         NULL, NULL, NULL, r.kind, r.reason_code, r.outcome_nl, r.outcome_en, r.amount, b.reference
    FROM collection_returns r JOIN batch_transactions t ON t.id = r.transaction_id JOIN batches b ON b.id = t.batch_id
   WHERE r.debtor_id = @debtorId AND NOT EXISTS (SELECT 1 FROM dossier_entries e WHERE e.return_id = r.id)`;

const RETURN_VERB: Record<string, { nl: string; en: string }> = {
  return: { nl: 'teruggeboekt', en: 'returned' },
  reject: { nl: 'geweigerd', en: 'rejected' },
  refund: { nl: 'teruggevraagd door de betaler', en: 'refunded at the payer\u2019s request' },
  reversal: { nl: 'teruggedraaid', en: 'reversed' },
};

/** plain spaces: the text also goes to JSON on the command line and into copied notes */
const euro = (cents: number, lang: 'nl' | 'en') => formatEuro(cents, lang).replace(/\u00a0/g, ' ');

function textOf(r: Row): { nl: string; en: string } {
  if (r.source === 'letter') {
    const how = r.delivery === 'email' ? { nl: 'per e-mail', en: 'by e-mail' } : { nl: 'per post', en: 'by post' };
    return {
      nl: `${r.levelName} verstuurd ${how.nl}: ${euro(r.total!, 'nl')}`,
      en: `${r.levelName} sent ${how.en}: ${euro(r.total!, 'en')}`,
    };
  }
  if (r.source === 'return') {
    const verb = RETURN_VERB[r.returnKind!] ?? RETURN_VERB.return!;
    const label = reasonLabel(r.reasonCode);
    const code = r.reasonCode ? ` (${r.reasonCode})` : '';
    return {
      nl: `Incasso ${r.batchReference} van ${euro(r.amount!, 'nl')} ${verb.nl}: ${label.nl}${code}. ${r.outcomeNl}`,
      en: `Direct debit ${r.batchReference} of ${euro(r.amount!, 'en')} ${verb.en}: ${label.en}${code}. ${r.outcomeEn}`,
    };
  }
  return { nl: r.text, en: r.text };
}

function attachmentsByEntry(ctx: Ctx, debtorId: number): Map<number, DossierEntryT['attachments']> {
  const rows = stmt(
    ctx.db,
    `SELECT a.id, a.entry_id AS entryId, a.file_name AS fileName, a.media_type AS mediaType, a.size
       FROM dossier_attachments a JOIN dossier_entries e ON e.id = a.entry_id WHERE e.debtor_id = ? ORDER BY a.id`,
  ).all(debtorId) as { id: number; entryId: number; fileName: string; mediaType: string; size: number }[];
  const map = new Map<number, DossierEntryT['attachments']>();
  for (const { entryId, ...a } of rows) map.set(entryId, [...(map.get(entryId) ?? []), a]);
  return map;
}

function toEntry(r: Row, attachments: Map<number, DossierEntryT['attachments']>): DossierEntryT {
  return {
    key: `${r.source[0]}${r.id}`,
    source: r.source,
    entryId: r.source === 'entry' ? r.id : null,
    date: r.date,
    kind: r.kind,
    text: textOf(r),
    followUpOn: r.followUpOn,
    followUpDone: r.followUpDone === 1,
    letterId: r.letterId,
    returnId: r.returnId,
    attachments: r.source === 'entry' ? (attachments.get(r.id) ?? []) : [],
  };
}

export function requireDebtor(ctx: Ctx, debtorId: number, field = 'debtorId'): { id: number; number: string; name: string } {
  const d = stmt(ctx.db, 'SELECT id, number, name FROM debtors WHERE id = ?').get(debtorId) as { id: number; number: string; name: string } | undefined;
  if (!d) throw notFoundError({ nl: `Debiteur ${debtorId}`, en: `Debtor ${debtorId}` }, field);
  return d;
}

/** Newest first; on one day the latest written first. */
export function dossierEntries(ctx: Ctx, debtorId: number, limit = -1): DossierEntryT[] {
  const rows = stmt(ctx.db, `${UNION} ORDER BY date DESC, createdAt DESC, id DESC LIMIT @limit`).all({ debtorId, limit }) as Row[];
  const attachments = attachmentsByEntry(ctx, debtorId);
  return rows.map((r) => toEntry(r, attachments));
}

export function refusalsPerMandate(ctx: Ctx, debtorId: number) {
  const rows = stmt(
    ctx.db,
    `SELECT r.mandate_id AS mandateId, m.reference, m.status, COUNT(*) AS returns, MAX(r.date) AS lastDate,
            (SELECT x.reason_code FROM collection_returns x WHERE x.debtor_id = r.debtor_id AND x.mandate_id IS r.mandate_id ORDER BY x.date DESC, x.id DESC LIMIT 1) AS lastCode
       FROM collection_returns r LEFT JOIN mandates m ON m.id = r.mandate_id
      WHERE r.debtor_id = ? GROUP BY r.mandate_id ORDER BY lastDate DESC`,
  ).all(debtorId) as { mandateId: number | null; reference: string | null; status: string | null; returns: number; lastDate: string; lastCode: string | null }[];
  return rows.map(({ lastCode, ...r }) => ({ ...r, lastReason: reasonLabel(lastCode) }));
}

export interface NewEntry {
  debtorId: number;
  kind: DossierEntryT['kind'];
  date: string;
  text: string;
  followUpOn?: string | null;
  letterId?: number | null;
  returnId?: number | null;
}

/** The one place a dossier entry is written; the caller's transaction holds it together with what it records. */
export function writeEntry(ctx: Ctx, e: NewEntry): number {
  if (e.followUpOn && e.followUpOn < e.date) {
    throw validationError('followUpOn', 'after_date', `De terugbeldatum ${formatDate(e.followUpOn)} ligt vóór de datum van het contact (${formatDate(e.date)})`, `The follow-up date ${formatDate(e.followUpOn)} is before the date of the contact (${formatDate(e.date)})`);
  }
  return Number(
    stmt(ctx.db, 'INSERT INTO dossier_entries (debtor_id, date, kind, text, follow_up_on, letter_id, return_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      e.debtorId,
      e.date,
      e.kind,
      e.text,
      e.followUpOn ?? null,
      e.letterId ?? null,
      e.returnId ?? null,
    ).lastInsertRowid,
  );
}

export function markFollowUpDone(ctx: Ctx, entryId: number, field = 'entryId', debtorId?: number): void {
  const e = stmt(ctx.db, 'SELECT debtor_id AS debtorId, follow_up_on AS followUpOn, follow_up_done AS done FROM dossier_entries WHERE id = ?').get(entryId) as
    | { debtorId: number; followUpOn: string | null; done: number }
    | undefined;
  if (!e) throw notFoundError({ nl: `Dossieritem ${entryId}`, en: `Dossier entry ${entryId}` }, field);
  if (debtorId !== undefined && e.debtorId !== debtorId) throw validationError(field, 'one_debtor', 'Dit dossieritem hoort bij een andere debiteur', 'This dossier entry belongs to another debtor');
  if (!e.followUpOn) throw conflictError('no_follow_up', 'Dit dossieritem heeft geen terugbeldatum', 'This dossier entry has no follow-up date', field);
  if (e.done === 1) return;
  stmt(ctx.db, 'UPDATE dossier_entries SET follow_up_done = 1 WHERE id = ?').run(entryId);
}

export const euroNl = (cents: number) => euro(cents, 'nl');
