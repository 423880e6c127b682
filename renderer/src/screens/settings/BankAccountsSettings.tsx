import { Card, Checkbox, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankAccountT } from '../../../../shared/api/contract';
import { EditAction } from '../../components/EditAction';
import { EditPanel } from '../../components/EditPanel';
import { Field, FormError } from '../../components/Field';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { FormActions } from '../../components/FormActions';
import { Select } from '../../components/Select';
import { useDraftForm, useQuery } from '../../hooks/useApi';

type Draft = { id?: number; name: string; iban: string; bic: string; collection: boolean; refunds: boolean; active: boolean; pain008Version: '001.02' | '001.08'; pain001Version: '001.03' | '001.09'; maxTransactionsPerFile: string; batchBooking: boolean };

export function BankAccountsSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const settings = useQuery('settings.get', {});
  const [draft, setDraft] = useState<Draft>();
  if (settings.error) return <LoadError error={settings.error} retry={settings.reload} />;
  if (!settings.data) return <Loading />;
  const accounts = settings.data.bankAccounts;
  const edit = (b: BankAccountT) =>
    setDraft({ id: b.id, name: b.name, iban: b.iban, bic: b.bic ?? '', collection: b.collection, refunds: b.refunds, active: b.active, pain008Version: b.pain008Version, pain001Version: b.pain001Version, maxTransactionsPerFile: b.maxTransactionsPerFile === null ? '' : String(b.maxTransactionsPerFile), batchBooking: b.batchBooking });
  return (
    <Card>
      {accounts.length === 0 && <p className="muted">{t('settings.noBanks')}</p>}
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
                <Table.Td className="iban">{f.iban(b.iban)}</Table.Td>
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
  const { draft: d, setDraft: setD, submit, ...save } = useDraftForm('bankAccounts.save', draft, onDone, ({ maxTransactionsPerFile, ...rest }) => ({
    ...rest,
    maxTransactionsPerFile: maxTransactionsPerFile.trim() === '' ? null : Number(maxTransactionsPerFile),
  }));
  const check = (key: 'collection' | 'refunds' | 'active' | 'batchBooking') => (
    <Checkbox checked={d[key]} onChange={(e) => setD({ ...d, [key]: e.currentTarget.checked })} label={t(`fields.${key}`)} mt={30} mr="md" />
  );
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('settings.newBank')}>
      <FormError error={save.error} fields={['name', 'iban', 'bic', 'maxTransactionsPerFile']} />
      <div className="row">
        <Field label={t('fields.bankName')} name="name" value={d.name} width="medium" error={save.error} onChange={(v) => setD({ ...d, name: v })} />
        <Field label={t('fields.iban')} name="iban" value={d.iban} width="medium" error={save.error} onChange={(v) => setD({ ...d, iban: v })} />
        <Field label={t('fields.bic')} name="bic" value={d.bic} width="short" optional error={save.error} onChange={(v) => setD({ ...d, bic: v })} />
      </div>
      <div className="row checks">
        {check('collection')}
        {check('refunds')}
        {check('active')}
        {check('batchBooking')}
      </div>
      <div className="row">
        <Select label={t('fields.pain008Version')} name="pain008Version" value={d.pain008Version} width="medium" onChange={(v) => setD({ ...d, pain008Version: v })} options={[{ value: '001.02', label: 'pain.008.001.02' }, { value: '001.08', label: 'pain.008.001.08' }]} />
        <Select label={t('fields.pain001Version')} name="pain001Version" value={d.pain001Version} width="medium" onChange={(v) => setD({ ...d, pain001Version: v })} options={[{ value: '001.03', label: 'pain.001.001.03' }, { value: '001.09', label: 'pain.001.001.09' }]} />
        <Field label={t('fields.maxTransactionsPerFile')} name="maxTransactionsPerFile" value={d.maxTransactionsPerFile} width="short" optional hint={t('fields.maxTransactionsPerFileHint')} error={save.error} onChange={(v) => setD({ ...d, maxTransactionsPerFile: v })} />
      </div>
      <FormActions busy={save.busy} onCancel={onDone} />
    </form>
  );
}
