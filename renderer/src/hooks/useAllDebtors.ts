import { useCallback, useEffect, useState } from 'react';
import type { DebtorT } from '../../../shared/api/contract';
import type { ApiErrorData } from '../../../shared/api/errors';
import { call } from '../api/client';
import { asErrorData } from './useApi';

const PAGE = 1000;

/**
 * Every debtor, read in pages of the API's maximum. A club has hundreds to a few thousand members,
 * so sorting by any column and finding by number prefix happen in the list itself, at once as the
 * treasurer types, instead of a round trip per keystroke.
 */
export function useAllDebtors(filter: { mandate?: 'expiring' | 'missing' } = {}) {
  const mandate = filter.mandate;
  const [data, setData] = useState<DebtorT[]>();
  const [error, setError] = useState<ApiErrorData>();
  const load = useCallback(() => {
    let cancelled = false;
    (async () => {
      const all: DebtorT[] = [];
      for (;;) {
        const page = await call('debtors.list', { mandate, limit: PAGE, offset: all.length });
        all.push(...page.debtors);
        if (page.debtors.length === 0 || all.length >= page.total) break;
      }
      return all;
    })()
      .then((all) => {
        if (cancelled) return;
        setData(all);
        setError(undefined);
      })
      .catch((e: unknown) => !cancelled && setError(asErrorData(e)));
    return () => {
      cancelled = true;
    };
  }, [mandate]);
  useEffect(load, [load]);
  return { data, error, reload: load };
}

/** Lower case without accents, so "Hélène" is found by "helene". */
export function plainText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * The search of the debtor list and the fee-run picker: a member number by its beginning ("20"
 * finds 2001..2099), and name, e-mail or IBAN anywhere in them.
 */
export function matchesDebtor(d: DebtorT, search: string): boolean {
  const term = plainText(search.trim());
  if (!term) return true;
  if (d.number.toLowerCase().startsWith(term)) return true;
  if (plainText(d.name).includes(term)) return true;
  if (d.email && d.email.toLowerCase().includes(term)) return true;
  const compact = term.replace(/\s+/g, '').toUpperCase();
  return compact.length >= 4 && !!d.iban && d.iban.includes(compact);
}
