import { Badge, Button, Checkbox, Fieldset, Group, NativeSelect, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { matchesDebtor, useAllDebtors } from '../../hooks/useAllDebtors';
import { useQuery } from '../../hooks/useApi';

const nowrap = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * Picking the members of a fee run from the whole list: narrow it by group, status and a search,
 * tick members one by one or every member shown at once. The choice survives a change of filter.
 */
export function MemberChecklist({ chosen, onChange, error }: { chosen: Set<number>; onChange: (next: Set<number>) => void; error?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const debtors = useAllDebtors();
  const statuses = useQuery('debtorStatuses.list', {});
  const groups = useQuery('debtors.tags', {});
  const [group, setGroup] = useState('');
  const [statusId, setStatusId] = useState('');
  const [search, setSearch] = useState('');
  const shown = useMemo(
    () => (debtors.data ?? []).filter((d) => (!group || d.tags.includes(group)) && (!statusId || String(d.statusId) === statusId) && matchesDebtor(d, search)),
    [debtors.data, group, statusId, search],
  );
  const shownChosen = shown.filter((d) => chosen.has(d.id)).length;
  const setMany = (ids: number[], on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids) if (on) next.add(id); else next.delete(id);
    onChange(next);
  };
  return (
    <Fieldset legend={t('picker.title')} mt="md" aria-describedby={error ? 'picker-error' : undefined}>
      <Group align="flex-end" gap="md">
        <NativeSelect label={t('picker.group')} value={group} w={200} onChange={(e) => setGroup(e.currentTarget.value)} data={[{ value: '', label: t('picker.anyGroup') }, ...(groups.data ?? []).map((g) => ({ value: g.tag, label: `${g.tag} (${g.count})` }))]} />
        <NativeSelect label={t('picker.status')} value={statusId} w={200} onChange={(e) => setStatusId(e.currentTarget.value)} data={[{ value: '', label: t('picker.anyStatus') }, ...(statuses.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))]} />
        <TextInput type="search" label={t('picker.searchLabel')} placeholder={t('picker.search')} value={search} w={340} leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />} onChange={(e) => setSearch(e.currentTarget.value)} />
      </Group>
      <Group justify="space-between" mt="sm">
        <Text size="sm" role="status" fw={600} c={error ? 'red.8' : undefined} id="picker-error">
          {chosen.size === 0 ? (error ?? t('picker.none')) : t('picker.count', { count: chosen.size })}
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="default" disabled={shown.length === 0 || shownChosen === shown.length} onClick={() => setMany(shown.map((d) => d.id), true)}>
            {t('picker.chooseShown', { count: shown.length })}
          </Button>
          <Button size="compact-sm" variant="default" disabled={chosen.size === 0} onClick={() => onChange(new Set())}>
            {t('picker.clear')}
          </Button>
        </Group>
      </Group>
      {debtors.error && <LoadError error={debtors.error} retry={debtors.reload} />}
      {!debtors.data && !debtors.error && <Loading />}
      {debtors.data && (
        <ScrollArea.Autosize mah={360} mt="xs" type="auto">
          <Table layout="fixed" stickyHeader aria-label={t('picker.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={44}>
                  <Checkbox
                    aria-label={t('picker.allShown')}
                    checked={shown.length > 0 && shownChosen === shown.length}
                    indeterminate={shownChosen > 0 && shownChosen < shown.length}
                    onChange={(e) => setMany(shown.map((d) => d.id), e.currentTarget.checked)}
                  />
                </Table.Th>
                <Table.Th w={100} style={nowrap}>{t('debtors.numberColumn')}</Table.Th>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th w={240} style={nowrap}>{t('debtor.tags')}</Table.Th>
                <Table.Th w={160} style={nowrap}>{t('debtors.status')}</Table.Th>
                <Table.Th w={120} ta="right" style={nowrap}>{t('fields.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((d) => (
                <Table.Tr key={d.id} bg={chosen.has(d.id) ? 'navy.0' : undefined}>
                  <Table.Td>
                    <Checkbox aria-label={`${d.number} ${d.name}`} checked={chosen.has(d.id)} onChange={(e) => setMany([d.id], e.currentTarget.checked)} />
                  </Table.Td>
                  <Table.Td style={nowrap}>{d.number}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end" title={d.name}>{d.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
                      {d.tags.map((tag) => <Badge key={tag} variant="light" tt="none" size="sm">{tag}</Badge>)}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" truncate="end">{d.statusName ?? ''}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={nowrap}>{d.balance !== 0 ? f.euro(d.balance) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {shown.length === 0 && <Text c="dimmed" size="sm" p="sm">{t('picker.noMatch')}</Text>}
        </ScrollArea.Autosize>
      )}
    </Fieldset>
  );
}
