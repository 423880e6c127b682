import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { rememberLanguage, type Lang } from '../i18n';

/** Switches the UI language; stored in the ledger too once it is set up. */
export function LanguageSwitch({ persist = false, onDark = false }: { persist?: boolean; onDark?: boolean }) {
  const { t, i18n } = useTranslation();
  const choose = (lang: Lang) => {
    rememberLanguage(lang);
    if (persist) void call('settings.update', { language: lang }).catch(() => undefined);
  };
  return (
    <Button.Group aria-label={t('nav.language')}>
      {(['nl', 'en'] as const).map((lang) => {
        const active = i18n.language === lang;
        return (
          <Button
            key={lang}
            size="xs"
            px={10}
            variant={active ? (onDark ? 'white' : 'light') : onDark ? 'subtle' : 'default'}
            color={onDark && !active ? 'gray.2' : undefined}
            fw={active ? 700 : 400}
            aria-pressed={active}
            onClick={() => choose(lang)}
          >
            {lang === 'nl' ? 'Nederlands' : 'English'}
          </Button>
        );
      })}
    </Button.Group>
  );
}
