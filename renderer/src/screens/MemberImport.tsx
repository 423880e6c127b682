import { Alert, Anchor, Box, Button, Card, FileButton, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_IMPORT_FIELDS, type MemberImportReportT } from '../../../shared/api/contract';
import { bytesToBase64 } from '../components/download';
import { notifySuccess } from '../components/feedback';
import { ReasonButton } from '../components/ReasonButton';
import { WorkProgress } from '../components/WorkProgress';
import { useFormat } from '../components/format';
import { useMutation } from '../hooks/useApi';
import { navigate } from '../hooks/useHashRoute';

type Field = (typeof MEMBER_IMPORT_FIELDS)[number];
type Mapping = Partial<Record<Field, number | null>>;

const nowrap = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Member list import: choose a file, check the mapping and the refused rows, then import. */
export function MemberImport() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [file, setFile] = useState<{ name: string; content: string }>();
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<MemberImportReportT>();
  const [done, setDone] = useState<MemberImportReportT>();
  const previewCall = useMutation('imports.members.preview', { progress: true });
  const commitCall = useMutation('imports.members.commit', { progress: true });

  const runPreview = async (content: string, name: string, next: Mapping) => {
    setPreview(await previewCall.run({ content, fileName: name, mapping: next }));
  };
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setDone(undefined);
    const content = bytesToBase64(await chosen.arrayBuffer());
    setFile({ name: chosen.name, content });
    setMapping({});
    await runPreview(content, chosen.name, {});
  };
  const remap = (field: Field, value: string) => {
    const next = { ...mapping, [field]: value === '' ? null : Number(value) };
    setMapping(next);
    if (file) void runPreview(file.content, file.name, next);
  };
  const commit = async () => {
    if (!file) return;
    const report = await commitCall.run({ content: file.content, fileName: file.name, mapping });
    if (!report) return;
    setDone(report);
    notifySuccess(t('import.doneShort', { count: report.created + report.updated }), { href: '#/debiteuren', label: t('import.back') });
  };
  const columnIndex = (field: Field) => {
    const header = preview?.mapping[field];
    return header === undefined ? '' : String(preview!.headers.indexOf(header));
  };
  const valid = preview ? preview.created + preview.updated : 0;

  return (
    <section>
      <Anchor href="#/debiteuren" size="sm">
        <IconArrowLeft size={14} stroke={1.6} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('import.back')}
      </Anchor>
      <Title order={1} mt="xs" mb="md">{t('import.title')}</Title>
      {done ? (
        <Card>
          <Alert color="green" role="status" icon={<IconCheck size={18} aria-hidden />}>
            {t('import.done', { created: done.created, updated: done.updated, mandates: done.mandatesCreated, rejected: done.rejected.length })}
          </Alert>
          {done.rejected.length > 0 && <RejectedRows report={done} lang={lang} />}
          {done.warnings.length > 0 && <RejectedRows report={done} lang={lang} warnings />}
          <Group mt="md" gap="sm">
            <Button onClick={() => navigate('debiteuren')}>{t('import.back')}</Button>
            <Button variant="default" onClick={() => { setDone(undefined); setPreview(undefined); setFile(undefined); }}>
              {t('import.again')}
            </Button>
          </Group>
        </Card>
      ) : (
        <Stack gap="md">
          <Card>
            <Text>{t('import.intro')}</Text>
            <Group mt="md" gap="sm">
              <FileButton accept=".csv,text/csv,text/plain" onChange={(chosen) => void choose(chosen ?? undefined)} inputProps={{ 'aria-label': t('import.choose') }}>
                {(props) => (
                  <Button {...props} variant="default" leftSection={<IconUpload size={16} stroke={1.6} aria-hidden />} loading={previewCall.busy}>
                    {t('import.choose')}
                  </Button>
                )}
              </FileButton>
              {file && <Text c="dimmed" size="sm">{file.name}</Text>}
            </Group>
            {previewCall.busy && <Text c="dimmed" size="sm" mt="xs" role="status">{t('import.reading')}</Text>}
            {previewCall.busy && (
              <Box mt="xs">
                <WorkProgress progress={previewCall.progress} label={t('import.reading')} />
              </Box>
            )}
            {previewCall.error && <Alert color="red" mt="sm" role="alert">{previewCall.error.message[lang]}</Alert>}
          </Card>
          {preview && (
            <>
              <Card>
                <Text role="status">
                  <strong>{t('import.summary', { total: preview.totalRows, created: preview.created, updated: preview.updated, rejected: preview.rejected.length })}</strong>{' '}
                  <Text span size="sm" c="dimmed">
                    {t('import.encoding')}: {preview.encoding.toUpperCase()} · {t('import.separator')}: “{preview.separator === '\t' ? 'tab' : preview.separator}”
                  </Text>
                </Text>
                <Title order={2} mt="md" mb="xs">{t('import.mapping')}</Title>
                <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} spacing="md" verticalSpacing="xs">
                  {MEMBER_IMPORT_FIELDS.map((field) => (
                    <NativeSelect
                      key={field}
                      label={t(`memberField.${field}`)}
                      value={columnIndex(field)}
                      onChange={(e) => remap(field, e.currentTarget.value)}
                      data={[{ value: '', label: t('import.notMapped') }, ...preview.headers.map((h, i) => ({ value: String(i), label: h || `#${i + 1}` }))]}
                    />
                  ))}
                </SimpleGrid>
              </Card>
              {preview.rejected.length > 0 && (
                <Card>
                  <RejectedRows report={preview} lang={lang} />
                </Card>
              )}
              {preview.warnings.length > 0 && (
                <Card>
                  <RejectedRows report={preview} lang={lang} warnings />
                </Card>
              )}
              <Card>
                <Title order={2} mb="xs">{t('import.sample')}</Title>
                <Table.ScrollContainer minWidth={860}>
                  <Table layout="fixed" aria-label={t('import.sample')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={80} ta="right" style={nowrap}>{t('import.line')}</Table.Th>
                        <Table.Th w={110} style={nowrap}>{t('debtors.numberColumn')}</Table.Th>
                        <Table.Th>{t('fields.name')}</Table.Th>
                        <Table.Th w={230} style={nowrap}>{t('fields.iban')}</Table.Th>
                        <Table.Th w={190} style={nowrap}>{t('debtor.paymentMethod')}</Table.Th>
                        <Table.Th w={150} style={nowrap}>{t('debtors.mandate')}</Table.Th>
                        <Table.Th w={110} style={nowrap}>{t('import.action')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {preview.sample.map((r) => (
                        <Table.Tr key={r.line}>
                          <Table.Td ta="right" style={nowrap}>{r.line}</Table.Td>
                          <Table.Td style={nowrap}>{r.number ?? '—'}</Table.Td>
                          <Table.Td>
                            <Text size="sm" truncate="end" title={r.name}>{r.name}</Text>
                          </Table.Td>
                          <Table.Td style={nowrap}>{f.iban(r.iban)}</Table.Td>
                          <Table.Td style={nowrap}>{t(`paymentMethod.${r.paymentMethod}`)}</Table.Td>
                          <Table.Td>
                            <Text size="sm" truncate="end" title={r.mandate ?? undefined}>{r.mandate ?? '—'}</Text>
                          </Table.Td>
                          <Table.Td style={nowrap}>{t(`import.${r.action}`)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {commitCall.error && <Alert color="red" mt="sm" role="alert">{commitCall.error.message[lang]}</Alert>}
                {commitCall.busy && (
                  <Box mt="md">
                    <WorkProgress progress={commitCall.progress} label={t('progress.importing')} />
                  </Box>
                )}
                <Group mt="md">
                  <ReasonButton reason={valid === 0 ? t('import.nothingValid') : undefined} loading={commitCall.busy} disabled={previewCall.busy} onClick={() => void commit()}>
                    {t('import.commit', { count: valid })}
                  </ReasonButton>
                </Group>
              </Card>
            </>
          )}
        </Stack>
      )}
    </section>
  );
}

/** Rows the import refused, or (warnings) took with a doubt the treasurer should look at. */
function RejectedRows({ report, lang, warnings = false }: { report: MemberImportReportT; lang: 'nl' | 'en'; warnings?: boolean }) {
  const { t } = useTranslation();
  const title = t(warnings ? 'import.warningsTitle' : 'import.rejectedTitle');
  return (
    <>
      <Title order={2} mt="md">{title}</Title>
      <Text size="sm" c="dimmed" mb="xs">{t(warnings ? 'import.warningsIntro' : 'import.rejectedIntro')}</Text>
      <Table layout="fixed" aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80} ta="right" style={nowrap}>{t('import.line')}</Table.Th>
            <Table.Th w={220} style={nowrap}>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(warnings ? report.warnings : report.rejected).map((r) => (
            <Table.Tr key={`${r.line}-${r.field}`}>
              <Table.Td ta="right" style={nowrap}>{r.line}</Table.Td>
              <Table.Td>
                <Text size="sm" truncate="end">{r.column ?? t(`memberField.${r.field}`, { defaultValue: r.field })}</Text>
              </Table.Td>
              <Table.Td c={warnings ? 'orange.9' : 'red.8'}>{r.message[lang]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
