import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DebtorPicker, type Picked } from '../components/DebtorPicker';
import { EmptyState } from '../components/EmptyState';
import { Field, FormError } from '../components/Field';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { Select } from '../components/Select';
import { asErrorData, useMutation, useQuery } from '../hooks/useApi';
import { typedEuro } from '../hooks/typedAmounts';
import { navigate } from '../hooks/useHashRoute';

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
    <section className="screen">
      <div className="screen-head">
        <h1>{t('feeRuns.title')}</h1>
        <button type="button" className="primary" disabled={creating} onClick={() => setCreating(true)}>
          + {t('feeRuns.new')}
        </button>
      </div>
      {creating && <FeeRunForm onCancel={() => setCreating(false)} />}
      {!runs.data && <Loading />}
      {runs.data?.length === 0 && !creating && (
        <EmptyState title={t('feeRuns.emptyTitle')}>
          <p>{t('feeRuns.emptyText')}</p>
        </EmptyState>
      )}
      {runs.data && runs.data.length > 0 && (
        <table className="table clickable" aria-label={t('feeRuns.title')}>
          <thead>
            <tr>
              <th>{t('feeRuns.description')}</th>
              <th>{t('feeRuns.invoiceDate')}</th>
              <th className="num">{t('feeRuns.amount')}</th>
              <th className="num">{t('feeRuns.drafts')}</th>
              <th className="num">{t('feeRuns.blocked')}</th>
              <th className="num">{t('feeRuns.posted')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((r) => (
              <tr key={r.id} onClick={() => navigate('facturen', r.id)}>
                <td>{r.description}</td>
                <td>{f.date(r.invoiceDate)}</td>
                <td className="num">{f.euro(r.amount)}</td>
                <td className="num">{r.counts.drafts}</td>
                <td className="num">{r.counts.blocked}</td>
                <td className="num">{r.counts.posted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

type Mode = 'all' | 'status' | 'tag' | 'selected';

function FeeRunForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const statuses = useQuery('debtorStatuses.list', {});
  const tags = useQuery('debtors.tags', {});
  const create = useMutation('feeRuns.create');
  const [d, setD] = useState({ description: '', invoiceDate: '', dueDate: '', amount: '', amountFromCard: false, mode: 'all' as Mode, statusId: '', tag: '' });
  const [picked, setPicked] = useState<Picked[]>([]);
  const selection = () => {
    if (d.mode === 'tag') return { mode: 'tag' as const, tags: d.tag ? [d.tag] : [] };
    if (d.mode === 'status') return { mode: 'status' as const, statusIds: d.statusId ? [Number(d.statusId)] : [] };
    if (d.mode === 'selected') return { mode: 'selected' as const, debtorIds: picked.map((p) => p.id) };
    return { mode: 'all' as const };
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let amount: number;
    try {
      amount = typedEuro('amount', d.amount) ?? 0;
    } catch (err) {
      create.refuse(asErrorData(err));
      return;
    }
    const run = await create.run({
      description: d.description,
      invoiceDate: d.invoiceDate,
      dueDate: d.dueDate || undefined,
      amount,
      amountFromCard: d.amountFromCard,
      selection: selection(),
    });
    if (run) navigate('facturen', run.id);
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={t('feeRuns.new')}>
      <h2>{t('feeRuns.new')}</h2>
      <p className="muted">{t('feeRuns.intro')}</p>
      <FormError error={create.error} fields={['description', 'invoiceDate', 'dueDate', 'amount']} />
      <div className="row">
        <Field label={t('feeRuns.description')} name="description" value={d.description} width="long" error={create.error} onChange={(v) => setD({ ...d, description: v })} />
        <Field label={t('feeRuns.amount')} name="amount" value={d.amount} width="short" error={create.error} hint="150,00" onChange={(v) => setD({ ...d, amount: v })} />
      </div>
      <label className="check">
        <input type="checkbox" checked={d.amountFromCard} onChange={(e) => setD({ ...d, amountFromCard: e.target.checked })} /> {t('feeRuns.amountFromCard')}
      </label>
      <div className="row">
        <Field label={t('feeRuns.invoiceDate')} name="invoiceDate" type="date" value={d.invoiceDate} width="short" error={create.error} onChange={(v) => setD({ ...d, invoiceDate: v })} />
        <Field label={t('feeRuns.dueDate')} name="dueDate" type="date" value={d.dueDate} width="short" optional error={create.error} hint={t('feeRuns.dueDateHint')} onChange={(v) => setD({ ...d, dueDate: v })} />
      </div>
      <div className="row">
        <Select
          label={t('feeRuns.who')}
          name="mode"
          value={d.mode}
          width="medium"
          onChange={(v) => setD({ ...d, mode: v })}
          options={[{ value: 'all', label: t('feeRuns.all') }, { value: 'tag', label: t('feeRuns.byTag') }, { value: 'status', label: t('feeRuns.byStatus') }, { value: 'selected', label: t('feeRuns.selected') }]}
        />
        {d.mode === 'tag' && (
          <Select label={t('debtor.tags')} name="tag" value={d.tag} width="short" onChange={(v) => setD({ ...d, tag: v })} options={[{ value: '', label: '—' }, ...(tags.data ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))]} />
        )}
        {d.mode === 'status' && (
          <Select label={t('debtor.status')} name="statusId" value={d.statusId} width="short" onChange={(v) => setD({ ...d, statusId: v })} options={[{ value: '', label: '—' }, ...(statuses.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))]} />
        )}
      </div>
      {d.mode === 'selected' && <DebtorPicker picked={picked} onChange={setPicked} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={create.busy}>{create.busy ? t('app.saving') : t('feeRuns.makeDrafts')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}

function FeeRunReview({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const run = useQuery('feeRuns.get', { id });
  const block = useMutation('invoices.setBlocked');
  const post = useMutation('feeRuns.post');
  const [result, setResult] = useState<{ posted: number; skippedBlocked: number }>();
  if (run.error) return <LoadError error={run.error} retry={run.reload} />;
  if (!run.data) return <Loading />;
  const r = run.data;
  const error = block.error ?? post.error;
  return (
    <section className="screen">
      <a className="back" href="#/facturen">← {t('feeRuns.back')}</a>
      <h1>{r.description}</h1>
      <p className="muted">
        {t('feeRuns.summary', { date: f.date(r.invoiceDate), amount: f.euro(r.amount), drafts: r.counts.drafts, blocked: r.counts.blocked, posted: r.counts.posted })}
      </p>
      {error && <div className="alert alert-error" role="alert">{error.message[i18n.language === 'en' ? 'en' : 'nl']}</div>}
      {result && (
        <div className="alert alert-ok" role="status">
          {t('feeRuns.postedResult', { posted: result.posted, skipped: result.skippedBlocked })}
        </div>
      )}
{r.counts.drafts > 0 && (
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={post.busy}
          onClick={() => void post.run({ id }).then((res) => { if (res) { setResult(res); run.reload(); } })}
        >
          {post.busy ? t('app.saving') : t('feeRuns.post', { count: r.counts.drafts, total: f.euro(r.counts.draftTotal) })}
        </button>
      </div>
      )}
      <table className="table" aria-label={t('feeRuns.invoices')}>
        <thead>
          <tr>
            <th>{t('fields.number')}</th>
            <th>{t('fields.name')}</th>
            <th>{t('feeRuns.instruction')}</th>
            <th className="num">{t('feeRuns.amount')}</th>
            <th>{t('feeRuns.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {r.invoices.map((inv) => (
            <tr key={inv.id} className={inv.blocked ? 'inactive' : ''}>
              <td className="code">{inv.debtorNumber}</td>
              <td>{inv.debtorName}</td>
              <td className="muted">{inv.billingInstruction ?? ''}</td>
              <td className="num">{f.euro(inv.total)}</td>
              <td>{inv.status === 'posted' ? `${t('feeRuns.postedAs')} ${inv.number}` : inv.blocked ? t('feeRuns.blockedDraft') : t('feeRuns.draft')}</td>
              <td>
                {inv.status === 'draft' && (
                  <button type="button" className="link" aria-label={`${inv.blocked ? t('feeRuns.unblock') : t('feeRuns.block')} ${inv.debtorName}`} onClick={() => void block.run({ id: inv.id, blocked: !inv.blocked }).then((x) => x && run.reload())}>
                    {inv.blocked ? t('feeRuns.unblock') : t('feeRuns.block')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
