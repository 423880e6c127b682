import { Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StornoSettingsT } from '../../../../shared/api/contract';
import { DEFAULT_STORNO_ACTIONS, FALLBACK_STORNO_ACTION, REASON_LABELS, STORNO_ACTIONS, type StornoAction } from '../../../../shared/returnReasons';
import { AmountField } from '../../components/AmountField';
import { notifySuccess } from '../../components/feedback';
import { FormFooter } from '../../components/FormFooter';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { useQuery } from '../../hooks/useApi';
import { useFormErrors } from '../../hooks/useFormErrors';

/** Instellingen > Storno's: what Penning does after each reason code, when a member goes off direct debit, and a storno fee. */
export function StornoSettings() {
  const settings = useQuery('statements.settings.get', {});
  if (settings.error) return <LoadError error={settings.error} retry={settings.reload} />;
  if (!settings.data) return <Loading />;
  return <StornoForm settings={settings.data} />;
}

function StornoForm({ settings }: { settings: StornoSettingsT }) {
  const { t } = useTranslation();
  const { lang } = useFormat();
  const form = useFormErrors('statements.settings.save');
  const codes = Object.keys(REASON_LABELS);
  const [actions, setActions] = useState<Record<string, StornoAction>>(() => Object.fromEntries(codes.map((c) => [c, settings.actions[c] ?? settings.otherCodes])));
  const [otherCodes, setOtherCodes] = useState<StornoAction>(settings.otherCodes);
  const [refusalLimit, setRefusalLimit] = useState<number | string>(settings.refusalLimit ?? '');
  const [fee, setFee] = useState<number | null>(settings.fee);
  const reset = () => {
    setActions(Object.fromEntries(codes.map((c) => [c, settings.actions[c] ?? settings.otherCodes])));
    setOtherCodes(settings.otherCodes);
    setRefusalLimit(settings.refusalLimit ?? '');
    setFee(settings.fee);
  };
  const options = STORNO_ACTIONS.map((a) => ({ value: a, label: t(`statements.actions.${a}`) }));
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const saved = await form.submit({ actions, otherCodes, refusalLimit: refusalLimit === '' ? null : Number(refusalLimit), fee });
    if (saved) notifySuccess(t('stornoSettings.saved'));
  };
  return (
    <Card component="form" ref={form.formRef} onSubmit={save} noValidate aria-label={t('settings.tabs.storno')}>
      <Stack gap="md">
        <Text size="sm" c="dimmed" maw={760}>
          {t('stornoSettings.intro')}
        </Text>
        <Title order={2} size="h4">
          {t('stornoSettings.perCode')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="xs">
          {codes.map((code) => (
            <NativeSelect
              key={code}
              name={`actions.${code}`}
              label={`${code}: ${REASON_LABELS[code]![lang]}`}
              description={(DEFAULT_STORNO_ACTIONS[code] ?? FALLBACK_STORNO_ACTION) !== actions[code] ? t('stornoSettings.default', { action: t(`statements.actions.${DEFAULT_STORNO_ACTIONS[code] ?? FALLBACK_STORNO_ACTION}`) }) : undefined}
              value={actions[code]}
              onChange={(e) => setActions({ ...actions, [code]: e.currentTarget.value as StornoAction })}
              data={options}
              error={form.errorOf(`actions.${code}`)}
            />
          ))}
        </SimpleGrid>
        <NativeSelect name="otherCodes" label={t('stornoSettings.otherCodes')} value={otherCodes} onChange={(e) => setOtherCodes(e.currentTarget.value as StornoAction)} data={options} maw={420} error={form.errorOf('otherCodes')} />
        <Group align="flex-start" gap="lg">
          <NumberInput
            name="refusalLimit"
            label={t('stornoSettings.refusalLimit')}
            description={t('stornoSettings.refusalLimitHint')}
            value={refusalLimit}
            onChange={(v) => { setRefusalLimit(v); form.clear('refusalLimit'); }}
            allowDecimal={false}
            allowNegative={false}
            w={300}
            error={form.errorOf('refusalLimit')}
          />
          <AmountField name="fee" label={t('stornoSettings.fee')} description={t('stornoSettings.feeHint')} value={fee} onChange={(v) => { setFee(v); form.clear('fee'); }} error={form.errorOf('fee')} w={300} />
        </Group>
        <FormFooter formError={form.formError} busy={form.busy} onCancel={reset} />
      </Stack>
    </Card>
  );
}
