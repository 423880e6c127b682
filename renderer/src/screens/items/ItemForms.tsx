import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, OpenItemT } from '../../../../shared/api/contract';
import { addMonths, localDate } from '../../../../shared/dates';
import { equalParts } from '../../../../shared/money';
import { DateField } from '../../components/DateField';
import { confirmMoneyAction, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { useFormErrors } from '../../hooks/useFormErrors';

type Props = { item: OpenItemT; onDone: () => void; onCancel: () => void };

/** A missing date goes to the schema as missing, so the field says "verplicht". */
const orMissing = (iso: string | null) => (iso ?? undefined) as string;

function PanelForm({ label, form, intro, children, submit, busy, onSubmit, onCancel, danger }: { label: string; form: { formRef: React.RefObject<HTMLFormElement | null>; formError?: string }; intro: ReactNode; children: ReactNode; submit: string; busy: boolean; onSubmit: () => void; onCancel: () => void; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <form
      ref={form.formRef}
      aria-label={label}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm" mt="md" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Text size="sm">{intro}</Text>
        {children}
        {form.formError && (
          <Alert color="red" role="alert">
            {form.formError}
          </Alert>
        )}
        <Group gap="xs">
          <Button type="submit" loading={busy} color={danger ? 'red' : undefined}>
            {submit}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('app.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SplitForm({ item, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('items.split');
  const [count, setCount] = useState(3);
  // an overdue item's first instalment starts today, never in the past (seed 004: instalments go along with the next collection)
  const [firstDue, setFirstDue] = useState<string | null>(() => {
    const today = localDate(new Date());
    return item.dueDate < today ? today : item.dueDate;
  });
  const [arrangement, setArrangement] = useState(true);
  const n = Math.max(2, Math.min(24, Math.round(count) || 2));
  const amounts = equalParts(item.balance, n);
  const input: Input<'items.split'> = {
    itemId: item.id,
    parts: amounts.map((_, i) => ({ dueDate: firstDue ? addMonths(firstDue, i) : orMissing(null) })),
    arrangement,
    reason: arrangement ? t('items.arrangementReason') : undefined,
  };
  const submit = async () => {
    if (!form.check(input)) return;
    const ok = await confirmMoneyAction({
      title: t('items.splitTitle', { document: item.document }),
      body: t('items.splitBody', { count: n, document: item.document, amount: f.euro(item.balance), parts: amounts.map(f.euro).join(', '), date: f.date(firstDue) }),
      undo: t('items.splitUndo'),
      confirmLabel: t('items.splitInto', { count: n }),
    });
    if (!ok) return;
    if (await form.submit(input)) {
      notifySuccess(t('items.splitDone', { count: n, document: item.document }), { href: `#/debiteuren/${item.debtorId}`, label: t('items.showDebtor') });
      onDone();
    }
  };
  return (
    <PanelForm label={t('items.split')} form={form} intro={t('items.splitIntro', { document: item.document, amount: f.euro(item.balance) })} submit={t('items.splitInto', { count: n })} busy={form.busy} onSubmit={() => void submit()} onCancel={onCancel}>
      <Group align="flex-start" gap="md">
        <NumberInput label={t('items.parts')} name="parts" min={2} max={24} allowDecimal={false} clampBehavior="strict" value={count} onChange={(v) => setCount(Number(v) || 2)} w={150} />
        <DateField label={t('items.firstDue')} name="parts.0.dueDate" required value={firstDue} onChange={(v) => { setFirstDue(v); form.clear('parts.0.dueDate'); }} description={t('items.monthly')} error={form.errorOf('parts.0.dueDate')} />
        <Checkbox mt={32} label={t('items.asArrangement')} checked={arrangement} onChange={(e) => setArrangement(e.currentTarget.checked)} />
      </Group>
      <Text size="sm" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {t('items.partsPreview', { parts: amounts.map(f.euro).join(' · ') })}
      </Text>
    </PanelForm>
  );
}

export function WriteOffForm({ item, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('items.writeOff');
  const [reason, setReason] = useState('');
  const input = { itemId: item.id, reason };
  const submit = async () => {
    if (!form.check(input)) return;
    const ok = await confirmMoneyAction({
      title: t('items.writeOffTitle', { document: item.document }),
      body: t('items.writeOffBody', { document: item.document, debtor: item.debtorName, amount: f.euro(item.balance) }),
      undo: null,
      confirmLabel: t('items.writeOff'),
      danger: true,
    });
    if (!ok) return;
    if (await form.submit(input)) {
      notifySuccess(t('items.writtenOff', { document: item.document, amount: f.euro(item.balance) }), { href: `#/debiteuren/${item.debtorId}`, label: t('items.showDebtor') });
      onDone();
    }
  };
  return (
    <PanelForm label={t('items.writeOff')} form={form} intro={t('items.writeOffIntro', { document: item.document, amount: f.euro(item.balance) })} submit={t('items.writeOff')} busy={form.busy} onSubmit={() => void submit()} onCancel={onCancel} danger>
      <TextInput label={t('items.reason')} name="reason" withAsterisk value={reason} onChange={(e) => { setReason(e.currentTarget.value); form.clear('reason'); }} error={form.errorOf('reason')} maw={520} />
    </PanelForm>
  );
}

export function DueDateForm({ item, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('items.changeDueDate');
  const [dueDate, setDueDate] = useState<string | null>(item.dueDate);
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (await form.submit({ itemId: item.id, dueDate: orMissing(dueDate), reason })) {
      notifySuccess(t('items.dueDateChanged', { document: item.document, date: f.date(dueDate) }), { href: `#/debiteuren/${item.debtorId}`, label: t('items.showDebtor') });
      onDone();
    }
  };
  return (
    <PanelForm label={t('items.changeDueDate')} form={form} intro={t('items.dueDateIntro', { document: item.document })} submit={t('items.changeDueDate')} busy={form.busy} onSubmit={() => void submit()} onCancel={onCancel}>
      <Group align="flex-start" gap="md">
        <DateField label={t('items.dueDate')} name="dueDate" required value={dueDate} onChange={(v) => { setDueDate(v); form.clear('dueDate'); }} error={form.errorOf('dueDate')} />
        <TextInput label={t('items.reason')} name="reason" withAsterisk value={reason} onChange={(e) => { setReason(e.currentTarget.value); form.clear('reason'); }} error={form.errorOf('reason')} w={420} />
      </Group>
    </PanelForm>
  );
}

/** Kwijtschelden: an unpaid aanmaanboete or collection costs item is no longer asked, booked back out of the revenue it went to. */
export function WaiveForm({ item, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('dunning.waiveFee');
  const [reason, setReason] = useState('');
  const input = { itemId: item.id, reason };
  const kind = t(item.sourceType === 'collection_costs' ? 'items.waiveKind.collection_costs' : 'items.waiveKind.dunning_fee');
  const submit = async () => {
    if (!form.check(input)) return;
    const ok = await confirmMoneyAction({
      title: t('items.waiveTitle', { document: item.document }),
      body: t('items.waiveBody', { kind, document: item.document, debtor: item.debtorName, amount: f.euro(item.balance) }),
      undo: null,
      confirmLabel: t('items.waive'),
      danger: true,
    });
    if (!ok) return;
    if (await form.submit(input)) {
      notifySuccess(t('items.waived', { document: item.document, amount: f.euro(item.balance) }), { href: `#/debiteuren/${item.debtorId}`, label: t('items.showDebtor') });
      onDone();
    }
  };
  return (
    <PanelForm label={t('items.waive')} form={form} intro={t('items.waiveIntro', { kind, document: item.document, amount: f.euro(item.balance) })} submit={t('items.waive')} busy={form.busy} onSubmit={() => void submit()} onCancel={onCancel} danger>
      <TextInput label={t('items.reason')} name="reason" withAsterisk value={reason} onChange={(e) => { setReason(e.currentTarget.value); form.clear('reason'); }} error={form.errorOf('reason')} maw={520} />
    </PanelForm>
  );
}
