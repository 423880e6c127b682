import { Alert, Button, Text } from '@mantine/core';
import { IconFileTypePdf, IconGavel } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { downloadApiFile } from '../../components/download';
import { useFormat } from '../../components/format';
import { useAction } from '../../hooks/useAction';
import { useQuery } from '../../hooks/useApi';

/** On the debtor card: the claim went to the collection agency (when, how much), with the dossier that went along. */
export function HandedOver({ debtorId }: { debtorId: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const action = useAction();
  const handOvers = useQuery('dunning.handOver.ofDebtor', { debtorId });
  const last = handOvers.data?.[0];
  if (!last) return null;
  return (
    <Alert color="gray" variant="light" mb="md" icon={<IconGavel size={20} aria-hidden />} title={t('handOver.cardTitle', { date: f.date(last.date) })} role="status">
      <Text size="sm">{t('handOver.cardText', { total: f.euro(last.total) })}</Text>
      <Button mt="xs" size="compact-sm" variant="light" leftSection={<IconFileTypePdf size={14} aria-hidden />} loading={action.busy} onClick={() => void action.run(async () => downloadApiFile(await call('dunning.handOverFile', { handOverId: last.handOverId, debtorId })))}>
        {t('handOver.cardDossier', { file: last.fileName })}
      </Button>
    </Alert>
  );
}
