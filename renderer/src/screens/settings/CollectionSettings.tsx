import { Card, Checkbox, Group, NumberInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsT } from '../../../../shared/api/contract';
import { AmountField } from '../../components/AmountField';
import { DiscountField } from '../../components/DiscountField';
import { FormFooter } from '../../components/FormFooter';
import { LoadError, Loading } from '../../components/Loading';
import { useQuery } from '../../hooks/useApi';
import { numberOf, useFormDraft } from '../../hooks/useFormDraft';

/** Instellingen > Incasso: lead time, per-transaction maximum, remittance text, discount for all, FRST. */
export function CollectionSettings() {
  const settings = useQuery('settings.get', {});
  if (settings.error) return <LoadError error={settings.error} retry={settings.reload} />;
  if (!settings.data) return <Loading />;
  return <CollectionForm settings={settings.data} />;
}

function CollectionForm({ settings }: { settings: SettingsT }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const c = settings.collection;
  const { form, draft: d, set } = useFormDraft(
    'settings.update',
    {
      leadDays: c.leadDays as number | string,
      maxAmount: c.maxAmount,
      remittanceTemplate: c.remittanceTemplate,
      discountAmount: c.discountAmount,
      discountPercent: c.discountPercent,
      firstAsFrst: c.firstAsFrst,
      prenotificationDays: c.prenotificationDays as number | string,
    },
    'collection.',
  );
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const done = await form.submit({ collection: { ...d, leadDays: numberOf(d.leadDays), prenotificationDays: numberOf(d.prenotificationDays) } });
    if (done) setSaved(true);
  };
  const days = (key: 'leadDays' | 'prenotificationDays') => (
    <NumberInput
      label={t(`collectionSettings.${key}`)}
      name={`collection.${key}`}
      description={t(`collectionSettings.${key}Hint`)}
      withAsterisk
      allowDecimal={false}
      allowNegative={false}
      value={d[key]}
      w={220}
      error={form.errorOf(`collection.${key}`)}
      onChange={(v) => set({ [key]: v })}
    />
  );
  return (
    <Card component="form" ref={form.formRef} onSubmit={submit} noValidate aria-label={t('settings.tabs.collection')}>
      <Group align="flex-start" gap="md">
        {days('leadDays')}
        <AmountField label={t('collectionSettings.maxAmount')} name="collection.maxAmount" description={t('collectionSettings.maxAmountHint')} value={d.maxAmount} w={220} error={form.errorOf('collection.maxAmount')} onChange={(cents) => set({ maxAmount: cents })} />
        <DiscountField
          label={t('collectionSettings.discount')}
          name="collection.discountAmount"
          description={t('collectionSettings.discountHint')}
          value={{ amount: d.discountAmount, percent: d.discountPercent }}
          error={form.errorOf('collection.discountAmount') ?? form.errorOf('collection.discountPercent')}
          onChange={(x) => set({ discountAmount: x.amount, discountPercent: x.percent })}
        />
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        {days('prenotificationDays')}
      </Group>
      <TextInput
        mt="sm"
        label={t('collectionSettings.remittance')}
        name="collection.remittanceTemplate"
        description={t('collectionSettings.remittanceHint')}
        value={d.remittanceTemplate}
        maw={520}
        error={form.errorOf('collection.remittanceTemplate')}
        onChange={(e) => set({ remittanceTemplate: e.currentTarget.value })}
      />
      <Checkbox mt="md" name="collection.firstAsFrst" checked={d.firstAsFrst} onChange={(e) => set({ firstAsFrst: e.currentTarget.checked })} label={t('collectionSettings.firstAsFrst')} />
      <FormFooter formError={form.formError} busy={form.busy} saved={saved && !form.hasErrors} />
    </Card>
  );
}
