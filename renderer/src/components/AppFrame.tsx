import { AppShell, Box, NavLink, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './AppFrame.module.css';
import { LanguageSwitch } from './LanguageSwitch';

/** Sidebar entries: route segment and translation key, in the treasurer's order of work. */
export const NAV = [
  ['overzicht', 'overview'],
  ['debiteuren', 'debtors'],
  ['facturen', 'invoices'],
  ['openstaande-posten', 'openItems'],
  ['incasso', 'collection'],
  ['bankafschriften', 'statements'],
  ['aanmaningen', 'dunning'],
  ['belrondje', 'callList'],
  ['terugbetalingen', 'refunds'],
  ['reservekopieen', 'backups'],
  ['instellingen', 'settings'],
] as const;

/** The frame around every screen once the ledger is set up: navy sidebar with the hash routes, content beside it. */
export function AppFrame({ section, organisationName, children }: { section: string; organisationName: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <AppShell className={classes.shell} mode="static" navbar={{ width: 230, breakpoint: 0 }} padding={0}>
      <AppShell.Navbar className={classes.navbar} p="md" aria-label="Penning">
        <Box px="sm">
          <div className={classes.brand}>Penning</div>
          <div className={classes.organisation} title={organisationName}>
            {organisationName}
          </div>
        </Box>
        <Stack gap={2} mt="lg" style={{ flex: 1 }}>
          {NAV.map(([route, key]) => (
            <NavLink
              key={route}
              href={`#/${route}`}
              label={t(`nav.${key}`)}
              active={section === route}
              aria-current={section === route ? 'page' : undefined}
              className={classes.link}
            />
          ))}
        </Stack>
        <Box px="sm" pt="md">
          <LanguageSwitch persist onDark />
        </Box>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <Box px={40} py={32} maw={1400}>
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
