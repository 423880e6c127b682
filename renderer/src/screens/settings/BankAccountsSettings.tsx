import { Card, Checkbox, Group, NumberInput, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankAccountT } from '../../../../shared/api/contract';
import { EditAction } from '../../components/EditAction';
import { EditPanel } from '../../components/EditPanel';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { FormFooter } from '../../components/FormFooter';
import { useQuery } from '../../hooks/useApi';
import { numberOf, useFormDraft } from '../../hooks/useFormDraft';

type Draft = { id?: number; name: string; iban: string; bic: string; collection: boolean; refunds: boolean; active: boolean; pain008Version: '001.02' | '001.08'; pain001Version: '001.03' | '001.09'; maxTransactionsPerFile: number | string; batchBooking: boolean };

export function BankAccountsSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const settings = useQuery('settings.get', {});
  const [draft, setDraft] = useState<Draft>();
  if (settings.error) return <LoadError error={settings.error} retry={settings.reload} />;
  if (!settings.data) return <Loading />;
  const accounts = settings.data.bankAccounts;
  const edit = (b: BankAccountT) =>
    setDraft({ id: b.id, name: b.name, iban: b.iban, bic: b.bic ?? '', collection: b.collection, refunds: b.refunds, active: b.active, pain008Version: b.pain008Version, pain001Version: b.pain001Version, maxTransactionsPerFile: b.maxTransactionsPerFile ?? '', batchBooking: b.batchBooking });
  return (
    <Card>
      {accounts.length === 0 && <Text c="dimmed">{t('settings.noBanks')}</Text>}
      {accounts.length > 0 && (
        <Table aria-label={t('settings.tabs.bankAccounts')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.bankName')}</Table.Th>
              <Table.Th>{t('fields.iban')}</Table.Th>
              <Table.Th>{t('fields.bic')}</Table.Th>
              <Table.Th>{t('fields.collection')}</Table.Th>
              <Table.Th>{t('fields.refunds')}</Table.Th>
              <Table.Th>{t('fields.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{f.iban(b.iban)}</Table.Td>
                <Table.Td>{b.bic ?? '—'}</Table.Td>
                <Table.Td>{b.collection ? t('app.yes') : t('app.no')}</Table.Td>
                <Table.Td>{b.refunds ? t('app.yes') : t('app.no')}</Table.Td>
                <Table.Td>{b.active ? t('app.yes') : t('app.no')}</Table.Td>
                <Table.Td>
                  <EditAction what={b.name} onClick={() => edit(b)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <EditPanel draft={draft} setDraft={setDraft} blank={{ name: '', iban: '', bic: '', collection: true, refunds: true, active: true, pain008Version: '001.02', pain001Version: '001.03', maxTransactionsPerFile: '', batchBooking: true }} addLabel={t('settings.newBank')} onSaved={settings.reload}>
        {(d, done) => <BankForm draft={d} onDone={done} />}
      </EditPanel>
    </Card>
  );
}

function BankForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const { t } = useTranslation();
  const { form, draft: d, set } = useFormDraft('bankAccounts.save', draft);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const { maxTransactionsPerFile, ...rest } = d;
    if (await form.submit({ ...rest, maxTransactionsPerFile: maxTransactionsPerFile === '' ? null : numberOf(maxTransactionsPerFile) })) onDone();
  };
  const check = (key: 'collection' | 'refunds' | 'active' | 'batchBooking') => <Checkbox name={key} checked={d[key]} onChange={(e) => set({ [key]: e.currentTarget.checked })} label={t(`fields.${key}`)} />;
  const text = (key: 'name' | 'iban' | 'bic', w: number, required = true) => (
    <TextInput label={t(`fields.${key === 'name' ? 'bankName' : key}`)} name={key} withAsterisk={required} value={d[key]} w={w} error={form.errorOf(key)} onChange={(e) => set({ [key]: e.currentTarget.value })} />
  );
  return (
    <Paper withBorder p="md" mt="md" component="form" ref={form.formRef} onSubmit={submit} noValidate aria-label={d.id ? t('settings.editBank', { name: draft.name }) : t('settings.newBank')}>
      <Group align="flex-start" gap="md">
        {text('name', 300)}
        {text('iban', 300)}
        {text('bic', 170, false)}
      </Group>
      <Group gap="lg" mt="md">
        {check('collection')}
        {check('refunds')}
        {check('active')}
        {check('batchBooking')}
      </Group>
      <Group align="flex-start" gap="md" mt="md">
        <Select label={t('fields.pain008Version')} name="pain008Version" value={d.pain008Version} w={220} allowDeselect={false} error={form.errorOf('pain008Version')} onChange={(v) => v && set({ pain008Version: v as Draft['pain008Version'] })} data={[{ value: '001.02', label: 'pain.008.001.02' }, { value: '001.08', label: 'pain.008.001.08' }]} />
        <Select label={t('fields.pain001Version')} name="pain001Version" value={d.pain001Version} w={220} allowDeselect={false} error={form.errorOf('pain001Version')} onChange={(v) => v && set({ pain001Version: v as Draft['pain001Version'] })} data={[{ value: '001.03', label: 'pain.001.001.03' }, { value: '001.09', label: 'pain.001.001.09' }]} />
        <NumberInput
          label={t('fields.maxTransactionsPerFile')}
          name="maxTransactionsPerFile"
          description={t('fields.maxTransactionsPerFileHint')}
          allowDecimal={false}
          allowNegative={false}
          value={d.maxTransactionsPerFile}
          w={260}
          error={form.errorOf('maxTransactionsPerFile')}
          onChange={(v) => set({ maxTransactionsPerFile: v })}
        />
      </Group>
      <FormFooter formError={form.formError} busy={form.busy} onCancel={onDone} />
    </Paper>
  );
}
