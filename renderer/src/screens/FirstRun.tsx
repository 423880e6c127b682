import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FormError } from '../components/Field';
import { useMutation } from '../hooks/useApi';
import { LanguageSwitch } from '../components/LanguageSwitch';

interface BankDraft {
  name: string;
  iban: string;
  bic: string;
}

/** The first screen of an empty ledger: the club's details, or the demo club. */
export function FirstRun({ file, onDone }: { file: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [org, setOrg] = useState({ name: '', street: '', postalCode: '', city: '', email: '' });
  const [creditorId, setCreditorId] = useState('');
  const [banks, setBanks] = useState<BankDraft[]>([{ name: 'Betaalrekening', iban: '', bic: '' }]);
  const setup = useMutation('setup.initialize');
  const demo = useMutation('setup.demo');

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const done = await setup.run({
      organisation: org,
      creditorId,
      bankAccounts: banks.filter((b) => b.iban.trim() || b.bic.trim()).map((b) => ({ name: b.name || 'Bank', iban: b.iban, bic: b.bic })),
      language: i18n.language === 'en' ? 'en' : 'nl',
    });
    if (done) onDone();
  };
  const createDemo = async () => {
    if (await demo.run({})) onDone();
  };
  const orgField = (key: keyof typeof org, width?: 'short' | 'medium' | 'long', optional = true) => (
    <Field label={t(`fields.${key}`)} name={`organisation.${key}`} value={org[key]} width={width} optional={optional} error={setup.error} onChange={(v) => setOrg({ ...org, [key]: v })} />
  );
  const fieldNames = ['organisation.name', 'organisation.street', 'organisation.postalCode', 'organisation.city', 'organisation.email', 'creditorId', ...banks.flatMap((_, i) => [`bankAccounts.${i}.iban`, `bankAccounts.${i}.bic`, `bankAccounts.${i}.name`])];

  return (
    <div className="first-run">
      <header className="first-run-header">
        <div className="brand">Penning</div>
        <LanguageSwitch onDark />
      </header>
      <div className="first-run-body">
        <form className="card first-run-form" onSubmit={submit} noValidate>
          <h1>{t('firstRun.title')}</h1>
          <p className="lead">{t('firstRun.intro')}</p>
          <FormError error={setup.error} fields={fieldNames} />
          <h2>{t('firstRun.organisation')}</h2>
          {orgField('name', 'long', false)}
          <div className="row">
            {orgField('street', 'long')}
          </div>
          <div className="row">
            {orgField('postalCode', 'short')}
            {orgField('city', 'medium')}
          </div>
          {orgField('email', 'long')}
          <Field label={t('fields.creditorId')} name="creditorId" value={creditorId} onChange={setCreditorId} error={setup.error} optional width="medium" hint={t('fields.creditorIdHint')} />
          <h2>{t('firstRun.bankAccounts')}</h2>
          <p className="muted">{t('firstRun.bankHint')}</p>
          {banks.map((b, i) => (
            <div className="row bank-row" key={i}>
              <Field label={t('fields.bankName')} name={`bankAccounts.${i}.name`} value={b.name} width="medium" error={setup.error} onChange={(v) => setBanks(banks.map((x, j) => (j === i ? { ...x, name: v } : x)))} />
              <Field label={t('fields.iban')} name={`bankAccounts.${i}.iban`} value={b.iban} width="medium" error={setup.error} onChange={(v) => setBanks(banks.map((x, j) => (j === i ? { ...x, iban: v } : x)))} />
              <Field label={t('fields.bic')} name={`bankAccounts.${i}.bic`} value={b.bic} width="short" optional error={setup.error} onChange={(v) => setBanks(banks.map((x, j) => (j === i ? { ...x, bic: v } : x)))} />
              {banks.length > 1 && (
                <button type="button" className="link remove" onClick={() => setBanks(banks.filter((_, j) => j !== i))}>
                  {t('firstRun.removeBank')}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setBanks([...banks, { name: '', iban: '', bic: '' }])}>
            + {t('firstRun.addBank')}
          </button>
          <div className="actions">
            <button type="submit" className="primary" disabled={setup.busy || demo.busy}>
              {setup.busy ? t('app.saving') : t('firstRun.submit')}
            </button>
          </div>
        </form>
        <aside className="card first-run-demo">
          <h2>{t('firstRun.demoTitle')}</h2>
          <p>{t('firstRun.demoText')}</p>
          <button type="button" className="secondary" onClick={createDemo} disabled={demo.busy || setup.busy} aria-busy={demo.busy}>
            {demo.busy ? t('firstRun.demoBusy') : t('firstRun.demo')}
          </button>
          <FormError error={demo.error} fields={[]} />
          <p className="muted small">
            {t('firstRun.file')}: <code>{file}</code>
          </p>
        </aside>
      </div>
    </div>
  );
}
