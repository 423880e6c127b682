import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { EmptyState } from '../components/EmptyState';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';
import { Batches } from './collection/Batches';
import { CollectionWizard } from './collection/CollectionWizard';
import { Readiness } from './collection/Readiness';

/** Incasso: readiness, the wizard, and the saved batches. */
export function Collection() {
  const { t } = useTranslation();
  const f = useFormat();
  const readiness = useQuery('collections.readiness', {});
  const batches = useQuery('batches.list', { kind: 'collection' });
  const [wizard, setWizard] = useState(false);
  const [saved, setSaved] = useState<Output<'collections.create'>>();
  if (readiness.error) return <LoadError error={readiness.error} retry={readiness.reload} />;
  if (!readiness.data || !batches.data) return <Loading />;
  const ready = readiness.data.every((c) => c.ok);
  const refresh = () => {
    readiness.reload();
    batches.reload();
  };
  return (
    <section className="screen">
      <div className="screen-head">
        <h1>{t('collection.title')}</h1>
        {!wizard && (
          <button type="button" className="primary" disabled={!ready} onClick={() => { setSaved(undefined); setWizard(true); }}>
            + {t('collection.new')}
          </button>
        )}
      </div>
      {(!ready || !wizard) && <Readiness checks={readiness.data} />}
      {saved && (
        <div className="alert alert-ok" role="status">
          {t('collection.saved', { reference: saved.reference, count: saved.transactionCount, amount: f.euro(saved.controlSum), files: saved.fileCount })}{' '}
          <a href="#/openstaande-posten">{t('collection.seeItems')}</a>
        </div>
      )}
      {wizard && ready && (
        <CollectionWizard
          onCancel={() => setWizard(false)}
          onSaved={(b) => {
            setSaved(b);
            setWizard(false);
            refresh();
          }}
        />
      )}
      {!wizard && batches.data.length === 0 && ready && (
        <EmptyState title={t('collection.emptyTitle')}>
          <p>{t('collection.emptyText')}</p>
        </EmptyState>
      )}
      {!wizard && <Batches batches={batches.data} onChanged={refresh} label={t('collection.batches')} />}
    </section>
  );
}
