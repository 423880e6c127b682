import { Group, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { notifySuccess } from '../components/feedback';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { ReasonButton } from '../components/ReasonButton';
import { useQuery } from '../hooks/useApi';
import { dropHashQuery, useHashQuery } from '../hooks/useHashRoute';
import { FilterChips } from '../components/FilterChips';
import { Batches } from './collection/Batches';
import { CollectionWizard } from './collection/CollectionWizard';
import { Readiness } from './collection/Readiness';

/** Filters an Overzicht link brings (#/incasso?batches=awaiting): applied by batches.list. */
const BATCH_FILTERS = ['awaiting', 'executed', 'cancelled'] as const;

/** Incasso: readiness, the wizard, and the saved batches. */
export function Collection() {
  const { t } = useTranslation();
  const f = useFormat();
  const readiness = useQuery('collections.readiness', {});
  const query = useHashQuery();
  const state = BATCH_FILTERS.find((s) => s === query.get('batches'));
  const batches = useQuery('batches.list', { kind: 'collection', state });
  const [wizard, setWizard] = useState(false);
  if (readiness.error) return <LoadError error={readiness.error} retry={readiness.reload} />;
  if (!readiness.data || !batches.data) return <Loading />;
  const missing = readiness.data.filter((c) => !c.ok).length;
  const ready = missing === 0;
  const refresh = () => {
    readiness.reload();
    batches.reload();
  };
  return (
    <section>
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('collection.title')}</Title>
        {!wizard && (
          <ReasonButton reason={ready ? undefined : t('collection.notReadyWhy', { count: missing })} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setWizard(true)}>
            {t('collection.new')}
          </ReasonButton>
        )}
      </Group>
      {(!ready || !wizard) && <Readiness checks={readiness.data} />}
      {wizard && ready && (
        <CollectionWizard
          onCancel={() => setWizard(false)}
          onSaved={(b) => {
            notifySuccess(t('collection.saved', { reference: b.reference, count: b.transactionCount, amount: f.euro(b.controlSum), files: t('collection.fileCount', { count: b.fileCount }) }), { href: '#/openstaande-posten/in_collection', label: t('collection.seeItems') });
            setWizard(false);
            refresh();
          }}
        />
      )}
      {!wizard && <FilterChips filters={state ? [{ key: 'batches', label: t(`filters.batches.${state}`), onRemove: () => dropHashQuery('batches') }] : []} />}
      {!wizard && state && batches.data.length === 0 && <Text c="dimmed">{t('filters.noBatches')}</Text>}
      {!wizard && !state && batches.data.length === 0 && ready && (
        <EmptyState title={t('collection.emptyTitle')}>
          <p>{t('collection.emptyText')}</p>
        </EmptyState>
      )}
      {!wizard && <Batches batches={batches.data} onChanged={refresh} label={t('collection.batches')} />}
    </section>
  );
}
