import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { naturalBalance, useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';

export function Overview() {
  const { t } = useTranslation();
  const f = useFormat();
  const { data, error, reload } = useQuery('overview.get', {});
  if (error) return <LoadError error={error} retry={reload} />;
  if (!data) return <Loading />;
  const cards: [string, string, string?][] = [
    [t('overview.debtors'), String(data.debtorCount)],
    [t('overview.withBalance'), String(data.debtorsWithBalance)],
    [t('overview.receivable'), f.euro(data.receivables), 'money'],
    [t('overview.credit'), f.euro(data.creditBalances), 'money'],
    [t('overview.entries'), String(data.entryCount)],
    [t('overview.lastEntry'), data.lastEntryDate ? f.date(data.lastEntryDate) : t('overview.none')],
  ];
  return (
    <section className="screen">
      <h1>{t('overview.title')}</h1>
      <div className="cards">
        {cards.map(([label, value, kind]) => (
          <div className="figure card" key={label}>
            <div className="figure-label">{label}</div>
            <div className={`figure-value ${kind ?? ''}`}>{value}</div>
          </div>
        ))}
      </div>
      {data.debtorCount === 0 && (
        <EmptyState title={t('overview.emptyTitle')}>
          <p>{t('overview.emptyText')}</p>
          <a className="button primary" href="#/debiteuren">{t('nav.debtors')}</a>
        </EmptyState>
      )}
      <h2>{t('overview.accounts')}</h2>
      <table className="table" aria-label={t('overview.accounts')}>
        <thead>
          <tr>
            <th className="code">{t('fields.code')}</th>
            <th>{t('fields.name')}</th>
            <th>{t('fields.type')}</th>
            <th className="num">{t('fields.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {data.accounts.map((a) => (
            <tr key={a.id}>
              <td className="code">{a.code}</td>
              <td>{a.name}</td>
              <td className="muted">{t(`accountType.${a.type}`)}</td>
              <td className={`num${a.balance === 0 ? ' muted' : ''}`}>{f.euro(naturalBalance(a))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
