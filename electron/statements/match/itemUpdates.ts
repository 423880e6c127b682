import type { Ctx } from '../../context';
import { ITEM_EVENT_COLUMNS } from '../../items/openItems';
import { stmt } from '../../preparedStatements';
import { RowBuffer } from '../../rowBuffer';

/**
 * Changes to open items, each with its line in the item's history, written many at a time: the
 * history lines first (the database lets a balance change only to what the item's newest line
 * says), then one UPDATE per distinct set of values (most credits and payments settle their items
 * on one of a few days). An item changed again before they are written, or a reader that touches
 * one of them or its debtor, makes them be written first.
 */
export class ItemUpdates {
  private readonly events: RowBuffer;
  private readonly groups = new Map<string, { values: readonly unknown[]; ids: number[] }>();
  private readonly items = new Set<number>();
  private readonly debtors = new Set<number>();

  /** `sql`: the UPDATE, with `values` as its first parameters and the items' ids (a JSON array) as its last */
  constructor(
    private readonly ctx: Ctx,
    private readonly sql: string,
  ) {
    this.events = new RowBuffer(ctx.db, 'open_item_events', ITEM_EVENT_COLUMNS);
  }

  add(item: { id: number; debtorId?: number }, event: unknown[], values: readonly (string | number)[]): void {
    if (this.items.has(item.id)) this.flush();
    this.events.add(event);
    const key = values.join('|');
    const group = this.groups.get(key);
    if (group) group.ids.push(item.id);
    else this.groups.set(key, { values, ids: [item.id] });
    this.items.add(item.id);
    if (item.debtorId !== undefined) this.debtors.add(item.debtorId);
  }

  /** Whether any of these items, or this debtor's, still waits to be written. */
  touches(o: { itemIds?: readonly number[]; debtorId?: number }): boolean {
    return (o.debtorId !== undefined && this.debtors.has(o.debtorId)) || (o.itemIds?.some((id) => this.items.has(id)) ?? false);
  }

  flush(): void {
    this.events.flush();
    const update = stmt(this.ctx.db, this.sql);
    for (const { values, ids } of this.groups.values()) update.run(...values, JSON.stringify(ids));
    this.groups.clear();
    this.items.clear();
    this.debtors.clear();
  }
}
