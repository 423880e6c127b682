import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface Sort<K extends string> {
  key: K;
  desc: boolean;
}

/**
 * A column header that sorts its table: a click sorts ascending, a second click descending. The
 * header carries aria-sort so a screen reader says which column orders the list; it never wraps.
 */
export function SortableTh<K extends string>({ column, sort, onSort, children, align = 'left', w }: { column: K; sort: Sort<K>; onSort: (next: Sort<K>) => void; children: ReactNode; align?: 'left' | 'right'; w?: number | string }) {
  const active = sort.key === column;
  const Icon = !active ? IconArrowsSort : sort.desc ? IconSortDescending : IconSortAscending;
  return (
    <Table.Th w={w} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
      <UnstyledButton onClick={() => onSort({ key: column, desc: active ? !sort.desc : false })} w="100%" fw={600} fz="sm">
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          {children}
          <Icon size={14} stroke={1.6} aria-hidden style={{ opacity: active ? 1 : 0.35, flexShrink: 0 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Sorts a copy by one column's value: numbers by size, text as a Dutch reader orders it (2 before 10). */
export function sortedBy<T, K extends string>(rows: T[], sort: Sort<K>, value: (row: T, key: K) => string | number | null): T[] {
  const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
  const out = [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x === y) return 0;
    if (x === null) return 1; // empty cells last, whichever the direction
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return sort.desc ? -order : order;
  });
  return out;
}
