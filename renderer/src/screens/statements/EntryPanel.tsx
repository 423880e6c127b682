import { Alert, Anchor, Badge, Button, Card, Checkbox, Divider, Drawer, Group, List, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconLink, IconLinkOff, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementEntryT, SuggestionT } from '../../../../shared/api/contract';
import { confirmMoneyAction, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { ReasonButton } from '../../components/ReasonButton';
import { useQuery } from '../../hooks/useApi';
import { useFormErrors } from '../../hooks/useFormErrors';
import { amountColor } from './amountColor';
import { MatchBadge } from './MatchBadge';

const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
/** Matches Penning made itself from the bank's own ids; the API refuses to undo them (a memorial correction instead). */
const UNDOABLE: StatementEntryT['kind'][] = ['manual', 'account', 'transfer'];

/** One entry: what the bank says, how Penning matched it and why; for an unmatched one the manual match. */
export function EntryPanel({ entryId, onClose, onChanged }: { entryId: number; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const entry = useQuery('statements.entry', { id: entryId });
  const changed = () => {
    entry.reload();
    onChanged();
  };
  return (
    <Drawer opened onClose={onClose} position="right" size={640} title={<Title order={2} size="h3">{t('statements.entryTitle')}</Title>} closeButtonProps={{ 'aria-label': t('app.close') }}>
      {entry.error ? <LoadError error={entry.error} retry={entry.reload} /> : !entry.data ? <Loading /> : <EntryDetail entry={entry.data} onChanged={changed} />}
    </Drawer>
  );
}

function EntryDetail({ entry, onChanged }: { entry: StatementEntryT; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap="md">
      <Card withBorder>
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="xl" fw={700} c={amountColor(entry.amount)} style={figures}>
              {f.euro(entry.amount)}
            </Text>
            <Text size="sm">
              {f.date(entry.bookingDate)} · {entry.counterpartyName ?? '—'} {entry.counterpartyIban ? `· ${f.iban(entry.counterpartyIban)}` : ''}
            </Text>
          </div>
          <MatchBadge entry={entry} />
        </Group>
        {entry.description && (
          <Text size="sm" mt="xs" style={{ overflowWrap: 'anywhere' }}>
            {entry.description}
          </Text>
        )}
        <Text size="sm" mt="xs" c="dimmed">
          {entry.explanation[f.lang]}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t('statements.source', { source: entry.source })}
          {entry.endToEndIds.length > 0 && ` · ${t('statements.endToEnd')}: ${entry.endToEndIds.slice(0, 3).join(', ')}${entry.endToEndIds.length > 3 ? ' …' : ''}`}
        </Text>
      </Card>
      {entry.allocations.length > 0 && <Allocations entry={entry} />}
      {entry.state === 'unmatched' && entry.amount > 0 && <ManualMatch entry={entry} onChanged={onChanged} />}
      {entry.state === 'unmatched' && <BookToAccount entry={entry} onChanged={onChanged} />}
      {entry.state === 'matched' && UNDOABLE.includes(entry.kind) && <Unmatch entry={entry} onChanged={onChanged} />}
    </Stack>
  );
}

function Allocations({ entry }: { entry: StatementEntryT }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-label={t('statements.allocations')}>
      <Title order={3} size="h5" mb={4}>
        {t('statements.allocations')}
      </Title>
      <Table fz="sm">
        <Table.Tbody>
          {entry.allocations.map((a, i) => (
            <Table.Tr key={i}>
              <Table.Td>
                {a.batchReference && <Anchor href={`#/bankafschriften/onderweg`} size="sm">{a.batchReference}</Anchor>}
                {a.document && <Text size="sm">{a.document}</Text>}
                {a.accountName && <Text size="sm">{`${a.accountCode} ${a.accountName}`}</Text>}
                {a.kind === 'credit' && <Text size="sm">{t('statements.creditLeft')}</Text>}
              </Table.Td>
              <Table.Td>
                {a.debtorId && a.debtorName && (
                  <Anchor href={`#/debiteuren/${a.debtorId}`} size="sm">
                    {a.debtorName}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td ta="right" style={figures}>
                {f.euro(a.amount)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

/** Ranked suggestions; the treasurer ticks items of one member and sees the sum beside the payment. */
function ManualMatch({ entry, onChanged }: { entry: StatementEntryT; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const suggestions = useQuery('statements.suggestions', { entryId: entry.id, limit: 10 });
  const [picked, setPicked] = useState<{ debtorId: number; itemIds: number[] }>();
  const form = useFormErrors('statements.match');
  if (suggestions.error) return <LoadError error={suggestions.error} retry={suggestions.reload} />;
  if (!suggestions.data) return <Loading />;
  const all = suggestions.data;
  const chosen = picked ? all.find((s) => s.debtorId === picked.debtorId) : undefined;
  const chosenItems = chosen ? chosen.items.filter((i) => picked!.itemIds.includes(i.itemId)) : [];
  const sum = chosenItems.reduce((s, i) => s + i.balance, 0);
  const toggle = (s: SuggestionT, itemId: number, on: boolean) => {
    const base = picked?.debtorId === s.debtorId ? picked.itemIds : [];
    setPicked({ debtorId: s.debtorId, itemIds: on ? [...base, itemId] : base.filter((x) => x !== itemId) });
    form.clear('itemIds');
  };
  const match = async () => {
    if (!chosen) return;
    const rest = entry.amount - sum;
    const ok = await confirmMoneyAction({
      title: t('statements.matchTitle'),
      body: t('statements.matchBody', { amount: f.euro(entry.amount), name: chosen.debtorName, count: chosenItems.length, items: chosenItems.map((i) => i.document).join(', '), rest: rest > 0 ? t('statements.matchCredit', { amount: f.euro(rest) }) : rest < 0 ? t('statements.matchShort', { amount: f.euro(-rest) }) : '' }),
      undo: t('statements.matchUndo'),
      confirmLabel: t('statements.match'),
    });
    if (!ok) return;
    const done = await form.submit({ entryId: entry.id, itemIds: chosenItems.map((i) => i.itemId) });
    if (!done) return;
    notifySuccess(t('statements.matched', { name: chosen.debtorName }), { href: `#/debiteuren/${chosen.debtorId}`, label: t('statements.showDebtor') });
    setPicked(undefined);
    onChanged();
  };
  return (
    <section aria-label={t('statements.suggestions')}>
      <Title order={3} size="h4" mb="xs">
        {t('statements.suggestions')}
      </Title>
      {all.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('statements.noSuggestions')}
        </Text>
      ) : (
        <Stack gap="sm">
          {all.map((s) => (
            <Card key={s.debtorId} withBorder p="sm" style={picked?.debtorId === s.debtorId ? { borderColor: 'var(--mantine-color-navy-6)' } : undefined}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor href={`#/debiteuren/${s.debtorId}`} fw={600} size="sm">
                  {s.debtorNumber} {s.debtorName}
                </Anchor>
                <Badge variant="light" color={s.score >= 70 ? 'green' : s.score >= 40 ? 'yellow' : 'gray'} tt="none" style={{ flexShrink: 0 }}>
                  {t('statements.score', { score: s.score })}
                </Badge>
              </Group>
              <List size="xs" c="dimmed" mt={4} spacing={0}>
                {s.reasons.map((r) => (
                  <List.Item key={r.key}>
                    {r.text[f.lang]} (+{r.points})
                  </List.Item>
                ))}
              </List>
              <Stack gap={4} mt="xs">
                {s.items.map((i) => (
                  <Checkbox
                    key={i.itemId}
                    checked={picked?.debtorId === s.debtorId && picked.itemIds.includes(i.itemId)}
                    onChange={(e) => toggle(s, i.itemId, e.currentTarget.checked)}
                    label={t('statements.itemLine', { document: i.document, due: f.date(i.dueDate), amount: f.euro(i.balance) })}
                  />
                ))}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      <form ref={form.formRef} noValidate onSubmit={(e) => { e.preventDefault(); void match(); }}>
        <Group mt="sm" justify="space-between">
          <Text size="sm" fw={600} style={figures} aria-live="polite">
            {t('statements.pickedSum', { sum: f.euro(sum), amount: f.euro(entry.amount) })}
          </Text>
          <ReasonButton type="submit" reason={chosenItems.length === 0 ? t('statements.pickFirst') : undefined} leftSection={<IconLink size={16} aria-hidden />} loading={form.busy}>
            {t('statements.match')}
          </ReasonButton>
        </Group>
        {(form.formError || form.errorOf('itemIds') || form.errorOf('entryId')) && (
          <Alert color="red" role="alert" mt="xs">
            {form.formError ?? form.errorOf('itemIds') ?? form.errorOf('entryId')}
          </Alert>
        )}
      </form>
    </section>
  );
}

/** Bank costs, interest, other income: an entry that pays no item goes to a chosen account. */
function BookToAccount({ entry, onChanged }: { entry: StatementEntryT; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const accounts = useQuery('accounts.list', {});
  const form = useFormErrors('statements.bookToAccount');
  const [accountId, setAccountId] = useState('');
  const [description, setDescription] = useState('');
  // Debiteuren and the bank itself are refused by the API; offer only what can be chosen
  const choices = (accounts.data ?? []).filter((a) => a.active && !a.roles.includes('receivables') && (a.type === 'expense' || a.type === 'revenue' || a.type === 'liability' || a.type === 'equity'));
  const account = choices.find((a) => String(a.id) === accountId);
  const book = async () => {
    const input = { entryId: entry.id, accountId: Number(accountId), description: description || undefined };
    if (!form.check(input) || !account) return;
    const ok = await confirmMoneyAction({
      title: t('statements.bookTitle'),
      body: t('statements.bookBody', { amount: f.euro(entry.amount), account: `${account.code} ${account.name}` }),
      undo: t('statements.matchUndo'),
      confirmLabel: t('statements.book'),
    });
    if (!ok) return;
    if (!(await form.submit(input))) return;
    notifySuccess(t('statements.booked', { account: `${account.code} ${account.name}` }));
    onChanged();
  };
  return (
    <PanelForm title={t('statements.bookTitle')} formRef={form.formRef} formError={form.formError} onSubmit={() => void book()}>
      <Text size="sm" c="dimmed" mb="xs">
        {t(entry.amount > 0 ? 'statements.bookIntroIn' : 'statements.bookIntroOut')}
      </Text>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('statements.bookAccount')}
          name="accountId"
          value={accountId}
          onChange={(e) => { setAccountId(e.currentTarget.value); form.clear('accountId'); }}
          data={[{ value: '', label: t('statements.chooseAccount') }, ...choices.map((a) => ({ value: String(a.id), label: `${a.code} ${a.name}` }))]}
          error={form.errorOf('accountId')}
          w={260}
        />
        <TextInput label={t('statements.bookDescription')} name="description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={form.errorOf('description')} style={{ flex: 1 }} />
      </Group>
      <Group mt="sm">
        <ReasonButton type="submit" variant="default" reason={accountId === '' ? t('statements.chooseAccountFirst') : undefined} leftSection={<IconReceipt size={16} aria-hidden />} loading={form.busy}>
          {t('statements.book')}
        </ReasonButton>
      </Group>
    </PanelForm>
  );
}

/** A match by hand (or a booking to an account, or a transfer Penning matched) can be undone with a reason. */
function Unmatch({ entry, onChanged }: { entry: StatementEntryT; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('statements.unmatch');
  const [reason, setReason] = useState('');
  const undo = async () => {
    const input = { entryId: entry.id, reason };
    if (!form.check(input)) return;
    const ok = await confirmMoneyAction({
      title: t('statements.unmatchTitle'),
      body: t('statements.unmatchBody', { amount: f.euro(entry.amount) }),
      undo: t('statements.unmatchUndo'),
      confirmLabel: t('statements.unmatch'),
      danger: true,
    });
    if (!ok) return;
    if (!(await form.submit(input))) return;
    notifySuccess(t('statements.unmatched'));
    onChanged();
  };
  return (
    <PanelForm title={t('statements.unmatchTitle')} formRef={form.formRef} formError={form.formError} onSubmit={() => void undo()}>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('statements.unmatchReason')} name="reason" withAsterisk value={reason} onChange={(e) => { setReason(e.currentTarget.value); form.clear('reason'); }} error={form.errorOf('reason')} style={{ flex: 1 }} />
        <Button type="submit" color="red" variant="light" leftSection={<IconLinkOff size={16} aria-hidden />} loading={form.busy}>
          {t('statements.unmatch')}
        </Button>
      </Group>
    </PanelForm>
  );
}

/** One action of the panel: a titled form under a divider, with the error that belongs to no field. */
function PanelForm({ title, formRef, formError, onSubmit, children }: { title: string; formRef: React.RefObject<HTMLFormElement | null>; formError: string | undefined; onSubmit: () => void; children: React.ReactNode }) {
  return (
    <>
      <Divider />
      <form ref={formRef} noValidate aria-label={title} onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
        <Title order={3} size="h4" mb="xs">
          {title}
        </Title>
        {children}
        {formError && (
          <Alert color="red" role="alert" mt="xs">
            {formError}
          </Alert>
        )}
      </form>
    </>
  );
}
