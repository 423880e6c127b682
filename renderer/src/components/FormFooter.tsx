import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * The end of every form: a message that belongs to no field (from useFormErrors' formError), the
 * submit button that spins while the call runs, Annuleren when the form can be closed, and
 * "Opgeslagen" after a save for a form that stays open (settings).
 */
export function FormFooter({ formError, busy, submitLabel, onCancel, saved = false }: { formError?: string; busy: boolean; submitLabel?: string; onCancel?: () => void; saved?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {formError && (
        <Alert color="red" mt="sm" role="alert">
          {formError}
        </Alert>
      )}
      <Group mt="md" gap="sm">
        <Button type="submit" loading={busy}>
          {submitLabel ?? t('app.save')}
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
    </>
  );
}
