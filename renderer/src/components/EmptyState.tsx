import { Badge, Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A screen with nothing in it yet: what it will hold and the next step, never a blank table. */
export function EmptyState({ title, children, badge, action }: { title: string; children: ReactNode; badge?: string; action?: { href: string; label: string } }) {
  return (
    <Paper withBorder p="xl" maw={720} style={{ borderStyle: 'dashed' }}>
      <Stack gap="sm" align="flex-start">
        {badge && (
          <Badge color="orange" variant="light">
            {badge}
          </Badge>
        )}
        <Title order={2}>{title}</Title>
        {typeof children === 'string' ? <Text>{children}</Text> : children}
        {action && (
          <Button component="a" href={action.href}>
            {action.label}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
