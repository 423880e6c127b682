import { Alert, Anchor, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';
import { navigate } from '../hooks/useHashRoute';
import { EntryList } from './statements/EntryList';
import { FileImport } from './statements/FileImport';
import { InTransit } from './statements/InTransit';
import { Returns } from './statements/Returns';
import { BalanceBadge, period, StatementList } from './statements/StatementList';

/** Tabs are routes (#/bankafschriften/regels?filter=unmatched), so the Overzicht and Incasso link into them. */
const TABS = [
  ['statements', ''],
  ['entries', 'regels'],
  ['inTransit', 'onderweg'],
  ['returns', 'stornos'],
] as const;

/** Bankafschriften: import bank files, the statements with their balance check, entries and their matches, Incasso onderweg and storno's. */
export function Statements({ detail }: { detail: string | undefined }) {
  const { t } = useTranslation();
  const id = Number(detail);
  if (detail && Number.isInteger(id) && id > 0) return <StatementDetail id={id} />;
  const current = TABS.find(([, route]) => route === (detail ?? ''))?.[0] ?? 'statements';
  return (
    <Stack gap="lg">
      <Title order={1}>{t('statements.title')}</Title>
      <Tabs value={current} onChange={(v) => {
          const route = TABS.find(([name]) => name === v)?.[1];
          navigate(...(route ? ['bankafschriften', route] : ['bankafschriften']));
        }} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map(([name]) => (
            <Tabs.Tab key={name} value={name}>
              {t(`statements.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="statements">{current === 'statements' && <StatementsTab />}</Tabs.Panel>
        <Tabs.Panel value="entries">{current === 'entries' && <EntryList route={['bankafschriften', 'regels']} />}</Tabs.Panel>
        <Tabs.Panel value="inTransit">{current === 'inTransit' && <InTransit />}</Tabs.Panel>
        <Tabs.Panel value="returns">{current === 'returns' && <Returns />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function StatementsTab() {
  const { t } = useTranslation();
  const list = useQuery('statements.list', {});
  if (list.error) return <LoadError error={list.error} retry={list.reload} />;
  return (
    <Stack gap="lg">
      <FileImport onImported={list.reload} />
      {!list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <EmptyState title={t('statements.emptyTitle')}>{t('statements.emptyText')}</EmptyState>
      ) : (
        <StatementList statements={list.data} />
      )}
    </Stack>
  );
}

function StatementDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const statement = useQuery('statements.get', { id });
  if (statement.error) return <LoadError error={statement.error} retry={statement.reload} />;
  if (!statement.data) return <Loading />;
  const s = statement.data.statement;
  const figure = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </div>
  );
  return (
    <Stack gap="lg">
      <div>
        <Anchor href="#/bankafschriften" size="sm">
          <IconArrowLeft size={14} stroke={1.6} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('statements.back')}
        </Anchor>
        <Title order={1} mt="xs">
          {t('statements.detailTitle', { account: s.bankAccountName, period: period(f, s.from, s.to) })}
        </Title>
        <Text size="sm" c="dimmed">
          {f.iban(s.account)} · {t('statements.bankId', { id: s.statementId })} · {s.fileName} ({s.format})
        </Text>
      </div>
      <Card>
        <SimpleGrid cols={{ base: 3, md: 6 }}>
          {figure(t('statements.opening'), s.opening === null ? '—' : f.euro(s.opening))}
          {figure(t('statements.credits'), f.euro(s.credits))}
          {figure(t('statements.debits'), f.euro(-s.debits))}
          {figure(t('statements.closing'), s.closing === null ? '—' : f.euro(s.closing))}
          {figure(t('statements.ledgerBalance'), f.euro(s.ledgerBalance))}
          <div>
            <Text size="xs" c="dimmed">
              {t('statements.balanceCheck')}
            </Text>
            <Group gap={4}>
              <BalanceBadge ok={s.balanceOk} difference={s.balanceDifference} gap={s.gap} />
            </Group>
          </div>
        </SimpleGrid>
        {s.problems.length > 0 && (
          <Alert color="orange" mt="md" title={t('statements.problems')}>
            <Stack gap={2}>
              {s.problems.map((p, i) => (
                <Text key={i} size="sm">
                  {p[f.lang]}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        <Text size="sm" mt="sm">
          {t('statements.detailCounts', { count: s.entries, fresh: s.newEntries, unmatched: s.unmatched, returns: t('statements.returnCount', { count: s.returns }) })}
        </Text>
      </Card>
      <EntryList route={['bankafschriften', id]} statementId={id} onChanged={statement.reload} />
    </Stack>
  );
}
