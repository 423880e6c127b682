import { Card, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { SettingsT } from '../../../../shared/api/contract';
import { useTranslation } from 'react-i18next';
import { Field, FormError } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { LoadError, Loading } from '../../components/Loading';
import { useMutation, useQuery } from '../../hooks/useApi';

export function OrganisationSettings({ onChanged }: { onChanged: () => void }) {
  const settings = useQuery('settings.get', {});
  if (settings.error) return <LoadError error={settings.error} retry={settings.reload} />;
  if (!settings.data) return <Loading />;
  return <OrganisationForm settings={settings.data} onChanged={onChanged} />;
}

function OrganisationForm({ settings, onChanged }: { settings: SettingsT; onChanged: () => void }) {
  const { t } = useTranslation();
  const update = useMutation('settings.update');
  const o = settings.organisation;
  const [form, setForm] = useState({ name: o.name, street: o.street ?? '', postalCode: o.postalCode ?? '', city: o.city ?? '', email: o.email ?? '', phone: o.phone ?? '', creditorId: settings.creditorId ?? '', paymentTerm: String(settings.defaultPaymentTermDays), preNotification: settings.preNotificationText });
  const [saved, setSaved] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const term = Number(form.paymentTerm);
    const done = await update.run({
      organisation: { name: form.name, street: form.street, postalCode: form.postalCode, city: form.city, email: form.email, phone: form.phone, country: o.country },
      creditorId: form.creditorId.trim() ? form.creditorId : null,
      defaultPaymentTermDays: Number.isInteger(term) ? term : -1,
      preNotificationText: form.preNotification.trim() ? form.preNotification : null,
    });
    if (done) {
      setSaved(true);
      onChanged();
    }
  };
  const field = (key: keyof typeof form, name: string, label: string, width: 'short' | 'medium' | 'long', optional = true, hint?: string) => (
    <Field label={label} name={name} value={form[key]} width={width} optional={optional} hint={hint} error={update.error} onChange={(v) => setForm({ ...form, [key]: v })} />
  );
  return (
    <Card component="form" onSubmit={submit} noValidate aria-label={t('settings.tabs.organisation')}>
      <FormError error={update.error} fields={['organisation.name', 'organisation.street', 'organisation.postalCode', 'organisation.city', 'organisation.email', 'organisation.phone', 'creditorId', 'defaultPaymentTermDays']} />
      {field('name', 'organisation.name', t('fields.name'), 'long', false)}
      {field('street', 'organisation.street', t('fields.street'), 'long')}
      <div className="row">
        {field('postalCode', 'organisation.postalCode', t('fields.postalCode'), 'short')}
        {field('city', 'organisation.city', t('fields.city'), 'medium')}
      </div>
      <div className="row">
        {field('email', 'organisation.email', t('fields.email'), 'medium')}
        {field('phone', 'organisation.phone', t('fields.phone'), 'short')}
      </div>
      {field('creditorId', 'creditorId', t('fields.creditorId'), 'medium', true, t('fields.creditorIdHint'))}
      {field('paymentTerm', 'defaultPaymentTermDays', t('fields.paymentTerm'), 'short', false)}
      <Textarea
        id="f-preNotificationText"
        label={t('settings.preNotification')}
        description={t('settings.preNotificationHint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        autosize
        minRows={3}
        maw={560}
        value={form.preNotification}
        onChange={(e) => setForm({ ...form, preNotification: e.currentTarget.value })}
      />
      <FormActions busy={update.busy} saved={saved} />
    </Card>
  );
}
