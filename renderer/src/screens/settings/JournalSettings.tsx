import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNAL_KINDS, type JournalKind } from '../../../../shared/ledgerRoles';
import { EditPanel } from '../../components/EditPanel';
import { Field, FormError } from '../../components/Field';
import { LoadError, Loading } from '../../components/Loading';
import { FormActions } from '../../components/FormActions';
import { useDraftForm, useQuery } from '../../hooks/useApi';

type Draft = { id?: number; code: string; name: string; kind: JournalKind };

export function JournalSettings() {
  const { t } = useTranslation();
  const journals = useQuery('journals.list', {});
  const [draft, setDraft] = useState<Draft>();
  if (journals.error) return <LoadError error={journals.error} retry={journals.reload} />;
  if (!journals.data) return <Loading />;
  return (
    <div className="card">
      <table className="table" aria-label={t('settings.tabs.journals')}>
        <thead>
          <tr>
            <th className="code">{t('fields.code')}</th>
            <th>{t('fields.name')}</th>
            <th>{t('fields.kind')}</th>
            <th className="num">{t('fields.entries')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {journals.data.map((j) => (
            <tr key={j.id}>
              <td className="code">{j.code}</td>
              <td>{j.name}</td>
              <td className="muted">{t(`journalKind.${j.kind}`)}</td>
              <td className="num">{j.entryCount}</td>
              <td>
                <button type="button" className="link" onClick={() => setDraft({ id: j.id, code: j.code, name: j.name, kind: j.kind })}>
                  {t('app.edit')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <EditPanel draft={draft} setDraft={setDraft} blank={{ code: '', name: '', kind: 'memorial' }} addLabel={t('settings.newJournal')} onSaved={journals.reload}>
        {(d, done) => <JournalForm draft={d} onDone={done} />}
      </EditPanel>
    </div>
  );
}

function JournalForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const { t } = useTranslation();
  const { draft: d, setDraft: setD, submit, ...save } = useDraftForm('journals.save', draft, onDone);
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('settings.newJournal')}>
      <FormError error={save.error} fields={['code', 'name']} />
      <div className="row">
        <Field label={t('fields.code')} name="code" value={d.code} width="short" error={save.error} onChange={(v) => setD({ ...d, code: v.toUpperCase() })} />
        <Field label={t('fields.name')} name="name" value={d.name} width="medium" error={save.error} onChange={(v) => setD({ ...d, name: v })} />
        <div className="field field-short">
          <label htmlFor="f-kind">{t('fields.kind')}</label>
          <select id="f-kind" value={d.kind} onChange={(e) => setD({ ...d, kind: e.target.value as JournalKind })}>
            {JOURNAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`journalKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FormActions busy={save.busy} onCancel={onDone} />
    </form>
  );
}
