import '@mantine/charts/styles.css';
import { SimpleGrid } from '@mantine/core';
import type { Output } from '../../../../shared/api/contract';
import { AgeingChart } from './AgeingChart';
import { BatchesChart } from './BatchesChart';
import { ForecastChart } from './ForecastChart';

/** The Overzicht's pictures, in their own chunk: recharts is loaded only when the Overzicht shows them. */
export default function Charts({ dashboard }: { dashboard: Output<'overview.get'> }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <AgeingChart ageing={dashboard.ageing} />
      <ForecastChart forecast={dashboard.forecast} />
      <BatchesChart batches={dashboard.batchesByState} />
    </SimpleGrid>
  );
}
