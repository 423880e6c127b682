import { ActionIcon, Badge, Button, Card, Group, Table, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconFileTypePdf, IconPlus, IconReceiptRefund, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebtorT, Input } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { AmountField } from '../../components/AmountField';
import { DateField } from '../../components/DateField';
import { base64Bytes, downloadFile } from '../../components/download';
import { confirmMoneyAction, notifyError, notifySuccess } from '../../components/feedback';
import { FormFooter } from '../../components/FormFooter';
import { useFormat } from '../../components/format';
import { asErrorData, useQuery } from '../../hooks/useApi';
import { useFormErrors } from '../../hooks/useFormErrors';

const nowrap = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
const ITEMS_LINK = '#/openstaande-posten';

/** The debtor's invoices and credit notes; a manual invoice (checked, confirmed, posted) and Crediteren. */
export function Invoices({ debtor, onChanged }: { debtor: DebtorT; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const f = useFormat();
  const invoices = useQuery('invoices.list', { debtorId: debtor.id });
  const [adding, setAdding] = useState(false);
  const [crediting, setCrediting] = useState<{ id: number; number: string; open: number }>();
  const refresh = () => {
    invoices.reload();
    onChanged();
  };
  const failed = (e: unknown) => notifyError(asErrorData(e).message[lang]);
  const download = async (id: number) => {
    try {
      const file = await call('invoices.pdf', { id });
      downloadFile(file.fileName, base64Bytes(file.base64), 'application/pdf');
    } catch (e) {
      failed(e);
    }
  };
  const postDraft = async (inv: { id: number; total: number }) => {
    const yes = await confirmMoneyAction({
      title: t('invoice.confirmTitle'),
      body: t('invoice.confirmBody', { count: 1, amount: f.euro(inv.total), name: debtor.name }),
      undo: t('invoice.undoHow'),
      confirmLabel: t('invoice.post'),
    });
    if (!yes) return;
    try {
      const posted = await call('invoices.post', { id: inv.id });
      notifySuccess(t('invoice.posted', { number: posted.number, amount: f.euro(posted.total) }), { href: ITEMS_LINK, label: t('invoice.showItems') });
      refresh();
    } catch (e) {
      failed(e);
    }
  };
  // what is still creditable per invoice: its total less the credit notes already posted against it
  const credited = new Map<number, number>();
  for (const i of invoices.data ?? []) if (i.kind === 'credit_note' && i.status === 'posted' && i.creditsInvoiceId) credited.set(i.creditsInvoiceId, (credited.get(i.creditsInvoiceId) ?? 0) + i.total);
  return (
    <Card mb="md">
      <Group justify="space-between" mb="xs">
        <Title order={2}>{t('invoice.title')}</Title>
        {!adding && (
          <Button variant="default" leftSection={<IconPlus size={16} stroke={1.6} aria-hidden />} onClick={() => setAdding(true)}>
            {t('invoice.new')}
          </Button>
        )}
      </Group>
      {adding && <InvoiceForm debtor={debtor} onDone={() => { setAdding(false); refresh(); }} onCancel={() => setAdding(false)} />}
      {crediting && <CreditForm debtor={debtor} invoice={crediting} onDone={() => { setCrediting(undefined); refresh(); }} onCancel={() => setCrediting(undefined)} />}
      {invoices.data?.length === 0 && !adding && <Text c="dimmed">{t('invoice.none')}</Text>}
      {invoices.data && invoices.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table layout="fixed" aria-label={t('invoice.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190} style={nowrap}>{t('invoice.number')}</Table.Th>
                <Table.Th w={130} style={nowrap}>{t('invoice.date')}</Table.Th>
                <Table.Th>{t('invoice.description')}</Table.Th>
                <Table.Th w={130} ta="right" style={nowrap}>{t('invoice.total')}</Table.Th>
                <Table.Th w={150}>
                  <VisuallyHidden>{t('debtors.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.data.map((inv) => {
                const open = inv.total - (credited.get(inv.id) ?? 0);
                return (
                  <Table.Tr key={inv.id}>
                    <Table.Td style={nowrap}>
                      {inv.number ?? t('invoice.draft')}
                      {inv.kind === 'credit_note' && <Badge ml={6} variant="light" color="teal" tt="none">{t('invoice.creditNote')}</Badge>}
                    </Table.Td>
                    <Table.Td style={nowrap}>{f.date(inv.invoiceDate)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" truncate="end" title={inv.description}>{inv.description}</Text>
                    </Table.Td>
                    <Table.Td ta="right" style={nowrap}>{f.euro(inv.kind === 'credit_note' ? -inv.total : inv.total)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {inv.status === 'draft' && (
                          <Button size="compact-sm" onClick={() => void postDraft(inv)}>{t('invoice.post')}</Button>
                        )}
                        <Tooltip label={t('invoice.pdf')}>
                          <ActionIcon variant="subtle" aria-label={`PDF ${inv.number ?? inv.id}`} onClick={() => void download(inv.id)}>
                            <IconFileTypePdf size={18} stroke={1.6} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        {inv.status === 'posted' && inv.kind === 'invoice' && open > 0 && (
                          <Tooltip label={t('invoice.credit')}>
                            <ActionIcon variant="subtle" aria-label={`${t('invoice.credit')} ${inv.number}`} onClick={() => setCrediting({ id: inv.id, number: inv.number ?? '', open })}>
                              <IconReceiptRefund size={18} stroke={1.6} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** Crediteren: the whole (rest of the) invoice, or a part of it as one credit line. */
function CreditForm({ debtor, invoice, onDone, onCancel }: { debtor: DebtorT; invoice: { id: number; number: string; open: number }; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('invoices.credit');
  const [amount, setAmount] = useState<number | null>(invoice.open);
  const [description, setDescription] = useState('');
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const cents = amount ?? invoice.open;
    const whole = cents === invoice.open && !description.trim();
    const label = description.trim() || t('invoice.creditLine', { number: invoice.number });
    const input = { invoiceId: invoice.id, description: description || undefined, lines: whole ? undefined : [{ description: label, quantity: 1000, unitPrice: cents }] };
    if (!form.check(input)) return;
    const yes = await confirmMoneyAction({
      title: t('invoice.creditTitle', { number: invoice.number }),
      body: t('invoice.creditConfirm', { amount: f.euro(cents), number: invoice.number, name: debtor.name }),
      undo: t('invoice.creditUndo'),
      confirmLabel: t('invoice.creditPost'),
    });
    if (!yes) return;
    const note = await form.submit(input);
    if (!note) return;
    notifySuccess(t('invoice.credited', { number: note.number, amount: f.euro(note.total) }), { href: ITEMS_LINK, label: t('invoice.showItems') });
    onDone();
  };
  return (
    <Card withBorder bg="gray.0" mb="md" component="form" ref={form.formRef} onSubmit={save} noValidate aria-label={t('invoice.creditTitle', { number: invoice.number })}>
      <Title order={3}>{t('invoice.creditTitle', { number: invoice.number })}</Title>
      <Text size="sm" c="dimmed" mt={4}>{t('invoice.creditIntro', { open: f.euro(invoice.open) })}</Text>
      <Group align="flex-start" gap="md" mt="sm">
        <AmountField label={t('invoice.creditAmount')} name="lines.0.unitPrice" value={amount} error={form.errorOf('lines.0.unitPrice')} onChange={(cents) => { setAmount(cents); form.clear('lines.0.unitPrice'); }} />
        <TextInput label={t('invoice.description')} name="description" value={description} w={360} error={form.errorOf('description')} onChange={(e) => { setDescription(e.currentTarget.value); form.clear('description'); }} />
      </Group>
      <FormFooter formError={form.formError} busy={form.busy} submitLabel={t('invoice.creditPost')} onCancel={onCancel} />
    </Card>
  );
}

interface LineDraft {
  description: string;
  amount: number | null;
}

/** A manual invoice: lines checked at once against the contract, asked, then drafted and posted. */
function InvoiceForm({ debtor, onDone, onCancel }: { debtor: DebtorT; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const form = useFormErrors('invoices.createDraft');
  const [description, setDescription] = useState('');
  const [invoiceDate, setInvoiceDate] = useState<string | null>(new Date().toISOString().slice(0, 10));
  const [lines, setLines] = useState<LineDraft[]>([{ description: '', amount: null }]);
  const setLine = (i: number, change: Partial<LineDraft>, field: string) => {
    setLines(lines.map((x, j) => (j === i ? { ...x, ...change } : x)));
    form.clear(`lines.${i}.${field}`);
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const input = {
      debtorId: debtor.id,
      invoiceDate: invoiceDate ?? undefined,
      description,
      // empty fields are left out, so the contract itself says "verplicht" at each of them
      lines: lines.map((l) => ({ description: l.description || description, ...(l.amount === null ? {} : { unitPrice: l.amount }) })),
    } as Input<'invoices.createDraft'>;
    if (!form.check(input)) return;
    const total = lines.reduce((sum, l) => sum + (l.amount ?? 0), 0);
    const yes = await confirmMoneyAction({
      title: t('invoice.confirmTitle'),
      body: t('invoice.confirmBody', { count: 1, amount: f.euro(total), name: debtor.name }),
      undo: t('invoice.undoHow'),
      confirmLabel: t('invoice.createAndPost'),
    });
    if (!yes) return;
    const draft = await form.submit(input);
    if (!draft) return;
    try {
      const posted = await call('invoices.post', { id: draft.id });
      notifySuccess(t('invoice.posted', { number: posted.number, amount: f.euro(posted.total) }), { href: ITEMS_LINK, label: t('invoice.showItems') });
    } catch (err) {
      // the draft stays on the card with its own Boeken button
      form.refuse(asErrorData(err));
      return;
    }
    onDone();
  };
  return (
    <Card withBorder bg="gray.0" mb="md" component="form" ref={form.formRef} onSubmit={save} noValidate aria-label={t('invoice.new')}>
      <Group align="flex-start" gap="md">
        <TextInput label={t('invoice.description')} name="description" required value={description} w={420} error={form.errorOf('description')} onChange={(e) => { setDescription(e.currentTarget.value); form.clear('description'); }} />
        <DateField label={t('invoice.date')} name="invoiceDate" required value={invoiceDate} error={form.errorOf('invoiceDate')} onChange={(iso) => { setInvoiceDate(iso); form.clear('invoiceDate'); }} />
      </Group>
      {lines.map((l, i) => (
        <Group align="flex-start" gap="md" mt="sm" key={i}>
          <TextInput label={`${t('invoice.line')} ${i + 1}`} name={`lines.${i}.description`} value={l.description} w={420} error={form.errorOf(`lines.${i}.description`)} onChange={(e) => setLine(i, { description: e.currentTarget.value }, 'description')} />
          <AmountField label={t('invoice.amount')} name={`lines.${i}.unitPrice`} required value={l.amount} error={form.errorOf(`lines.${i}.unitPrice`)} onChange={(cents) => setLine(i, { amount: cents }, 'unitPrice')} />
          {lines.length > 1 && (
            <ActionIcon variant="subtle" color="gray" mt={28} aria-label={t('invoice.removeLine', { line: i + 1 })} onClick={() => setLines(lines.filter((_, j) => j !== i))}>
              <IconTrash size={16} stroke={1.6} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      <Button variant="subtle" mt="xs" leftSection={<IconPlus size={16} stroke={1.6} aria-hidden />} onClick={() => setLines([...lines, { description: '', amount: null }])}>
        {t('invoice.addLine')}
      </Button>
      <FormFooter formError={form.formError} busy={form.busy} submitLabel={t('invoice.createAndPost')} onCancel={onCancel} />
    </Card>
  );
}
