import { MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import 'dayjs/locale/nl';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from './theme';

// Mantine's dimmed grey (gray.6) is below 4.5:1 on white; this is the muted ink of the first screens.
const resolver: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#5d6778', '--mantine-color-placeholder': '#6b7588' }, dark: {} });

/** Mantine with Penning's theme; calendars follow the UI language (Dutch month names, weeks from Monday). */
export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'nl';
  return (
    <MantineProvider theme={theme} forceColorScheme="light" cssVariablesResolver={resolver}>
      <DatesProvider settings={{ locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>
        <ModalsProvider>
          <Notifications position="top-right" limit={4} />
          {children}
        </ModalsProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
