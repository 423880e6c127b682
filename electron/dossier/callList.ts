import { CALL_LIST_DAYS_AHEAD, type CallListRowT } from '../../shared/api/dossier';
import { addDays } from '../../shared/dates';
import type { Ctx } from '../context';
import { nextLetterOn, nextLevelAfter } from '../dunning/ladder';
import { listLevels, type DunningLevelT } from '../dunning/levels';
import { getDunningSettings } from '../dunning/settings';
import { stmt } from '../preparedStatements';
import { dossierEntries } from './entries';

/**
 * Belrondje (seeds/002: "een telefoontje aan een openstaande factuur die bijna het incassotraject
 * in gaat"): whom to call before the last letter goes out, and whom the treasurer promised to call back.
 */

/** The step a claim must not reach unannounced: the hand-over level, or else the highest active one. */
function lastLevel(levels: DunningLevelT[]): DunningLevelT | null {
  const active = levels.filter((l) => l.active);
  return active.find((l) => l.handOver) ?? active.at(-1) ?? null;
}

interface ItemRow {
  debtorId: number;
  dueDate: string;
  levelId: number | null;
  dunnedOn: string | null;
  gentle: number;
}

/**
 * Items whose next letter is the last level, by the ladder's own rule (the proposal's), that are
 * not blocked and whose debtor is not excluded from dunning.
 */
function lastLevelDates(ctx: Ctx, date: string): Map<number, { levelName: string; letterOn: string; handOver: boolean }> {
  const levels = listLevels(ctx);
  const last = lastLevel(levels);
  const out = new Map<number, { levelName: string; letterOn: string; handOver: boolean }>();
  if (!last) return out;
  const gentleDays = getDunningSettings(ctx).gentleExtraDays;
  const items = stmt(
    ctx.db,
    `SELECT i.debtor_id AS debtorId, i.due_date AS dueDate, i.dunning_level_id AS levelId, i.dunned_on AS dunnedOn, d.dunning_profile = 'gentle' AS gentle
       FROM open_items i JOIN debtors d ON d.id = i.debtor_id
      WHERE i.state = 'open' AND i.balance > 0 AND i.blocked = 0 AND d.dunning_profile <> 'excluded'`,
  ).all() as ItemRow[];
  const horizon = addDays(date, CALL_LIST_DAYS_AHEAD);
  for (const i of items) {
    if (nextLevelAfter(levels, i.levelId)?.id !== last.id) continue;
    const letterOn = addDays(nextLetterOn(i, last), i.gentle ? gentleDays : 0);
    if (letterOn > horizon) continue;
    const known = out.get(i.debtorId);
    if (!known || letterOn < known.letterOn) out.set(i.debtorId, { levelName: last.name, letterOn, handOver: last.handOver });
  }
  return out;
}

function dueFollowUps(ctx: Ctx, date: string): Map<number, { entryId: number; followUpOn: string; text: string }[]> {
  const rows = stmt(
    ctx.db,
    'SELECT id AS entryId, debtor_id AS debtorId, follow_up_on AS followUpOn, text FROM dossier_entries WHERE follow_up_on <= ? AND follow_up_done = 0 ORDER BY follow_up_on, id',
  ).all(date) as { entryId: number; debtorId: number; followUpOn: string; text: string }[];
  const out = new Map<number, { entryId: number; followUpOn: string; text: string }[]>();
  for (const { debtorId, ...f } of rows) out.set(debtorId, [...(out.get(debtorId) ?? []), f]);
  return out;
}

export function callList(ctx: Ctx, date: string): CallListRowT[] {
  const letters = lastLevelDates(ctx, date);
  const followUps = dueFollowUps(ctx, date);
  const debtorIds = [...new Set([...letters.keys(), ...followUps.keys()])];
  const debtor = stmt(ctx.db, 'SELECT id, number, name, phone, email FROM debtors WHERE id = ?');
  const owed = stmt(
    ctx.db,
    `SELECT id, document, description, due_date AS dueDate, balance, arrangement FROM open_items
      WHERE debtor_id = ? AND state = 'open' AND balance > 0 ORDER BY due_date, id`,
  );
  const rows = debtorIds.map((id): CallListRowT & { sortOn: string } => {
    const d = debtor.get(id) as { id: number; number: string; name: string; phone: string | null; email: string | null };
    const items = (owed.all(id) as { id: number; document: string; description: string; dueDate: string; balance: number; arrangement: number }[]).map((i) => ({ ...i, arrangement: i.arrangement === 1 }));
    const letter = letters.get(id);
    const reasons: CallListRowT['reasons'] = [
      ...(letter ? [{ kind: 'last_level' as const, ...letter }] : []),
      ...(followUps.get(id) ?? []).map((f) => ({ kind: 'follow_up' as const, ...f })),
    ];
    const dates = reasons.map((r) => (r.kind === 'last_level' ? r.letterOn : r.followUpOn)).sort();
    return {
      debtorId: d.id,
      number: d.number,
      name: d.name,
      phone: d.phone,
      email: d.email,
      overdue: items.filter((i) => i.dueDate < date).reduce((s, i) => s + i.balance, 0),
      items,
      reasons,
      lastEntry: dossierEntries(ctx, id, 1)[0] ?? null,
      sortOn: dates[0]!,
    };
  });
  rows.sort((a, b) => a.sortOn.localeCompare(b.sortOn) || a.name.localeCompare(b.name, 'nl'));
  return rows.map(({ sortOn: _, ...r }) => r);
}
