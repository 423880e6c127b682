import { Card, Group, Paper, Select, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNAL_KINDS, type JournalKind } from '../../../../shared/ledgerRoles';
import { EditAction } from '../../components/EditAction';
import { EditPanel } from '../../components/EditPanel';
import { LoadError, Loading } from '../../components/Loading';
import { FormFooter } from '../../components/FormFooter';
import { useQuery } from '../../hooks/useApi';
import { useFormDraft } from '../../hooks/useFormDraft';

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
  const { form, draft: d, set } = useFormDraft('journals.save', draft);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await form.submit(d)) onDone();
  };
  return (
    <Paper withBorder p="md" mt="md" component="form" ref={form.formRef} onSubmit={submit} noValidate aria-label={d.id ? t('settings.editJournal', { code: draft.code }) : t('settings.newJournal')}>
      <Group align="flex-start" gap="md">
        <TextInput label={t('fields.code')} name="code" withAsterisk value={d.code} w={170} error={form.errorOf('code')} onChange={(e) => set({ code: e.currentTarget.value.toUpperCase() })} />
        <TextInput label={t('fields.name')} name="name" withAsterisk value={d.name} w={300} error={form.errorOf('name')} onChange={(e) => set({ name: e.currentTarget.value })} />
        <Select label={t('fields.kind')} name="kind" value={d.kind} w={220} allowDeselect={false} error={form.errorOf('kind')} onChange={(v) => v && set({ kind: v as JournalKind })} data={JOURNAL_KINDS.map((k) => ({ value: k, label: t(`journalKind.${k}`) }))} />
      </Group>
      <FormFooter formError={form.formError} busy={form.busy} onCancel={onDone} />
    </Paper>
  );
}
