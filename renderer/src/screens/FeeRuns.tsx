import { ActionIcon, Anchor, Badge, Button, Card, Checkbox, Group, MultiSelect, NativeSelect, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowLeft, IconLock, IconLockOpen, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../shared/api/contract';
import { call } from '../api/client';
import { useAction } from '../hooks/useAction';
import { AmountField } from '../components/AmountField';
import { DateField } from '../components/DateField';
import { EmptyState } from '../components/EmptyState';
import { notifySuccess } from '../components/feedback';
import { FormFooter } from '../components/FormFooter';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';
import { useFormErrors } from '../hooks/useFormErrors';
import { navigate } from '../hooks/useHashRoute';
import { MemberChecklist } from './feeRuns/MemberChecklist';

const nowrap = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Facturen: fee runs (massa factureren) — make drafts for a choice of members, review, post. */
export function FeeRuns({ runId }: { runId?: number }) {
  return runId ? <FeeRunReview id={runId} /> : <FeeRunList />;
}

function FeeRunList() {
  const { t } = useTranslation();
  const f = useFormat();
  const runs = useQuery('feeRuns.list', {});
  const [creating, setCreating] = useState(false);
  if (runs.error) return <LoadError error={runs.error} retry={runs.reload} />;
  return (
    <section>
      <Group justify="space-between" align="flex-start" mb="md">
        <Title order={1}>{t('feeRuns.title')}</Title>
        <Button disabled={creating} onClick={() => setCreating(true)} leftSection={<IconPlus size={16} stroke={1.6} aria-hidden />}>
          {t('feeRuns.new')}
        </Button>
      </Group>
      {creating && <FeeRunForm onCancel={() => setCreating(false)} />}
      {!runs.data && <Loading />}
      {runs.data?.length === 0 && !creating && (
        <EmptyState title={t('feeRuns.emptyTitle')}>
          <p>{t('feeRuns.emptyText')}</p>
        </EmptyState>
      )}
      {runs.data && runs.data.length > 0 && (
        <Card padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table layout="fixed" aria-label={t('feeRuns.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('feeRuns.description')}</Table.Th>
                  <Table.Th w={130} style={nowrap}>{t('feeRuns.invoiceDate')}</Table.Th>
                  <Table.Th w={130} ta="right" style={nowrap}>{t('feeRuns.amount')}</Table.Th>
                  <Table.Th w={110} ta="right" style={nowrap}>{t('feeRuns.drafts')}</Table.Th>
                  <Table.Th w={120} ta="right" style={nowrap}>{t('feeRuns.blocked')}</Table.Th>
                  <Table.Th w={110} ta="right" style={nowrap}>{t('feeRuns.posted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.map((r) => (
                  <Table.Tr key={r.id} onClick={() => navigate('facturen', r.id)} style={{ cursor: 'pointer' }}>
                    <Table.Td>
                      <Anchor href={`#/facturen/${r.id}`} size="sm" truncate="end" title={r.description} display="block">{r.description}</Anchor>
                    </Table.Td>
                    <Table.Td style={nowrap}>{f.date(r.invoiceDate)}</Table.Td>
                    <Table.Td ta="right" style={nowrap}>{f.euro(r.amount)}</Table.Td>
                    <Table.Td ta="right" style={nowrap}>{r.counts.drafts}</Table.Td>
                    <Table.Td ta="right" style={nowrap}>{r.counts.blocked}</Table.Td>
                    <Table.Td ta="right" style={nowrap}>{r.counts.posted}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </section>
  );
}

type Mode = 'all' | 'status' | 'tag' | 'selected';

function FeeRunForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const statuses = useQuery('debtorStatuses.list', {});
  const groups = useQuery('debtors.tags', {});
  const form = useFormErrors('feeRuns.create');
  const [d, setD] = useState({ description: '', invoiceDate: null as string | null, dueDate: null as string | null, amount: null as number | null, amountFromCard: false });
  const [mode, setMode] = useState<Mode>('all');
  const [tags, setTags] = useState<string[]>([]);
  const [statusIds, setStatusIds] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const set = <K extends keyof typeof d>(key: K, value: (typeof d)[K]) => {
    setD({ ...d, [key]: value });
    form.clear(key);
  };
  const selection = () => {
    if (mode === 'tag') return { mode, tags };
    if (mode === 'status') return { mode, statusIds: statusIds.map(Number) };
    if (mode === 'selected') return { mode, debtorIds: [...chosen] };
    return { mode };
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // empty fields are left out, so the contract itself says "verplicht" at each of them
    const run = await form.submit({
      description: d.description,
      invoiceDate: d.invoiceDate ?? undefined,
      dueDate: d.dueDate ?? undefined,
      amount: d.amount ?? undefined,
      amountFromCard: d.amountFromCard,
      selection: selection(),
    } as Input<'feeRuns.create'>);
    if (!run) return;
    notifySuccess(t('feeRuns.draftsMade', { count: run.counts.drafts }), { href: `#/facturen/${run.id}`, label: t('feeRuns.review') });
    navigate('facturen', run.id);
  };
  return (
    <Card component="form" ref={form.formRef} onSubmit={submit} noValidate aria-label={t('feeRuns.new')} mb="md">
      <Title order={2}>{t('feeRuns.new')}</Title>
      <Text size="sm" c="dimmed" mt={4}>{t('feeRuns.intro')}</Text>
      <Group align="flex-start" gap="md" mt="sm">
        <TextInput label={t('feeRuns.description')} name="description" required value={d.description} w={420} error={form.errorOf('description')} onChange={(e) => set('description', e.currentTarget.value)} />
        <AmountField label={t('feeRuns.amount')} name="amount" required value={d.amount} error={form.errorOf('amount')} onChange={(cents) => set('amount', cents)} />
      </Group>
      <Checkbox mt="sm" label={t('feeRuns.amountFromCard')} checked={d.amountFromCard} onChange={(e) => set('amountFromCard', e.currentTarget.checked)} />
      <Group align="flex-start" gap="md" mt="sm">
        <DateField label={t('feeRuns.invoiceDate')} name="invoiceDate" required value={d.invoiceDate} error={form.errorOf('invoiceDate')} onChange={(iso) => set('invoiceDate', iso)} />
        <DateField label={t('feeRuns.dueDate')} name="dueDate" value={d.dueDate} description={t('feeRuns.dueDateHint')} w={320} error={form.errorOf('dueDate')} onChange={(iso) => set('dueDate', iso)} />
      </Group>
      <Group align="flex-start" gap="md" mt="sm">
        <NativeSelect
          label={t('feeRuns.who')}
          name="selection.mode"
          value={mode}
          w={240}
          onChange={(e) => setMode(e.currentTarget.value as Mode)}
          data={[{ value: 'all', label: t('feeRuns.all') }, { value: 'tag', label: t('feeRuns.byTag') }, { value: 'status', label: t('feeRuns.byStatus') }, { value: 'selected', label: t('feeRuns.selected') }]}
        />
        {mode === 'tag' && (
          <MultiSelect label={t('debtor.tags')} name="selection.tags" value={tags} w={360} error={form.errorOf('selection.tags')} onChange={(v) => { setTags(v); form.clear('selection.tags'); }} data={(groups.data ?? []).map((g) => ({ value: g.tag, label: `${g.tag} (${g.count})` }))} />
        )}
        {mode === 'status' && (
          <MultiSelect label={t('debtor.status')} name="selection.statusIds" value={statusIds} w={360} error={form.errorOf('selection.statusIds')} onChange={(v) => { setStatusIds(v); form.clear('selection.statusIds'); }} data={(statuses.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))} />
        )}
      </Group>
      {mode === 'selected' && <MemberChecklist chosen={chosen} onChange={(next) => { setChosen(next); form.clear('selection.debtorIds'); }} error={form.errorOf('selection.debtorIds')} />}
      <FormFooter formError={form.formError} busy={form.busy} submitLabel={t('feeRuns.makeDrafts')} onCancel={onCancel} />
    </Card>
  );
}

function FeeRunReview({ id }: { id: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const run = useQuery('feeRuns.get', { id });
  const action = useAction();
  if (run.error) return <LoadError error={run.error} retry={run.reload} />;
  if (!run.data) return <Loading />;
  const r = run.data;
  const toggleBlock = async (invoiceId: number, blocked: boolean) => {
    if (await action.run(() => call('invoices.setBlocked', { id: invoiceId, blocked }), { key: `block-${invoiceId}` })) run.reload();
  };
  const post = async () => {
    const posted = await action.run(() => call('feeRuns.post', { id }), {
      key: 'post',
      confirm: {
        title: t('feeRuns.confirmTitle'),
        body: t('feeRuns.confirmBody', { count: r.counts.drafts, total: f.euro(r.counts.draftTotal), blocked: r.counts.blocked }),
        undo: t('feeRuns.undoHow'),
        confirmLabel: t('feeRuns.post', { count: r.counts.drafts, total: f.euro(r.counts.draftTotal) }),
      },
      success: (res) => ({
        message: `${t('feeRuns.postedResult', { count: res.posted })}${res.skippedBlocked ? ` ${t('feeRuns.skipped', { count: res.skippedBlocked })}` : ''}`,
        link: { href: '#/openstaande-posten', label: t('invoice.showItems') },
      }),
    });
    if (posted) run.reload();
  };
  return (
    <section>
      <Anchor href="#/facturen" size="sm">
        <IconArrowLeft size={14} stroke={1.6} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('feeRuns.back')}
      </Anchor>
      <Title order={1} mt="xs">{r.description}</Title>
      <Text c="dimmed" mt={4} mb="md">
        {t('feeRuns.summary', { date: f.date(r.invoiceDate), amount: f.euro(r.amount), drafts: r.counts.drafts, blocked: r.counts.blocked, posted: r.counts.posted })}
      </Text>
      {r.counts.drafts > 0 && (
        <Group mb="md">
          <Button loading={action.busyWith('post')} onClick={() => void post()}>
            {t('feeRuns.post', { count: r.counts.drafts, total: f.euro(r.counts.draftTotal) })}
          </Button>
        </Group>
      )}
      <Card padding={0}>
        <Table.ScrollContainer minWidth={820}>
          <Table layout="fixed" aria-label={t('feeRuns.invoices')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100} style={nowrap}>{t('debtors.numberColumn')}</Table.Th>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th w={220} style={nowrap}>{t('feeRuns.instruction')}</Table.Th>
                <Table.Th w={120} ta="right" style={nowrap}>{t('feeRuns.amount')}</Table.Th>
                <Table.Th w={230} style={nowrap}>{t('feeRuns.state')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('debtors.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.invoices.map((inv) => (
                <Table.Tr key={inv.id} c={inv.blocked ? 'dimmed' : undefined}>
                  <Table.Td style={nowrap}>{inv.debtorNumber}</Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate="end" title={inv.debtorName}>{inv.debtorName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" truncate="end" title={inv.billingInstruction ?? undefined}>{inv.billingInstruction ?? ''}</Text>
                  </Table.Td>
                  <Table.Td ta="right" style={nowrap}>{f.euro(inv.total)}</Table.Td>
                  <Table.Td style={nowrap}>
                    {inv.status === 'posted' ? `${t('feeRuns.postedAs')} ${inv.number}` : inv.blocked ? <Badge color="orange" variant="light" tt="none">{t('feeRuns.blockedDraft')}</Badge> : t('feeRuns.draft')}
                  </Table.Td>
                  <Table.Td>
                    {inv.status === 'draft' && (
                      <Tooltip label={inv.blocked ? t('feeRuns.unblock') : t('feeRuns.block')}>
                        <ActionIcon variant="subtle" color={inv.blocked ? 'navy' : 'orange'} aria-label={`${inv.blocked ? t('feeRuns.unblock') : t('feeRuns.block')} ${inv.debtorName}`} onClick={() => void toggleBlock(inv.id, !inv.blocked)}>
                          {inv.blocked ? <IconLockOpen size={18} stroke={1.6} aria-hidden /> : <IconLock size={18} stroke={1.6} aria-hidden />}
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </section>
  );
}
