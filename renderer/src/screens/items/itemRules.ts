import type { OpenItemT } from '../../../../shared/api/contract';

export type PanelKind = 'split' | 'writeOff' | 'dueDate' | 'history';
export interface Panel {
  kind: PanelKind;
  item: OpenItemT;
}

/** Items the treasurer can still change (not closed, not on its way to the bank). */
export function isOpen(item: OpenItemT): boolean {
  return item.status === 'open' || item.status === 'blocked' || item.status === 'arrangement';
}
