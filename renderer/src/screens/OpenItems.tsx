import type { SortingState } from '@tanstack/react-table';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../shared/api/contract';
import { EmptyState } from '../components/EmptyState';
import { useFormat } from '../components/format';
import { ItemGrid } from '../components/ItemGrid';
import { Loading } from '../components/Loading';
import { useItemPages } from '../hooks/useItemPages';
import { ItemActions } from './items/ItemActions';

type Status = 'open' | 'blocked' | 'arrangement' | 'in_collection' | 'closed' | 'all';
type SortKey = 'dueDate' | 'itemDate' | 'balance' | 'amount' | 'debtor' | 'document' | 'daysOverdue';

/** Openstaande posten: all debtors, or one debtor on the card (debtorId). */
export function OpenItems({ debtorId, embedded = false, onChanged }: { debtorId?: number; embedded?: boolean; onChanged?: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [status, setStatus] = useState<Status>('open');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'dueDate', desc: false }]);
  const [selected, setSelected] = useState(new Map<number, OpenItemT>());
  const sort = (sorting[0]?.id ?? 'dueDate') as SortKey;
  const pages = useItemPages({ debtorId, status, overdueOnly, search: search.trim() || undefined, sort, direction: sorting[0]?.desc ? 'desc' : 'asc' });

  const toggle = useCallback((item: OpenItemT) => {
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(item.id)) next.delete(item.id);
      else next.set(item.id, item);
      return next;
    });
  }, []);
  const changed = () => {
    setSelected(new Map());
    pages.reload();
    onChanged?.();
  };

  const Heading = embedded ? 'h2' : 'h1';
  return (
    <section className={embedded ? '' : 'screen'}>
      <Heading>{t('items.title')}</Heading>
      <div className="filters">
        {!debtorId && <input className="search" type="search" placeholder={t('items.search')} aria-label={t('items.search')} value={search} onChange={(e) => setSearch(e.target.value)} />}
        <select aria-label={t('items.status')} value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          {(['open', 'arrangement', 'blocked', 'in_collection', 'closed', 'all'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`items.filter.${s}`)}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} /> {t('items.overdueOnly')}
        </label>
        {pages.total !== undefined && (
          <span className="muted small totals" role="status">
            {t('items.count', { count: pages.total })} · {t('items.totalBalance')}: <strong>{f.euro(pages.totalBalance)}</strong>
          </span>
        )}
      </div>
      <ItemActions selected={[...selected.values()]} onDone={changed} onClear={() => setSelected(new Map())} />
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
          height={embedded ? Math.min(360, 40 + pages.total * 36) : 520}
        />
      )}
    </section>
  );
}
