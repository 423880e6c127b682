import { Card, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNAL_KINDS, type JournalKind } from '../../../../shared/ledgerRoles';
import { EditAction } from '../../components/EditAction';
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
    <Card>
      <Table aria-label={t('settings.tabs.journals')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="code">{t('fields.code')}</Table.Th>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.kind')}</Table.Th>
            <Table.Th className="num">{t('fields.entries')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {journals.data.map((j) => (
            <Table.Tr key={j.id}>
              <Table.Td className="code">{j.code}</Table.Td>
              <Table.Td>{j.name}</Table.Td>
              <Table.Td className="muted">{t(`journalKind.${j.kind}`)}</Table.Td>
              <Table.Td className="num">{j.entryCount}</Table.Td>
              <Table.Td>
                <EditAction what={j.code} onClick={() => setDraft({ id: j.id, code: j.code, name: j.name, kind: j.kind })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <EditPanel draft={draft} setDraft={setDraft} blank={{ code: '', name: '', kind: 'memorial' }} addLabel={t('settings.newJournal')} onSaved={journals.reload}>
        {(d, done) => <JournalForm draft={d} onDone={done} />}
      </EditPanel>
    </Card>
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
