import type { DebtorStatusT } from '../../shared/api/contract';
import { notFoundError, validationError } from '../../shared/api/errors';
import type { Ctx } from '../context';
import { stmt } from '../preparedStatements';

export function listStatuses(ctx: Ctx): DebtorStatusT[] {
  const rows = stmt(
    ctx.db,
    `SELECT s.id, s.name, s.sort_order AS sortOrder, s.is_default AS isDefault, s.active,
            (SELECT COUNT(*) FROM debtors d WHERE d.status_id = s.id) AS debtorCount
       FROM debtor_statuses s ORDER BY s.sort_order, s.id`,
  ).all() as (Omit<DebtorStatusT, 'isDefault' | 'active'> & { isDefault: number; active: number })[];
  return rows.map((r) => ({ ...r, isDefault: r.isDefault === 1, active: r.active === 1 }));
}

export function defaultStatusId(ctx: Ctx): number | null {
  return (stmt(ctx.db, 'SELECT id FROM debtor_statuses WHERE is_default = 1').get() as { id: number } | undefined)?.id ?? null;
}

export function requireStatus(ctx: Ctx, id: number): number {
  const row = stmt(ctx.db, 'SELECT active FROM debtor_statuses WHERE id = ?').get(id) as { active: number } | undefined;
  if (!row) throw notFoundError({ nl: `Status ${id}`, en: `Status ${id}` }, 'statusId');
  if (row.active !== 1) throw validationError('statusId', 'inactive', 'Deze status is niet meer in gebruik', 'This status is no longer in use');
  return id;
}

export function saveStatus(ctx: Ctx, input: { id?: number; name: string; sortOrder?: number; isDefault: boolean; active: boolean }): DebtorStatusT[] {
  if (stmt(ctx.db, 'SELECT 1 FROM debtor_statuses WHERE name = ? AND id IS NOT ?').get(input.name, input.id ?? null)) {
    throw validationError('name', 'unique', `Status ${input.name} bestaat al`, `Status ${input.name} already exists`);
  }
  if (input.isDefault && !input.active) {
    throw validationError('active', 'default_inactive', 'De standaardstatus moet in gebruik zijn', 'The default status must be active');
  }
  const sortOrder = input.sortOrder ?? ((stmt(ctx.db, 'SELECT MAX(sort_order) AS m FROM debtor_statuses').get() as { m: number | null }).m ?? 0) + 1;
  let id = input.id;
  if (id === undefined) {
    id = Number(stmt(ctx.db, 'INSERT INTO debtor_statuses (name, sort_order, active) VALUES (?, ?, ?)').run(input.name, sortOrder, input.active ? 1 : 0).lastInsertRowid);
  } else {
    const current = listStatuses(ctx).find((s) => s.id === id);
    if (!current) throw notFoundError({ nl: `Status ${id}`, en: `Status ${id}` }, 'id');
    if (current.isDefault && !input.isDefault) {
      throw validationError('isDefault', 'default_required', 'Kies eerst een andere standaardstatus', 'Choose another default status first');
    }
    stmt(ctx.db, 'UPDATE debtor_statuses SET name = ?, sort_order = ?, active = ? WHERE id = ?').run(input.name, sortOrder, input.active ? 1 : 0, id);
  }
  if (input.isDefault) stmt(ctx.db, 'UPDATE debtor_statuses SET is_default = (id = ?)').run(id);
  return listStatuses(ctx);
}
