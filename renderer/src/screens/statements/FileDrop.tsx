import { Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFileDropZone } from '../../hooks/useFileDropZone';

/**
 * Where bank files go in: dropped (several at once) or chosen with the button. Any file is
 * accepted here: the format is decided from the content by the reader, never by the name.
 */
export function FileDrop({ onFiles, busy }: { onFiles: (files: File[]) => void; busy: boolean }) {
  const { t } = useTranslation();
  const { over, props: dropProps } = useFileDropZone(onFiles);
  return (
    <Paper
      withBorder
      p="xl"
      data-testid="statement-drop"
      aria-label={t('statements.dropLabel')}
      role="region"
      {...dropProps}
      style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: over ? 'var(--mantine-color-navy-6)' : undefined, background: over ? 'var(--mantine-color-navy-0)' : undefined }}
    >
      <Group gap="lg" wrap="nowrap">
        <IconUpload size={36} stroke={1.4} aria-hidden color="var(--mantine-color-navy-6)" />
        <Stack gap={4} style={{ flex: 1 }}>
          <Text fw={600}>{t('statements.dropTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('statements.dropHint')}
          </Text>
        </Stack>
        <FileButton onChange={(files) => files.length > 0 && onFiles(files)} multiple>
          {(props) => (
            <Button {...props} leftSection={<IconFileUpload size={16} aria-hidden />} loading={busy}>
              {t('statements.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
    </Paper>
  );
}
