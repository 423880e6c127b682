import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../shared/api/contract';
import { useFormat } from './format';

const ROW_HEIGHT = 36;

/**
 * The open-item grid: TanStack Table for columns and sorting (done by the server), a virtualizer
 * so only the visible rows exist in the DOM. Rows arrive page by page; a row not loaded yet shows
 * a placeholder until its page is in.
 */
export function ItemGrid(props: {
  total: number;
  rowAt: (index: number) => OpenItemT | undefined;
  onVisibleRange: (first: number, last: number) => void;
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  selected: Map<number, OpenItemT>;
  onToggle: (item: OpenItemT) => void;
  showDebtor: boolean;
  height?: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = useMemo<ColumnDef<OpenItemT>[]>(
    () => [
      { id: 'select', header: '', size: 36, enableSorting: false },
      ...(props.showDebtor ? [{ id: 'debtor', header: t('items.debtor'), size: 170, accessorFn: (r: OpenItemT) => `${r.debtorNumber} ${r.debtorName}` }] : []),
      { id: 'document', header: t('items.document'), size: 150, accessorKey: 'document' },
      { id: 'itemDate', header: t('items.date'), size: 105, accessorFn: (r) => f.date(r.itemDate) },
      { id: 'dueDate', header: t('items.dueDate'), size: 105, accessorFn: (r) => f.date(r.dueDate) },
      { id: 'daysOverdue', header: t('items.daysOverdue'), size: 70, accessorFn: (r) => (r.daysOverdue > 0 ? String(r.daysOverdue) : '') },
      { id: 'amount', header: t('items.amount'), size: 110, accessorFn: (r) => f.euro(r.amount) },
      { id: 'balance', header: t('items.balance'), size: 110, accessorFn: (r) => f.euro(r.balance) },
      { id: 'status', header: t('items.status'), size: 165, enableSorting: false, accessorFn: (r) => t(`items.statuses.${r.status}`) },
    ],
    [props.showDebtor, t, f],
  );
  const table = useReactTable({
    data: [],
    columns,
    state: { sorting: props.sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => props.onSortingChange(typeof updater === 'function' ? updater(props.sorting) : updater),
    getCoreRowModel: getCoreRowModel(),
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: props.total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const virtualRows = virtualizer.getVirtualItems();
  const first = virtualRows[0]?.index ?? 0;
  const last = virtualRows[virtualRows.length - 1]?.index ?? 0;
  const { onVisibleRange } = props;
  useEffect(() => onVisibleRange(first, last), [first, last, onVisibleRange]);

  const width = table.getVisibleLeafColumns().reduce((s, c) => s + c.getSize(), 0);
  const numeric = new Set(['amount', 'balance', 'daysOverdue']);
  return (
    <div className="grid-scroll" ref={scrollRef} style={{ height: props.height ?? 520 }} role="grid" aria-rowcount={props.total} aria-label={t('items.title')}>
      <div className="grid-head" style={{ width }} role="row">
        {table.getHeaderGroups()[0]!.headers.map((h) => (
          <div
            key={h.id}
            role="columnheader"
            className={`grid-cell${numeric.has(h.id) ? ' num' : ''}${h.column.getCanSort() ? ' sortable' : ''}`}
            style={{ width: h.getSize() }}
            aria-sort={h.column.getIsSorted() === 'asc' ? 'ascending' : h.column.getIsSorted() === 'desc' ? 'descending' : undefined}
            onClick={h.column.getCanSort() ? h.column.getToggleSortingHandler() : undefined}
          >
            {flexRender(h.column.columnDef.header, h.getContext())}
            {h.column.getIsSorted() === 'asc' ? ' ▲' : h.column.getIsSorted() === 'desc' ? ' ▼' : ''}
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }} role="rowgroup">
        {virtualRows.map((v) => {
          const item = props.rowAt(v.index);
          return (
            <div
              key={v.key}
              role="row"
              aria-rowindex={v.index + 1}
              className={`grid-row${item && props.selected.has(item.id) ? ' selected' : ''}${item && item.daysOverdue > 0 ? ' overdue' : ''}`}
              style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT, width }}
              onClick={() => item && props.onToggle(item)}
            >
              {item ? (
                table.getVisibleLeafColumns().map((c) => (
                  <div
                    key={c.id}
                    role="gridcell"
                    className={`grid-cell${numeric.has(c.id) ? ' num' : ''}${c.id === 'status' ? ` status-${item.status}` : ''}${c.id === 'daysOverdue' ? ' days-overdue' : ''}`}
                    style={{ width: c.getSize() }}
                    title={c.id === 'document' || c.id === 'debtor' ? String(c.accessorFn?.(item, v.index) ?? '') : undefined}
                  >
                    {c.id === 'select' ? (
                      <input type="checkbox" aria-label={`${t('items.select')} ${item.document}`} checked={props.selected.has(item.id)} onChange={() => props.onToggle(item)} onClick={(e) => e.stopPropagation()} />
                    ) : (
                      String((c.accessorFn as ((r: OpenItemT, i: number) => unknown) | undefined)?.(item, v.index) ?? '')
                    )}
                  </div>
                ))
              ) : (
                <div className="grid-cell muted">…</div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
