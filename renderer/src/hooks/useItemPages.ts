import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, OpenItemT } from '../../../shared/api/contract';
import { call } from '../api/client';

const PAGE = 500;
type Query = Omit<Input<'items.list'>, 'limit' | 'offset'>;

/**
 * Open items fetched page by page as the grid scrolls: the first page comes at once, the others
 * shortly before their rows come into view. A new query (filter, sort) starts over.
 */
export function useItemPages(query: Query) {
  const key = JSON.stringify(query);
  const pages = useRef(new Map<number, OpenItemT[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const known = useRef<number | undefined>(undefined);
  const [total, setTotal] = useState<number>();
  const [totalBalance, setTotalBalance] = useState(0);
  const [, setVersion] = useState(0);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      if (known.current !== undefined && page * PAGE >= known.current) return;
      loading.current.add(page);
      const gen = generation.current;
      void call('items.list', { ...(JSON.parse(key) as Query), limit: PAGE, offset: page * PAGE }).then((r) => {
        if (gen !== generation.current) return;
        loading.current.delete(page);
        pages.current.set(page, r.items);
        known.current = r.total;
        setTotal(r.total);
        setTotalBalance(r.totalBalance);
        setVersion((v) => v + 1);
      });
    },
    [key],
  );

  const reload = useCallback(() => {
    generation.current++;
    pages.current = new Map();
    loading.current = new Set();
    known.current = undefined;
    load(0);
  }, [load]);

  useEffect(reload, [reload]);

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE], []);
  const onVisibleRange = useCallback(
    (first: number, last: number) => {
      // fetch half a page ahead (and behind), so a page is in before its rows scroll into view
      const from = Math.max(0, first - PAGE / 2);
      const to = last + PAGE / 2;
      for (let p = Math.floor(from / PAGE); p <= Math.floor(to / PAGE); p++) load(p);
    },
    [load],
  );
  return { total, totalBalance, rowAt, onVisibleRange, reload };
}
