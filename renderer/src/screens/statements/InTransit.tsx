import { Anchor, Badge, Card, Checkbox, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { useQuery } from '../../hooks/useApi';
import { hashLink, useHashQuery } from '../../hooks/useHashRoute';

const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Incasso onderweg explained: per batch what was collected, what the bank credited, returned or rejected, and what is still on its way. */
export function InTransit() {
  const { t } = useTranslation();
  const f = useFormat();
  // from the Incasso screen's batch list: that batch, even when nothing of it is outstanding any more
  const linked = Number(useHashQuery().get('batch')) || undefined;
  const [settled, setSettled] = useState(linked !== undefined);
  const data = useQuery('statements.inTransit', { includeSettled: settled });
  if (data.error) return <LoadError error={data.error} retry={data.reload} />;
  if (!data.data) return <Loading />;
  const { balance, batches } = data.data;
  return (
    <Card p={0} component="section" aria-label={t('statements.tabs.inTransit')}>
      <Group p="md" justify="space-between">
        <div>
          <Text fw={600}>{t('statements.inTransitBalance', { amount: f.euro(balance) })}</Text>
          <Text size="sm" c="dimmed">
            {t('statements.inTransitIntro')}
          </Text>
        </div>
        <Checkbox label={t('statements.includeSettled')} checked={settled} onChange={(e) => setSettled(e.currentTarget.checked)} />
      </Group>
      {batches.length === 0 ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <EmptyState title={t('statements.noInTransit')}>{t('statements.noInTransitText')}</EmptyState>
        </div>
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table highlightOnHover fz="sm" verticalSpacing="xs" aria-label={t('statements.tabs.inTransit')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('batch.reference')}</Table.Th>
                <Table.Th>{t('batch.date')}</Table.Th>
                <Table.Th ta="right">{t('statements.collected')}</Table.Th>
                <Table.Th ta="right">{t('statements.credited')}</Table.Th>
                <Table.Th ta="right">{t('statements.returned')}</Table.Th>
                <Table.Th ta="right">{t('statements.rejected')}</Table.Th>
                <Table.Th ta="right">{t('statements.outstanding')}</Table.Th>
                <Table.Th>{t('statements.explanation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.map((b) => (
                <Table.Tr key={b.batchId} bg={b.batchId === linked ? 'navy.0' : undefined} aria-current={b.batchId === linked ? 'true' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor href={hashLink(['bankafschriften', 'regels'], { batch: String(b.batchId) })} ff="monospace" size="sm">
                      {b.reference}
                    </Anchor>
                    {b.status === 'confirmed' && (
                      <Badge display="block" mt={2} color="green" variant="light" tt="none" size="sm">
                        {t('statements.confirmed')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(b.date)}</Table.Td>
                  <Table.Td ta="right" style={figures}>
                    {f.euro(b.collected)}
                    <Text size="xs" c="dimmed">
                      {t('overview.debits', { count: b.transactions })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={figures}>{f.euro(b.credited)}</Table.Td>
                  <Table.Td ta="right" style={figures}>
                    {b.returned > 0 ? (
                      <Anchor href={hashLink(['bankafschriften', 'stornos'])} size="sm" c="red.9">
                        {f.euro(b.returned)}
                      </Anchor>
                    ) : (
                      f.euro(0)
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={figures}>{f.euro(b.rejected)}</Table.Td>
                  <Table.Td ta="right" style={figures} fw={700}>
                    {f.euro(b.outstanding)}
                  </Table.Td>
                  <Table.Td maw={340}>
                    <Text size="xs" c="dimmed">
                      {b.explanation[f.lang]}
                    </Text>
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
