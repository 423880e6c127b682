import { Anchor, Badge, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StatementSummaryT } from '../../../../shared/api/contract';
import { useFormat } from '../../components/format';

type Format = ReturnType<typeof useFormat>;
const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** dd-mm-jjjj t/m dd-mm-jjjj, or the one day. */
export function period(f: Format, from: string | null, to: string | null): string {
  if (!from && !to) return '—';
  if (!from || !to || from === to) return f.date(from ?? to);
  return `${f.date(from)} – ${f.date(to)}`;
}

/**
 * The balance check in one badge: ok, the difference when opening + entries is not the closing,
 * or the gap to the previous statement (a statement missing in between).
 */
export function BalanceBadge({ ok, difference, gap, problems }: { ok: boolean | null; difference: number | null; gap: number | null; problems?: string[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  let badge;
  if (ok === false) badge = <Badge color="red" variant="light" tt="none">{t('statements.difference', { amount: f.euro(difference ?? 0) })}</Badge>;
  else if (gap !== null && gap !== 0) badge = <Badge color="orange" variant="light" tt="none">{t('statements.gap', { amount: f.euro(gap) })}</Badge>;
  else if (ok === null) badge = <Badge color="gray" variant="light" tt="none">{t('statements.noBalances')}</Badge>;
  else badge = <Badge color="green" variant="light" tt="none">{t('statements.balanceOk')}</Badge>;
  if (!problems || problems.length === 0) return badge;
  return (
    <Tooltip label={problems.join(' · ')} multiline w={340}>
      <span tabIndex={0}>{badge}</span>
    </Tooltip>
  );
}

/** Imported statements, newest first: account, period, balances, entries and what is still to match. */
export function StatementList({ statements }: { statements: StatementSummaryT[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card p={0} component="section" aria-label={t('statements.list')}>
      <Table.ScrollContainer minWidth={900}>
        <Table highlightOnHover fz="sm" aria-label={t('statements.list')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('statements.account')}</Table.Th>
              <Table.Th>{t('statements.period')}</Table.Th>
              <Table.Th ta="right">{t('statements.opening')}</Table.Th>
              <Table.Th ta="right">{t('statements.closing')}</Table.Th>
              <Table.Th ta="right">{t('statements.entries')}</Table.Th>
              <Table.Th ta="right">{t('statements.matchedCount')}</Table.Th>
              <Table.Th ta="right">{t('statements.unmatchedCount')}</Table.Th>
              <Table.Th>{t('statements.balanceCheck')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statements.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor href={`#/bankafschriften/${s.id}`} size="sm" fw={600}>
                    {s.bankAccountName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {f.iban(s.account)} · {s.statementId}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(f, s.from, s.to)}</Table.Td>
                <Table.Td ta="right" style={figures}>{s.opening === null ? '—' : f.euro(s.opening)}</Table.Td>
                <Table.Td ta="right" style={figures}>{s.closing === null ? '—' : f.euro(s.closing)}</Table.Td>
                <Table.Td ta="right" style={figures}>{s.entries}</Table.Td>
                <Table.Td ta="right" style={figures}>{s.entries - s.unmatched}</Table.Td>
                <Table.Td ta="right" style={figures}>
                  {s.unmatched > 0 ? (
                    <Anchor href={`#/bankafschriften/${s.id}?filter=unmatched`} size="sm" fw={600} c="orange.9">
                      {s.unmatched}
                    </Anchor>
                  ) : (
                    0
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <BalanceBadge ok={s.balanceOk} difference={s.balanceDifference} gap={s.gap} problems={s.problems.map((p) => p[f.lang])} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
