import { useTranslation } from 'react-i18next';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';

/** One debtor: details, balance and every journal entry that touches them. */
export function DebtorCard({ id }: { id: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const debtor = useQuery('debtors.get', { id });
  const entries = useQuery('entries.list', { debtorId: id, limit: 200 });
  if (debtor.error) return <LoadError error={debtor.error} retry={debtor.reload} />;
  if (!debtor.data) return <Loading />;
  const d = debtor.data;
  return (
    <section className="screen">
      <a className="back" href="#/debiteuren">← {t('debtor.back')}</a>
      <div className="screen-head">
        <h1>
          <span className="muted">{d.number}</span> {d.name}
        </h1>
        <div className={`balance-pill${d.balance < 0 ? ' credit' : ''}`}>
          {t('fields.balance')}: {f.euro(d.balance)}
        </div>
      </div>
      <div className="card">
        <h2>{t('debtor.details')}</h2>
        <dl className="details">
          <dt>{t('fields.email')}</dt>
          <dd>{d.email ?? '—'}</dd>
          <dt>{t('fields.iban')}</dt>
          <dd className="iban">{d.iban ? f.iban(d.iban) : t('debtor.noIban')}</dd>
        </dl>
      </div>
      <h2>{t('debtor.history')}</h2>
      {entries.error && <LoadError error={entries.error} retry={entries.reload} />}
      {entries.data && entries.data.total === 0 && <p className="muted">{t('debtor.noHistory')}</p>}
      {entries.data && entries.data.total > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('debtor.date')}</th>
              <th>{t('debtor.reference')}</th>
              <th>{t('debtor.description')}</th>
              <th className="num">{t('debtor.debit')}</th>
              <th className="num">{t('debtor.credit')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.entries.flatMap((e) =>
              e.lines
                .filter((l) => l.debtorId === id)
                .map((l, i) => (
                  <tr key={`${e.id}-${i}`}>
                    <td>{f.date(e.date)}</td>
                    <td className="code">{e.reference}</td>
                    <td>{e.description}</td>
                    <td className="num">{l.debit ? f.euro(l.debit) : ''}</td>
                    <td className="num">{l.credit ? f.euro(l.credit) : ''}</td>
                  </tr>
                )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
