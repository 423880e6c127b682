import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconBuildingBank, IconCalendarDue, IconCash, IconCheck, IconChevronRight, IconFileAlert, IconLink, IconReceiptRefund, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { useFormat } from '../../components/format';
import { hashLink } from '../../hooks/useHashRoute';
import classes from './overview.module.css';

type Todo = Output<'overview.get'>['todo'];

interface Line {
  key: string;
  count: number;
  text: string;
  detail: string;
  href: string;
  icon: Icon;
}

/**
 * What needs the treasurer now, each line a link to the screen (filtered where it can be) where
 * it is done. Lines with nothing to do disappear; none left says so.
 */
export function TodoList({ todo }: { todo: Todo }) {
  const { t } = useTranslation();
  const f = useFormat();
  const lines: Line[] = [
    {
      key: 'due',
      count: todo.dueForCollection.items,
      text: t('overview.dueForCollection', { count: todo.dueForCollection.items }),
      detail: t('overview.dueForCollectionDetail', { count: todo.dueForCollection.debtors, debtors: todo.dueForCollection.debtors, amount: f.euro(todo.dueForCollection.amount) }),
      href: hashLink(['openstaande-posten'], { collect: 'due' }),
      icon: IconCash,
    },
    {
      key: 'batches',
      count: todo.batchesAwaitingBank.batches,
      text: t('overview.batchesAwaiting', { count: todo.batchesAwaitingBank.batches }),
      detail: t('overview.batchesAwaitingDetail', { amount: f.euro(todo.batchesAwaitingBank.amount) }),
      href: hashLink(['incasso'], { batches: 'awaiting' }),
      icon: IconBuildingBank,
    },
    {
      key: 'mandates',
      count: todo.mandatesExpiring.debtors,
      text: t('overview.mandatesExpiring', { count: todo.mandatesExpiring.debtors }),
      detail: t('overview.mandatesExpiringDetail'),
      href: hashLink(['debiteuren'], { mandate: 'expiring' }),
      icon: IconCalendarDue,
    },
    {
      key: 'noMandate',
      count: todo.directDebitWithoutMandate.debtors,
      text: t('overview.withoutMandate', { count: todo.directDebitWithoutMandate.debtors }),
      detail: t('overview.withoutMandateDetail'),
      href: hashLink(['debiteuren'], { mandate: 'missing' }),
      icon: IconFileAlert,
    },
    {
      key: 'entries',
      count: todo.entriesToMatch.entries,
      text: t('overview.entriesToMatch', { count: todo.entriesToMatch.entries }),
      detail: t('overview.entriesToMatchDetail'),
      href: hashLink(['bankafschriften', 'regels'], { filter: 'unmatched' }),
      icon: IconLink,
    },
    {
      key: 'returns',
      count: todo.returnsToHandle.returns,
      text: t('overview.returnsToHandle', { count: todo.returnsToHandle.returns }),
      detail: t('overview.returnsToHandleDetail'),
      href: hashLink(['bankafschriften', 'stornos'], { filter: 'open' }),
      icon: IconArrowBackUp,
    },
    {
      key: 'statementProblems',
      count: todo.statementProblems.statements,
      text: t('overview.statementProblems', { count: todo.statementProblems.statements }),
      detail: t('overview.statementProblemsDetail'),
      href: hashLink(['bankafschriften']),
      icon: IconAlertTriangle,
    },
    {
      key: 'credits',
      count: todo.creditsToPayBack.debtors,
      text: t('overview.credits', { count: todo.creditsToPayBack.debtors }),
      detail: t('overview.creditsDetail', { amount: f.euro(todo.creditsToPayBack.amount) }),
      href: hashLink(['terugbetalingen']),
      icon: IconReceiptRefund,
    },
  ].filter((l) => l.count > 0);

  return (
    <Card component="section" aria-labelledby="todo-title">
      <Title order={2} id="todo-title" mb="sm">
        {t('overview.todo')}
      </Title>
      {lines.length === 0 ? (
        <Group gap="xs">
          <ThemeIcon color="green" variant="light" radius="xl" size="md">
            <IconCheck size={16} aria-hidden />
          </ThemeIcon>
          <Text>{t('overview.allDone')}</Text>
        </Group>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {lines.map(({ key, text, detail, href, icon: LineIcon }) => (
            <li key={key}>
              <Anchor href={href} underline="never" c="inherit" display="block" p="xs" className={classes.line}>
                <Group wrap="nowrap" gap="sm">
                  <ThemeIcon variant="light" size="lg" radius="md" color={key === 'noMandate' || key === 'mandates' || key === 'returns' || key === 'statementProblems' ? 'orange' : 'navy'}>
                    <LineIcon size={18} stroke={1.6} aria-hidden />
                  </ThemeIcon>
                  <div style={{ flex: 1 }}>
                    <Text fw={600} c="navy.7">
                      {text}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {detail}
                    </Text>
                  </div>
                  <IconChevronRight size={18} aria-hidden color="var(--mantine-color-navy-4)" />
                </Group>
              </Anchor>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
