import { ActionIcon, Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/api/dossier';
import { useFileDropZone } from '../../hooks/useFileDropZone';

/** What travels in one request: the browser-mode server takes 10 MB a request, base64 makes files a third larger. */
const MAX_UPLOAD_TOGETHER = 7 * 1024 * 1024;

/**
 * Files for a dossier entry: dropped or chosen. The type is decided by Penning from the content
 * when the entry is saved; here only the sizes are checked, so a too-large file is named at once.
 */
export function AttachmentPicker({ files, onChange, error }: { files: File[]; onChange: (files: File[]) => void; error?: string }) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState<string>();
  const add = (added: File[]) => {
    const tooBig = added.find((f) => f.size > MAX_ATTACHMENT_BYTES);
    if (tooBig) return setRefused(t('dossier.fileTooBig', { name: tooBig.name, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
    const next = [...files, ...added];
    if (next.reduce((s, f) => s + f.size, 0) > MAX_UPLOAD_TOGETHER) return setRefused(t('dossier.filesTogether', { mb: MAX_UPLOAD_TOGETHER / 1024 / 1024 }));
    setRefused(undefined);
    onChange(next);
  };
  const { over, props: dropProps } = useFileDropZone(add);
  const message = refused ?? error;
  return (
    <Stack gap={6}>
      <Paper
        withBorder
        p="sm"
        role="region"
        aria-label={t('dossier.dropLabel')}
        data-testid="dossier-drop"
        {...dropProps}
        style={{ borderStyle: 'dashed', borderColor: over ? 'var(--mantine-color-navy-6)' : undefined, background: over ? 'var(--mantine-color-navy-0)' : undefined }}
      >
        <Group gap="sm" wrap="nowrap">
          <IconPaperclip size={20} stroke={1.6} aria-hidden color="var(--mantine-color-navy-6)" />
          <Text size="sm" c="dimmed" style={{ flex: 1 }}>
            {t('dossier.dropHint', { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 })}
          </Text>
          <FileButton onChange={(chosen) => chosen.length > 0 && add(chosen)} multiple>
            {(props) => (
              <Button {...props} variant="default" size="xs">
                {t('dossier.chooseFiles')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Paper>
      {files.map((f, i) => (
        <Group key={`${f.name}-${i}`} gap="xs">
          <Text size="sm">{f.name}</Text>
          <Text size="xs" c="dimmed">
            {Math.max(1, Math.round(f.size / 1024))} kB
          </Text>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('dossier.removeFile', { name: f.name })} onClick={() => onChange(files.filter((_, j) => j !== i))}>
            <IconX size={14} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {message && (
        <Text size="sm" c="red.8" role="alert">
          {message}
        </Text>
      )}
    </Stack>
  );
}
