import { Alert, Card, Checkbox, Group, Paper, Select, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountT } from '../../../../shared/api/contract';
import { ACCOUNT_ROLES, ACCOUNT_TYPES, type AccountRole, type AccountType } from '../../../../shared/ledgerRoles';
import { EditAction } from '../../components/EditAction';
import { EditPanel } from '../../components/EditPanel';
import { naturalBalance, useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { FormFooter } from '../../components/FormFooter';
import { useMutation, useQuery } from '../../hooks/useApi';
import { useFormDraft } from '../../hooks/useFormDraft';

type Draft = { id?: number; code: string; name: string; type: AccountType; active: boolean };

export function ChartSettings() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const accounts = useQuery('accounts.list', {});
  const setRole = useMutation('accounts.setRole');
  const [draft, setDraft] = useState<Draft>();
  if (accounts.error) return <LoadError error={accounts.error} retry={accounts.reload} />;
  if (!accounts.data) return <Loading />;

  const assign = async (account: AccountT, role: string) => {
    if (role && (await setRole.run({ role: role as AccountRole, accountId: account.id }))) accounts.reload();
  };
  return (
    <Card>
      {setRole.error && (
        <Alert color="red" role="alert" mb="md">
          {setRole.error.message[i18n.language === 'en' ? 'en' : 'nl']}
        </Alert>
      )}
      <Table aria-label={t('settings.tabs.chart')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="code">{t('fields.code')}</Table.Th>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.type')}</Table.Th>
            <Table.Th>{t('fields.roles')}</Table.Th>
            <Table.Th className="num">{t('fields.balance')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.data.map((a) => (
            <Table.Tr key={a.id} className={a.active ? '' : 'inactive'}>
              <Table.Td className="code">{a.code}</Table.Td>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td className="muted">{t(`accountType.${a.type}`)}</Table.Td>
              <Table.Td>
                {a.roles.map((r) => (
                  <span className="tag" key={r}>
                    {t(`role.${r}`)}
                  </span>
                ))}
                <select className="role-select" aria-label={`${t('settings.setRole')} ${a.code}`} value="" onChange={(e) => void assign(a, e.target.value)}>
                  <option value="">{t('settings.chooseRole')}</option>
                  {ACCOUNT_ROLES.filter((r) => !a.roles.includes(r)).map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </Table.Td>
              <Table.Td className={`num${a.balance === 0 ? ' muted' : ''}`}>{f.euro(naturalBalance(a))}</Table.Td>
              <Table.Td>
                <EditAction what={a.code} onClick={() => setDraft({ id: a.id, code: a.code, name: a.name, type: a.type, active: a.active })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <EditPanel draft={draft} setDraft={setDraft} blank={{ code: '', name: '', type: 'revenue', active: true }} addLabel={t('settings.newAccount')} onSaved={accounts.reload}>
        {(d, done) => <AccountForm draft={d} onDone={done} />}
      </EditPanel>
    </Card>
  );
}

function AccountForm({ draft, onDone }: { draft: Draft; onDone: () => void }) {
  const { t } = useTranslation();
  const { form, draft: d, set } = useFormDraft('accounts.save', draft);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await form.submit(d)) onDone();
  };
  return (
    <Paper withBorder p="md" mt="md" component="form" ref={form.formRef} onSubmit={submit} noValidate aria-label={d.id ? t('settings.editAccount', { code: draft.code }) : t('settings.newAccount')}>
      <Group align="flex-start" gap="md">
        <TextInput label={t('fields.code')} name="code" withAsterisk value={d.code} w={170} error={form.errorOf('code')} onChange={(e) => set({ code: e.currentTarget.value })} />
        <TextInput label={t('fields.name')} name="name" withAsterisk value={d.name} w={300} error={form.errorOf('name')} onChange={(e) => set({ name: e.currentTarget.value })} />
        <Select label={t('fields.type')} name="type" value={d.type} w={220} allowDeselect={false} error={form.errorOf('type')} onChange={(v) => v && set({ type: v as AccountType })} data={ACCOUNT_TYPES.map((type) => ({ value: type, label: t(`accountType.${type}`) }))} />
        <Checkbox name="active" checked={d.active} onChange={(e) => set({ active: e.currentTarget.checked })} label={t('fields.active')} mt={32} />
      </Group>
      <FormFooter formError={form.formError} busy={form.busy} onCancel={onDone} />
    </Paper>
  );
}
