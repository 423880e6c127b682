import { Anchor, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconPhone, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallListRowT } from '../../../shared/api/dossier';
import { CALL_LIST_DAYS_AHEAD } from '../../../shared/api/dossier';
import { localDate } from '../../../shared/dates';
import { DateField } from '../components/DateField';
import { EmptyState } from '../components/EmptyState';
import { notifySuccess } from '../components/feedback';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';
import { ArrangementForm, MoveDueDateForm } from './dossier/CallActions';
import { EntryForm } from './dossier/EntryForm';
import { KindBadge } from './dossier/kinds';

type Action = { kind: 'call' | 'move' | 'arrange'; row: CallListRowT };

const nowrap = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * Belrondje (seeds/002): call before the last letter goes out, and call back when promised. From
 * here the call is recorded, a due date moved or an arrangement made, each in one step.
 */
export function CallList() {
  const { t } = useTranslation();
  const f = useFormat();
  const [date, setDate] = useState<string | null>(() => localDate(new Date()));
  const [shownDate, setShownDate] = useState(date!);
  const list = useQuery('dossier.callList', { date: shownDate });
  const [action, setAction] = useState<Action>();
  const close = () => setAction(undefined);
  const done = () => {
    close();
    list.reload();
  };

  const reason = (r: CallListRowT['reasons'][number]) =>
    r.kind === 'last_level'
      ? t(r.handOver ? 'callList.reasonHandOver' : 'callList.reasonLastLevel', { level: r.levelName, date: f.date(r.letterOn) })
      : t('callList.reasonFollowUp', { date: f.date(r.followUpOn), text: r.text });

  return (
    <section>
      <Title order={1} mb="xs">{t('callList.title')}</Title>
      <Text c="dimmed" mb="md" maw={820}>{t('callList.intro', { days: CALL_LIST_DAYS_AHEAD })}</Text>
      <Group mb="md" align="flex-end">
        <DateField label={t('callList.date')} name="date" value={date} onChange={(v) => { setDate(v); if (v) setShownDate(v); }} />
      </Group>
      {list.error && <LoadError error={list.error} retry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && (
        <EmptyState title={t('callList.emptyTitle', { date: f.date(shownDate) })} action={{ href: '#/debiteuren', label: t('callList.toDebtors') }}>
          <Text>{t('callList.emptyText')}</Text>
        </EmptyState>
      )}
      {list.data && list.data.length > 0 && (
        <Card p={0}>
          <Table.ScrollContainer minWidth={960}>
            <Table aria-label={t('callList.title')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>{t('callList.member')}</Table.Th>
                  <Table.Th w={100} ta="right">{t('callList.overdue')}</Table.Th>
                  <Table.Th>{t('callList.why')}</Table.Th>
                  <Table.Th w={250}>{t('callList.lastEntry')}</Table.Th>
                  <Table.Th w={210}>{t('callList.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((row) => (
                  <Table.Tr key={row.debtorId} data-debtor={row.number}>
                    <Table.Td>
                      <Anchor href={`#/debiteuren/${row.debtorId}`} fw={600}>{row.name}</Anchor>
                      <Text size="xs" c="dimmed">{row.number}</Text>
                      <Group gap={4} mt={4} wrap="nowrap" aria-label={t('callList.phone')} role="group">
                        <IconPhone size={14} stroke={1.6} aria-hidden color="var(--mantine-color-dimmed)" />
                        {row.phone ? <Anchor size="sm" href={`tel:${row.phone.replace(/\s+/g, '')}`} style={nowrap}>{row.phone}</Anchor> : <Text size="sm" c="dimmed">{t('callList.noPhone')}</Text>}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap}>{f.euro(row.overdue)}</Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        {row.reasons.map((r) => (
                          <Text key={r.kind === 'follow_up' ? `f${r.entryId}` : 'l'} size="sm" fw={500} c={r.kind === 'last_level' ? 'red.8' : 'navy.7'}>
                            {reason(r)}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {row.lastEntry ? (
                        <Group gap={6} wrap="nowrap" align="flex-start">
                          <KindBadge kind={row.lastEntry.kind} />
                          <Text size="sm" lineClamp={2} title={row.lastEntry.text[f.lang]}>
                            {f.date(row.lastEntry.date)}: {row.lastEntry.text[f.lang]}
                          </Text>
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">{t('callList.noEntry')}</Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="stretch">
                        <Button size="xs" leftSection={<IconPhone size={14} aria-hidden />} onClick={() => setAction({ kind: 'call', row })} aria-label={t('callList.recordCallOf', { name: row.name })}>
                          {t('callList.recordCall')}
                        </Button>
                        <Button size="xs" variant="default" leftSection={<IconCalendarEvent size={14} aria-hidden />} disabled={row.items.length === 0} onClick={() => setAction({ kind: 'move', row })} aria-label={t('callList.moveOf', { name: row.name })}>
                          {t('callList.move')}
                        </Button>
                        <Button size="xs" variant="default" leftSection={<IconReceipt size={14} aria-hidden />} disabled={row.items.length === 0} onClick={() => setAction({ kind: 'arrange', row })} aria-label={t('callList.arrangeOf', { name: row.name })}>
                          {t('callList.arrange')}
                        </Button>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal
        opened={action !== undefined}
        onClose={close}
        size="lg"
        title={action ? t(action.kind === 'call' ? 'callList.recordCallOf' : action.kind === 'move' ? 'callList.moveOf' : 'callList.arrangeOf', { name: action.row.name }) : ''}
      >
        {action?.kind === 'call' && (
          <EntryForm
            debtorId={action.row.debtorId}
            kind="call"
            followUp={action.row.reasons.flatMap((r) => (r.kind === 'follow_up' ? [{ entryId: r.entryId }] : []))[0]}
            onCancel={close}
            onSaved={() => {
              notifySuccess(t('callList.callRecorded', { name: action.row.name }), { href: `#/debiteuren/${action.row.debtorId}`, label: t('callList.openCard') });
              done();
            }}
          />
        )}
        {action?.kind === 'move' && <MoveDueDateForm row={action.row} onDone={done} onCancel={close} />}
        {action?.kind === 'arrange' && <ArrangementForm row={action.row} onDone={done} onCancel={close} />}
      </Modal>
    </section>
  );
}
