import { Card, Checkbox, Group, NativeSelect, NumberInput, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebtorT } from '../../../../shared/api/contract';
import { AmountField } from '../../components/AmountField';
import { DiscountField } from '../../components/DiscountField';
import { FormFooter } from '../../components/FormFooter';
import { useQuery } from '../../hooks/useApi';
import { useFormErrors } from '../../hooks/useFormErrors';

/** The whole debtor card as one form: every field's problem at once, the first invalid field focused. */
export function DebtorForm({ debtor, onSaved, onCancel }: { debtor: DebtorT; onSaved: (d: DebtorT) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const statuses = useQuery('debtorStatuses.list', {});
  const groups = useQuery('debtors.tags', {});
  const form = useFormErrors('debtors.update');
  const [d, setD] = useState({
    id: debtor.id,
    number: debtor.number,
    name: debtor.name,
    email: debtor.email ?? '',
    phone: debtor.phone ?? '',
    street: debtor.street ?? '',
    postalCode: debtor.postalCode ?? '',
    city: debtor.city ?? '',
    country: debtor.country,
    language: debtor.language,
    kind: debtor.kind,
    paymentMethod: debtor.paymentMethod,
    iban: debtor.iban ?? '',
    bic: debtor.bic ?? '',
    accountHolder: debtor.accountHolder ?? '',
    collect: debtor.collect,
    consolidate: debtor.consolidate,
    paymentTermDays: debtor.paymentTermDays,
    statusId: debtor.statusId ?? undefined,
    notes: debtor.notes ?? '',
    tags: debtor.tags,
    feeAmount: debtor.feeAmount,
    dunningProfile: debtor.dunningProfile,
  });
  const [discount, setDiscount] = useState({ amount: debtor.discountAmount, percent: debtor.discountPercent });
  const set = <K extends keyof typeof d>(key: K, value: (typeof d)[K]) => {
    setD({ ...d, [key]: value });
    form.clear(key);
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    // an unreadable discount marks its input (TYPED_INVALID), so the form refuses with every other problem shown too
    const saved = await form.submit({ ...d, discountAmount: discount.amount, discountPercent: discount.percent });
    if (saved) onSaved(saved);
  };
  const text = (key: 'number' | 'name' | 'email' | 'phone' | 'street' | 'postalCode' | 'city' | 'iban' | 'bic' | 'accountHolder', label: string, w: number, extra?: { description?: string; required?: boolean }) => (
    <TextInput label={label} name={key} value={d[key]} w={w} {...extra} error={form.errorOf(key)} onChange={(e) => set(key, e.currentTarget.value)} />
  );
  return (
    <Card component="form" ref={form.formRef} onSubmit={save} noValidate aria-label={t('debtor.edit')} mb="md">
      <Title order={2} mb="sm">{t('debtor.edit')}</Title>
      <Group align="flex-start" gap="md">
        {text('number', t('fields.number'), 180, { required: true })}
        {text('name', t('fields.name'), 360, { required: true })}
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        {text('email', t('fields.email'), 300)}
        {text('phone', t('fields.phone'), 200)}
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        {text('street', t('fields.street'), 300)}
        {text('postalCode', t('fields.postalCode'), 120)}
        {text('city', t('fields.city'), 220)}
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        <NativeSelect
          label={t('debtor.paymentMethod')}
          name="paymentMethod"
          value={d.paymentMethod}
          w={220}
          onChange={(e) => set('paymentMethod', e.currentTarget.value as DebtorT['paymentMethod'])}
          data={(['direct_debit', 'transfer'] as const).map((v) => ({ value: v, label: t(`paymentMethod.${v}`) }))}
          error={form.errorOf('paymentMethod')}
        />
        {text('iban', t('fields.iban'), 300)}
        {text('bic', t('fields.bic'), 140)}
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        {text('accountHolder', t('debtor.accountHolder'), 440, { description: t('debtor.accountHolderHint') })}
      </Group>
      <Group gap="xl" mt="md">
        <Checkbox label={t('debtor.collect')} name="collect" checked={d.collect} onChange={(e) => set('collect', e.currentTarget.checked)} />
        <Checkbox label={t('debtor.consolidate')} name="consolidate" checked={d.consolidate} onChange={(e) => set('consolidate', e.currentTarget.checked)} />
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        <NativeSelect
          label={t('debtor.kind')}
          name="kind"
          value={d.kind}
          w={180}
          onChange={(e) => set('kind', e.currentTarget.value as DebtorT['kind'])}
          data={(['person', 'business'] as const).map((v) => ({ value: v, label: t(`debtorKind.${v}`) }))}
        />
        <NativeSelect
          label={t('debtor.dunningProfile')}
          name="dunningProfile"
          value={d.dunningProfile}
          w={240}
          description={t('debtor.dunningProfileHint')}
          onChange={(e) => set('dunningProfile', e.currentTarget.value as DebtorT['dunningProfile'])}
          data={(['normal', 'gentle', 'excluded'] as const).map((v) => ({ value: v, label: t(`dunningProfile.${v}`) }))}
          error={form.errorOf('dunningProfile')}
        />
        <NativeSelect
          label={t('debtor.language')}
          name="language"
          value={d.language}
          w={160}
          onChange={(e) => set('language', e.currentTarget.value as DebtorT['language'])}
          data={(['nl', 'en'] as const).map((v) => ({ value: v, label: t(`fields.language_${v}`) }))}
        />
        <NativeSelect
          label={t('debtor.status')}
          name="statusId"
          value={String(d.statusId ?? '')}
          w={200}
          onChange={(e) => set('statusId', Number(e.currentTarget.value))}
          data={(statuses.data ?? []).filter((s) => s.active || s.id === d.statusId).map((s) => ({ value: String(s.id), label: s.name }))}
          error={form.errorOf('statusId')}
        />
        <NumberInput
          label={t('debtor.paymentTerm')}
          name="paymentTermDays"
          description={t('debtor.paymentTermHint')}
          value={d.paymentTermDays ?? ''}
          allowDecimal={false}
          allowNegative={false}
          w={220}
          error={form.errorOf('paymentTermDays')}
          onChange={(v) => set('paymentTermDays', v === '' ? null : Number(v))}
        />
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        <AmountField label={t('debtor.feeAmount')} name="feeAmount" description={t('debtor.feeAmountHint')} value={d.feeAmount} w={300} error={form.errorOf('feeAmount')} onChange={(cents) => set('feeAmount', cents)} />
        <DiscountField
          label={t('debtor.discount')}
          name="discountAmount"
          description={t('debtor.discountHint')}
          value={discount}
          w={300}
          error={form.errorOf('discountAmount') ?? form.errorOf('discountPercent')}
          onChange={(x) => {
            setDiscount(x);
            form.clear('discountAmount');
            form.clear('discountPercent');
          }}
        />
      </Group>
      <TagsInput
        mt="sm"
        label={t('debtor.tags')}
        name="tags"
        description={t('debtor.tagsHint')}
        value={d.tags}
        data={(groups.data ?? []).map((g) => g.tag)}
        splitChars={[',']}
        maw={620}
        error={form.errorOf('tags')}
        onChange={(tags) => set('tags', tags)}
      />
      <Textarea mt="sm" label={t('debtor.notes')} name="notes" value={d.notes} autosize minRows={3} maw={620} error={form.errorOf('notes')} onChange={(e) => set('notes', e.currentTarget.value)} />
      <FormFooter formError={form.formError} busy={form.busy} onCancel={onCancel} />
    </Card>
  );
}
