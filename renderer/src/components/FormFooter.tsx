import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * The end of every form: a message that belongs to no field (from useFormErrors' formError), the
 * submit button that spins while the call runs, and Annuleren.
 */
export function FormFooter({ formError, busy, submitLabel, onCancel }: { formError?: string; busy: boolean; submitLabel?: string; onCancel: () => void }) {
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
        <Button variant="default" onClick={onCancel}>
          {t('app.cancel')}
        </Button>
      </Group>
    </>
  );
}
