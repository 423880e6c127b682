import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { Field, FormError } from '../components/Field';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useMutation, useQuery } from '../hooks/useApi';
import { Batches } from './collection/Batches';
import { downloadBatchFiles } from './collection/downloads';

/** Terugbetalingen: members with a credit balance, paid back with a pain.001 file. */
export function Refunds() {
  const { t } = useTranslation();
  const f = useFormat();
  const candidates = useQuery('refunds.candidates', {});
  const batches = useQuery('batches.list', { kind: 'refund' });
  const create = useMutation('refunds.create');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [executionDate, setExecutionDate] = useState('');
  const [saved, setSaved] = useState<string>();
  if (candidates.error) return <LoadError error={candidates.error} retry={candidates.reload} />;
  if (!candidates.data || !batches.data) return <Loading />;
  const payable = candidates.data.filter((c) => c.iban);
  const total = payable.filter((c) => chosen.has(c.debtorId)).reduce((s, c) => s + c.credit, 0);
  const toggle = (id: number) => setChosen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const refresh = () => {
    candidates.reload();
    batches.reload();
  };
  const save = async () => {
    const batch = await create.run({ debtorIds: [...chosen], executionDate: executionDate || undefined });
    if (!batch) return;
    await downloadBatchFiles(batch);
    setSaved(t('refunds.saved', { reference: batch.reference, count: batch.transactionCount, amount: f.euro(batch.controlSum) }));
    setChosen(new Set());
    refresh();
  };
  return (
    <section className="screen">
      <h1>{t('refunds.title')}</h1>
      {saved && <div className="alert alert-ok" role="status">{saved}</div>}
      {candidates.data.length === 0 ? (
        <EmptyState title={t('refunds.emptyTitle')}>
          <p>{t('refunds.emptyText')}</p>
        </EmptyState>
      ) : (
        <div className="card">
          <p className="muted">{t('refunds.intro')}</p>
          <FormError error={create.error} fields={['executionDate']} />
          <table className="table" aria-label={t('refunds.candidates')}>
            <thead>
              <tr>
                <th>
                  <input type="checkbox" aria-label={t('refunds.all')} checked={payable.length > 0 && payable.every((c) => chosen.has(c.debtorId))} onChange={(e) => setChosen(new Set(e.target.checked ? payable.map((c) => c.debtorId) : []))} />
                </th>
                <th>{t('items.debtor')}</th>
                <th>{t('fields.iban')}</th>
                <th className="num">{t('refunds.credit')}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.data.map((c) => (
                <tr key={c.debtorId}>
                  <td>
                    <input type="checkbox" disabled={!c.iban} checked={chosen.has(c.debtorId)} aria-label={`${t('refunds.choose')} ${c.debtorName}`} onChange={() => toggle(c.debtorId)} />
                  </td>
                  <td>
                    <a href={`#/debiteuren/${c.debtorId}`}>{c.debtorNumber} {c.debtorName}</a>
                  </td>
                  <td className="code">{c.iban ? f.iban(c.iban) : <span className="muted">{t('refunds.noIban')}</span>}</td>
                  <td className="num">{f.euro(c.credit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <Field label={t('refunds.executionDate')} name="executionDate" type="date" value={executionDate} width="short" optional hint={t('refunds.executionDateHint')} error={create.error} onChange={setExecutionDate} />
          </div>
          <div className="actions">
            <button type="button" className="primary" disabled={chosen.size === 0 || create.busy} onClick={() => void save()}>
              {create.busy ? t('app.saving') : t('refunds.save', { count: chosen.size, amount: f.euro(total) })}
            </button>
          </div>
        </div>
      )}
      <Batches batches={batches.data} onChanged={refresh} label={t('refunds.batches')} />
    </section>
  );
}
