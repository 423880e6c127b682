import { BarChart } from '@mantine/charts';
import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { useFormat } from '../../components/format';
import { hashLink } from '../../hooks/useHashRoute';
import { FigureLinks } from './FigureLinks';
import classes from './overview.module.css';

type Forecast = Output<'overview.get'>['forecast'];

/** What the next collections bring per date: already at the bank, and still to be collected. */
export function ForecastChart({ forecast }: { forecast: Forecast }) {
  const { t } = useTranslation();
  const f = useFormat();
  const href = hashLink(['incasso']);
  const data = forecast.map((p) => ({ date: f.date(p.date).slice(0, 5), scheduled: p.scheduled / 100, expected: p.expected / 100 }));
  return (
    <Card component="section" aria-labelledby="forecast-title">
      <Title order={2} id="forecast-title" mb={4}>
        {t('overview.forecast')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('overview.forecastHint')}
      </Text>
      {forecast.length === 0 ? (
        <Text c="dimmed">{t('overview.noForecast')}</Text>
      ) : (
        <>
          <BarChart
            className={classes.clickable}
            h={200}
            data={data.slice(0, 12)}
            dataKey="date"
            type="stacked"
            series={[
              { name: 'scheduled', label: t('overview.scheduled'), color: 'navy.6' },
              { name: 'expected', label: t('overview.expected'), color: 'navy.3' },
            ]}
            valueFormatter={(v) => f.euro(Math.round(v * 100))}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            withYAxis={false}
            gridAxis="none"
            barProps={{ onClick: () => (window.location.hash = href) }}
            barChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <FigureLinks
            label={t('overview.forecast')}
            figures={forecast.slice(0, 6).map((p) => ({ key: p.date, label: f.date(p.date), value: f.euro(p.scheduled + p.expected), href }))}
          />
        </>
      )}
    </Card>
  );
}
