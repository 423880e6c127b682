import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

export type NotYetScreen = 'collection' | 'dunning' | 'refunds';

/** Screens a later version fills: say honestly what will be here and what to do now. */
export function NotYet({ screen }: { screen: NotYetScreen }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t(`notYet.${screen}.title`)}</Title>
      <EmptyState title={t('notYet.badge')}>
        <Text>{t(`notYet.${screen}.text`)}</Text>
        <Text fw={600}>{t(`notYet.${screen}.now`)}</Text>
      </EmptyState>
    </Stack>
  );
}
