import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../../../shared/api/errors';

export function Loading() {
  const { t } = useTranslation();
  return <div className="loading" role="status">{t('app.loading')}</div>;
}

export function LoadError({ error, retry }: { error: ApiErrorData; retry: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      {error.message[i18n.language === 'en' ? 'en' : 'nl']}{' '}
      <button type="button" className="link" onClick={retry}>
        {t('app.retry')}
      </button>
    </div>
  );
}
