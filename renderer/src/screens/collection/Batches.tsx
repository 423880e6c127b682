import { ActionIcon, Alert, Badge, Box, Button, Card, Group, Paper, Stack, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconBan, IconBuildingBank, IconFileDownload, IconFileTypePdf, IconFileZip } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { base64Bytes, downloadFile } from '../../components/download';
import { confirmMoneyAction, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { call, type Progress } from '../../api/client';
import { WorkProgress } from '../../components/WorkProgress';
import { useAction } from '../../hooks/useAction';
import { useQuery } from '../../hooks/useApi';
import { hashLink } from '../../hooks/useHashRoute';
import { useFormErrors } from '../../hooks/useFormErrors';
import { downloadBatchFiles } from './downloads';

type Batch = Output<'batches.list'>[number];
const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Saved batches: the report and member specifications, the file again (identical), or cancel until the bank confirms. */
export function Batches({ batches, onChanged, label }: { batches: Batch[]; onChanged: () => void; label: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [cancelling, setCancelling] = useState<Batch>();
  const restored = useQuery('ledger.status', {}).data?.restoredLedger;
  // the report or specifications being made: what the main process says about it
  const [working, setWorking] = useState<{ label: string; progress?: Progress }>();
  const downloads = useAction();
  // one download at a time per button, and a failure as a notification that stays until read
  const run = (key: string, work: () => Promise<void>) =>
    downloads.run(work, { key }).finally(() => setWorking(undefined));
  const onProgress = (label: string) => {
    setWorking({ label });
    return (progress: Progress) => setWorking({ label, progress });
  };
  const reportPdf = (b: Batch) =>
    run(`report-${b.id}`, async () => {
      const r = await call('batches.report', { id: b.id }, { onProgress: onProgress(t('progress.report', { reference: b.reference })) });
      downloadFile(r.fileName, base64Bytes(r.base64), 'application/pdf');
    });
  const specs = (b: Batch) =>
    run(`specs-${b.id}`, async () => {
      const zip = await call('batches.specificationsZip', { id: b.id }, { onProgress: onProgress(t('progress.specifications', { reference: b.reference })) });
      downloadFile(zip.fileName, base64Bytes(zip.base64), 'application/zip');
    });
  if (batches.length === 0) return null;
  const action = (key: string, name: string, icon: ReactNode, onClick: () => void, color?: string) => (
    <Tooltip label={name}>
      <ActionIcon variant="subtle" color={color ?? 'navy'} aria-label={name} loading={downloads.busyWith(key)} onClick={onClick}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Card component="section" aria-label={label} mt="md">
      <Title order={2} mb="sm">
        {label}
      </Title>
      {restored && (
        <Alert color="yellow" variant="light" mb="sm" title={t('batch.restoredTitle')}>
          {restored.message[lang]}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={label} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('batch.reference')}</Table.Th>
              <Table.Th>{t('batch.date')}</Table.Th>
              <Table.Th ta="right">{t('batch.count')}</Table.Th>
              <Table.Th ta="right">{t('batch.controlSum')}</Table.Th>
              <Table.Th>{t('batch.status')}</Table.Th>
              <Table.Th w={160}>
                <VisuallyHidden>{t('batch.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.map((b) => (
              <Table.Tr key={b.id} c={b.status === 'cancelled' ? 'dimmed' : undefined}>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {b.reference}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{b.requestedDate ? f.date(b.requestedDate) : t('collection.perDueDate')}</Table.Td>
                <Table.Td ta="right" style={figures}>
                  {b.transactionCount}
                </Table.Td>
                <Table.Td ta="right" style={figures}>
                  {f.euro(b.controlSum)}
                </Table.Td>
                <Table.Td>
                  {b.status === 'confirmed' ? (
                    <Badge variant="light" color="green" tt="none" fw={500}>
                      {t('batch.confirmed')}
                    </Badge>
                  ) : b.status === 'saved' ? (
                    <Badge variant="light" color="navy" tt="none" fw={500}>
                      {t('batch.saved')}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('batch.cancelled')}: {b.cancelReason ?? ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    {action(`report-${b.id}`, `${t('batch.report')} ${b.reference}`, <IconFileTypePdf size={18} stroke={1.6} />, () => void reportPdf(b))}
                    {b.kind === 'collection' && b.status !== 'cancelled' && (
                      <Tooltip label={`${t('batch.inTransit')} ${b.reference}`}>
                        <ActionIcon component="a" href={hashLink(['bankafschriften', 'onderweg'], { batch: String(b.id) })} variant="subtle" aria-label={`${t('batch.inTransit')} ${b.reference}`}>
                          <IconBuildingBank size={18} stroke={1.6} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                    {action(`specs-${b.id}`, `${t('batch.specs')} ${b.reference}`, <IconFileZip size={18} stroke={1.6} />, () => void specs(b))}
                    {b.status === 'saved' && (
                      <>
                        {action(`file-${b.id}`, `${t('batch.download')} ${b.reference}`, <IconFileDownload size={18} stroke={1.6} />, () => void run(`file-${b.id}`, () => downloadBatchFiles(b)))}
                        {action(`cancel-${b.id}`, `${t('batch.cancel')} ${b.reference}`, <IconBan size={18} stroke={1.6} />, () => setCancelling(b), 'red')}
                      </>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {working?.progress && (
        <Box mt="sm">
          <WorkProgress progress={working.progress} label={working.label} />
        </Box>
      )}
      {cancelling && (
        <CancelForm
          key={cancelling.id}
          batch={cancelling}
          onClose={() => setCancelling(undefined)}
          onCancelled={() => {
            setCancelling(undefined);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

/** Annuleren: a reason, then the money-action question (the booking is reversed, the file is void). */
function CancelForm({ batch, onClose, onCancelled }: { batch: Batch; onClose: () => void; onCancelled: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('batches.cancel');
  const [reason, setReason] = useState('');
  const title = t('batch.cancelTitle', { reference: batch.reference });
  const submit = async () => {
    const input = { id: batch.id, reason };
    if (!form.check(input)) return;
    const ok = await confirmMoneyAction({
      title,
      body: t(batch.kind === 'collection' ? 'batch.cancelBodyCollection' : 'batch.cancelBodyRefund', { count: batch.transactionCount, amount: f.euro(batch.controlSum), reference: batch.reference }),
      undo: null,
      confirmLabel: t('batch.confirmCancel'),
      danger: true,
    });
    if (!ok) return;
    const done = await form.submit(input);
    if (!done) return;
    notifySuccess(t('batch.cancelledDone', { reference: batch.reference }), batch.kind === 'collection' ? { href: '#/openstaande-posten', label: t('collection.seeItems') } : { href: '#/terugbetalingen', label: t('refunds.title') });
    onCancelled();
  };
  return (
    <Paper withBorder p="md" mt="md" style={{ borderLeft: '3px solid var(--mantine-color-red-6)' }}>
      <form
        ref={form.formRef}
        aria-label={title}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={3}>{title}</Title>
          <Text size="sm" c="dimmed">
            {t('batch.cancelIntro')}
          </Text>
          <TextInput label={t('batch.reason')} name="reason" withAsterisk value={reason} onChange={(e) => { setReason(e.currentTarget.value); form.clear('reason'); }} error={form.errorOf('reason')} maw={520} />
          {form.formError && (
            <Alert color="red" role="alert">
              {form.formError}
            </Alert>
          )}
          <Group gap="xs">
            <Button type="submit" color="red" loading={form.busy}>
              {t('batch.confirmCancel')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
