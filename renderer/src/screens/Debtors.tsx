import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebtorT } from '../../../shared/api/contract';
import { EmptyState } from '../components/EmptyState';
import { Field, FormError } from '../components/Field';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { FormActions } from '../components/FormActions';
import { useDraftForm, useQuery } from '../hooks/useApi';
import { navigate } from '../hooks/useHashRoute';

const PAGE = 100;

/** The debtor list with server-side search; a plain table until the virtualized grid arrives. */
export function Debtors() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<DebtorT>();
  const { data, error, reload } = useQuery('debtors.list', { search: query || undefined, limit });

  // Search as the treasurer types, but not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setLimit(PAGE);
    }, 200);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <section className="screen">
      <div className="screen-head">
        <h1>{t('debtors.title')}</h1>
        <div className="head-actions">
          <a className="button secondary" href="#/debiteuren/inlezen">
            {t('import.button')}
          </a>
          <button type="button" className="primary" onClick={() => setAdding(true)} disabled={adding}>
            + {t('debtors.new')}
          </button>
        </div>
      </div>
      {adding && (
        <NewDebtorForm
          onCancel={() => setAdding(false)}
          onCreated={(d) => {
            setAdding(false);
            setCreated(d);
            reload();
          }}
        />
      )}
      {created && (
        <div className="alert alert-ok" role="status">
          {t('debtors.created', { number: created.number, name: created.name })}
        </div>
      )}
      <input className="search" type="search" placeholder={t('debtors.search')} aria-label={t('debtors.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
      {error && <LoadError error={error} retry={reload} />}
      {!data && !error && <Loading />}
      {data && data.total === 0 && !query && (
        <EmptyState title={t('debtors.emptyTitle')}>
          <p>{t('debtors.emptyText')}</p>
        </EmptyState>
      )}
      {data && data.total === 0 && query && <p className="muted">{t('debtors.noMatch', { search: query })}</p>}
      {data && data.total > 0 && (
        <>
          <p className="muted small">{t('debtors.count', { count: data.total })}</p>
          <table className="table clickable" aria-label={t('debtors.title')}>
            <thead>
              <tr>
                <th className="code">{t('fields.number')}</th>
                <th>{t('fields.name')}</th>
                <th>{t('fields.iban')}</th>
                <th>{t('debtors.mandate')}</th>
                <th>{t('debtors.status')}</th>
                <th className="num">{t('fields.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {data.debtors.map((d) => (
                <tr key={d.id} onClick={() => navigate('debiteuren', d.id)} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && navigate('debiteuren', d.id)}>
                  <td className="code">{d.number}</td>
                  <td>{d.name}</td>
                  <td className="iban">{f.iban(d.iban)}</td>
                  <td className={d.paymentMethod === 'transfer' ? 'muted' : ''}>{d.paymentMethod === 'transfer' ? t('paymentMethod.transfer') : (d.activeMandate ?? '—')}</td>
                  <td className="muted">{d.statusName ?? ''}</td>
                  <td className={`num${d.balance < 0 ? ' credit' : d.balance === 0 ? ' muted' : ''}`}>{f.euro(d.balance)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.debtors.length < data.total && (
            <button type="button" className="secondary more" onClick={() => setLimit(limit + PAGE)}>
              {t('app.more')} ({data.debtors.length} {t('app.of')} {data.total})
            </button>
          )}
        </>
      )}
    </section>
  );
}

function NewDebtorForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (d: DebtorT) => void }) {
  const { t } = useTranslation();
  const { draft: d, setDraft: setD, submit, ...create } = useDraftForm('debtors.create', { name: '', number: '', email: '', iban: '' }, onCreated);
  const field = (key: keyof typeof d, width: 'short' | 'medium' | 'long', optional = true, hint?: string) => (
    <Field label={t(`fields.${key}`)} name={key} value={d[key]} width={width} optional={optional} hint={hint} error={create.error} autoFocus={key === 'name'} onChange={(v) => setD({ ...d, [key]: v })} />
  );
  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label={t('debtors.new')}>
      <h2>{t('debtors.new')}</h2>
      <FormError error={create.error} fields={['name', 'number', 'email', 'iban']} />
      <div className="row">
        {field('name', 'long', false)}
        {field('number', 'short', true, t('fields.numberHint'))}
      </div>
      <div className="row">
        {field('email', 'medium')}
        {field('iban', 'medium')}
      </div>
      <FormActions busy={create.busy} onCancel={onCancel} />
    </form>
  );
}
