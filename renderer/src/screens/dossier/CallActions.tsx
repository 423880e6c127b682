import { Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api/contract';
import type { CallListRowT } from '../../../../shared/api/dossier';
import { addMonths, localDate } from '../../../../shared/dates';
import { equalParts } from '../../../../shared/money';
import { DateField } from '../../components/DateField';
import { confirmMoneyAction, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { FormFooter } from '../../components/FormFooter';
import { useFormErrors } from '../../hooks/useFormErrors';

type Props = { row: CallListRowT; onDone: () => void; onCancel: () => void };

const orMissing = (iso: string | null) => (iso ?? undefined) as string;

/** Vervaldatum verschuiven: one item, the new date and why; asked first, confirmed after. */
export function MoveDueDateForm({ row, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('dossier.moveDueDate');
  const [itemId, setItemId] = useState(row.items[0]?.id ?? 0);
  const item = row.items.find((i) => i.id === itemId);
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const input: Input<'dossier.moveDueDate'> = { itemId, dueDate: orMissing(dueDate), reason };
    if (!item || !form.check(input)) return;
    const ok = await confirmMoneyAction({
      title: t('callList.moveTitle', { document: item.document }),
      body: t('callList.moveBody', { document: item.document, name: row.name, amount: f.euro(item.balance), from: f.date(item.dueDate), to: f.date(dueDate) }),
      undo: t('callList.moveUndo'),
      confirmLabel: t('callList.move'),
    });
    if (!ok) return;
    if (await form.submit(input)) {
      notifySuccess(t('callList.moved', { document: item.document, date: f.date(dueDate) }), { href: `#/debiteuren/${row.debtorId}`, label: t('callList.openCard') });
      onDone();
    }
  };
  return (
    <form ref={form.formRef} onSubmit={(e) => void save(e)} noValidate aria-label={t('callList.move')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('callList.item')}
          name="itemId"
          value={String(itemId)}
          onChange={(e) => setItemId(Number(e.currentTarget.value))}
          data={row.items.map((i) => ({ value: String(i.id), label: `${i.document} · ${f.euro(i.balance)} · ${t('callList.due')} ${f.date(i.dueDate)}` }))}
        />
        <DateField label={t('callList.newDueDate')} name="dueDate" required value={dueDate} onChange={(v) => { setDueDate(v); form.clear('dueDate'); }} error={form.errorOf('dueDate')} />
        <TextInput label={t('callList.reason')} name="reason" withAsterisk value={reason} onChange={(e) => { setReason(e.currentTarget.value); form.clear('reason'); }} error={form.errorOf('reason')} description={t('callList.reasonHint')} />
      </Stack>
      <FormFooter formError={form.formError} busy={form.busy} submitLabel={t('callList.move')} onCancel={onCancel} />
    </form>
  );
}

/** Betalingsregeling: the chosen items in equal monthly instalments; asked first, confirmed after. */
export function ArrangementForm({ row, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('dossier.arrangement');
  const [chosen, setChosen] = useState<number[]>(() => row.items.map((i) => i.id));
  const [count, setCount] = useState(3);
  const [firstDue, setFirstDue] = useState<string | null>(() => localDate(new Date()));
  const [reason, setReason] = useState('');
  const [followUpOn, setFollowUpOn] = useState<string | null>(null);
  const n = Math.max(2, Math.min(24, Math.round(count) || 2));
  const total = row.items.filter((i) => chosen.includes(i.id)).reduce((s, i) => s + i.balance, 0);
  const amounts = equalParts(total, n);
  const input: Input<'dossier.arrangement'> = {
    itemIds: chosen,
    parts: amounts.map((_, i) => ({ dueDate: firstDue ? addMonths(firstDue, i) : orMissing(null) })),
    reason: reason || undefined,
    followUpOn: followUpOn ?? undefined,
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.check(input)) return;
    const ok = await confirmMoneyAction({
      title: t('callList.arrangementTitle', { name: row.name }),
      body: t('callList.arrangementBody', { count: n, amount: f.euro(total), parts: amounts.map(f.euro).join(', '), date: f.date(firstDue) }),
      undo: t('callList.arrangementUndo'),
      confirmLabel: t('callList.arrange'),
    });
    if (!ok) return;
    if (await form.submit(input)) {
      notifySuccess(t('callList.arranged', { name: row.name, count: n }), { href: `#/debiteuren/${row.debtorId}`, label: t('callList.openCard') });
      onDone();
    }
  };
  return (
    <form ref={form.formRef} onSubmit={(e) => void save(e)} noValidate aria-label={t('callList.arrange')}>
      <Stack gap="sm">
        <Checkbox.Group label={t('callList.items')} value={chosen.map(String)} onChange={(v) => { setChosen(v.map(Number)); form.clear('itemIds'); }} error={form.errorOf('itemIds')}>
          <Stack gap={4} mt={4}>
            {row.items.map((i) => (
              <Checkbox key={i.id} value={String(i.id)} label={`${i.document} · ${f.euro(i.balance)} · ${t('callList.due')} ${f.date(i.dueDate)}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group align="flex-start" gap="md">
          <NumberInput label={t('callList.instalments')} name="parts" min={2} max={24} allowDecimal={false} clampBehavior="strict" value={count} onChange={(v) => setCount(Number(v) || 2)} w={150} />
          <DateField label={t('callList.firstDue')} name="parts.0.dueDate" required value={firstDue} onChange={(v) => { setFirstDue(v); form.clear('parts.0.dueDate'); }} description={t('callList.monthly')} error={form.errorOf('parts.0.dueDate')} />
          <DateField label={t('dossier.followUpOn')} name="followUpOn" value={followUpOn} onChange={(v) => { setFollowUpOn(v); form.clear('followUpOn'); }} error={form.errorOf('followUpOn')} />
        </Group>
        <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('callList.partsPreview', { parts: amounts.map(f.euro).join(' · ') })}
        </Text>
        <TextInput label={t('callList.agreement')} name="reason" value={reason} onChange={(e) => { setReason(e.currentTarget.value); form.clear('reason'); }} error={form.errorOf('reason')} />
        {form.errorOf('parts') && (
          <Text size="sm" c="red.8" role="alert">{form.errorOf('parts')}</Text>
        )}
      </Stack>
      <FormFooter formError={form.formError} busy={form.busy} submitLabel={t('callList.arrange')} onCancel={onCancel} />
    </form>
  );
}
