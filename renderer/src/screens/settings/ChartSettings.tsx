import { Card, Checkbox, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountT } from '../../../../shared/api/contract';
import { ACCOUNT_ROLES, ACCOUNT_TYPES, type AccountRole, type AccountType } from '../../../../shared/ledgerRoles';
import { EditAction } from '../../components/EditAction';
import { EditPanel } from '../../components/EditPanel';
import { Field, FormError } from '../../components/Field';
import { naturalBalance, useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { FormActions } from '../../components/FormActions';
import { useDraftForm, useMutation, useQuery } from '../../hooks/useApi';

type Draft = { id?: number; code: string; name: string; type: AccountType; active: boolean };

export function ChartSettings() {
  const { t } = useTranslation();
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
      <FormError error={setRole.error} fields={[]} />
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
  const { draft: d, setDraft: setD, submit, ...save } = useDraftForm('accounts.save', draft, onDone);
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('settings.newAccount')}>
      <FormError error={save.error} fields={['code', 'name']} />
      <div className="row">
        <Field label={t('fields.code')} name="code" value={d.code} width="short" error={save.error} onChange={(v) => setD({ ...d, code: v })} />
        <Field label={t('fields.name')} name="name" value={d.name} width="medium" error={save.error} onChange={(v) => setD({ ...d, name: v })} />
        <div className="field field-short">
          <label htmlFor="f-type">{t('fields.type')}</label>
          <select id="f-type" value={d.type} onChange={(e) => setD({ ...d, type: e.target.value as AccountType })}>
            {ACCOUNT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`accountType.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <Checkbox checked={d.active} onChange={(e) => setD({ ...d, active: e.currentTarget.checked })} label={t('fields.active')} mt={30} mr="md" />
      </div>
      <FormActions busy={save.busy} onCancel={onDone} />
    </form>
  );
}
