import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROGRESS_STEPS } from '../../../shared/api/progress';
import type { Progress as CallProgress } from '../api/client';

const figures = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** "12 van 250 specificaties": the step's own plural, or a plain count for a step without texts yet. */
export function useProgressText() {
  const { t } = useTranslation();
  return (p: CallProgress) => {
    const known = (PROGRESS_STEPS as readonly string[]).includes(p.step);
    return t(known ? `progress.${p.step.replace(/\./g, '_')}` : 'progress.generic', { count: p.total, done: p.done });
  };
}

/**
 * The bar of long work in the main process (a call made with `onProgress`), with what it is doing
 * and the counts. Nothing before the first report arrives; the caller shows its own spinner meanwhile.
 */
export function WorkProgress({ progress, label }: { progress: CallProgress | undefined; label: string }) {
  const text = useProgressText();
  if (!progress) return null;
  const counts = text(progress);
  const value = progress.total > 0 ? (100 * progress.done) / progress.total : 0;
  return (
    <Stack gap={4} data-testid="work-progress" maw={520}>
      <Group justify="space-between" gap="md" wrap="nowrap">
        <Text size="sm" fw={500} truncate="end">
          {label}
        </Text>
        <Text size="sm" c="dimmed" style={figures}>
          {counts}
        </Text>
      </Group>
      <Progress.Root size="md" transitionDuration={120}>
        {/* our own aria: Mantine's would say "48%", a screen reader should hear the counts */}
        <Progress.Section value={value} withAria={false} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-valuetext={counts} />
      </Progress.Root>
    </Stack>
  );
}
