import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileAlert, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { call } from '../api/client';
import { useAction } from '../hooks/useAction';
import { useFormat } from './format';
import { useQuery } from '../hooks/useApi';

type Health = Output<'ledger.health'>;

/**
 * What the treasurer must know about the ledger file before doing anything else: it opened
 * read-only (damaged, or a read-only file), a saved batch lost its file, or it was restored from a
 * backup (the bank may already have files from after that copy). Shown above every screen.
 */
export function LedgerHealthBanner() {
  const health = useQuery('ledger.health', {});
  if (!health.data) return null;
  return <HealthAlerts health={health.data} reload={health.reload} />;
}

function HealthAlerts({ health, reload }: { health: Health; reload: () => void }) {
  const { t } = useTranslation();
  const { lang, dateTime } = useFormat();
  return (
    <Stack gap="sm" mb="lg">
      {health.readOnly && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('health.readOnlyTitle')} role="alert">
          <Stack gap={6}>
            <Text size="sm">{health.message?.[lang] ?? t('health.readOnlyGeneric')}</Text>
            {health.problems.map((p) => (
              <Text size="sm" key={p.en}>
                • {p[lang]}
              </Text>
            ))}
            {health.lastGoodBackup ? (
              <Text size="sm">
                {t('health.lastGoodBackup', { when: dateTime(health.lastGoodBackup.createdAt) })}{' '}
                <Anchor href="#/reservekopieen" fw={600}>
                  {t('health.toBackups')}
                </Anchor>
              </Text>
            ) : (
              <Text size="sm">{t('health.noBackup')}</Text>
            )}
          </Stack>
        </Alert>
      )}
      {health.missingFiles.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconFileAlert aria-hidden />} title={t('health.missingTitle', { count: health.missingFiles.length })}>
          <Stack gap={6}>
            <Text size="sm">{t('health.missingIntro')}</Text>
            {health.missingFiles.map((f) => (
              <MissingFileRow key={`${f.batchId}-${f.fileNo}`} file={f} disabled={health.readOnly} onDone={reload} />
            ))}
          </Stack>
        </Alert>
      )}
      {health.restoredAt && (
        <Alert color="blue" variant="light" icon={<IconHistory aria-hidden />} title={t('health.restoredTitle')}>
          <Text size="sm">
            {t('health.restoredBody', { when: dateTime(health.restoredAt), from: health.restoredFrom ?? '' })}
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

function MissingFileRow({ file, disabled, onDone }: { file: Health['missingFiles'][number]; disabled: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const recreate = async () => {
    const written = await action.run(() => call('batches.recreateFile', { id: file.batchId, fileNo: file.fileNo }), { success: (w) => t('health.recreated', { reference: file.reference, path: w.path }) });
    if (written) onDone();
  };
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <b>{file.reference}</b>
        {file.fileCount > 1 ? ` (${t('health.fileNo', { no: file.fileNo, count: file.fileCount })})` : ''}: {t(`health.problem.${file.problem}`)} — {file.path}
      </Text>
      <Button size="xs" variant="default" loading={action.busy} disabled={disabled} onClick={() => void recreate()} style={{ flexShrink: 0 }}>
        {t('health.recreate')}
      </Button>
    </Group>
  );
}
