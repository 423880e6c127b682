import { DonutChart } from '@mantine/charts';
import { Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { useFormat } from '../../components/format';
import { hashLink } from '../../hooks/useHashRoute';
import { FigureLinks } from './FigureLinks';
import classes from './overview.module.css';

type Batches = Output<'overview.get'>['batchesByState'];

const COLOURS = { awaiting: 'var(--mantine-color-navy-6)', executed: 'var(--mantine-color-teal-6)', cancelled: 'var(--mantine-color-gray-5)' } as const;

/** Collection batches by state; a slice opens the Incasso screen's batches in that state. */
export function BatchesChart({ batches }: { batches: Batches }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = batches.reduce((n, b) => n + b.batches, 0);
  const link = (state: string) => hashLink(['incasso'], { batches: state });
  return (
    <Card component="section" aria-labelledby="batches-title">
      <Title order={2} id="batches-title" mb="sm">
        {t('overview.batches')}
      </Title>
      {total === 0 ? (
        <Text c="dimmed">{t('overview.noBatches')}</Text>
      ) : (
        <Group align="center" wrap="nowrap" gap="xl">
          <DonutChart
            className={classes.clickable}
            size={150}
            thickness={26}
            withTooltip={false}
            data={batches.filter((b) => b.batches > 0).map((b) => ({ name: t(`overview.state.${b.state}`), value: b.batches, color: COLOURS[b.state] }))}
            pieProps={{ onClick: (_: unknown, index: number) => (window.location.hash = link(batches.filter((b) => b.batches > 0)[index]!.state)) }}
            pieChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <div style={{ flex: 1 }}>
            <FigureLinks
              label={t('overview.batches')}
              figures={batches.map((b) => ({ key: b.state, label: t(`overview.state.${b.state}`), value: t('overview.batchLine', { count: b.batches, amount: f.euro(b.amount) }), href: link(b.state), swatch: COLOURS[b.state] }))}
            />
          </div>
        </Group>
      )}
    </Card>
  );
}
