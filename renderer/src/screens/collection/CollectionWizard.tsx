import { Alert, Box, Button, Card, Checkbox, Group, List, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../../shared/api/contract';
import { DateField } from '../../components/DateField';
import { confirmMoneyAction, notifyError } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { ReasonButton } from '../../components/ReasonButton';
import { WorkProgress } from '../../components/WorkProgress';
import { asErrorData, useQuery } from '../../hooks/useApi';
import { useFormErrors } from '../../hooks/useFormErrors';
import { downloadBatchFiles } from './downloads';
import { ProposalTable } from './ProposalTable';
import { WhyNot } from './WhyNot';

type Request = Input<'collections.propose'>;
/** a season's fee run can flag every member: name a few, count the rest */
const SHOWN_NOTICES = 8;
type Proposal = Output<'collections.propose'>;

/**
 * The collection wizard: 1. what to collect (bank, scheme, date, which items), 2. review the
 * proposed debits beside the items that are not proposed and why, 3. save: file(s) and booking.
 */
export function CollectionWizard({ onSaved, onCancel }: { onSaved: (batch: Output<'collections.create'>) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const settings = useQuery('settings.get', {});
  const calendar = useQuery('collections.calendar', {});
  const propose = useFormErrors('collections.propose');
  const create = useFormErrors('collections.create', { progress: true });
  const [d, setD] = useState({ bankAccountId: '', scheme: 'CORE' as 'CORE' | 'B2B', dateMode: 'date' as 'date' | 'due', collectionDate: null as string | null, dueUpTo: null as string | null, includeNotDue: false, mergeSameDate: true, netCredits: true });
  // items collected sooner than their invoice announced: saving needs the treasurer's word that the specification goes out as the new pre-notification
  const [noticeConfirmed, setNoticeConfirmed] = useState(false);
  const [excludeItemIds, setExclude] = useState<number[]>([]);
  const [proposal, setProposal] = useState<Proposal>();
  const banks = (settings.data?.bankAccounts ?? []).filter((b) => b.active && b.collection);

  const request = (exclude: number[]): Request => ({
    bankAccountId: d.bankAccountId ? Number(d.bankAccountId) : undefined,
    scheme: d.scheme,
    collectionDate: d.dateMode === 'date' && d.collectionDate ? d.collectionDate : undefined,
    perDueDate: d.dateMode === 'due',
    dueUpTo: d.dueUpTo || undefined,
    includeNotDue: d.includeNotDue,
    excludeItemIds: exclude,
    mergeSameDate: d.mergeSameDate,
    netCredits: d.netCredits,
  });
  const review = async (exclude: number[]) => {
    const p = await propose.submit(request(exclude));
    if (p) {
      setExclude(exclude);
      setProposal(p);
      if (!d.collectionDate && p.collectionDate) setD((x) => ({ ...x, collectionDate: p.collectionDate! }));
    }
  };
  const save = async () => {
    if (!proposal) return;
    const { totals } = proposal;
    const ok = await confirmMoneyAction({
      title: t('collection.confirmTitle'),
      body: t('collection.confirmBody', {
        count: totals.count,
        amount: f.euro(totals.amount),
        items: t('collection.itemCount', { count: totals.items }),
        files: t('collection.fileCount', { count: totals.files }),
        date: proposal.collectionDate ? f.date(proposal.collectionDate) : t('collection.perDueDate').toLowerCase(),
      }),
      undo: t('collection.undoHow'),
      confirmLabel: t('collection.saveShort'),
    });
    if (!ok) return;
    const batch = await create.submit({ ...request(excludeItemIds), confirmPrenotification: noticeConfirmed });
    if (!batch) return;
    try {
      await downloadBatchFiles(batch);
    } catch (e) {
      // the batch is saved and booked; the file can be fetched again from the batch list
      notifyError(asErrorData(e).message[i18n.language === 'en' ? 'en' : 'nl']);
    }
    onSaved(batch);
  };

  const steps = (
    <Stepper active={proposal ? 1 : 0} size="sm" mb="md" allowNextStepsSelect={false}>
      <Stepper.Step label={t('collection.stepWhat')} />
      <Stepper.Step label={t('collection.stepReview')} />
      <Stepper.Step label={t('collection.stepSave')} />
    </Stepper>
  );

  if (proposal) {
    const { totals } = proposal;
    return (
      <Stack gap="md">
        {steps}
        <Card component="section" aria-label={t('collection.step2')}>
          <Title order={2} mb="xs">
            {t('collection.step2')}
          </Title>
          <Text size="sm">
            {t('collection.summary', {
              count: totals.count,
              amount: f.euro(totals.amount),
              items: totals.items,
              date: proposal.collectionDate ? f.date(proposal.collectionDate) : t('collection.perDueDate'),
              bank: `${proposal.bankAccount.name} (${f.iban(proposal.bankAccount.iban)})`,
              scheme: proposal.scheme,
            })}
            {totals.discount > 0 && ` ${t('collection.discountTotal', { amount: f.euro(totals.discount) })}`}
            {totals.files > 1 && ` ${t('collection.files', { count: totals.files })}`}
            {totals.credits !== 0 && ` ${t('collection.creditsTotal', { amount: f.euro(Math.abs(totals.credits)) })}`}
          </Text>
          {proposal.prenotification.length > 0 && (
            <Alert color="yellow" mt="sm" title={t('collection.prenotificationCount', { count: proposal.prenotification.length })}>
              <List size="sm" spacing={2} mb="xs">
                {proposal.prenotification.slice(0, SHOWN_NOTICES).map((n) => (
                  <List.Item key={n.itemId}>
                    {n.debtorNumber} {n.debtorName}, {n.document}: {t('collection.prenotificationHint', { date: f.date(n.noticeFrom), invoiceDate: f.date(n.invoiceDate) })}
                  </List.Item>
                ))}
                {proposal.prenotification.length > SHOWN_NOTICES && <List.Item>{t('collection.andMore', { count: proposal.prenotification.length - SHOWN_NOTICES })}</List.Item>}
              </List>
              <Checkbox name="confirmPrenotification" label={t('collection.confirmPrenotification')} checked={noticeConfirmed} onChange={(e) => { setNoticeConfirmed(e.currentTarget.checked); create.clear('confirmPrenotification'); }} error={create.errorOf('confirmPrenotification')} />
            </Alert>
          )}
          {(create.formError ?? propose.formError) && (
            <Alert color="red" role="alert" mt="sm">
              {create.formError ?? propose.formError}
            </Alert>
          )}
          <Group gap="xs" mt="md">
            <ReasonButton reason={totals.count === 0 ? t('collection.nothingToSave') : proposal.prenotification.length > 0 && !noticeConfirmed ? t('collection.confirmPrenotificationFirst') : undefined} loading={create.busy} onClick={() => void save()}>
              {t('collection.save', { count: totals.count, amount: f.euro(totals.amount) })}
            </ReasonButton>
            <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => setProposal(undefined)}>
              {t('collection.back')}
            </Button>
            <Button variant="subtle" color="gray" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
          </Group>
          {create.busy && (
            <Box mt="sm">
              <WorkProgress progress={create.progress} label={t('progress.saving')} />
            </Box>
          )}
          {propose.busy && (
            <Text size="sm" c="dimmed" mt="xs" role="status">
              {t('collection.recalculating')}
            </Text>
          )}
        </Card>
        <ProposalTable debits={proposal.debits} onDeselect={(ids) => void review([...excludeItemIds, ...ids])} />
        <WhyNot excluded={proposal.excluded} onInclude={(id) => void review(excludeItemIds.filter((x) => x !== id))} />
      </Stack>
    );
  }

  return (
    <>
      {steps}
      <Card>
        <form ref={propose.formRef} aria-label={t('collection.new')} noValidate onSubmit={(e) => { e.preventDefault(); void review([]); }}>
          <Stack gap="md">
            <div>
              <Title order={2}>{t('collection.step1')}</Title>
              <Text size="sm" c="dimmed">
                {t('collection.intro')}
              </Text>
            </div>
            <Group align="flex-start" gap="md">
              {banks.length > 1 && (
                <Select label={t('collection.bank')} name="bankAccountId" w={320} value={d.bankAccountId || null} placeholder="—" clearable onChange={(v) => setD({ ...d, bankAccountId: v ?? '' })} data={banks.map((b) => ({ value: String(b.id), label: `${b.name} (${f.iban(b.iban)})` }))} error={propose.errorOf('bankAccountId')} />
              )}
              <Select label={t('collection.scheme')} name="scheme" w={240} allowDeselect={false} value={d.scheme} onChange={(v) => v && setD({ ...d, scheme: v as 'CORE' | 'B2B' })} data={[{ value: 'CORE', label: t('collection.core') }, { value: 'B2B', label: t('collection.b2b') }]} />
              <Select label={t('collection.dateMode')} name="dateMode" w={260} allowDeselect={false} value={d.dateMode} onChange={(v) => v && setD({ ...d, dateMode: v as 'date' | 'due' })} data={[{ value: 'date', label: t('collection.oneDate') }, { value: 'due', label: t('collection.perDueDate') }]} />
            </Group>
            <Group align="flex-start" gap="md">
              {d.dateMode === 'date' && (
                <DateField
                  label={t('collection.date')}
                  name="collectionDate"
                  value={d.collectionDate}
                  w={360}
                  description={calendar.data ? t('collection.earliest', { date: f.date(calendar.data.earliestDate), days: calendar.data.leadDays }) : t('collection.dateHint')}
                  error={propose.errorOf('collectionDate')}
                  onChange={(v) => { setD({ ...d, collectionDate: v }); propose.clear('collectionDate'); }}
                />
              )}
              <DateField label={t('collection.dueUpTo')} name="dueUpTo" value={d.dueUpTo} w={240} description={t('collection.dueUpToHint')} error={propose.errorOf('dueUpTo')} onChange={(v) => { setD({ ...d, dueUpTo: v }); propose.clear('dueUpTo'); }} />
            </Group>
            <Checkbox label={t('collection.includeNotDue')} checked={d.includeNotDue} onChange={(e) => setD({ ...d, includeNotDue: e.currentTarget.checked })} />
            <Checkbox label={t('collection.mergeSameDate')} checked={d.mergeSameDate} onChange={(e) => setD({ ...d, mergeSameDate: e.currentTarget.checked })} />
            <Checkbox label={t('collection.netCredits')} checked={d.netCredits} onChange={(e) => setD({ ...d, netCredits: e.currentTarget.checked })} />
            {propose.formError && (
              <Alert color="red" role="alert">
                {propose.formError}
              </Alert>
            )}
            <Group gap="xs">
              <Button type="submit" loading={propose.busy}>
                {t('collection.makeProposal')}
              </Button>
              <Button variant="default" onClick={onCancel}>
                {t('app.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
