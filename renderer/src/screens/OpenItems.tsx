import { Checkbox, Group, Select, Text, TextInput, Title } from '@mantine/core';
import { useViewportSize } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { SortingState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../shared/api/contract';
import { EmptyState } from '../components/EmptyState';
import { useFormat } from '../components/format';
import { ItemGrid } from '../components/ItemGrid';
import { Loading } from '../components/Loading';
import { FilterChips } from '../components/FilterChips';
import { useItemPages } from '../hooks/useItemPages';
import { useLinkedItemFilter } from './items/linkedFilter';
import { ItemActions } from './items/ItemActions';
import { ItemRowMenu } from './items/ItemRowMenu';
import type { Panel, PanelKind } from './items/itemRules';

const STATUSES = ['open', 'arrangement', 'blocked', 'in_collection', 'closed', 'all'] as const;
type Status = (typeof STATUSES)[number];
type SortKey = 'dueDate' | 'itemDate' | 'balance' | 'amount' | 'debtor' | 'document' | 'daysOverdue';

/** Openstaande posten: all debtors, or one debtor on the card (debtorId). A link may name the filter (#/openstaande-posten/in_collection). */
export function OpenItems({ debtorId, embedded = false, onChanged, initialStatus }: { debtorId?: number; embedded?: boolean; onChanged?: () => void; initialStatus?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const viewport = useViewportSize();
  const [status, setStatus] = useState<Status>(STATUSES.find((s) => s === initialStatus) ?? 'open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'dueDate', desc: false }]);
  const [selected, setSelected] = useState(new Map<number, OpenItemT>());
  const [panel, setPanel] = useState<Panel>();
  const sort = (sorting[0]?.id ?? 'dueDate') as SortKey;
  const linked = useLinkedItemFilter(!embedded);
  const pages = useItemPages({ debtorId, status, overdueOnly, search: search.trim() || undefined, sort, direction: sorting[0]?.desc ? 'desc' : 'asc', ...linked.query });

  const toggle = useCallback((item: OpenItemT) => {
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(item.id)) next.delete(item.id);
      else next.set(item.id, item);
      return next;
    });
  }, []);
  const pick = useCallback((item: OpenItemT, kind: PanelKind) => {
    setSelected(new Map([[item.id, item]]));
    setPanel({ kind, item });
  }, []);
  const rowMenu = useCallback((item: OpenItemT) => <ItemRowMenu item={item} onPick={pick} />, [pick]);
  const changed = () => {
    setSelected(new Map());
    pages.reload();
    onChanged?.();
  };
  // the grid takes the height the window leaves below the filters and actions, so it fills its card
  const height = embedded ? Math.min(380, 40 + (pages.total ?? 0) * 38) : Math.max(320, (viewport.height || 800) - 300);

  return (
    <section aria-label={embedded ? t('items.title') : undefined}>
      <Title order={embedded ? 2 : 1} mb="md">
        {t('items.title')}
      </Title>
      <Group gap="sm" mb="sm" align="center" wrap="wrap">
        {!debtorId && (
          <TextInput
            type="search"
            leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
            placeholder={t('items.search')}
            aria-label={t('items.search')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={410}
          />
        )}
        <Select aria-label={t('items.status')} data={STATUSES.map((s) => ({ value: s, label: t(`items.filter.${s}`) }))} value={status} allowDeselect={false} onChange={(v) => v && setStatus(v as Status)} w={200} />
        <Checkbox label={t('items.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} />
        {pages.total !== undefined && (
          <Text size="sm" c="dimmed" ml="auto" role="status" style={{ fontVariantNumeric: 'tabular-nums' }}>
            <Text span inherit>
              {t('items.count', { count: pages.total })}
            </Text>{' '}
            · {t('items.totalBalance')}:{' '}
            <Text span fw={600} c="var(--mantine-color-text)">
              {f.euro(pages.totalBalance)}
            </Text>
          </Text>
        )}
      </Group>
      <FilterChips filters={linked.chips} />
      <ItemActions selected={[...selected.values()]} panel={panel} setPanel={setPanel} onDone={changed} onClear={() => setSelected(new Map())} />
      {pages.total === undefined && <Loading />}
      {pages.total === 0 && (
        <EmptyState title={t('items.emptyTitle')}>
          <p>{t(debtorId ? 'items.emptyDebtor' : 'items.emptyText')}</p>
        </EmptyState>
      )}
      {pages.total !== undefined && pages.total > 0 && (
        <ItemGrid
          total={pages.total}
          rowAt={pages.rowAt}
          onVisibleRange={pages.onVisibleRange}
          sorting={sorting}
          onSortingChange={setSorting}
          selected={selected}
          onToggle={toggle}
          showDebtor={!debtorId}
          height={height}
          rowMenu={rowMenu}
        />
      )}
    </section>
  );
}
