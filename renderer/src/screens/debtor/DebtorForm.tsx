import { useTranslation } from 'react-i18next';
import type { DebtorT } from '../../../../shared/api/contract';
import { Field, FormError } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Select } from '../../components/Select';
import { formatDiscount } from '../../../../shared/money';
import { useDraftForm, useQuery } from '../../hooks/useApi';
import { euroText, typedDiscount, typedEuro } from '../../hooks/typedAmounts';

const FIELDS = ['number', 'name', 'email', 'phone', 'street', 'postalCode', 'city', 'iban', 'bic', 'accountHolder', 'paymentTermDays', 'notes', 'statusId', 'feeAmount', 'discount', 'discountPercent'];

/** The whole debtor card as one form; the server checks every rule (direct debit needs an IBAN, ...). */
export function DebtorForm({ debtor, onSaved, onCancel }: { debtor: DebtorT; onSaved: (d: DebtorT) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const statuses = useQuery('debtorStatuses.list', {});
  const initial = {
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
    feeAmount: euroText(debtor.feeAmount),
    discount: formatDiscount({ amount: debtor.discountAmount, percent: debtor.discountPercent }),
  };
  const { draft: d, setDraft: setD, submit, error, busy } = useDraftForm('debtors.update', initial, onSaved, ({ feeAmount, discount, ...rest }) => {
    const parsedDiscount = typedDiscount('discount', discount);
    return { ...rest, feeAmount: typedEuro('feeAmount', feeAmount), discountAmount: parsedDiscount.amount, discountPercent: parsedDiscount.percent };
  });
  const text = (key: 'number' | 'name' | 'email' | 'phone' | 'street' | 'postalCode' | 'city' | 'iban' | 'bic' | 'accountHolder', label: string, width: 'short' | 'medium' | 'long', hint?: string) => (
    <Field label={label} name={key} value={d[key]} width={width} hint={hint} error={error} onChange={(v) => setD({ ...d, [key]: v })} />
  );
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('debtor.edit')}>
      <h2>{t('debtor.edit')}</h2>
      <FormError error={error} fields={FIELDS} />
      <div className="row">
        {text('number', t('fields.number'), 'short')}
        {text('name', t('fields.name'), 'long')}
      </div>
      <div className="row">
        {text('email', t('fields.email'), 'medium')}
        {text('phone', t('fields.phone'), 'short')}
      </div>
      <div className="row">
        {text('street', t('fields.street'), 'medium')}
        {text('postalCode', t('fields.postalCode'), 'short')}
        {text('city', t('fields.city'), 'short')}
      </div>
      <div className="row">
        <Select label={t('debtor.paymentMethod')} name="paymentMethod" value={d.paymentMethod} onChange={(v) => setD({ ...d, paymentMethod: v })} options={(['direct_debit', 'transfer'] as const).map((v) => ({ value: v, label: t(`paymentMethod.${v}`) }))} />
        {text('iban', t('fields.iban'), 'medium')}
        {text('bic', t('fields.bic'), 'short')}
      </div>
      <div className="row">{text('accountHolder', t('debtor.accountHolder'), 'medium', t('debtor.accountHolderHint'))}</div>
      <div className="row checks">
        <label className="check">
          <input type="checkbox" checked={d.collect} onChange={(e) => setD({ ...d, collect: e.target.checked })} /> {t('debtor.collect')}
        </label>
        <label className="check">
          <input type="checkbox" checked={d.consolidate} onChange={(e) => setD({ ...d, consolidate: e.target.checked })} /> {t('debtor.consolidate')}
        </label>
      </div>
      <div className="row">
        <Select label={t('debtor.kind')} name="kind" value={d.kind} onChange={(v) => setD({ ...d, kind: v })} options={(['person', 'business'] as const).map((v) => ({ value: v, label: t(`debtorKind.${v}`) }))} width="short" />
        <Select label={t('debtor.language')} name="language" value={d.language} onChange={(v) => setD({ ...d, language: v })} options={(['nl', 'en'] as const).map((v) => ({ value: v, label: t(`fields.language_${v}`) }))} width="short" />
        <Select
          label={t('debtor.status')}
          name="statusId"
          value={String(d.statusId ?? '')}
          onChange={(v) => setD({ ...d, statusId: Number(v) })}
          options={(statuses.data ?? []).filter((s) => s.active || s.id === d.statusId).map((s) => ({ value: String(s.id), label: s.name }))}
          width="short"
        />
        <Field
          label={t('debtor.paymentTerm')}
          name="paymentTermDays"
          value={d.paymentTermDays === null || d.paymentTermDays === undefined ? '' : String(d.paymentTermDays)}
          width="short"
          hint={t('debtor.paymentTermHint')}
          error={error}
          onChange={(v) => setD({ ...d, paymentTermDays: v.trim() === '' ? null : Number(v) })}
        />
      </div>
      <div className="row">
        <Field label={t('debtor.feeAmount')} name="feeAmount" value={d.feeAmount} width="short" hint={t('debtor.feeAmountHint')} error={error} onChange={(v) => setD({ ...d, feeAmount: v })} />
        <Field label={t('debtor.discount')} name="discount" value={d.discount} width="short" hint={t('debtor.discountHint')} error={error} onChange={(v) => setD({ ...d, discount: v })} />
      </div>
      <Field
        label={t('debtor.tags')}
        name="tags"
        value={d.tags.join(', ')}
        width="long"
        hint={t('debtor.tagsHint')}
        error={error}
        onChange={(v) => setD({ ...d, tags: v.split(',').map((x) => x.trimStart()) })}
      />
      <div className="field field-long">
        <label htmlFor="f-notes">{t('debtor.notes')}</label>
        <textarea id="f-notes" rows={3} value={d.notes} onChange={(e) => setD({ ...d, notes: e.target.value })} />
      </div>
      <FormActions busy={busy} onCancel={onCancel} />
    </form>
  );
}
