import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Output } from '../../../../shared/api/contract';
import { Field, FormError } from '../../components/Field';
import { useFormat } from '../../components/format';
import { Select } from '../../components/Select';
import { useMutation, useQuery } from '../../hooks/useApi';
import { downloadBatchFiles } from './downloads';
import { ProposalTable } from './ProposalTable';
import { WhyNot } from './WhyNot';

type Request = Input<'collections.propose'>;
type Proposal = Output<'collections.propose'>;

/**
 * The collection wizard: 1. what to collect (bank, scheme, date, which items), 2. review the
 * proposed debits beside the items that are not proposed and why, 3. save: file(s) and booking.
 */
export function CollectionWizard({ onSaved, onCancel }: { onSaved: (batch: Output<'collections.create'>) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const settings = useQuery('settings.get', {});
  const calendar = useQuery('collections.calendar', {});
  const propose = useMutation('collections.propose');
  const create = useMutation('collections.create');
  const [d, setD] = useState({ bankAccountId: '', scheme: 'CORE' as 'CORE' | 'B2B', dateMode: 'date' as 'date' | 'due', collectionDate: '', dueUpTo: '', includeNotDue: false });
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
  });
  const review = async (exclude: number[]) => {
    const p = await propose.run(request(exclude));
    if (p) {
      setExclude(exclude);
      setProposal(p);
      if (!d.collectionDate && p.collectionDate) setD((x) => ({ ...x, collectionDate: p.collectionDate! }));
    }
  };
  const save = async () => {
    const batch = await create.run(request(excludeItemIds));
    if (!batch) return;
    await downloadBatchFiles(batch);
    onSaved(batch);
  };

  if (proposal) {
    return (
      <div className="wizard">
        <div className="card">
          <h2>{t('collection.step2')}</h2>
          <p>
            {t('collection.summary', {
              count: proposal.totals.count,
              amount: f.euro(proposal.totals.amount),
              items: proposal.totals.items,
              date: proposal.collectionDate ? f.date(proposal.collectionDate) : t('collection.perDueDate'),
              bank: `${proposal.bankAccount.name} (${f.iban(proposal.bankAccount.iban)})`,
              scheme: proposal.scheme,
            })}
            {proposal.totals.discount > 0 && ` ${t('collection.discountTotal', { amount: f.euro(proposal.totals.discount) })}`}
            {proposal.totals.files > 1 && ` ${t('collection.files', { count: proposal.totals.files })}`}
          </p>
          <FormError error={create.error} fields={[]} />
          <div className="actions">
            <button type="button" className="primary" disabled={create.busy || proposal.totals.count === 0} onClick={() => void save()}>
              {create.busy ? t('app.saving') : t('collection.save', { count: proposal.totals.count, amount: f.euro(proposal.totals.amount) })}
            </button>
            <button type="button" className="secondary" onClick={() => setProposal(undefined)}>
              {t('collection.back')}
            </button>
            <button type="button" className="link" onClick={onCancel}>
              {t('app.cancel')}
            </button>
          </div>
          {propose.busy && <p className="muted">{t('collection.recalculating')}</p>}
        </div>
        <div className="review">
          <ProposalTable debits={proposal.debits} onDeselect={(ids) => void review([...excludeItemIds, ...ids])} />
          <WhyNot excluded={proposal.excluded} onInclude={(id) => void review(excludeItemIds.filter((x) => x !== id))} />
        </div>
      </div>
    );
  }

  return (
    <form className="card" aria-label={t('collection.new')} noValidate onSubmit={(e) => { e.preventDefault(); void review([]); }}>
      <h2>{t('collection.step1')}</h2>
      <p className="muted">{t('collection.intro')}</p>
      <FormError error={propose.error} fields={['collectionDate', 'dueUpTo']} />
      <div className="row">
        {banks.length > 1 && (
          <Select label={t('collection.bank')} name="bankAccountId" value={d.bankAccountId} width="medium" onChange={(v) => setD({ ...d, bankAccountId: v })} options={[{ value: '', label: '—' }, ...banks.map((b) => ({ value: String(b.id), label: `${b.name} (${f.iban(b.iban)})` }))]} />
        )}
        <Select label={t('collection.scheme')} name="scheme" value={d.scheme} width="medium" onChange={(v) => setD({ ...d, scheme: v })} options={[{ value: 'CORE', label: t('collection.core') }, { value: 'B2B', label: t('collection.b2b') }]} />
        <Select label={t('collection.dateMode')} name="dateMode" value={d.dateMode} width="medium" onChange={(v) => setD({ ...d, dateMode: v })} options={[{ value: 'date', label: t('collection.oneDate') }, { value: 'due', label: t('collection.perDueDate') }]} />
      </div>
      <div className="row">
        {d.dateMode === 'date' && (
          <Field
            label={t('collection.date')}
            name="collectionDate"
            type="date"
            value={d.collectionDate}
            width="short"
            optional
            hint={calendar.data ? t('collection.earliest', { date: f.date(calendar.data.earliestDate), days: calendar.data.leadDays }) : t('collection.dateHint')}
            error={propose.error}
            onChange={(v) => setD({ ...d, collectionDate: v })}
          />
        )}
        <Field label={t('collection.dueUpTo')} name="dueUpTo" type="date" value={d.dueUpTo} width="short" optional hint={t('collection.dueUpToHint')} error={propose.error} onChange={(v) => setD({ ...d, dueUpTo: v })} />
      </div>
      <label className="check">
        <input type="checkbox" checked={d.includeNotDue} onChange={(e) => setD({ ...d, includeNotDue: e.target.checked })} /> {t('collection.includeNotDue')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={propose.busy}>{propose.busy ? t('collection.calculating') : t('collection.makeProposal')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}
