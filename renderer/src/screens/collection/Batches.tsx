import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { base64Bytes, downloadFile } from '../../components/download';
import { Field, FormError } from '../../components/Field';
import { useFormat } from '../../components/format';
import { asErrorData, useMutation } from '../../hooks/useApi';
import { downloadBatchFiles } from './downloads';

type Batch = Output<'batches.list'>[number];

/** Saved batches: download the file again (identical), or cancel until the bank confirms. */
export function Batches({ batches, onChanged, label }: { batches: Batch[]; onChanged: () => void; label: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const cancel = useMutation('batches.cancel');
  const [cancelling, setCancelling] = useState<Batch>();
  const [reason, setReason] = useState('');
  const [downloadError, setDownloadError] = useState<string>();
  const report = useMutation('batches.report');
  const specifications = useMutation('batches.specificationsZip');
  const reportPdf = async (id: number) => {
    const r = await report.run({ id });
    if (r) downloadFile(r.fileName, base64Bytes(r.base64), 'application/pdf');
  };
  const specs = async (id: number) => {
    const zip = await specifications.run({ id });
    if (zip) downloadFile(zip.fileName, base64Bytes(zip.base64), 'application/zip');
  };
  if (batches.length === 0) return null;
  return (
    <section className="card" aria-label={label}>
      <h2>{label}</h2>
      {downloadError && <div className="alert alert-error" role="alert">{downloadError}</div>}
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th>{t('batch.reference')}</th>
            <th>{t('batch.date')}</th>
            <th className="num">{t('batch.count')}</th>
            <th className="num">{t('batch.controlSum')}</th>
            <th>{t('batch.status')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id} className={b.status === 'cancelled' ? 'muted' : undefined}>
              <td className="code">{b.reference}</td>
              <td>{b.requestedDate ? f.date(b.requestedDate) : t('collection.perDueDate')}</td>
              <td className="num">{b.transactionCount}</td>
              <td className="num">{f.euro(b.controlSum)}</td>
              <td>{b.status === 'saved' ? t('batch.saved') : `${t('batch.cancelled')}: ${b.cancelReason ?? ''}`}</td>
              <td>
                <button type="button" className="link" aria-label={`${t('batch.report')} ${b.reference}`} onClick={() => void reportPdf(b.id)}>
                  {t('batch.report')}
                </button>{' '}
                <button type="button" className="link" aria-label={`${t('batch.specs')} ${b.reference}`} onClick={() => void specs(b.id)}>
                  {t('batch.specs')}
                </button>{' '}
                {b.status === 'saved' && (
                  <>
                    <button type="button" className="link" aria-label={`${t('batch.download')} ${b.reference}`} onClick={() => void downloadBatchFiles(b).catch((e: unknown) => setDownloadError(asErrorData(e).message[i18n.language === 'en' ? 'en' : 'nl']))}>
                      {t('batch.download')}
                    </button>{' '}
                    <button type="button" className="link danger" aria-label={`${t('batch.cancel')} ${b.reference}`} onClick={() => { setCancelling(b); setReason(''); cancel.clearError(); }}>
                      {t('batch.cancel')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cancelling && (
        <form
          className="card inset"
          aria-label={t('batch.cancelTitle', { reference: cancelling.reference })}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void cancel.run({ id: cancelling.id, reason }).then((r) => {
              if (r) {
                setCancelling(undefined);
                onChanged();
              }
            });
          }}
        >
          <h3>{t('batch.cancelTitle', { reference: cancelling.reference })}</h3>
          <p className="muted">{t('batch.cancelIntro')}</p>
          <FormError error={cancel.error} fields={['reason']} />
          <Field label={t('batch.reason')} name="reason" value={reason} width="long" error={cancel.error} onChange={setReason} />
          <div className="actions">
            <button type="submit" className="primary danger" disabled={cancel.busy}>{t('batch.confirmCancel')}</button>
            <button type="button" className="secondary" onClick={() => setCancelling(undefined)}>{t('app.cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
