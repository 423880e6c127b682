import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';

/** The checklist before a first run: each line what is there or missing, and a link to fix it. */
export function Readiness({ checks }: { checks: Output<'collections.readiness'> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const missing = checks.filter((c) => !c.ok).length;
  return (
    <div className={`card readiness${missing ? ' not-ready' : ''}`} aria-label={t('collection.readiness')}>
      <h2>{missing ? t('collection.notReady', { count: missing }) : t('collection.ready')}</h2>
      <ul className="checklist">
        {checks.map((c) => (
          <li key={c.key} className={c.ok ? 'ok' : 'missing'}>
            <span className="mark" aria-hidden>{c.ok ? '✓' : '!'}</span>
            <span>
              <strong>{t(`collection.check.${c.key}`)}</strong>: {c.detail[lang]}
            </span>
            {!c.ok && (
              <a href={`#/${c.fix}`} className="fix">
                {t('collection.fix')}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
