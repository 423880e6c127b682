import { Badge, Checkbox, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { getCoreRowModel, useReactTable, type Column, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../shared/api/contract';
import { useFormat } from './format';
import classes from './ItemGrid.module.css';

const ROW_HEIGHT = 38;
const NUMERIC = new Set(['amount', 'balance', 'daysOverdue']);
const STATUS_COLOR: Record<string, string> = { open: 'navy', blocked: 'orange', arrangement: 'teal', in_collection: 'violet' };

/**
 * The open-item grid: TanStack Table for columns and sorting (done by the server), a virtualizer
 * so only the visible rows exist in the DOM. Rows arrive page by page; a row not loaded yet shows
 * a placeholder until its page is in. The sizes are minimum widths: the name column takes what
 * the card has left, so the grid fills its card and scrolls sideways only when the card is narrow.
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
  /** the row's own actions (a menu button), in the last column */
  rowMenu?: (item: OpenItemT) => ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = useMemo<ColumnDef<OpenItemT>[]>(
    () => [
      { id: 'select', header: '', size: 40, enableSorting: false },
      ...(props.showDebtor ? [{ id: 'debtor', header: t('items.debtor'), size: 160, accessorFn: (r: OpenItemT) => `${r.debtorNumber} ${r.debtorName}` }] : []),
      { id: 'document', header: t('items.document'), size: 120, accessorKey: 'document' },
      { id: 'itemDate', header: t('items.date'), size: 104, accessorFn: (r) => f.date(r.itemDate) },
      { id: 'dueDate', header: t('items.dueDate'), size: 136, accessorFn: (r) => f.date(r.dueDate) },
      { id: 'daysOverdue', header: t('items.daysOverdue'), size: 72, accessorFn: (r) => (r.daysOverdue > 0 ? String(r.daysOverdue) : '') },
      { id: 'amount', header: t('items.amount'), size: 110, accessorFn: (r) => f.euro(r.amount) },
      { id: 'balance', header: t('items.balance'), size: 118, accessorFn: (r) => f.euro(r.balance) },
      { id: 'status', header: t('items.status'), size: 140, enableSorting: false, accessorFn: (r) => t(`items.statuses.${r.status}`) },
      ...(props.rowMenu ? [{ id: 'menu', header: '', size: 48, enableSorting: false }] : []),
    ],
    [props.showDebtor, props.rowMenu !== undefined, t, f.lang],
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

  const leaves = table.getVisibleLeafColumns();
  const width = leaves.reduce((s, c) => s + c.getSize(), 0);
  const growId = props.showDebtor ? 'debtor' : 'document';
  const cellClass = useCallback((id: string, extra = '') => `${classes.cell}${NUMERIC.has(id) ? ` ${classes.num}` : ''}${id === growId ? ` ${classes.grow}` : ''}${extra}`, [growId]);
  const { onToggle, rowMenu } = props;
  const cellContent = useCallback((id: string, item: OpenItemT, text: string, selected: boolean): ReactNode => {
    switch (id) {
      case 'select':
        return <Checkbox size="xs" aria-label={`${t('items.select')} ${item.document}`} checked={selected} onChange={() => onToggle(item)} onClick={(e) => e.stopPropagation()} />;
      case 'debtor':
      case 'document':
        return (
          <Text size="sm" truncate="end" title={text}>
            {text}
          </Text>
        );
      case 'status':
        return (
          <Badge variant="light" color={STATUS_COLOR[item.status] ?? 'gray'} tt="none" fw={500} size="md" title={text} style={{ maxWidth: '100%' }}>
            {text}
          </Badge>
        );
      case 'menu':
        return (
          <span onClick={(e) => e.stopPropagation()} style={{ display: 'contents' }}>
            {rowMenu?.(item)}
          </span>
        );
      default:
        return text;
    }
  }, [t, onToggle, rowMenu]);

  return (
    <div className={classes.scroll} ref={scrollRef} style={{ height: props.height ?? 520 }} role="grid" aria-rowcount={props.total + 1} aria-label={t('items.title')}>
      <div className={classes.head} style={{ width }} role="row" aria-rowindex={1}>
        {table.getHeaderGroups()[0]!.headers.map((h) => {
          const sorted = h.column.getIsSorted();
          const label = h.isPlaceholder ? null : (h.column.columnDef.header as string);
          return (
            <div key={h.id} role="columnheader" className={cellClass(h.id, ` ${classes.headCell}`)} style={{ width: h.getSize() }} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
              {h.column.getCanSort() ? (
                <UnstyledButton onClick={h.column.getToggleSortingHandler()} fz="sm" fw={600} c={sorted ? 'navy.7' : 'dimmed'} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
                  {label}
                  {sorted === 'asc' ? <IconArrowUp size={14} aria-hidden /> : sorted === 'desc' ? <IconArrowDown size={14} aria-hidden /> : <IconArrowsSort size={14} stroke={1.4} aria-hidden opacity={0.5} />}
                </UnstyledButton>
              ) : (
                label
              )}
            </div>
          );
        })}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), minWidth: width, position: 'relative' }} role="rowgroup">
        {virtualRows.map((v) => {
          const item = props.rowAt(v.index);
          return <GridRow key={v.key} index={v.index} start={v.start} width={width} item={item} selected={item ? props.selected.has(item.id) : false} leaves={leaves} cellClass={cellClass} render={cellContent} onToggle={props.onToggle} />;
        })}
      </div>
    </div>
  );
}

type Leaf = Column<OpenItemT, unknown>;

/**
 * One row. Memoized: while the grid scrolls, rows already on screen keep their props and are not
 * rendered again; only the rows coming into view are built.
 */
const GridRow = memo(function GridRow(p: {
  index: number;
  start: number;
  width: number;
  item: OpenItemT | undefined;
  selected: boolean;
  leaves: Leaf[];
  cellClass: (id: string, extra?: string) => string;
  render: (id: string, item: OpenItemT, text: string, selected: boolean) => ReactNode;
  onToggle: (item: OpenItemT) => void;
}) {
  const { item } = p;
  return (
    <div
      role="row"
      aria-rowindex={p.index + 2}
      aria-selected={p.selected}
      data-selected={p.selected || undefined}
      className={classes.row}
      style={{ transform: `translateY(${p.start}px)`, height: ROW_HEIGHT, width: p.width }}
      onClick={() => item && p.onToggle(item)}
    >
      {item ? (
        p.leaves.map((c) => (
          <div key={c.id} role="gridcell" className={p.cellClass(c.id, c.id === 'daysOverdue' && item.daysOverdue > 0 ? ` ${classes.overdue}` : '')} style={{ width: c.getSize() }}>
            {p.render(c.id, item, String((c.accessorFn as ((r: OpenItemT, i: number) => unknown) | undefined)?.(item, p.index) ?? ''), p.selected)}
          </div>
        ))
      ) : (
        <div className={classes.cell}>
          <Text c="dimmed" size="sm">
            …
          </Text>
        </div>
      )}
    </div>
  );
});
