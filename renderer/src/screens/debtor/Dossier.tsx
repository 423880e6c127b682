import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { downloadApiFile } from '../../components/download';
import { notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LoadError } from '../../components/Loading';
import { asErrorData, useQuery } from '../../hooks/useApi';
import { EntryForm } from '../dossier/EntryForm';
import { KindBadge } from '../dossier/kinds';

const nowrap = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Debiteurbewaking on the card: every contact, letter and return, newest first, and how often each mandate came back. */
export function Dossier({ debtorId }: { debtorId: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const dossier = useQuery('dossier.list', { debtorId });
  const [adding, setAdding] = useState(false);

  const download = async (id: number) => {
    try {
      downloadApiFile(await call('dossier.attachment', { id }));
    } catch (e) {
      notifyError(asErrorData(e).message[f.lang]);
    }
  };
  const done = async (entryId: number) => {
    try {
      await call('dossier.followUpDone', { entryId });
      notifySuccess(t('dossier.followUpClosed'));
      dossier.reload();
    } catch (e) {
      notifyError(asErrorData(e).message[f.lang]);
    }
  };

  const d = dossier.data;
  return (
    <Card mb="md" component="section" aria-labelledby="dossier-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} id="dossier-title">{t('dossier.title')}</Title>
        {!adding && (
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('dossier.add')}
          </Button>
        )}
      </Group>
      {dossier.error && <LoadError error={dossier.error} retry={dossier.reload} />}
      {d && d.refusals.length > 0 && (
        <Group gap="xs" mb="sm" aria-label={t('dossier.refusals')} role="group">
          <Text size="sm" fw={500}>{t('dossier.refusals')}:</Text>
          {d.refusals.map((r) => (
            <Badge key={r.mandateId ?? 0} color={r.returns >= 2 ? 'red' : 'orange'} variant="light" tt="none">
              {t('dossier.refusalsOf', { mandate: r.reference ?? t('dossier.noMandate'), count: r.returns, date: f.date(r.lastDate), reason: r.lastReason[f.lang] })}
            </Badge>
          ))}
        </Group>
      )}
      {adding && (
        <Card withBorder mb="md" bg="var(--mantine-color-gray-0)">
          <EntryForm
            debtorId={debtorId}
            onCancel={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              notifySuccess(t('dossier.saved'));
              dossier.reload();
            }}
          />
        </Card>
      )}
      {d && d.entries.length === 0 && !adding && <Text c="dimmed">{t('dossier.empty')}</Text>}
      {d && d.entries.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table layout="fixed" aria-label={t('dossier.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120} style={nowrap}>{t('dossier.date')}</Table.Th>
                <Table.Th w={150}>{t('dossier.kind')}</Table.Th>
                <Table.Th>{t('dossier.text')}</Table.Th>
                <Table.Th w={200}>{t('dossier.followUpOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.entries.map((e) => (
                <Table.Tr key={e.key}>
                  <Table.Td style={nowrap}>{f.date(e.date)}</Table.Td>
                  <Table.Td><KindBadge kind={e.kind} /></Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.text[f.lang]}</Text>
                      {e.attachments.length > 0 && (
                        <Group gap="sm">
                          {e.attachments.map((a) => (
                            <Anchor key={a.id} component="button" type="button" size="sm" onClick={() => void download(a.id)} aria-label={t('dossier.download', { name: a.fileName })}>
                              <IconPaperclip size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {a.fileName}
                            </Anchor>
                          ))}
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {e.followUpOn && (
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" style={nowrap} td={e.followUpDone ? 'line-through' : undefined} c={e.followUpDone ? 'dimmed' : undefined}>
                          {f.date(e.followUpOn)}
                        </Text>
                        {e.followUpDone ? (
                          <Text size="xs" c="dimmed">{t('dossier.followUpDone')}</Text>
                        ) : (
                          e.entryId !== null && (
                            <Tooltip label={t('dossier.markDone')}>
                              <ActionIcon variant="subtle" size="sm" aria-label={t('dossier.markDoneOf', { date: f.date(e.followUpOn) })} onClick={() => void done(e.entryId!)}>
                                <IconCheck size={14} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          )
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
