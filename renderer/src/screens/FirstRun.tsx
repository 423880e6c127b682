import { ActionIcon, Box, Button, Card, Code, Grid, Group, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FormError } from '../components/Field';
import { useMutation } from '../hooks/useApi';
import { LanguageSwitch } from '../components/LanguageSwitch';

interface BankDraft {
  name: string;
  iban: string;
  bic: string;
}

/** The first screen of an empty ledger: the club's details, or the demo club. */
export function FirstRun({ file, onDone }: { file: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [org, setOrg] = useState({ name: '', street: '', postalCode: '', city: '', email: '' });
  const [creditorId, setCreditorId] = useState('');
  const [banks, setBanks] = useState<BankDraft[]>([{ name: 'Betaalrekening', iban: '', bic: '' }]);
  const setup = useMutation('setup.initialize');
  const demo = useMutation('setup.demo');

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const done = await setup.run({
      organisation: org,
      creditorId,
      bankAccounts: banks.filter((b) => b.iban.trim() || b.bic.trim()).map((b) => ({ name: b.name || 'Bank', iban: b.iban, bic: b.bic })),
      language: i18n.language === 'en' ? 'en' : 'nl',
    });
    if (done) onDone();
  };
  const createDemo = async () => {
    if (await demo.run({})) onDone();
  };
  const orgField = (key: keyof typeof org, width?: 'short' | 'medium' | 'long', optional = true) => (
    <Field label={t(`fields.${key}`)} name={`organisation.${key}`} value={org[key]} width={width} optional={optional} error={setup.error} onChange={(v) => setOrg({ ...org, [key]: v })} />
  );
  const fieldNames = ['organisation.name', 'organisation.street', 'organisation.postalCode', 'organisation.city', 'organisation.email', 'creditorId', ...banks.flatMap((_, i) => [`bankAccounts.${i}.iban`, `bankAccounts.${i}.bic`, `bankAccounts.${i}.name`])];

  return (
    <Box mih="100vh" bg="#f5f6f8">
      <Group component="header" justify="space-between" px="xl" py="md" bg="navy.8">
        <Text fz={22} fw={700} c="white">
          Penning
        </Text>
        <LanguageSwitch onDark />
      </Group>
      <Box component="main" p="xl" maw={1200} mx="auto">
        <Grid gap="lg" align="flex-start">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card component="form" onSubmit={submit} noValidate>
              <Title order={1} mb="xs">
                {t('firstRun.title')}
              </Title>
              <Text c="dimmed" maw={640} mb="md">
                {t('firstRun.intro')}
              </Text>
              <FormError error={setup.error} fields={fieldNames} />
              <Title order={2} mt="md" mb="sm">
                {t('firstRun.organisation')}
              </Title>
              {orgField('name', 'long', false)}
              {orgField('street', 'long')}
              <Group align="flex-start" gap="md">
                {orgField('postalCode', 'short')}
                {orgField('city', 'medium')}
              </Group>
              {orgField('email', 'long')}
              <Field label={t('fields.creditorId')} name="creditorId" value={creditorId} onChange={setCreditorId} error={setup.error} optional width="medium" hint={t('fields.creditorIdHint')} />
              <Title order={2} mt="md" mb={4}>
                {t('firstRun.bankAccounts')}
              </Title>
              <Text c="dimmed" size="sm" mb="sm">
                {t('firstRun.bankHint')}
              </Text>
              {banks.map((b, i) => (
                <Group key={i} align="flex-start" gap="md" wrap="nowrap">
                  <Field label={t('fields.bankName')} name={`bankAccounts.${i}.name`} value={b.name} width="medium" error={setup.error} onChange={(v) => setBanks(banks.map((x, j) => (j === i ? { ...x, name: v } : x)))} />
                  <Field label={t('fields.iban')} name={`bankAccounts.${i}.iban`} value={b.iban} width="medium" error={setup.error} onChange={(v) => setBanks(banks.map((x, j) => (j === i ? { ...x, iban: v } : x)))} />
                  <Field label={t('fields.bic')} name={`bankAccounts.${i}.bic`} value={b.bic} width="short" optional error={setup.error} onChange={(v) => setBanks(banks.map((x, j) => (j === i ? { ...x, bic: v } : x)))} />
                  {banks.length > 1 && (
                    <ActionIcon variant="subtle" color="red" mt={28} aria-label={`${t('firstRun.removeBank')} ${i + 1}`} onClick={() => setBanks(banks.filter((_, j) => j !== i))}>
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
              ))}
              <Group>
                <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setBanks([...banks, { name: '', iban: '', bic: '' }])}>
                  {t('firstRun.addBank')}
                </Button>
              </Group>
              <Group mt="lg">
                <Button type="submit" loading={setup.busy} disabled={demo.busy}>
                  {t('firstRun.submit')}
                </Button>
              </Group>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card component="aside" bg="navy.0">
              <Title order={2} mb="xs">
                {t('firstRun.demoTitle')}
              </Title>
              <Text mb="md">{t('firstRun.demoText')}</Text>
              <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={createDemo} loading={demo.busy} disabled={setup.busy} aria-busy={demo.busy}>
                {demo.busy ? t('firstRun.demoBusy') : t('firstRun.demo')}
              </Button>
              <FormError error={demo.error} fields={[]} />
              <Text size="xs" c="dimmed" mt="md" style={{ wordBreak: 'break-all' }}>
                {t('firstRun.file')}: <Code>{file}</Code>
              </Text>
            </Card>
          </Grid.Col>
        </Grid>
      </Box>
    </Box>
  );
}
