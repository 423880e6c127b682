import { useTranslation } from 'react-i18next';

/** Save (busy while the call runs) and, when the form can be closed, Cancel. */
export function FormActions({ busy, onCancel }: { busy: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('app.saving') : t('app.save')}
      </button>
      {onCancel && (
        <button type="button" className="secondary" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      )}
    </div>
  );
}
