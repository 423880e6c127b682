import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { useFormat } from '../../components/format';
import { hashLink } from '../../hooks/useHashRoute';
import { FigureLinks } from './FigureLinks';
import classes from './overview.module.css';

type Ageing = Output<'overview.get'>['ageing'];

/** Open receivables by days past due, in euros or in members; a bar opens the open items of that age. */
export function AgeingChart({ ageing }: { ageing: Ageing }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [by, setBy] = useState<'amount' | 'debtors'>('amount');
  const link = (a: Ageing[number]) => hashLink(['openstaande-posten'], { dueFrom: a.dueFrom, dueTo: a.dueTo, owed: '1' });
  const data = ageing.map((a) => ({ label: t(`overview.bucket.${a.bucket}`), amount: a.amount / 100, debtors: a.debtors, href: link(a) }));
  return (
    <Card component="section" aria-labelledby="ageing-title">
      <Group justify="space-between" mb={4}>
        <Title order={2} id="ageing-title">
          {t('overview.ageing')}
        </Title>
        <SegmentedControl
          size="xs"
          value={by}
          onChange={(v) => setBy(v as 'amount' | 'debtors')}
          data={[
            { value: 'amount', label: t('overview.byEuros') },
            { value: 'debtors', label: t('overview.byMembers') },
          ]}
        />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('overview.ageingHint')}
      </Text>
      <BarChart
        className={classes.clickable}
        h={200}
        data={data}
        dataKey="label"
        series={[{ name: by, label: by === 'amount' ? t('overview.amount') : t('overview.members'), color: 'navy.6' }]}
        valueFormatter={(v) => (by === 'amount' ? f.euro(Math.round(v * 100)) : String(v))}
        withYAxis={false}
        gridAxis="none"
        withBarValueLabel
        barProps={{ onClick: (entry: { payload?: { href?: string } }) => entry.payload?.href && (window.location.hash = entry.payload.href) }}
        barChartProps={{ accessibilityLayer: false }}
        aria-hidden
      />
      <FigureLinks
        label={t('overview.ageing')}
        figures={ageing.map((a) => ({ key: a.bucket, label: t(`overview.bucket.${a.bucket}`), value: t('overview.bucketLine', { count: a.debtors, amount: f.euro(a.amount), items: t('items.count', { count: a.items }) }), href: link(a) }))}
      />
    </Card>
  );
}
