import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { toSepaText } from '../../../../shared/sepaText';
import { useFormat } from '../../components/format';

type Debit = Output<'collections.propose'>['debits'][number];
type SortKey = 'debtor' | 'date' | 'amount';
const SHOWN = 500;

/** The proposed debits: sortable, filterable, and each one can be switched off. */
export function ProposalTable({ debits, onDeselect }: { debits: Debit[]; onDeselect: (itemIds: number[]) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'debtor', desc: false });
  const rows = useMemo(() => {
    const term = filter.trim().toLowerCase();
    const filtered = term ? debits.filter((d) => `${d.debtorNumber} ${d.debtorName} ${d.iban} ${d.mandateReference} ${d.items.map((i) => i.document).join(' ')}`.toLowerCase().includes(term)) : debits;
    const value = (d: Debit) => (sort.key === 'amount' ? d.amount : sort.key === 'date' ? d.date : Number(d.debtorNumber) || 0);
    return [...filtered].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (sort.desc ? -1 : 1));
  }, [debits, filter, sort]);
  const header = (key: SortKey, label: string, numeric = false) => (
    <th className={numeric ? 'num' : undefined} aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : false })}>
        {label} {sort.key === key ? (sort.desc ? '▼' : '▲') : ''}
      </button>
    </th>
  );
  return (
    <section className="card" aria-label={t('collection.proposed')}>
      <div className="screen-head">
        <h2>{t('collection.proposed')} ({debits.length})</h2>
        <input className="search" type="search" placeholder={t('collection.filter')} aria-label={t('collection.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <table className="table compact" aria-label={t('collection.proposedTable')}>
        <thead>
          <tr>
            <th />
            {header('debtor', t('items.debtor'))}
            <th>{t('fields.iban')}</th>
            <th>{t('collection.mandate')}</th>
            {header('date', t('collection.date'))}
            <th>{t('collection.items')}</th>
            <th className="num">{t('collection.discount')}</th>
            {header('amount', t('collection.amount'), true)}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((d) => {
            const key = d.items.map((i) => `${i.itemId}:${i.part ?? ''}`).join(',');
            return (
              <tr key={key}>
                <td>
                  <input type="checkbox" checked aria-label={`${t('collection.deselect')} ${d.debtorName}`} onChange={() => onDeselect([...new Set(d.items.map((i) => i.itemId))])} />
                </td>
                <td>
                  {d.debtorNumber} {d.debtorName}
                  {d.name !== toSepaText(d.debtorName, 70) && <div className="muted small">{t('collection.holder')}: {d.name}</div>}
                </td>
                <td className="code">{f.iban(d.iban)}</td>
                <td className="code">
                  {d.mandateReference} <span className="tag">{d.sequenceType}</span>
                  {d.amendment && <span className="tag" title={t('collection.amendmentHint')}>{t('collection.amendment')}</span>}
                </td>
                <td>{f.date(d.date)}</td>
                <td className="small">{d.items.map((i) => `${i.document}${i.part ? ` (${t('collection.part')} ${i.part})` : ''}`).join(', ')}</td>
                <td className="num">{d.discount ? f.euro(d.discount) : ''}</td>
                <td className="num">{f.euro(d.amount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length > SHOWN && <p className="muted">{t('collection.moreDebits', { count: rows.length - SHOWN })}</p>}
    </section>
  );
}
