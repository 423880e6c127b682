import { Anchor, Card, Group, List, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';

/** The checklist before a first run: each line what is there or missing, and a link to fix it. */
export function Readiness({ checks }: { checks: Output<'collections.readiness'> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const missing = checks.filter((c) => !c.ok).length;
  return (
    <Card component="section" aria-label={t('collection.readiness')} mb="md" style={missing ? { borderLeft: '3px solid var(--mantine-color-orange-6)' } : undefined}>
      <Title order={2} mb="sm">
        {missing ? t('collection.notReady', { count: missing }) : t('collection.ready')}
      </Title>
      <List spacing="xs" center>
        {checks.map((c) => (
          <List.Item
            key={c.key}
            icon={
              <ThemeIcon size={22} radius="xl" variant="light" color={c.ok ? 'green' : 'orange'} aria-hidden>
                {c.ok ? <IconCheck size={14} /> : <IconAlertTriangle size={14} />}
              </ThemeIcon>
            }
          >
            <Group gap="md" wrap="nowrap">
              <Text size="sm">
                <Text span fw={600} inherit>
                  {t(`collection.check.${c.key}`)}
                </Text>
                : {c.detail[lang]}
              </Text>
              {!c.ok && (
                <Anchor href={`#/${c.fix}`} size="sm" fw={600}>
                  {t('collection.fix')}
                </Anchor>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
