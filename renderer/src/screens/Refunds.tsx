import { Alert, Anchor, Card, Checkbox, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../components/DateField';
import { EmptyState } from '../components/EmptyState';
import { confirmMoneyAction, notifyError, notifySuccess } from '../components/feedback';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { ReasonButton } from '../components/ReasonButton';
import { asErrorData, useQuery } from '../hooks/useApi';
import { useFormErrors } from '../hooks/useFormErrors';
import { Batches } from './collection/Batches';
import { downloadBatchFiles } from './collection/downloads';

const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Terugbetalingen: members with a credit balance, paid back with a pain.001 file. */
export function Refunds() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const candidates = useQuery('refunds.candidates', {});
  const batches = useQuery('batches.list', { kind: 'refund' });
  const form = useFormErrors('refunds.create');
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [executionDate, setExecutionDate] = useState<string | null>(null);
  if (candidates.error) return <LoadError error={candidates.error} retry={candidates.reload} />;
  if (!candidates.data || !batches.data) return <Loading />;
  const payable = candidates.data.filter((c) => c.iban);
  const total = payable.filter((c) => chosen.has(c.debtorId)).reduce((s, c) => s + c.credit, 0);
  const allChosen = payable.length > 0 && payable.every((c) => chosen.has(c.debtorId));
  const toggle = (id: number) => setChosen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const refresh = () => {
    candidates.reload();
    batches.reload();
  };
  const save = async () => {
    const input = { debtorIds: [...chosen], executionDate: executionDate ?? undefined };
    if (!form.check(input)) return;
    const ok = await confirmMoneyAction({
      title: t('refunds.confirmTitle'),
      body: t('refunds.confirmBody', { count: chosen.size, amount: f.euro(total), date: executionDate ? f.date(executionDate) : t('refunds.nextBusinessDay') }),
      undo: t('refunds.undoHow'),
      confirmLabel: t('refunds.saveShort'),
    });
    if (!ok) return;
    const batch = await form.submit(input);
    if (!batch) return;
    try {
      await downloadBatchFiles(batch);
    } catch (e) {
      // the batch is saved and booked; the file can be fetched again from the batch list
      notifyError(asErrorData(e).message[i18n.language === 'en' ? 'en' : 'nl']);
    }
    notifySuccess(t('refunds.saved', { reference: batch.reference, count: batch.transactionCount, amount: f.euro(batch.controlSum) }), { href: '#/openstaande-posten/closed', label: t('refunds.seeItems') });
    setChosen(new Set());
    refresh();
  };
  return (
    <section>
      <Title order={1} mb="md">
        {t('refunds.title')}
      </Title>
      {candidates.data.length === 0 ? (
        <EmptyState title={t('refunds.emptyTitle')}>
          <p>{t('refunds.emptyText')}</p>
        </EmptyState>
      ) : (
        <Card>
          <form ref={form.formRef} noValidate aria-label={t('refunds.candidates')} onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <Text size="sm" c="dimmed" mb="sm">
              {t('refunds.intro')}
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label={t('refunds.candidates')} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <Checkbox size="xs" aria-label={t('refunds.all')} checked={allChosen} indeterminate={!allChosen && chosen.size > 0} onChange={(e) => setChosen(new Set(e.currentTarget.checked ? payable.map((c) => c.debtorId) : []))} />
                    </Table.Th>
                    <Table.Th>{t('items.debtor')}</Table.Th>
                    <Table.Th>{t('fields.iban')}</Table.Th>
                    <Table.Th ta="right">{t('refunds.credit')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {candidates.data.map((c) => (
                    <Table.Tr key={c.debtorId} bg={chosen.has(c.debtorId) ? 'var(--mantine-color-navy-0)' : undefined}>
                      <Table.Td>
                        <Checkbox size="xs" disabled={!c.iban} checked={chosen.has(c.debtorId)} aria-label={`${t('refunds.choose')} ${c.debtorName}`} onChange={() => toggle(c.debtorId)} />
                      </Table.Td>
                      <Table.Td maw={320}>
                        <Anchor href={`#/debiteuren/${c.debtorId}`} size="sm" truncate="end" title={`${c.debtorNumber} ${c.debtorName}`} display="block">
                          {c.debtorNumber} {c.debtorName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ff={c.iban ? 'monospace' : undefined} style={{ whiteSpace: 'nowrap' }}>
                        {c.iban ? f.iban(c.iban) : <Text span c="orange.8" size="sm">{t('refunds.noIban')}</Text>}
                      </Table.Td>
                      <Table.Td ta="right" style={figures}>
                        {f.euro(c.credit)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group align="flex-end" gap="md" mt="md">
              <DateField label={t('refunds.executionDate')} name="executionDate" value={executionDate} w={240} description={t('refunds.executionDateHint')} error={form.errorOf('executionDate')} onChange={(v) => { setExecutionDate(v); form.clear('executionDate'); }} />
              <ReasonButton type="submit" reason={chosen.size === 0 ? t('refunds.chooseFirst') : undefined} loading={form.busy}>
                {t('refunds.save', { count: chosen.size, amount: f.euro(total) })}
              </ReasonButton>
            </Group>
            {form.formError && (
              <Alert color="red" role="alert" mt="sm">
                {form.formError}
              </Alert>
            )}
          </form>
        </Card>
      )}
      <Batches batches={batches.data} onChanged={refresh} label={t('refunds.batches')} />
    </section>
  );
}
