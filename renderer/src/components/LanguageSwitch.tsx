import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { rememberLanguage, type Lang } from '../i18n';

/** Switches the UI language; stored in the ledger too once it is set up. */
export function LanguageSwitch({ persist = false }: { persist?: boolean }) {
  const { t, i18n } = useTranslation();
  const choose = (lang: Lang) => {
    rememberLanguage(lang);
    if (persist) void call('settings.update', { language: lang }).catch(() => undefined);
  };
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      {(['nl', 'en'] as const).map((lang) => (
        <button key={lang} type="button" className={i18n.language === lang ? 'active' : ''} aria-pressed={i18n.language === lang} onClick={() => choose(lang)}>
          {lang === 'nl' ? 'Nederlands' : 'English'}
        </button>
      ))}
    </div>
  );
}
