import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import { Alert, Box, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../../shared/money';
import { AmountField } from '../../../renderer/src/components/AmountField';
import { DateField } from '../../../renderer/src/components/DateField';
import { confirmMoneyAction, notifySuccess } from '../../../renderer/src/components/feedback';
import { ReasonButton } from '../../../renderer/src/components/ReasonButton';
import { useFormErrors } from '../../../renderer/src/hooks/useFormErrors';
import '../../../renderer/src/i18n';
import { Providers } from '../../../renderer/src/Providers';

/**
 * The shared form parts on one page, over a real contract method (feeRuns.create) and the real
 * server, so the e2e test drives them in Chromium the way a screen uses them.
 */
function PartsForm() {
  const { t } = useTranslation();
  const [description, setDescription] = useState('');
  const [invoiceDate, setInvoiceDate] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [settleSum, setSettleSum] = useState(500);
  const form = useFormErrors('feeRuns.create');
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const input = { description, invoiceDate: invoiceDate ?? undefined, dueDate: dueDate ?? undefined, amount: amount ?? undefined, selection: { mode: 'all' as const } };
    // only the schema check decides; a confirmation for an input that cannot be sent would be noise
    if (!form.check(input as never)) return;
    if (!(await confirmMoneyAction({ title: 'Facturen maken', body: `Iedereen krijgt een concept van ${formatEuro(amount ?? 0)}.`, undo: 'concepten weggooien', confirmLabel: 'Facturen maken' }))) return;
    const run = await form.submit(input as never);
    if (run) notifySuccess(`Run ${run.id} gemaakt`, { href: `#/facturen/${run.id}`, label: t('ui.open') });
  };
  return (
    <Box p="xl" maw={600}>
      <Title order={1}>Parts</Title>
      <form ref={form.formRef} onSubmit={save} noValidate>
        <Stack>
          <TextInput label="Omschrijving" name="description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={form.errorOf('description')} />
          <DateField label="Factuurdatum" name="invoiceDate" required value={invoiceDate} onChange={setInvoiceDate} error={form.errorOf('invoiceDate')} />
          <DateField label="Vervaldatum" name="dueDate" value={dueDate} onChange={setDueDate} error={form.errorOf('dueDate')} />
          <AmountField label="Bedrag" name="amount" required value={amount} onChange={setAmount} error={form.errorOf('amount')} />
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <Group>
            <Button type="submit" loading={form.busy}>
              Opslaan
            </Button>
            <ReasonButton reason={settleSum !== 0 ? 'De gekozen posten moeten samen € 0,00 zijn' : undefined} onClick={() => notifySuccess('Vereffend')}>
              Vereffenen
            </ReasonButton>
            <Button variant="default" onClick={() => setSettleSum(0)}>
              Saldo nul
            </Button>
          </Group>
        </Stack>
      </form>
      <output data-testid="values">{JSON.stringify({ invoiceDate, dueDate, amount })}</output>
    </Box>
  );
}

createRoot(document.getElementById('root')!).render(
  <Providers>
    <PartsForm />
  </Providers>,
);
