import { useTranslation } from 'react-i18next';
import type { ActiveFilter } from '../../components/FilterChips';
import { useFormat } from '../../components/format';
import { dropHashQuery, useHashQuery } from '../../hooks/useHashRoute';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The filter an Overzicht link puts in the URL of Openstaande posten: an age bucket
 * (?dueFrom=&dueTo=&owed=1) or what is due for collection (?collect=due). It goes to items.list
 * as is, so the list counts what the figure counted, and shows as chips that remove it from the URL.
 */
export function useLinkedItemFilter(enabled: boolean) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useHashQuery();
  if (!enabled) return { query: {}, chips: [] as ActiveFilter[] };
  const dueFrom = ISO.test(q.get('dueFrom') ?? '') ? q.get('dueFrom')! : undefined;
  const dueTo = ISO.test(q.get('dueTo') ?? '') ? q.get('dueTo')! : undefined;
  const owedOnly = q.get('owed') === '1';
  const dueForCollection = q.get('collect') === 'due';
  const chips: ActiveFilter[] = [];
  if (dueFrom || dueTo) {
    const label = dueFrom && dueTo ? t('filters.dueRange', { from: f.date(dueFrom), to: f.date(dueTo) }) : dueFrom ? t('filters.dueFrom', { from: f.date(dueFrom) }) : t('filters.dueTo', { to: f.date(dueTo!) });
    chips.push({ key: 'due', label, onRemove: () => dropHashQuery('dueFrom', 'dueTo') });
  }
  if (owedOnly) chips.push({ key: 'owed', label: t('filters.owed'), onRemove: () => dropHashQuery('owed') });
  if (dueForCollection) chips.push({ key: 'collect', label: t('filters.dueForCollection'), onRemove: () => dropHashQuery('collect') });
  return { query: { dueFrom, dueTo, owedOnly, dueForCollection }, chips };
}
