import type { OpenItemT } from '../../../../shared/api/contract';

export type PanelKind = 'split' | 'writeOff' | 'dueDate' | 'history' | 'waive';
export interface Panel {
  kind: PanelKind;
  item: OpenItemT;
}

/** Items the treasurer can still change (not closed, not on its way to the bank). */
export function isOpen(item: OpenItemT): boolean {
  return item.status === 'open' || item.status === 'blocked' || item.status === 'arrangement';
}

/** Aanmaankosten and collection costs can be waived (seeds/004); everything else is written off. */
export const isFee = (item: OpenItemT) => item.sourceType === 'dunning_fee' || item.sourceType === 'collection_costs';

/** Why an item cannot be waived (an i18n key), or undefined when it can: only an unpaid fee that is still open, not on its way to the bank. */
export function whyNoWaive(item: OpenItemT): string | undefined {
  if (!isFee(item)) return 'items.why.waiveFeesOnly';
  if (!isOpen(item) || item.balance <= 0) return 'items.why.waiveClosed';
  return undefined;
}
