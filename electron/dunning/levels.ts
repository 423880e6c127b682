import type { z } from 'zod';
import type { DunningLevel, DunningLevelInput } from '../../shared/api/dunning';
import { notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { requireStatus } from '../debtors/statuses';
import { stmt } from '../preparedStatements';

export type DunningLevelT = z.output<typeof DunningLevel>;

interface LevelRow extends Omit<DunningLevelT, 'handOver' | 'active'> {
  handOver: number;
  active: number;
}

const SELECT = `SELECT id, position, name, days_after AS daysAfter, fee, collection_costs AS collectionCosts, text_nl AS textNl, text_en AS textEn,
                       sets_status_id AS setsStatusId, hand_over AS handOver, active FROM dunning_levels`;

export function listLevels(ctx: Ctx): DunningLevelT[] {
  return (stmt(ctx.db, `${SELECT} ORDER BY position`).all() as LevelRow[]).map((r) => ({ ...r, handOver: r.handOver === 1, active: r.active === 1 }));
}

/** The ladder a run climbs: active levels in order. */
export function activeLevels(ctx: Ctx): DunningLevelT[] {
  return listLevels(ctx).filter((l) => l.active);
}

export function saveLevel(ctx: Ctx, input: z.output<typeof DunningLevelInput>): DunningLevelT[] {
  if (stmt(ctx.db, 'SELECT 1 FROM dunning_levels WHERE name = ? AND id IS NOT ?').get(input.name, input.id ?? null)) {
    throw validationError('name', 'unique', `Er is al een niveau "${input.name}"`, `There is already a level "${input.name}"`);
  }
  if (input.setsStatusId !== null) requireStatus(ctx, input.setsStatusId);
  // a fee on top of charged statutory costs is not allowed (art. 6:96 BW: the scale is all a consumer owes)
  if (input.fee !== null && input.collectionCosts === 'charge') {
    throw validationError('fee', 'fee_with_costs', 'Een niveau dat incassokosten in rekening brengt, kan geen aanmaankosten hebben', 'A level that charges collection costs cannot also have a fee');
  }
  const values = [input.name, input.daysAfter, input.fee, input.collectionCosts, input.textNl, input.textEn, input.setsStatusId, input.handOver ? 1 : 0, input.active ? 1 : 0];
  if (input.id === undefined) {
    const position = ((stmt(ctx.db, 'SELECT MAX(position) AS m FROM dunning_levels').get() as { m: number | null }).m ?? 0) + 1;
    stmt(
      ctx.db,
      'INSERT INTO dunning_levels (name, days_after, fee, collection_costs, text_nl, text_en, sets_status_id, hand_over, active, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(...values, position);
  } else {
    const changed = stmt(
      ctx.db,
      'UPDATE dunning_levels SET name = ?, days_after = ?, fee = ?, collection_costs = ?, text_nl = ?, text_en = ?, sets_status_id = ?, hand_over = ?, active = ? WHERE id = ?',
    ).run(...values, input.id).changes;
    if (!changed) throw notFoundError({ nl: `Aanmaanniveau ${input.id}`, en: `Dunning level ${input.id}` }, 'id');
  }
  return listLevels(ctx);
}

/** Swaps a level with its neighbour; positions stay unique (the swap passes through a free negative one). */
export function moveLevel(ctx: Ctx, input: { id: number; direction: 'up' | 'down' }): DunningLevelT[] {
  const levels = listLevels(ctx);
  const at = levels.findIndex((l) => l.id === input.id);
  if (at < 0) throw notFoundError({ nl: `Aanmaanniveau ${input.id}`, en: `Dunning level ${input.id}` }, 'id');
  const other = levels[input.direction === 'up' ? at - 1 : at + 1];
  if (!other) return levels;
  const me = levels[at]!;
  const setPosition = stmt(ctx.db, 'UPDATE dunning_levels SET position = ? WHERE id = ?');
  setPosition.run(-me.position, me.id);
  setPosition.run(me.position, other.id);
  setPosition.run(other.position, me.id);
  return listLevels(ctx);
}
