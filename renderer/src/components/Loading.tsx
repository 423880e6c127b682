import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../../../shared/api/errors';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" p="xl" role="status">
      <Loader size="sm" />
      <Text c="dimmed">{t('app.loading')}</Text>
    </Group>
  );
}

export function LoadError({ error, retry }: { error: ApiErrorData; retry: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
      <Group gap="sm">
        <Text size="sm">{error.message[i18n.language === 'en' ? 'en' : 'nl']}</Text>
        <Button size="compact-sm" variant="white" color="red" onClick={retry}>
          {t('app.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
