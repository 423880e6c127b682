import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FormError } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { useFormat } from '../../components/format';
import { Select } from '../../components/Select';
import { useDraftForm, useMutation, useQuery } from '../../hooks/useApi';

/** The debtor's SEPA mandates: what may be collected, since when, and what changed. */
export function Mandates({ debtorId, number, onChanged }: { debtorId: number; number: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mandates = useQuery('mandates.list', { debtorId });
  const revoke = useMutation('mandates.revoke');
  const [adding, setAdding] = useState(false);
  const refresh = () => {
    mandates.reload();
    onChanged();
  };
  return (
    <div className="card">
      <div className="screen-head">
        <h2>{t('mandate.title')}</h2>
        {!adding && (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            + {t('mandate.add')}
          </button>
        )}
      </div>
      <FormError error={revoke.error} fields={[]} />
      {mandates.data && mandates.data.length === 0 && !adding && <p className="muted">{t('mandate.none')}</p>}
      {mandates.data && mandates.data.length > 0 && (
        <table className="table" aria-label={t('mandate.title')}>
          <thead>
            <tr>
              <th>{t('mandate.reference')}</th>
              <th>{t('mandate.signedOn')}</th>
              <th>{t('mandate.type')}</th>
              <th>{t('mandate.scheme')}</th>
              <th>{t('mandate.status')}</th>
              <th>{t('mandate.lastCollected')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {mandates.data.map((m) => (
              <tr key={m.id} className={m.status === 'active' ? '' : 'inactive'}>
                <td className="code">
                  {m.reference}
                  {m.amendmentPending && <div className="small muted">{t('mandate.amendment', { what: [m.originalReference, m.originalIban && f.iban(m.originalIban)].filter(Boolean).join(', ') })}</div>}
                </td>
                <td>{f.date(m.signedOn)}</td>
                <td>{t(`mandate.types.${m.type}`)}</td>
                <td>{m.scheme}</td>
                <td>
                  <span className={`tag status-${m.status}`}>{t(`mandate.statuses.${m.status}`)}</span>
                  {m.endedOn && <span className="small muted"> {f.date(m.endedOn)}</span>}
                </td>
                <td>{f.date(m.lastCollectedOn)}</td>
                <td>
                  {m.status === 'active' && (
                    <button type="button" className="link" onClick={() => void revoke.run({ id: m.id }).then((r) => r && refresh())}>
                      {t('mandate.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <MandateForm
          debtorId={debtorId}
          suggestion={`M-${number}`}
          onDone={() => {
            setAdding(false);
            refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </div>
  );
}

function MandateForm({ debtorId, suggestion, onDone, onCancel }: { debtorId: number; suggestion: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { draft: d, setDraft: setD, submit, error, busy } = useDraftForm(
    'mandates.save',
    { debtorId, reference: suggestion, signedOn: '', type: 'recurring' as 'recurring' | 'one_off', scheme: 'CORE' as 'CORE' | 'B2B' },
    onDone,
  );
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('mandate.add')}>
      <FormError error={error} fields={['reference', 'signedOn']} />
      <div className="row">
        <Field label={t('mandate.reference')} name="reference" value={d.reference} width="medium" error={error} onChange={(v) => setD({ ...d, reference: v })} />
        <Field label={t('mandate.signedOn')} name="signedOn" type="date" value={d.signedOn} width="short" error={error} onChange={(v) => setD({ ...d, signedOn: v })} />
        <Select label={t('mandate.type')} name="type" value={d.type} width="short" onChange={(v) => setD({ ...d, type: v })} options={(['recurring', 'one_off'] as const).map((v) => ({ value: v, label: t(`mandate.types.${v}`) }))} />
        <Select label={t('mandate.scheme')} name="scheme" value={d.scheme} width="short" onChange={(v) => setD({ ...d, scheme: v })} options={(['CORE', 'B2B'] as const).map((v) => ({ value: v, label: v }))} />
      </div>
      <FormActions busy={busy} onCancel={onCancel} />
    </form>
  );
}
