import { ActionIcon, Button, Card, Group, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconChevronRight, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebtorT } from '../../../shared/api/contract';
import { EmptyState } from '../components/EmptyState';
import { notifySuccess } from '../components/feedback';
import { FilterChips } from '../components/FilterChips';
import { FormFooter } from '../components/FormFooter';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { SortableTh, sortedBy, type Sort } from '../components/SortableTh';
import { matchesDebtor, useAllDebtors } from '../hooks/useAllDebtors';
import { useFormErrors } from '../hooks/useFormErrors';
import { dropHashQuery, navigate, useHashQuery } from '../hooks/useHashRoute';

const SHOWN = 200;
/** Filters an Overzicht link brings (#/debiteuren?mandate=expiring): applied by debtors.list. */
const MANDATE_FILTERS = ['expiring', 'missing'] as const;

type Column = 'number' | 'name' | 'iban' | 'mandate' | 'status' | 'balance';

function cell(d: DebtorT, key: Column): string | number | null {
  switch (key) {
    case 'number':
      return d.number;
    case 'name':
      return d.name;
    case 'iban':
      return d.iban;
    case 'mandate':
      return d.paymentMethod === 'transfer' ? null : d.activeMandate;
    case 'status':
      return d.statusName;
    case 'balance':
      return d.balance;
  }
}

