import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDiscount } from '../../../shared/money';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';
import { DebtorForm } from './debtor/DebtorForm';
import { Invoices } from './debtor/Invoices';
import { Mandates } from './debtor/Mandates';
import { OpenItems } from './OpenItems';

/** One debtor: the card, mandates, balance and every journal entry that touches them. */
export function DebtorCard({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const debtor = useQuery('debtors.get', { id });
  const entries = useQuery('entries.list', { debtorId: id, limit: 200 });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [itemsVersion, setItemsVersion] = useState(0);
  if (debtor.error) return <LoadError error={debtor.error} retry={debtor.reload} />;
  if (!debtor.data) return <Loading />;
  const d = debtor.data;
  const address = [d.street, [d.postalCode, d.city].filter(Boolean).join('  ')].filter(Boolean).join(', ');
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
      {saved && !editing && (
        <div className="alert alert-ok" role="status">
          {t('debtor.saved')}
        </div>
      )}
      {editing ? (
        <DebtorForm
          debtor={d}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            debtor.reload();
          }}
        />
      ) : (
        <div className="card">
          <div className="screen-head">
            <h2>{t('debtor.details')}</h2>
            <button type="button" className="secondary" onClick={() => { setSaved(false); setEditing(true); }}>
              {t('debtor.edit')}
            </button>
          </div>
          <dl className="details two-columns">
            <dt>{t('debtor.status')}</dt>
            <dd>{d.statusName ?? '—'}</dd>
            <dt>{t('debtor.paymentMethod')}</dt>
            <dd>
              {t(`paymentMethod.${d.paymentMethod}`)}
              {d.paymentMethod === 'direct_debit' && !d.collect && <span className="muted"> ({t('debtor.collect')}: {t('app.no')})</span>}
            </dd>
            <dt>{t('fields.iban')}</dt>
            <dd className="iban">{d.iban ? f.iban(d.iban) : t('debtor.noIban')}{d.bic ? ` · ${d.bic}` : ''}</dd>
            {d.accountHolder && (
              <>
                <dt>{t('debtor.accountHolder')}</dt>
                <dd>{d.accountHolder}</dd>
              </>
            )}
            <dt>{t('fields.email')}</dt>
            <dd>{d.email ?? '—'}</dd>
            <dt>{t('fields.phone')}</dt>
            <dd>{d.phone ?? '—'}</dd>
            <dt>{t('debtor.address')}</dt>
            <dd>{address || '—'}</dd>
            <dt>{t('debtor.paymentTerm')}</dt>
            <dd>{d.paymentTermDays ?? t('debtor.defaultTerm')}</dd>
            <dt>{t('debtor.feeAmount')}</dt>
            <dd>{d.feeAmount === null ? t('debtor.feeFromRun') : f.euro(d.feeAmount)}</dd>
            <dt>{t('debtor.discount')}</dt>
            <dd>{formatDiscount({ amount: d.discountAmount, percent: d.discountPercent }, i18n.language === 'en' ? 'en' : 'nl') || '—'}</dd>
            <dt>{t('debtor.consolidate')}</dt>
            <dd>{d.consolidate ? t('app.yes') : t('app.no')}</dd>
            <dt>{t('debtor.tags')}</dt>
            <dd>{d.tags.length ? d.tags.map((tag) => <span className="tag" key={tag}>{tag}</span>) : '—'}</dd>
            <dt>{t('debtor.language')}</dt>
            <dd>{t(`fields.language_${d.language}`)}</dd>
            {d.notes && (
              <>
                <dt>{t('debtor.notes')}</dt>
                <dd className="notes">{d.notes}</dd>
              </>
            )}
          </dl>
        </div>
      )}
      <Mandates debtorId={d.id} number={d.number} onChanged={debtor.reload} />
      <Invoices debtorId={d.id} onChanged={() => { debtor.reload(); entries.reload(); setItemsVersion((v) => v + 1); }} />
      <OpenItems key={itemsVersion} debtorId={d.id} embedded onChanged={() => { debtor.reload(); entries.reload(); }} />
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
