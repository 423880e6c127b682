import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { REASON_TEXT } from '../../../../shared/collectionReasons';
import { useFormat } from '../../components/format';

type Excluded = Output<'collections.propose'>['excluded'][number];
const SHOWN = 300;

/** "Niet voorgesteld": every open item left out of the run, grouped by reason, with the reason in words. */
export function WhyNot({ excluded, onInclude }: { excluded: Excluded[]; onInclude: (itemId: number) => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [reason, setReason] = useState<string>('');
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const x of excluded) m.set(x.reason, (m.get(x.reason) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }, [excluded]);
  const rows = reason ? excluded.filter((x) => x.reason === reason) : excluded;
  const chip = (value: string, label: string) => (
    <Button key={value} size="compact-sm" radius="xl" variant={reason === value ? 'filled' : 'default'} aria-pressed={reason === value} onClick={() => setReason(value)}>
      {label}
    </Button>
  );
  return (
    <Card component="section" aria-label={t('collection.whyNot')}>
      <Title order={2}>
        {t('collection.whyNot')} ({excluded.length})
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('collection.whyNotIntro')}
      </Text>
      {excluded.length === 0 ? (
        <Text size="sm">{t('collection.whyNotNone')}</Text>
      ) : (
        <>
          <Group gap={6} mb="sm" role="group" aria-label={t('collection.byReason')}>
            {chip('', `${t('collection.allReasons')} (${excluded.length})`)}
            {counts.map(([r, n]) => chip(r, `${REASON_TEXT[r as Excluded['reason']][lang]} (${n})`))}
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('collection.whyNotTable')} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('items.debtor')}</Table.Th>
                  <Table.Th>{t('items.document')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('items.dueDate')}</Table.Th>
                  <Table.Th ta="right">{t('items.balance')}</Table.Th>
                  <Table.Th>{t('collection.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, SHOWN).map((x) => (
                  <Table.Tr key={x.itemId}>
                    <Table.Td maw={240}>
                      <Text component="a" href={`#/debiteuren/${x.debtorId}`} size="sm" c="navy.7" truncate="end" title={`${x.debtorNumber} ${x.debtorName}`} display="block">
                        {x.debtorNumber} {x.debtorName}
                      </Text>
                    </Table.Td>
                    <Table.Td ff="monospace">{x.document}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(x.dueDate)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {f.euro(x.balance)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <span>
                          {REASON_TEXT[x.reason][lang]}
                          {x.detail && <Text span c="dimmed" inherit> ({x.detail})</Text>}
                        </span>
                        {x.reason === 'deselected' && (
                          <Button size="compact-xs" variant="light" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => onInclude(x.itemId)}>
                            {t('collection.includeAgain')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {rows.length > SHOWN && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('collection.more', { count: rows.length - SHOWN })}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