/** The debtor list: every member at once, sorted by any column, found by number prefix or name. */
export function Debtors() {
  const { t } = useTranslation();
  const f = useFormat();
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(SHOWN);
  const [sort, setSort] = useState<Sort<Column>>({ key: 'number', desc: false });
  const [adding, setAdding] = useState(false);
  const query = useHashQuery();
  const mandate = MANDATE_FILTERS.find((m) => m === query.get('mandate'));
  const { data, error, reload } = useAllDebtors({ mandate });
  const rows = useMemo(() => (data ? sortedBy(data.filter((d) => matchesDebtor(d, search)), sort, cell) : []), [data, search, sort]);

  return (
    <section>
      <Group justify="space-between" align="flex-start" mb="md">
        <Title order={1}>{t('debtors.title')}</Title>
        <Group gap="sm">
          <Button component="a" href="#/debiteuren/inlezen" variant="default" leftSection={<IconFileImport size={16} stroke={1.6} aria-hidden />}>
            {t('import.button')}
          </Button>
          <Button onClick={() => setAdding(true)} disabled={adding} leftSection={<IconPlus size={16} stroke={1.6} aria-hidden />}>
            {t('debtors.new')}
          </Button>
        </Group>
      </Group>
      {adding && (
        <NewDebtorForm
          onCancel={() => setAdding(false)}
          onCreated={() => {
            setAdding(false);
            reload();
          }}
        />
      )}
      <FilterChips filters={mandate ? [{ key: 'mandate', label: t(`filters.mandate.${mandate}`), onRemove: () => dropHashQuery('mandate') }] : []} />
      {error && <LoadError error={error} retry={reload} />}
      {!data && !error && <Loading />}
      {data && data.length === 0 && !mandate && (
        <EmptyState title={t('debtors.emptyTitle')}>
          <p>{t('debtors.emptyText')}</p>
        </EmptyState>
      )}
      {data && (data.length > 0 || mandate) && (
        <Card padding={0}>
          <Group justify="space-between" p="md" gap="md">
            <TextInput
              type="search"
              placeholder={t('debtors.search')}
              aria-label={t('debtors.search')}
              leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setShown(SHOWN);
              }}
              w={420}
            />
            <Text size="sm" c="dimmed" role="status">
              {search.trim() ? t('debtors.matchCount', { count: rows.length, total: data.length }) : t('debtors.count', { count: data.length })}
            </Text>
          </Group>
          {rows.length === 0 ? (
            <Text c="dimmed" px="md" pb="md">
              {t('debtors.noMatch', { search: search.trim() })}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table layout="fixed" aria-label={t('debtors.title')} highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <SortableTh column="number" sort={sort} onSort={setSort} w={110}>{t('debtors.numberColumn')}</SortableTh>
                    <SortableTh column="name" sort={sort} onSort={setSort}>{t('fields.name')}</SortableTh>
                    <SortableTh column="iban" sort={sort} onSort={setSort} w={205}>{t('fields.iban')}</SortableTh>
                    <SortableTh column="mandate" sort={sort} onSort={setSort} w={145}>{t('debtors.mandate')}</SortableTh>
                    <SortableTh column="status" sort={sort} onSort={setSort} w={130}>{t('debtors.status')}</SortableTh>
                    <SortableTh column="balance" sort={sort} onSort={setSort} w={120} align="right">{t('fields.balance')}</SortableTh>
                    <Table.Th w={48}>
                      <VisuallyHidden>{t('debtors.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, shown).map((d) => (
                    <Table.Tr key={d.id} onClick={() => navigate('debiteuren', d.id)} style={{ cursor: 'pointer' }}>
                      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{d.number}</Table.Td>
                      <Table.Td>
                        <Text truncate="end" title={d.name} size="sm">{d.name}</Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{f.iban(d.iban)}</Table.Td>
                      <Table.Td>
                        <Text truncate="end" size="sm" c={d.paymentMethod === 'transfer' ? 'dimmed' : undefined} title={d.activeMandate ?? undefined}>
                          {d.paymentMethod === 'transfer' ? t('paymentMethod.transfer') : (d.activeMandate ?? '—')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text truncate="end" size="sm" c="dimmed" title={d.statusName ?? undefined}>{d.statusName ?? ''}</Text>
                      </Table.Td>
                      <Table.Td ta="right" c={d.balance < 0 ? 'teal.9' : d.balance === 0 ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                        {f.euro(d.balance)}
                        {d.inCollectionText && (
                          <Text size="xs" c="dimmed" fs="italic" title={d.inCollectionText[f.lang]}>
                            {t('debtors.inCollection', { amount: f.euro(d.inCollection.reduce((sum, c) => sum + c.amount, 0)) })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon component="a" href={`#/debiteuren/${d.id}`} variant="subtle" aria-label={t('debtors.open', { name: d.name })} onClick={(e) => e.stopPropagation()}>
                          <IconChevronRight size={18} stroke={1.6} aria-hidden />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {rows.length > shown && (
            <Group justify="center" p="md">
              <Button variant="default" onClick={() => setShown(shown + SHOWN)}>
                {t('app.more')} ({shown} {t('app.of')} {rows.length})
              </Button>
            </Group>
          )}
        </Card>
      )}
    </section>
  );
}

function NewDebtorForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (d: DebtorT) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('debtors.create');
  const [d, setD] = useState({ name: '', number: '', email: '', iban: '' });
  const set = (key: keyof typeof d, value: string) => {
    setD({ ...d, [key]: value });
    form.clear(key);
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const created = await form.submit(d);
    if (!created) return;
    notifySuccess(t('debtors.created', { number: created.number, name: created.name }), { href: `#/debiteuren/${created.id}`, label: t('debtors.openCard') });
    onCreated(created);
  };
  return (
    <Card mb="md" component="form" ref={form.formRef} onSubmit={save} noValidate aria-label={t('debtors.new')}>
      <Title order={2} mb="sm">{t('debtors.new')}</Title>
      <Group align="flex-start" gap="md">
        <TextInput label={t('fields.name')} name="name" required autoFocus value={d.name} onChange={(e) => set('name', e.currentTarget.value)} error={form.errorOf('name')} w={320} />
        <TextInput label={t('fields.number')} name="number" description={t('fields.numberHint')} value={d.number} onChange={(e) => set('number', e.currentTarget.value)} error={form.errorOf('number')} w={200} />
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        <TextInput label={t('fields.email')} name="email" type="email" value={d.email} onChange={(e) => set('email', e.currentTarget.value)} error={form.errorOf('email')} w={320} />
        <TextInput label={t('fields.iban')} name="iban" value={d.iban} onChange={(e) => set('iban', e.currentTarget.value)} error={form.errorOf('iban')} w={320} />
      </Group>
      <FormFooter formError={form.formError} busy={form.busy} onCancel={onCancel} />
    </Card>
  );
}
