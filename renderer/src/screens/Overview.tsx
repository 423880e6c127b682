import { Accordion, Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';
import { hashLink } from '../hooks/useHashRoute';
import { AccountBalances } from './overview/AccountBalances';
import { TodoList } from './overview/TodoList';

const Charts = lazy(() => import('./overview/Charts'));

/** Overzicht: what needs the treasurer now, and the receivables in pictures; every figure links to its list. */
export function Overview() {
  const { t } = useTranslation();
  const f = useFormat();
  const overview = useQuery('overview.get', {});
  if (overview.error) return <LoadError error={overview.error} retry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const data = overview.data;
  const stats: [string, string, string?][] = [
    [t('overview.receivable'), f.euro(data.receivables), t('overview.withBalance', { count: data.debtorsWithBalance })],
    [t('overview.credit'), f.euro(data.creditBalances)],
    [t('overview.debtors'), String(data.debtorCount)],
    [t('overview.lastEntry'), data.lastEntryDate ? f.date(data.lastEntryDate) : t('overview.none')],
  ];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('overview.title')}</Title>
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md">
        {stats.map(([label, value, sub]) => (
          <Card key={label} padding="md" component="section" aria-label={label}>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text fz={24} fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {value}
            </Text>
            {sub && (
              <Text size="xs" c="dimmed">
                {sub}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {data.debtorCount === 0 ? (
        <EmptyState title={t('overview.emptyTitle')} action={{ href: '#/debiteuren', label: t('nav.debtors') }}>
          {t('overview.emptyText')}
        </EmptyState>
      ) : (
        <>
          <TodoList todo={data.todo} />
          {data.collectionsInTransit.length > 0 && (
            <Card component="section" aria-label={t('overview.inTransit')}>
              <Title order={2} mb={4}>
                {t('overview.inTransit')}
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                {t('overview.inTransitIntro')}{' '}
                <Anchor href="#/bankafschriften/onderweg" size="sm">
                  {t('overview.inTransitExplained')}
                </Anchor>
              </Text>
              <Table highlightOnHover>
                <Table.Tbody>
                  {data.collectionsInTransit.map((b) => (
                    <Table.Tr key={b.batchId}>
                      <Table.Td>
                        <Anchor href={hashLink(['incasso'], { batches: 'awaiting' })} size="sm">
                          {b.reference}
                        </Anchor>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(b.date)}</Table.Td>
                      <Table.Td>{t('overview.debits', { count: b.debits })}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                        {f.euro(b.amount)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          )}
          <Suspense fallback={<Loading />}>
            <Charts dashboard={data} />
          </Suspense>
        </>
      )}
      <Accordion variant="separated" radius="lg">
        <Accordion.Item value="accounts">
          <Accordion.Control>
            <Group gap="xs">
              <Text fw={600}>{t('overview.accounts')}</Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <AccountBalances accounts={data.accounts} />
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
