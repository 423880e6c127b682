import { Anchor, Badge, Card, Group, SegmentedControl, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DebtorReturnT } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { useAllDebtors } from '../../hooks/useAllDebtors';
import { useQuery } from '../../hooks/useApi';
import { hashLink, useHashQuery } from '../../hooks/useHashRoute';

const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The returns the Overzicht counts as "af te handelen" (statements.todo): not re-presented by
 * Penning, and an item of the returned debit still open. Read per member through items.list; the
 * members with such returns are few.
 */
function useReturnsToHandle(returns: DebtorReturnT[] | undefined): Set<number> | undefined {
  const [open, setOpen] = useState<Set<number>>();
  useEffect(() => {
    if (!returns) return;
    let cancelled = false;
    const waiting = returns.filter((r) => r.action !== 'represent');
    const debtorIds = [...new Set(waiting.map((r) => r.debtorId))];
    Promise.all(debtorIds.map((debtorId) => call('items.list', { debtorId, status: 'open', limit: 5000 })))
      .then((pages) => {
        const openItems = new Set(pages.flatMap((p) => p.items.filter((i) => i.balance > 0).map((i) => i.id)));
        if (!cancelled) setOpen(new Set(waiting.filter((r) => r.itemIds.some((id) => openItems.has(id))).map((r) => r.id)));
      })
      // without the items, show every return Penning does not re-present rather than hide one
      .catch(() => !cancelled && setOpen(new Set(waiting.map((r) => r.id))));
    return () => {
      cancelled = true;
    };
  }, [returns]);
  return open;
}

/** Storno's: each returned or rejected debit with its reason in plain words, how often this member and mandate refused, and what Penning did. */
// the action's words are the point of this column: wrap them rather than cut them to "volgende incasso opnieuw…"
const wrappingBadge = { root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 }, label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.3 } } as const;

export function Returns() {
  const { t } = useTranslation();
  const f = useFormat();
  const query = useHashQuery();
  const onlyOpen = query.get('filter') === 'open';
  const returns = useQuery('statements.returns', { limit: 1000 });
  const debtors = useAllDebtors();
  const open = useReturnsToHandle(returns.data);
  if (returns.error) return <LoadError error={returns.error} retry={returns.reload} />;
  if (!returns.data || !open) return <Loading />;
  const shown = onlyOpen ? returns.data.filter((r) => open.has(r.id)) : returns.data;
  const names = new Map((debtors.data ?? []).map((d) => [d.id, `${d.number} ${d.name}`]));
  return (
    <Card p={0} component="section" aria-label={t('statements.tabs.returns')}>
      <Group p="md" justify="space-between">
        <Text size="sm" c="dimmed" maw={760}>
          {t('statements.returnsIntro')}
        </Text>
        <SegmentedControl
          aria-label={t('statements.filter')}
          value={onlyOpen ? 'open' : 'all'}
          onChange={(v) => (window.location.hash = hashLink(['bankafschriften', 'stornos'], { filter: v === 'open' ? 'open' : null }))}
          data={[
            { value: 'all', label: t('statements.returnFilters.all') },
            { value: 'open', label: t('statements.returnFilters.open', { count: open.size }) },
          ]}
        />
      </Group>
      {shown.length === 0 ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <EmptyState title={t(onlyOpen ? 'statements.noOpenReturns' : 'statements.noReturns')}>{t(onlyOpen ? 'statements.noOpenReturnsText' : 'statements.noReturnsText')}</EmptyState>
        </div>
      ) : (
        <Table.ScrollContainer minWidth={1050}>
          <Table highlightOnHover fz="sm" verticalSpacing="xs" aria-label={t('statements.tabs.returns')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('statements.date')}</Table.Th>
                <Table.Th>{t('statements.debtor')}</Table.Th>
                <Table.Th ta="right">{t('statements.amount')}</Table.Th>
                <Table.Th>{t('statements.reason')}</Table.Th>
                <Table.Th ta="right">{t('statements.refusals')}</Table.Th>
                <Table.Th>{t('statements.penningDid')}</Table.Th>
                <Table.Th>{t('batch.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(r.date)}</Table.Td>
                  <Table.Td maw={220}>
                    <Anchor href={`#/debiteuren/${r.debtorId}`} size="sm" display="block" truncate="end" title={names.get(r.debtorId)}>
                      {names.get(r.debtorId) ?? t('statements.debtorNo', { id: r.debtorId })}
                    </Anchor>
                    {r.mandateReference && (
                      <Text size="xs" c="dimmed">
                        {t('statements.mandate')} {r.mandateReference}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={figures} c="red.9">
                    {f.euro(r.amount)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge color="red" variant="light" tt="none">
                        {`${t(`statements.returnKind.${r.kind}`)}${r.reasonCode ? ` ${r.reasonCode}` : ''}`}
                      </Badge>
                      {r.b2bRefund && (
                        <Tooltip label={t('statements.b2bRefund')} multiline w={300}>
                          <Badge color="orange" variant="light" tt="none" leftSection={<IconAlertTriangle size={12} aria-hidden />} tabIndex={0}>
                            B2B
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                    <Text size="xs" mt={2}>
                      {r.label[f.lang]}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={figures}>
                    <Text size="sm">{t('statements.debtorRefusals', { count: r.debtorCount })}</Text>
                    {r.mandateReference && (
                      <Text size="xs" c="dimmed">
                        {t('statements.mandateRefusals', { count: r.mandateCount })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Badge variant="outline" color={r.action === 'represent' ? 'navy' : r.action === 'dun' ? 'orange' : 'gray'} tt="none" mb={2} styles={wrappingBadge}>
                      {t(`statements.actions.${r.action}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {r.outcome[f.lang]}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {r.batchReference}
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
