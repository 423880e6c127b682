import { Card, Checkbox } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsT } from '../../../../shared/api/contract';
import { formatDiscount } from '../../../../shared/money';
import { Field, FormError } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LoadError, Loading } from '../../components/Loading';
import { useDraftForm, useQuery } from '../../hooks/useApi';
import { euroText, typedDiscount, typedEuro } from '../../hooks/typedAmounts';

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
  const initial = {
    leadDays: String(c.leadDays),
    maxAmount: euroText(c.maxAmount),
    remittanceTemplate: c.remittanceTemplate,
    discount: formatDiscount({ amount: c.discountAmount, percent: c.discountPercent }),
    firstAsFrst: c.firstAsFrst,
    prenotificationDays: String(c.prenotificationDays),
  };
  const { draft: d, setDraft: setD, submit, error, busy } = useDraftForm('settings.update', initial, () => setSaved(true), (x) => {
    const discount = typedDiscount('collection.discount', x.discount);
    return {
      collection: {
        leadDays: Number(x.leadDays),
        maxAmount: typedEuro('collection.maxAmount', x.maxAmount),
        remittanceTemplate: x.remittanceTemplate,
        discountAmount: discount.amount,
        discountPercent: discount.percent,
        firstAsFrst: x.firstAsFrst,
        prenotificationDays: Number(x.prenotificationDays),
      },
    };
  });
  return (
    <Card component="form" onSubmit={submit} noValidate aria-label={t('settings.tabs.collection')}>
      <FormError error={error} fields={['collection.leadDays', 'collection.maxAmount', 'collection.discount', 'collection.remittanceTemplate', 'collection.prenotificationDays']} />
      <div className="row">
        <Field label={t('collectionSettings.leadDays')} name="collection.leadDays" value={d.leadDays} width="short" hint={t('collectionSettings.leadDaysHint')} error={error} onChange={(v) => setD({ ...d, leadDays: v })} />
        <Field label={t('collectionSettings.maxAmount')} name="collection.maxAmount" value={d.maxAmount} width="short" optional hint={t('collectionSettings.maxAmountHint')} error={error} onChange={(v) => setD({ ...d, maxAmount: v })} />
        <Field label={t('collectionSettings.discount')} name="collection.discount" value={d.discount} width="short" optional hint={t('collectionSettings.discountHint')} error={error} onChange={(v) => setD({ ...d, discount: v })} />
      </div>
      <Field label={t('collectionSettings.prenotificationDays')} name="collection.prenotificationDays" value={d.prenotificationDays} width="short" hint={t('collectionSettings.prenotificationDaysHint')} error={error} onChange={(v) => setD({ ...d, prenotificationDays: v })} />
      <Field label={t('collectionSettings.remittance')} name="collection.remittanceTemplate" value={d.remittanceTemplate} width="long" hint={t('collectionSettings.remittanceHint')} error={error} onChange={(v) => setD({ ...d, remittanceTemplate: v })} />
      <Checkbox checked={d.firstAsFrst} onChange={(e) => setD({ ...d, firstAsFrst: e.currentTarget.checked })} label={t('collectionSettings.firstAsFrst')} mt={30} mr="md" />
      <FormActions busy={busy} saved={saved && !error} />
    </Card>
  );
}
