import { Badge, Card, Checkbox, Group, Table, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { useFormat } from '../../components/format';

type Debit = Output<'collections.propose'>['debits'][number];

/** The name without accents: when the file's name differs from it, an account holder (or another script) is shown. */
const latinFold = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 70);
type SortKey = 'debtor' | 'date' | 'amount';
const SHOWN = 500;
const nowrap = { whiteSpace: 'nowrap' } as const;
const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

// a narrow column cut "RCUR" to "R…" and "opnieuw aangeboden" to "opnieuw aangebo…": the short code claims its
// width, the longer words wrap, so the table still fits beside the menu
const wholeBadge = { root: { maxWidth: 'none', overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible' } } as const;
const wrappingBadge = { root: { height: 'auto', maxWidth: '100%', paddingBlock: 1 }, label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.25 } } as const;

/** The proposed debits: sortable, filterable, and each one can be switched off. */
export function ProposalTable({ debits, onDeselect }: { debits: Debit[]; onDeselect: (itemIds: number[]) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'debtor', desc: false });
  const rows = useMemo(() => {
    const term = filter.trim().toLowerCase();
    const filtered = term ? debits.filter((d) => `${d.debtorNumber} ${d.debtorName} ${d.iban} ${d.mandateReference} ${d.items.map((i) => i.document).join(' ')}`.toLowerCase().includes(term)) : debits;
    const value = (d: Debit) => (sort.key === 'amount' ? d.amount : sort.key === 'date' ? d.date : Number(d.debtorNumber) || 0);
    return [...filtered].sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : 0) * (sort.desc ? -1 : 1));
  }, [debits, filter, sort]);
  const header = (key: SortKey, label: string, numeric = false) => {
    const on = sort.key === key;
    return (
      <Table.Th ta={numeric ? 'right' : undefined} aria-sort={on ? (sort.desc ? 'descending' : 'ascending') : 'none'} style={nowrap}>
        <UnstyledButton fz="sm" fw={600} onClick={() => setSort({ key, desc: on ? !sort.desc : false })} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          {label}
          {on ? sort.desc ? <IconArrowDown size={14} aria-hidden /> : <IconArrowUp size={14} aria-hidden /> : <IconArrowsSort size={14} stroke={1.4} opacity={0.5} aria-hidden />}
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Card component="section" aria-label={t('collection.proposed')}>
      <Group justify="space-between" mb="sm">
        <Title order={2}>
          {t('collection.proposed')} ({debits.length})
        </Title>
        <TextInput type="search" leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />} placeholder={t('collection.filter')} aria-label={t('collection.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={340} />
      </Group>
      <Table.ScrollContainer minWidth={960}>
        <Table aria-label={t('collection.proposedTable')} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} />
              {header('debtor', t('items.debtor'))}
              <Table.Th style={nowrap}>{t('fields.iban')}</Table.Th>
              <Table.Th style={nowrap}>{t('collection.mandate')}</Table.Th>
              {header('date', t('collection.date'))}
              <Table.Th>{t('collection.items')}</Table.Th>
              <Table.Th ta="right" style={nowrap}>
                {t('collection.discount')}
              </Table.Th>
              {header('amount', t('collection.amount'), true)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, SHOWN).map((d) => {
              const key = d.items.map((i) => `${i.itemId}:${i.part ?? ''}`).join(',');
              return (
                <Table.Tr key={key}>
                  <Table.Td>
                    <Checkbox size="xs" checked aria-label={`${t('collection.deselect')} ${d.debtorName}`} onChange={() => onDeselect([...new Set(d.items.map((i) => i.itemId))])} />
                  </Table.Td>
                  <Table.Td maw={260}>
                    <Text size="sm" truncate="end" title={`${d.debtorNumber} ${d.debtorName}`}>
                      {d.debtorNumber} {d.debtorName}
                    </Text>
                    {d.name.toUpperCase() !== latinFold(d.debtorName).toUpperCase() && (
                      <Text size="xs" c="dimmed" truncate="end" title={d.name}>
                        {t('collection.holder')}: {d.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace" style={nowrap}>
                    {f.iban(d.iban)}
                  </Table.Td>
                  <Table.Td style={nowrap}>
                    <Group gap={4} wrap="nowrap">
                      <Text span ff="monospace" size="sm">
                        {d.mandateReference}
                      </Text>
                      <Badge size="sm" variant="light" tt="none" styles={wholeBadge}>
                        {d.sequenceType}
                      </Badge>
                      {d.amendment && (
                        <Tooltip label={t('collection.amendmentHint')}>
                          <Badge size="sm" variant="light" color="orange" tt="none" tabIndex={0}>
                            {t('collection.amendment')}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={nowrap}>{f.date(d.date)}</Table.Td>
                  <Table.Td fz="xs">
                    {d.items.map((i) => `${i.document}${i.part ? ` (${t('collection.part')} ${i.part})` : ''}`).join(', ')}
                    {d.items.some((i) => i.represented) && (
                      <Tooltip label={t('collection.representedHint')} multiline w={300}>
                        <Badge size="sm" variant="light" color="orange" tt="none" ml={6} tabIndex={0} styles={wrappingBadge}>
                          {t('collection.represented')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={figures}>
                    {d.discount ? f.euro(d.discount) : ''}
                  </Table.Td>
                  <Table.Td ta="right" style={figures}>
                    {f.euro(d.amount)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length > SHOWN && (
        <Text size="sm" c="dimmed" mt="xs">
          {t('collection.moreDebits', { count: rows.length - SHOWN })}
        </Text>
      )}
    </Card>
  );
}
