import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseEuro } from '../../../../shared/money';
import { base64Bytes, downloadFile } from '../../components/download';
import { Field, FormError } from '../../components/Field';
import { useFormat } from '../../components/format';
import { asErrorData, useMutation, useQuery } from '../../hooks/useApi';
import { euroText, typedEuro } from '../../hooks/typedAmounts';

interface LineDraft {
  description: string;
  amount: string;
}

/** The debtor's invoices and credit notes; a manual invoice (draft, then post) and Crediteren. */
export function Invoices({ debtorId, onChanged }: { debtorId: number; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const invoices = useQuery('invoices.list', { debtorId });
  const post = useMutation('invoices.post');
  const [adding, setAdding] = useState(false);
  const [crediting, setCrediting] = useState<{ id: number; number: string; open: number }>();
  const refresh = () => {
    invoices.reload();
    onChanged();
  };
  const pdf = useMutation('invoices.pdf');
  const download = async (id: number) => {
    const file = await pdf.run({ id });
    if (!file) return;
    downloadFile(file.fileName, base64Bytes(file.base64), 'application/pdf');
  };
  const error = post.error ?? pdf.error;
  // what is still creditable per invoice: its total less the credit notes already posted against it
  const credited = new Map<number, number>();
  for (const i of invoices.data ?? []) if (i.kind === 'credit_note' && i.status === 'posted' && i.creditsInvoiceId) credited.set(i.creditsInvoiceId, (credited.get(i.creditsInvoiceId) ?? 0) + i.total);
  return (
    <div className="card">
      <div className="screen-head">
        <h2>{t('invoice.title')}</h2>
        {!adding && (
          <button type="button" className="secondary" onClick={() => setAdding(true)}>
            + {t('invoice.new')}
          </button>
        )}
      </div>
      {error && <div className="alert alert-error" role="alert">{error.message[i18n.language === 'en' ? 'en' : 'nl']}</div>}
      {adding && <InvoiceForm debtorId={debtorId} onDone={() => { setAdding(false); refresh(); }} onCancel={() => setAdding(false)} />}
      {crediting && <CreditForm invoice={crediting} onDone={() => { setCrediting(undefined); refresh(); }} onCancel={() => setCrediting(undefined)} />}
      {invoices.data?.length === 0 && !adding && <p className="muted">{t('invoice.none')}</p>}
      {invoices.data && invoices.data.length > 0 && (
        <table className="table" aria-label={t('invoice.title')}>
          <thead>
            <tr>
              <th>{t('invoice.number')}</th>
              <th>{t('invoice.date')}</th>
              <th>{t('invoice.description')}</th>
              <th className="num">{t('invoice.total')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {invoices.data.map((inv) => (
              <tr key={inv.id}>
                <td className="code">{inv.number ?? t('invoice.draft')}{inv.kind === 'credit_note' && <span className="tag">{t('invoice.creditNote')}</span>}</td>
                <td>{f.date(inv.invoiceDate)}</td>
                <td>{inv.description}</td>
                <td className="num">{f.euro(inv.kind === 'credit_note' ? -inv.total : inv.total)}</td>
                <td>
                  <button type="button" className="link pdf-link" aria-label={`PDF ${inv.number ?? inv.id}`} onClick={() => void download(inv.id)}>PDF</button>{' '}
                  {inv.status === 'draft' && (
                    <button type="button" className="link" onClick={() => void post.run({ id: inv.id }).then((r) => r && refresh())}>{t('invoice.post')}</button>
                  )}
                  {inv.status === 'posted' && inv.kind === 'invoice' && (credited.get(inv.id) ?? 0) < inv.total && (
                    <button type="button" className="link" aria-label={`${t('invoice.credit')} ${inv.number}`} onClick={() => setCrediting({ id: inv.id, number: inv.number ?? '', open: inv.total - (credited.get(inv.id) ?? 0) })}>
                      {t('invoice.credit')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Crediteren: the whole (rest of the) invoice, or a part of it as one credit line. */
function CreditForm({ invoice, onDone, onCancel }: { invoice: { id: number; number: string; open: number }; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const credit = useMutation('invoices.credit');
  const [amount, setAmount] = useState(euroText(invoice.open));
  const [description, setDescription] = useState('');
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    let cents: number | null;
    try {
      cents = typedEuro('amount', amount);
    } catch (err) {
      credit.refuse(asErrorData(err));
      return;
    }
    const whole = cents === null || cents === invoice.open;
    const label = description.trim() || t('invoice.creditLine', { number: invoice.number });
    const note = await credit.run({ invoiceId: invoice.id, description: description || undefined, lines: whole && !description ? undefined : [{ description: label, quantity: 1000, unitPrice: cents ?? invoice.open }] });
    if (note) onDone();
  };
  return (
    <form className="card inset" onSubmit={submit} noValidate aria-label={t('invoice.creditTitle', { number: invoice.number })}>
      <h3>{t('invoice.creditTitle', { number: invoice.number })}</h3>
      <p className="muted">{t('invoice.creditIntro', { open: f.euro(invoice.open) })}</p>
      <FormError error={credit.error} fields={['amount', 'description', 'lines']} />
      <div className="row">
        <Field label={t('invoice.creditAmount')} name="amount" value={amount} width="short" error={credit.error} onChange={setAmount} />
        <Field label={t('invoice.description')} name="description" value={description} width="long" optional error={credit.error} onChange={setDescription} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={credit.busy}>{t('invoice.creditPost')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}

function InvoiceForm({ debtorId, onDone, onCancel }: { debtorId: number; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useMutation('invoices.createDraft');
  const post = useMutation('invoices.post');
  const [description, setDescription] = useState('');
  const [invoiceDate, setInvoiceDate] = useState(new Date().toISOString().slice(0, 10));
  const [lines, setLines] = useState<LineDraft[]>([{ description: '', amount: '' }]);
  const [lineError, setLineError] = useState<string>();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const parsed = lines.map((l) => ({ l, amount: parseEuro(l.amount) }));
    const bad = parsed.findIndex((p) => !p.amount.ok);
    if (bad >= 0) {
      const v = parsed[bad]!.amount;
      setLineError(v.ok ? undefined : `${t('invoice.line')} ${bad + 1}: ${v.nl}`);
      return;
    }
    setLineError(undefined);
    const draft = await create.run({
      debtorId,
      invoiceDate,
      description,
      lines: parsed.map((p) => ({ description: p.l.description || description, unitPrice: p.amount.ok ? p.amount.value : 0 })),
    });
    if (draft && (await post.run({ id: draft.id }))) onDone();
    else if (draft) onDone();
  };
  const error = create.error ?? post.error;
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t('invoice.new')}>
      <FormError error={error} fields={['description', 'invoiceDate']} />
      {lineError && <div className="alert alert-error" role="alert">{lineError}</div>}
      <div className="row">
        <Field label={t('invoice.description')} name="description" value={description} width="long" error={error} onChange={setDescription} />
        <Field label={t('invoice.date')} name="invoiceDate" type="date" value={invoiceDate} width="short" error={error} onChange={setInvoiceDate} />
      </div>
      {lines.map((l, i) => (
        <div className="row" key={i}>
          <Field label={`${t('invoice.line')} ${i + 1}`} name={`lines.${i}.description`} value={l.description} width="long" optional error={error} onChange={(v) => setLines(lines.map((x, j) => (j === i ? { ...x, description: v } : x)))} />
          <Field label={t('invoice.amount')} name={`lines.${i}.unitPrice`} value={l.amount} width="short" error={error} onChange={(v) => setLines(lines.map((x, j) => (j === i ? { ...x, amount: v } : x)))} />
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => setLines([...lines, { description: '', amount: '' }])}>+ {t('invoice.addLine')}</button>
      <div className="actions">
        <button type="submit" className="primary" disabled={create.busy || post.busy}>{t('invoice.createAndPost')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}
