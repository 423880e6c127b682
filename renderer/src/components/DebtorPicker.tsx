import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../hooks/useApi';
import { useFormat } from './format';

export interface Picked {
  id: number;
  label: string;
}

/**
 * Choosing members one by one: search by name, number, e-mail or IBAN, tick the ones you want;
 * the chosen ones stay listed above the search so a later search does not lose them.
 */
export function DebtorPicker({ picked, onChange }: { picked: Picked[]; onChange: (picked: Picked[]) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, setSearch] = useState('');
  const found = useQuery('debtors.list', { search: search.trim() || undefined, limit: 12, offset: 0 });
  const chosen = new Set(picked.map((p) => p.id));
  const toggle = (id: number, label: string) =>
    onChange(chosen.has(id) ? picked.filter((p) => p.id !== id) : [...picked, { id, label }]);
  return (
    <fieldset className="picker" aria-label={t('picker.title')}>
      <legend>{t('picker.title')}</legend>
      <p className="picked" aria-live="polite">
        {picked.length === 0 ? <span className="muted">{t('picker.none')}</span> : t('picker.count', { count: picked.length })}{' '}
        {picked.map((p) => (
          <button type="button" className="tag removable" key={p.id} onClick={() => toggle(p.id, p.label)} aria-label={t('picker.remove', { name: p.label })}>
            {p.label} ×
          </button>
        ))}
      </p>
      <input className="search" type="search" placeholder={t('picker.search')} aria-label={t('picker.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
      <ul className="picker-list">
        {(found.data?.debtors ?? []).map((d) => {
          const label = `${d.number} ${d.name}`;
          return (
            <li key={d.id}>
              <label className="check">
                <input type="checkbox" checked={chosen.has(d.id)} onChange={() => toggle(d.id, label)} /> {label}
                <span className="muted"> {d.tags.join(', ')} {d.balance !== 0 ? f.euro(d.balance) : ''}</span>
              </label>
            </li>
          );
        })}
        {found.data && found.data.total > found.data.debtors.length && <li className="muted">{t('picker.more', { count: found.data.total - found.data.debtors.length })}</li>}
      </ul>
    </fieldset>
  );
}
