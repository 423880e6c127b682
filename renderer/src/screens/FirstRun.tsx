import { ActionIcon, Alert, Box, Button, Card, Code, Grid, Group, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreditorIdField } from '../components/CreditorIdField';
import { useMutation } from '../hooks/useApi';
import { useFormErrors } from '../hooks/useFormErrors';
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
  const setup = useFormErrors('setup.initialize');
  const demo = useMutation('setup.demo');

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const done = await setup.submit({
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
  const orgField = (key: keyof typeof org, w: number, required = false) => (
    <TextInput
      label={t(`fields.${key}`)}
      name={`organisation.${key}`}
      value={org[key]}
      w={w}
      maw="100%"
      mb="sm"
      withAsterisk={required}
      error={setup.errorOf(`organisation.${key}`)}
      onChange={(e) => {
        setOrg({ ...org, [key]: e.currentTarget.value });
        setup.clear(`organisation.${key}`);
      }}
    />
  );
  const bank = (i: number, key: keyof BankDraft, w: number, required: boolean) => (
    <TextInput
      label={t(`fields.${key === 'name' ? 'bankName' : key}`)}
      name={`bankAccounts.${i}.${key}`}
      value={banks[i]![key]}
      w={w}
      mb="sm"
      withAsterisk={required}
      error={setup.errorOf(`bankAccounts.${i}.${key}`)}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setBanks(banks.map((x, j) => (j === i ? { ...x, [key]: value } : x)));
        setup.clear(`bankAccounts.${i}.${key}`);
      }}
    />
  );

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
            <Card component="form" ref={setup.formRef} onSubmit={submit} noValidate>
              <Title order={1} mb="xs">
                {t('firstRun.title')}
              </Title>
              <Text c="dimmed" maw={640} mb="md">
                {t('firstRun.intro')}
              </Text>
              <Title order={2} mt="md" mb="sm">
                {t('firstRun.organisation')}
              </Title>
              {orgField('name', 520, true)}
              {orgField('street', 520)}
              <Group align="flex-start" gap="md">
                {orgField('postalCode', 170)}
                {orgField('city', 334)}
              </Group>
              {orgField('email', 520)}
              <CreditorIdField
                value={creditorId}
                mb="sm"
                error={setup.errorOf('creditorId')}
                onChange={(v) => {
                  setCreditorId(v);
                  setup.clear('creditorId');
                }}
              />
              <Title order={2} mt="md" mb={4}>
                {t('firstRun.bankAccounts')}
              </Title>
              <Text c="dimmed" size="sm" mb="sm">
                {t('firstRun.bankHint')}
              </Text>
              {banks.map((_, i) => (
                <Group key={i} align="flex-start" gap="md" wrap="nowrap">
                  {bank(i, 'name', 300, false)}
                  {bank(i, 'iban', 300, false)}
                  {bank(i, 'bic', 170, false)}
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
              {setup.formError && (
                <Alert color="red" role="alert" mt="md">
                  {setup.formError}
                </Alert>
              )}
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
              {demo.error && (
                <Alert color="red" role="alert" mt="md">
                  {demo.error.message[i18n.language === 'en' ? 'en' : 'nl']}
                </Alert>
              )}
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
