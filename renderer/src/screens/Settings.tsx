import { useTranslation } from 'react-i18next';
import { navigate } from '../hooks/useHashRoute';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { BankAccountsSettings } from './settings/BankAccountsSettings';
import { ChartSettings } from './settings/ChartSettings';
import { CollectionSettings } from './settings/CollectionSettings';
import { JournalSettings } from './settings/JournalSettings';
import { OrganisationSettings } from './settings/OrganisationSettings';

const TABS = ['organisation', 'bankAccounts', 'collection', 'chart', 'journals', 'language'] as const;
type Tab = (typeof TABS)[number];

export function Settings({ tab, onChanged }: { tab: string | undefined; onChanged: () => void }) {
  const { t } = useTranslation();
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'organisation';
  return (
    <section className="screen">
      <h1>{t('settings.title')}</h1>
      <div className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} role="tab" type="button" aria-selected={name === current} className={name === current ? 'active' : ''} onClick={() => navigate('instellingen', name)}>
            {t(`settings.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {current === 'organisation' && <OrganisationSettings onChanged={onChanged} />}
        {current === 'bankAccounts' && <BankAccountsSettings />}
        {current === 'collection' && <CollectionSettings />}
        {current === 'chart' && <ChartSettings />}
        {current === 'journals' && <JournalSettings />}
        {current === 'language' && (
          <div className="card">
            <p>{t('settings.languageText')}</p>
            <LanguageSwitch persist />
          </div>
        )}
      </div>
    </section>
  );
}
