import { ActionIcon, Badge, Button, Card, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_COSTS_MODES, PLACEHOLDERS } from '../../../../shared/api/dunning';
import type { Output } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { notifySuccess } from '../../components/feedback';
import { FormFooter } from '../../components/FormFooter';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { useAction } from '../../hooks/useAction';
import { useQuery } from '../../hooks/useApi';
import { useFormErrors } from '../../hooks/useFormErrors';

type Level = Output<'dunning.levels.list'>[number];
type Settings = Output<'dunning.settings.get'>;

/** Instellingen > Aanmaningen: the levels (the letters in order), the dunning settings, the statutory interest rates. */
export function DunningSettings() {
  const levels = useQuery('dunning.levels.list', {});
  const settings = useQuery('dunning.settings.get', {});
  if (levels.error) return <LoadError error={levels.error} retry={levels.reload} />;
  if (settings.error) return <LoadError error={settings.error} retry={settings.reload} />;
  if (!levels.data || !settings.data) return <Loading />;
  return (
    <Stack gap="lg">
      <Levels levels={levels.data} reload={levels.reload} />
      <SettingsForm settings={settings.data} />
      <InterestRates />
    </Stack>
  );
}

function Levels({ levels, reload }: { levels: Level[]; reload: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const action = useAction();
  const statuses = useQuery('debtorStatuses.list', {});
  const [editing, setEditing] = useState<Level | 'new' | null>(null);
  const statusName = (id: number | null) => statuses.data?.find((s) => s.id === id)?.name ?? '—';
  const move = (id: number, direction: 'up' | 'down') => action.run(() => call('dunning.levels.move', { id, direction })).then(reload);
  return (
    <Card component="section" aria-label={t('dunningSettings.levels')}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">{t('dunningSettings.levels')}</Title>
        <Button variant="light" onClick={() => setEditing('new')}>{t('dunningSettings.addLevel')}</Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm" maw={800}>{t('dunningSettings.levelsIntro')}</Text>
      <Table aria-label={t('dunningSettings.levels')} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            <Table.Th>{t('dunningSettings.name')}</Table.Th>
            <Table.Th>{t('dunningSettings.daysAfter')}</Table.Th>
            <Table.Th ta="right">{t('dunningSettings.fee')}</Table.Th>
            <Table.Th>{t('dunningSettings.collectionCosts')}</Table.Th>
            <Table.Th>{t('dunningSettings.setsStatus')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((l, i) => (
            <Table.Tr key={l.id} opacity={l.active ? 1 : 0.5}>
              <Table.Td>{l.position}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {l.name}
                  {!l.active && <Badge size="sm" color="gray" variant="light" tt="none">{t('dunningSettings.inactive')}</Badge>}
                  {l.handOver && <Badge size="sm" color="red" variant="light" tt="none">{t('dunningSettings.handOver')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>{t(i === 0 ? 'dunningSettings.daysAfterDue' : 'dunningSettings.daysAfterPrevious', { count: l.daysAfter })}</Table.Td>
              <Table.Td ta="right">{l.fee ? f.euro(l.fee) : '—'}</Table.Td>
              <Table.Td>{t(`dunningSettings.costsMode.${l.collectionCosts}`)}</Table.Td>
              <Table.Td>{statusName(l.setsStatusId)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <ActionIcon variant="subtle" aria-label={`${t('dunningSettings.up')} ${l.name}`} disabled={i === 0} onClick={() => move(l.id, 'up')}><IconArrowUp size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`${t('dunningSettings.down')} ${l.name}`} disabled={i === levels.length - 1} onClick={() => move(l.id, 'down')}><IconArrowDown size={16} /></ActionIcon>
                  <ActionIcon variant="subtle" aria-label={`${t('dunningSettings.edit')} ${l.name}`} onClick={() => setEditing(l)}><IconPencil size={16} /></ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && (
        <LevelForm
          key={editing === 'new' ? 'new' : editing.id}
          level={editing === 'new' ? null : editing}
          statuses={(statuses.data ?? []).filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.name }))}
          onDone={(saved) => {
            setEditing(null);
            if (saved) reload();
          }}
        />
      )}
    </Card>
  );
}

function LevelForm({ level, statuses, onDone }: { level: Level | null; statuses: { value: string; label: string }[]; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('dunning.levels.save');
  const [l, setL] = useState({
    name: level?.name ?? '',
    daysAfter: level?.daysAfter ?? 14,
    fee: level?.fee ?? null,
    collectionCosts: level?.collectionCosts ?? ('none' as Level['collectionCosts']),
    textNl: level?.textNl ?? '',
    textEn: level?.textEn ?? '',
    setsStatusId: level?.setsStatusId ?? null,
    handOver: level?.handOver ?? false,
    active: level?.active ?? true,
  });
  const set = <K extends keyof typeof l>(key: K, value: (typeof l)[K]) => {
    setL({ ...l, [key]: value });
    form.clear(key);
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const saved = await form.submit({ ...(level ? { id: level.id } : {}), ...l });
    if (saved) {
      notifySuccess(t('dunningSettings.levelSaved', { name: l.name }));
      onDone(true);
    }
  };
  return (
    <Card component="form" ref={form.formRef} onSubmit={save} noValidate withBorder mt="md" aria-label={level ? `${t('dunningSettings.edit')} ${level.name}` : t('dunningSettings.addLevel')}>
      <Title order={3} size="h5" mb="sm">{level ? `${t('dunningSettings.edit')} ${level.name}` : t('dunningSettings.addLevel')}</Title>
      <Group align="flex-start" gap="md">
        <TextInput label={t('dunningSettings.name')} name="name" required value={l.name} onChange={(e) => set('name', e.currentTarget.value)} error={form.errorOf('name')} w={240} />
        <NumberInput label={t('dunningSettings.daysAfter')} description={t('dunningSettings.daysAfterHint')} name="daysAfter" value={l.daysAfter} allowDecimal={false} allowNegative={false} onChange={(v) => set('daysAfter', Number(v) || 0)} error={form.errorOf('daysAfter')} w={220} />
        <AmountField label={t('dunningSettings.fee')} description={t('dunningSettings.feeHint')} name="fee" value={l.fee} onChange={(v) => set('fee', v)} error={form.errorOf('fee')} w={200} />
        <NativeSelect label={t('dunningSettings.collectionCosts')} name="collectionCosts" value={l.collectionCosts} onChange={(e) => set('collectionCosts', e.currentTarget.value as Level['collectionCosts'])} data={COLLECTION_COSTS_MODES.map((m) => ({ value: m, label: t(`dunningSettings.costsMode.${m}`) }))} error={form.errorOf('collectionCosts')} w={260} />
        <NativeSelect label={t('dunningSettings.setsStatus')} name="setsStatusId" value={l.setsStatusId === null ? '' : String(l.setsStatusId)} onChange={(e) => set('setsStatusId', e.currentTarget.value ? Number(e.currentTarget.value) : null)} data={[{ value: '', label: t('dunningSettings.statusUnchanged') }, ...statuses]} error={form.errorOf('setsStatusId')} w={220} />
      </Group>
      <Group gap="xl" mt="sm">
        <Checkbox label={t('dunningSettings.handOver')} name="handOver" checked={l.handOver} onChange={(e) => set('handOver', e.currentTarget.checked)} />
        <Checkbox label={t('dunningSettings.active')} name="active" checked={l.active} onChange={(e) => set('active', e.currentTarget.checked)} />
      </Group>
      <Text size="xs" c="dimmed" mt="sm">{t('dunningSettings.placeholders', { list: PLACEHOLDERS.map((p) => `{${p}}`).join(' ') })}</Text>
      <Group align="flex-start" gap="md" mt="xs" grow>
        <Textarea label={t('dunningSettings.textNl')} name="textNl" required autosize minRows={6} maxRows={14} value={l.textNl} onChange={(e) => set('textNl', e.currentTarget.value)} error={form.errorOf('textNl')} />
        <Textarea label={t('dunningSettings.textEn')} name="textEn" required autosize minRows={6} maxRows={14} value={l.textEn} onChange={(e) => set('textEn', e.currentTarget.value)} error={form.errorOf('textEn')} />
      </Group>
      <FormFooter formError={form.formError} busy={form.busy} onCancel={() => onDone(false)} />
    </Card>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const form = useFormErrors('dunning.settings.save');
  const [s, setS] = useState(settings);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setS({ ...s, [key]: value });
    form.clear(key);
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const saved = await form.submit(s);
    if (saved) notifySuccess(t('dunningSettings.saved'));
  };
  return (
    <Card component="form" ref={form.formRef} onSubmit={save} noValidate aria-label={t('dunningSettings.settings')}>
      <Title order={2} size="h4" mb="sm">{t('dunningSettings.settings')}</Title>
      <Group align="flex-start" gap="lg">
        <AmountField label={t('dunningSettings.minimum')} description={t('dunningSettings.minimumHint')} name="minimum" value={s.minimum} onChange={(v) => set('minimum', v ?? 0)} error={form.errorOf('minimum')} w={240} />
        <NumberInput label={t('dunningSettings.gentleExtraDays')} description={t('dunningSettings.gentleExtraDaysHint')} name="gentleExtraDays" value={s.gentleExtraDays} allowDecimal={false} allowNegative={false} onChange={(v) => set('gentleExtraDays', Number(v) || 0)} error={form.errorOf('gentleExtraDays')} w={260} />
        <NumberInput label={t('dunningSettings.recentContactDays')} description={t('dunningSettings.recentContactDaysHint')} name="recentContactDays" value={s.recentContactDays} allowDecimal={false} allowNegative={false} onChange={(v) => set('recentContactDays', Number(v) || 0)} error={form.errorOf('recentContactDays')} w={260} />
      </Group>
      <Stack gap="xs" mt="md">
        <Checkbox label={t('dunningSettings.collectionCostsVat')} description={t('dunningSettings.collectionCostsVatHint')} name="collectionCostsVat" checked={s.collectionCostsVat} onChange={(e) => set('collectionCostsVat', e.currentTarget.checked)} />
        <Checkbox label={t('dunningSettings.statutoryInterest')} description={t('dunningSettings.statutoryInterestHint')} name="statutoryInterest" checked={s.statutoryInterest} onChange={(e) => set('statutoryInterest', e.currentTarget.checked)} />
      </Stack>
      <FormFooter formError={form.formError} busy={form.busy} onCancel={() => setS(settings)} />
    </Card>
  );
}

function InterestRates() {
  const { t } = useTranslation();
  const f = useFormat();
  const rates = useQuery('dunning.interestRates.list', {});
  const form = useFormErrors('dunning.interestRates.save');
  const [kind, setKind] = useState<'consumer' | 'commercial'>('consumer');
  const [startsOn, setStartsOn] = useState<string | null>(null);
  const [percent, setPercent] = useState<number | string>('');
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const saved = await form.submit({ kind, startsOn: startsOn ?? '', rate: Math.round(Number(percent) * 100) });
    if (saved) {
      notifySuccess(t('dunningSettings.rateSaved'));
      rates.reload();
    }
  };
  const percentText = (rate: number) => `${(rate / 100).toLocaleString(f.lang === 'en' ? 'en-IE' : 'nl-NL', { maximumFractionDigits: 2 })}%`;
  return (
    <Card component="form" ref={form.formRef} onSubmit={save} noValidate aria-label={t('dunningSettings.rates')}>
      <Title order={2} size="h4" mb="xs">{t('dunningSettings.rates')}</Title>
      <Text size="sm" c="dimmed" mb="sm" maw={800}>{t('dunningSettings.ratesIntro')}</Text>
      <Group align="flex-start" gap="xl">
        {(['consumer', 'commercial'] as const).map((k) => (
          <Table key={k} fz="sm" w={300} aria-label={t(`dunningSettings.rateKind.${k}`)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`dunningSettings.rateKind.${k}`)}</Table.Th>
                <Table.Th ta="right">{t('dunningSettings.rate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(rates.data ?? []).filter((r) => r.kind === k).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{t('dunningSettings.from', { date: f.date(r.startsOn) })}</Table.Td>
                  <Table.Td ta="right">{percentText(r.rate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      </Group>
      <Group align="flex-start" gap="md" mt="md">
        <NativeSelect label={t('dunningSettings.rateKindLabel')} name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as 'consumer' | 'commercial')} data={(['consumer', 'commercial'] as const).map((k) => ({ value: k, label: t(`dunningSettings.rateKind.${k}`) }))} w={340} />
        <DateField label={t('dunningSettings.startsOn')} name="startsOn" value={startsOn} onChange={(v) => { setStartsOn(v); form.clear('startsOn'); }} error={form.errorOf('startsOn')} w={200} />
        <NumberInput label={t('dunningSettings.rate')} name="rate" value={percent} onChange={(v) => { setPercent(v); form.clear('rate'); }} decimalScale={2} decimalSeparator={f.lang === 'nl' ? ',' : '.'} allowNegative={false} suffix=" %" error={form.errorOf('rate')} w={140} />
      </Group>
      <FormFooter formError={form.formError} busy={form.busy} submitLabel={t('dunningSettings.addRate')} />
    </Card>
  );
}
