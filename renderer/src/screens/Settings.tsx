import { Card, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { navigate } from '../hooks/useHashRoute';
import { BankAccountsSettings } from './settings/BankAccountsSettings';
import { ChartSettings } from './settings/ChartSettings';
import { CollectionSettings } from './settings/CollectionSettings';
import { JournalSettings } from './settings/JournalSettings';
import { OrganisationSettings } from './settings/OrganisationSettings';
import { StornoSettings } from './settings/StornoSettings';
import { DunningSettings } from './settings/DunningSettings';

const TABS = ['organisation', 'bankAccounts', 'collection', 'storno', 'dunning', 'chart', 'journals', 'language'] as const;
type Tab = (typeof TABS)[number];

export function Settings({ tab, onChanged }: { tab: string | undefined; onChanged: () => void }) {
  const { t } = useTranslation();
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'organisation';
  // each tab is its own route (#/instellingen/incasso-tab), so only the current panel is filled
  const content: Record<Tab, () => React.ReactNode> = {
    organisation: () => <OrganisationSettings onChanged={onChanged} />,
    bankAccounts: () => <BankAccountsSettings />,
    collection: () => <CollectionSettings />,
    storno: () => <StornoSettings />,
    dunning: () => <DunningSettings />,
    chart: () => <ChartSettings />,
    journals: () => <JournalSettings />,
    language: () => (
      <Card>
        <Text mb="md">{t('settings.languageText')}</Text>
        <LanguageSwitch persist />
      </Card>
    ),
  };
  return (
    <Stack gap="lg">
      <Title order={1}>{t('settings.title')}</Title>
      <Tabs value={current} onChange={(v) => v && navigate('instellingen', v)} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`settings.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((name) => (
          <Tabs.Panel key={name} value={name}>
            {name === current && content[name]()}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
