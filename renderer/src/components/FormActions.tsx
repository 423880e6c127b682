import { Button, Group, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Save (busy while the call runs), Cancel when the form can be closed, and "Opgeslagen" once saved. */
export function FormActions({ busy, onCancel, saved = false }: { busy: boolean; onCancel?: () => void; saved?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" mt="sm">
      <Button type="submit" loading={busy}>
        {t('app.save')}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      )}
      {saved && (
        <Text c="green.8" fw={600} role="status">
          <IconCheck size={16} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
          {t('app.saved')}
        </Text>
      )}
    </Group>
  );
}
