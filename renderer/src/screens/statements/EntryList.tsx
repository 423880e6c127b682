import { ActionIcon, Card, Group, NativeSelect, Pagination, SegmentedControl, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementEntryT } from '../../../../shared/api/contract';
import { EmptyState } from '../../components/EmptyState';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { useQuery } from '../../hooks/useApi';
import { hashLink, useHashQuery } from '../../hooks/useHashRoute';
import { EntryPanel } from './EntryPanel';
import { amountColor } from './amountColor';
import { MatchBadge } from './MatchBadge';

const PAGE = 200;
const FILTERS = ['all', 'unmatched', 'returns'] as const;
type Filter = (typeof FILTERS)[number];
const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * Entries of one statement or of all: the filter (unmatched, returns) and the batch come from the
 * hash query, so the Overzicht and the Incasso screen can link straight to a filtered list.
 */
export function EntryList({ route, statementId, onChanged }: { route: (string | number)[]; statementId?: number; onChanged?: () => void }) {
  const { t } = useTranslation();
  const query = useHashQuery();
  const filter: Filter = (FILTERS as readonly string[]).includes(query.get('filter') ?? '') ? (query.get('filter') as Filter) : 'all';
  const batchId = Number(query.get('batch')) || undefined;
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number>();
  const entries = useQuery('statements.entries', { filter, statementId, batchId, limit: PAGE, offset: (page - 1) * PAGE });
  const batches = useQuery('batches.list', { kind: 'collection' });
  const go = (next: { filter?: Filter; batch?: number | null }) => {
    setPage(1);
    const f = next.filter ?? filter;
    const b = next.batch === undefined ? batchId : next.batch;
    window.location.hash = hashLink(route, { filter: f === 'all' ? null : f, batch: b ? String(b) : null });
  };
  const refresh = () => {
    entries.reload();
    onChanged?.();
  };

  return (
    <Card p={0} component="section" aria-label={t('statements.entriesTitle')}>
      <Group p="md" gap="md" align="flex-end">
        <SegmentedControl
          aria-label={t('statements.filter')}
          value={filter}
          onChange={(v) => go({ filter: v as Filter })}
          data={FILTERS.map((value) => ({ value, label: t(`statements.filters.${value}`) }))}
        />
        <NativeSelect
          label={t('statements.batchFilter')}
          value={batchId ? String(batchId) : ''}
          onChange={(e) => go({ batch: Number(e.currentTarget.value) || null })}
          data={[{ value: '', label: t('statements.allBatches') }, ...(batches.data ?? []).map((b) => ({ value: String(b.id), label: b.reference }))]}
          w={260}
        />
        {entries.data && (
          <Text size="sm" c="dimmed" ml="auto">
            {t('statements.entryCount', { count: entries.data.total })}
          </Text>
        )}
      </Group>
      {entries.error ? (
        <LoadError error={entries.error} retry={entries.reload} />
      ) : !entries.data ? (
        <Loading />
      ) : entries.data.entries.length === 0 ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <EmptyState title={t(`statements.noEntries.${filter}`)}>{t(`statements.noEntriesText.${filter}`)}</EmptyState>
        </div>
      ) : (
        <>
          <EntryTable entries={entries.data.entries} onOpen={setOpen} />
          {entries.data.total > PAGE && (
            <Group justify="center" p="md">
              <Pagination total={Math.ceil(entries.data.total / PAGE)} value={page} onChange={setPage} getControlProps={(c) => ({ 'aria-label': c === 'previous' ? t('statements.previousPage') : c === 'next' ? t('statements.nextPage') : c })} />
            </Group>
          )}
        </>
      )}
      {open !== undefined && <EntryPanel entryId={open} onClose={() => setOpen(undefined)} onChanged={refresh} />}
    </Card>
  );
}

export function EntryTable({ entries, onOpen }: { entries: StatementEntryT[]; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover fz="sm" verticalSpacing="xs" aria-label={t('statements.entriesTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('statements.date')}</Table.Th>
            <Table.Th ta="right">{t('statements.amount')}</Table.Th>
            <Table.Th>{t('statements.counterparty')}</Table.Th>
            <Table.Th>{t('statements.description')}</Table.Th>
            <Table.Th>{t('statements.state')}</Table.Th>
            <Table.Th>{t('statements.explanation')}</Table.Th>
            <Table.Th w={50}>
              <VisuallyHidden>{t('statements.rowActions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => {
            const name = e.counterpartyName ?? '—';
            const action = e.state === 'unmatched' ? t('statements.matchEntry') : t('statements.showEntry');
            return (
              <Table.Tr key={e.id} data-entry={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(e.bookingDate)}</Table.Td>
                <Table.Td ta="right" style={figures} c={amountColor(e.amount)} fw={500}>
                  {f.euro(e.amount)}
                </Table.Td>
                <Table.Td maw={200}>
                  <Text size="sm" truncate="end" title={name}>
                    {name}
                  </Text>
                  {e.counterpartyIban && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {f.iban(e.counterpartyIban)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={260}>
                  <Text size="sm" lineClamp={2} title={e.description}>
                    {e.description || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <MatchBadge entry={e} />
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="xs" c="dimmed" lineClamp={3} title={e.explanation[f.lang]}>
                    {e.explanation[f.lang]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={action}>
                    <ActionIcon variant={e.state === 'unmatched' ? 'light' : 'subtle'} aria-label={`${action}: ${f.date(e.bookingDate)} ${f.euro(e.amount)} ${name}`} onClick={() => onOpen(e.id)}>
                      <IconLink size={18} stroke={1.6} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
