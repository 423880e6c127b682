import { Card, Group, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreditorIdField } from '../../components/CreditorIdField';
import type { SettingsT } from '../../../../shared/api/contract';
import { FormFooter } from '../../components/FormFooter';
import { LoadError, Loading } from '../../components/Loading';
import { useQuery } from '../../hooks/useApi';
import { numberOf, useFormDraft } from '../../hooks/useFormDraft';

export function OrganisationSettings({ onChanged }: { onChanged: () => void }) {
  const settings = useQuery('settings.get', {});
  if (settings.error) return <LoadError error={settings.error} retry={settings.reload} />;
  if (!settings.data) return <Loading />;
  return <OrganisationForm settings={settings.data} onChanged={onChanged} />;
}

type Text = 'name' | 'street' | 'postalCode' | 'city' | 'email' | 'phone';

function OrganisationForm({ settings, onChanged }: { settings: SettingsT; onChanged: () => void }) {
  const { t } = useTranslation();
  const o = settings.organisation;
  const { form, draft: d, set } = useFormDraft('settings.update', { name: o.name, street: o.street ?? '', postalCode: o.postalCode ?? '', city: o.city ?? '', email: o.email ?? '', phone: o.phone ?? '' }, 'organisation.');
  const [creditorId, setCreditorId] = useState(settings.creditorId ?? '');
  const [paymentTerm, setPaymentTerm] = useState<number | string>(settings.defaultPaymentTermDays);
  const [preNotification, setPreNotification] = useState(settings.preNotificationText);
  const [saved, setSaved] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const done = await form.submit({
      organisation: { ...d, country: o.country },
      creditorId: creditorId.trim() ? creditorId : null,
      defaultPaymentTermDays: numberOf(paymentTerm),
      preNotificationText: preNotification.trim() ? preNotification : null,
    });
    if (done) {
      setSaved(true);
      onChanged();
    }
  };
  const text = (key: Text, w: number, required = false) => (
    <TextInput label={t(`fields.${key}`)} name={`organisation.${key}`} value={d[key]} w={w} withAsterisk={required} error={form.errorOf(`organisation.${key}`)} onChange={(e) => set({ [key]: e.currentTarget.value })} />
  );
  return (
    <Card component="form" ref={form.formRef} onSubmit={submit} noValidate aria-label={t('settings.tabs.organisation')}>
      {text('name', 520, true)}
      <Group align="flex-start" gap="md" mt="sm">
        {text('street', 520)}
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        {text('postalCode', 170)}
        {text('city', 334)}
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        {text('email', 334)}
        {text('phone', 170)}
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        <CreditorIdField
          value={creditorId}
          error={form.errorOf('creditorId')}
          onChange={(v) => {
            setCreditorId(v);
            form.clear('creditorId');
          }}
        />
        <NumberInput
          label={t('fields.paymentTerm')}
          name="defaultPaymentTermDays"
          withAsterisk
          allowDecimal={false}
          allowNegative={false}
          value={paymentTerm}
          w={170}
          error={form.errorOf('defaultPaymentTermDays')}
          onChange={(v) => {
            setPaymentTerm(v);
            form.clear('defaultPaymentTermDays');
          }}
        />
      </Group>
      <Textarea
        mt="sm"
        label={t('settings.preNotification')}
        name="preNotificationText"
        description={t('settings.preNotificationHint')}
        autosize
        minRows={3}
        maw={560}
        value={preNotification}
        error={form.errorOf('preNotificationText')}
        onChange={(e) => {
          setPreNotification(e.currentTarget.value);
          form.clear('preNotificationText');
        }}
      />
      <FormFooter formError={form.formError} busy={form.busy} saved={saved && !form.hasErrors} />
    </Card>
  );
}
