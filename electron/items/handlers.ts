import { changeDueDate, mergeItems, setBlocked, settleItems, splitItem, writeOffItem } from './operations';
import { itemHistory, listItems } from './queries';
import type { itemsMethods } from '../../shared/api/items';
import type { HandlersFor } from '../handlerTypes';

export const itemsHandlers: HandlersFor<typeof itemsMethods> = {
  'items.list': (ctx, input) => listItems(ctx, input),
  'items.history': (ctx, input) => itemHistory(ctx, input.itemId),
  'items.split': (ctx, input) => ({ itemIds: splitItem(ctx, input) }),
  'items.merge': (ctx, input) => ({ itemId: mergeItems(ctx, input) }),
  'items.settle': (ctx, input) => {
    settleItems(ctx, input);
    return { settled: input.itemIds.length };
  },
  'items.writeOff': (ctx, input) => ({ entryId: writeOffItem(ctx, input) }),
  'items.changeDueDate': (ctx, input) => {
    changeDueDate(ctx, input);
    return { itemId: input.itemId };
  },
  'items.setBlocked': (ctx, input) => {
    setBlocked(ctx, input);
    return { changed: input.itemIds.length };
  },
};
