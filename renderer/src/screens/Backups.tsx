import { ActionIcon, Alert, Button, Card, Group, NumberInput, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { call } from '../api/client';
import { EmptyState } from '../components/EmptyState';
import { notifySuccess } from '../components/feedback';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useAction } from '../hooks/useAction';
import { useQuery } from '../hooks/useApi';
import { numberOf } from '../hooks/useFormDraft';
import { useFormErrors } from '../hooks/useFormErrors';

type Backup = Output<'backups.list'>['backups'][number];

/** Copies of the ledger beside it: made automatically (daily, before runs and migrations) or now, and put back. */
export function Backups() {
  const { t } = useTranslation();
  const list = useQuery('backups.list', {});
  const health = useQuery('ledger.health', {});
  const action = useAction();

  if (list.error) return <LoadError error={list.error} retry={list.reload} />;
  if (!list.data) return <Loading />;
  const readOnly = health.data?.readOnly ?? false;

  const makeNow = async () => {
    if (await action.run(() => call('backups.create', {}), { success: (made) => t('backups.made', { name: made.name }) })) list.reload();
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('backups.title')}</Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('backups.intro')}
          </Text>
        </div>
        <Button leftSection={<IconDatabaseExport size={18} aria-hidden />} loading={action.busy} onClick={makeNow}>
          {t('backups.makeNow')}
        </Button>
      </Group>
      <Card>
        <Stack gap="xs">
          <Text size="sm">
            {t('backups.folder')}: <code style={{ overflowWrap: 'anywhere' }}>{list.data.folder}</code>
          </Text>
          <KeepSetting keep={list.data.keep} disabled={readOnly} onSaved={list.reload} />
        </Stack>
      </Card>
      <Card p={0}>
        {list.data.backups.length === 0 ? (
          <EmptyState title={t('backups.emptyTitle')}>
            <p>{t('backups.emptyBody')}</p>
          </EmptyState>
        ) : (
          <BackupTable backups={list.data.backups} />
        )}
      </Card>
    </Stack>
  );
}

function KeepSetting({ keep, disabled, onSaved }: { keep: number; disabled: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('backups.setKeep');
  const [value, setValue] = useState<number | string>(keep);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const saved = await form.submit({ keep: numberOf(value) });
    if (!saved) return;
    notifySuccess(t('backups.keepSaved', { count: numberOf(value) }));
    onSaved();
  };
  return (
    <form ref={form.formRef} onSubmit={save} noValidate>
      {form.formError && (
        <Alert color="red" role="alert" mb="sm">
          {form.formError}
        </Alert>
      )}
      <Group align="flex-start" gap="sm">
        <NumberInput
          label={t('backups.keep')}
          name="keep"
          min={1}
          max={1000}
          allowDecimal={false}
          allowNegative={false}
          // the schema says what is wrong; clamping would silently save another number
          clampBehavior="none"
          w={280}
          value={value}
          onChange={(v) => {
            setValue(v);
            form.clear('keep');
          }}
          error={form.errorOf('keep')}
          disabled={disabled}
        />
        <Button type="submit" variant="default" disabled={disabled} loading={form.busy} mt={25}>
          {t('app.save')}
        </Button>
      </Group>
    </form>
  );
}

function BackupTable({ backups }: { backups: Backup[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const action = useAction();
  const restore = async (b: Backup) => {
    const when = dateTime(b.createdAt);
    const result = await action.run(() => call('backups.restore', { name: b.name }), {
      key: b.name,
      confirm: { title: t('backups.restoreTitle'), body: t('backups.restoreBody', { when }), undo: t('backups.restoreUndo'), confirmLabel: t('backups.restore'), danger: true },
      success: (r) => t('backups.restored', { when, aside: r.keptAside ?? '—' }),
    });
    if (!result) return;
    // every screen's data came from the old file: start over from the overview
    window.location.hash = '#/overzicht';
    window.location.reload();
  };
  return (
    <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
      <Table.Thead>
        <Table.Tr>
          <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('backups.made_at')}</Table.Th>
          <Table.Th>{t('backups.reason')}</Table.Th>
          <Table.Th ta="right">{t('backups.size')}</Table.Th>
          <Table.Th w={60}>
            <VisuallyHidden>{t('backups.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.name}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {dateTime(b.createdAt)}
            </Table.Td>
            <Table.Td>
              <Text size="sm" truncate="end" title={b.name}>
                {reasonText(t, b.reason)}
              </Text>
            </Table.Td>
            <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {sizeText(b.bytes)}
            </Table.Td>
            <Table.Td>
              <Tooltip label={t('backups.restore')}>
                <ActionIcon variant="subtle" aria-label={`${t('backups.restore')}: ${dateTime(b.createdAt)}`} loading={action.busyWith(b.name)} onClick={() => void restore(b)}>
                  <IconRestore size={18} stroke={1.6} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function reasonText(t: (key: string, opts?: Record<string, unknown>) => string, reason: string): string {
  if (reason.startsWith('before-migration-')) return t('backups.reasons.beforeMigration', { tag: reason.slice('before-migration-'.length) });
  const known = ['daily', 'manual', 'before-collect', 'before-refund', 'before-dunning', 'before-hand-over', 'before-restore', 'damaged'];
  return known.includes(reason) ? t(`backups.reasons.${reason}`) : reason;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
