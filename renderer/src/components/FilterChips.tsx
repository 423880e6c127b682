import { Badge, CloseButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ActiveFilter {
  key: string;
  label: string;
  onRemove: () => void;
}

/**
 * The filters a link brought along (from the Overzicht), each a chip with × that removes it; so a
 * list that shows fewer rows always says why.
 */
export function FilterChips({ filters }: { filters: ActiveFilter[] }) {
  const { t } = useTranslation();
  if (filters.length === 0) return null;
  return (
    <Group gap="xs" mb="sm" role="group" aria-label={t('filters.active')}>
      {filters.map((f) => (
        // Mantine's Pill hides its remove button from the keyboard and screen readers; this one is a real button
        <Badge
          key={f.key}
          size="lg"
          variant="light"
          color="navy"
          tt="none"
          fw={500}
          data-filter={f.key}
          rightSection={<CloseButton size="xs" variant="transparent" c="navy.8" aria-label={t('filters.remove', { filter: f.label })} onClick={f.onRemove} />}
        >
          {f.label}
        </Badge>
      ))}
    </Group>
  );
}
