import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import type { ApiErrorData } from '../../../../shared/api/errors';
import { useFormat } from '../../components/format';
import { LoadError } from '../../components/Loading';

const nowrap = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

type Entry = Output<'entries.list'>['entries'][number];

/** An entry gathered over a statement (all members' transfers of a day) says whose payment in its line. */
const lineDescription = (e: Entry, l: Entry['lines'][number]) => (e.sourceType === 'bank_statement' && l.description ? l.description : e.description);

/** Every journal line on this debtor, newest first: the card's own account statement. */
export function History({ debtorId, entries }: { debtorId: number; entries: { data?: Output<'entries.list'>; error?: ApiErrorData; reload: () => void } }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card mb="md">
      <Title order={2} mb="xs">{t('debtor.history')}</Title>
      {entries.error && <LoadError error={entries.error} retry={entries.reload} />}
      {entries.data && entries.data.total === 0 && <Text c="dimmed">{t('debtor.noHistory')}</Text>}
      {entries.data && entries.data.total > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table layout="fixed" aria-label={t('debtor.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120} style={nowrap}>{t('debtor.date')}</Table.Th>
                <Table.Th w={150} style={nowrap}>{t('debtor.reference')}</Table.Th>
                <Table.Th>{t('debtor.description')}</Table.Th>
                <Table.Th w={130} ta="right" style={nowrap}>{t('debtor.debit')}</Table.Th>
                <Table.Th w={130} ta="right" style={nowrap}>{t('debtor.credit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.entries.flatMap((e) =>
                e.lines
                  .filter((l) => l.debtorId === debtorId)
                  .map((l, i) => (
                    <Table.Tr key={`${e.id}-${i}`}>
                      <Table.Td style={nowrap}>{f.date(e.date)}</Table.Td>
                      <Table.Td style={nowrap}>{e.reference}</Table.Td>
                      <Table.Td>
                        <Text size="sm" truncate="end" title={lineDescription(e, l)}>{lineDescription(e, l)}</Text>
                      </Table.Td>
                      <Table.Td ta="right" style={nowrap}>{l.debit ? f.euro(l.debit) : ''}</Table.Td>
                      <Table.Td ta="right" style={nowrap}>{l.credit ? f.euro(l.credit) : ''}</Table.Td>
                    </Table.Tr>
                  )),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
