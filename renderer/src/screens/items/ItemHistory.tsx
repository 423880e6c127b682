import { Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../../shared/api/contract';
import { localDate } from '../../../../shared/dates';
import { useFormat } from '../../components/format';
import { Loading } from '../../components/Loading';
import { useQuery } from '../../hooks/useApi';

export function ItemHistory({ item }: { item: OpenItemT }) {
  const { t } = useTranslation();
  const f = useFormat();
  const history = useQuery('items.history', { itemId: item.id });
  // the moment is stored in UTC; the treasurer reads it on the local calendar and clock
  const when = (at: string) => {
    const d = new Date(at);
    return `${f.date(localDate(d))} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  };
  return (
    <section aria-label={t('items.historyOf', { document: item.document })}>
      <Title order={3} mt="md" mb="sm">
        {t('items.historyOf', { document: item.document })}
      </Title>
      {!history.data ? (
        <Loading />
      ) : (
        <Timeline bulletSize={12} lineWidth={2}>
          {history.data.map((h, i) => (
            <Timeline.Item key={i} title={h.text}>
              <Text size="xs" c="dimmed">
                {when(h.at)}
                {h.reason && ` — ${h.reason}`}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </section>
  );
}
