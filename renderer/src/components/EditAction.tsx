import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A row's "Wijzigen" as an icon button; `what` names the row for screen readers ("Wijzigen 1300"). */
export function EditAction({ what, onClick }: { what: string; onClick: () => void }) {
  const { t } = useTranslation();
  const label = `${t('app.edit')} ${what}`;
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" aria-label={label} onClick={onClick}>
        <IconPencil size={16} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
}
