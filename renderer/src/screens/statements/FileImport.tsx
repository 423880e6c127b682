import { ActionIcon, Alert, Badge, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconFileImport, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReadingT } from '../../../../shared/api/contract';
import { normalizeIban } from '../../../../shared/iban';
import { confirmMoneyAction, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { ReasonButton } from '../../components/ReasonButton';
import { asErrorData, useQuery } from '../../hooks/useApi';
import { importBankFile, previewBankFile, readUpload, type BankUpload } from './bankFiles';
import { FileDrop } from './FileDrop';
import type { Progress } from '../../api/client';
import { WorkProgress } from '../../components/WorkProgress';
import { BalanceBadge, period } from './StatementList';

type Read = { key: number; name: string; state: 'previewed' | 'importing'; upload: BankUpload; reading: FileReadingT };
type Queued = { key: number; name: string; state: 'reading' } | { key: number; name: string; state: 'refused'; message: { nl: string; en: string } } | Read;

const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
let nextKey = 1;

/**
 * Drop several bank files: each is read first (what it holds, its balance check), then booked
 * only when the treasurer confirms that file. A file that cannot be read or imported says why,
 * under its own name; the others go on.
 */
export function FileImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [queue, setQueue] = useState<Queued[]>([]);
  const settings = useQuery('settings.get', {});
  const ownAccounts = new Set((settings.data?.bankAccounts ?? []).map((a) => normalizeIban(a.iban)));
  // per file: how far its upload (browser mode) or its import is
  const [progress, setProgress] = useState<Record<number, Progress>>({});
  const progressOf = (key: number) => (p: Progress) => setProgress((all) => ({ ...all, [key]: p }));
  const update = (key: number, next: Queued | null) => setQueue((q) => (next ? q.map((x) => (x.key === key ? next : x)) : q.filter((x) => x.key !== key)));

  const add = async (files: File[]) => {
    const added = files.map((file) => ({ key: nextKey++, name: file.name, state: 'reading' as const, file }));
    setQueue((q) => [...added.map(({ file: _file, ...rest }) => rest), ...q]);
    // one after another: a large file should not wait behind nothing, and the server reads one at a time anyway
    for (const { key, name, file } of added) {
      try {
        const upload = await readUpload(file, progressOf(key));
        const reading = await previewBankFile(upload);
        update(key, { key, name, state: 'previewed', upload, reading });
      } catch (e) {
        update(key, { key, name, state: 'refused', message: asErrorData(e).message });
      }
    }
  };

  // the import refuses another account's statement; say so before the treasurer tries
  const foreignRefusal = (reading: FileReadingT) => {
    const foreign = [...new Set(reading.statements.filter((s) => !ownAccounts.has(normalizeIban(s.account))).map((s) => f.iban(s.account)))];
    return settings.data && foreign.length > 0 ? t('statements.foreignAccount', { accounts: foreign.join(', '), count: foreign.length }) : undefined;
  };

  const book = async (item: Read) => {
    const { reading } = item;
    const credits = reading.statements.reduce((sum, s) => sum + s.credits, 0);
    const debits = reading.statements.reduce((sum, s) => sum + s.debits, 0);
    const ok = await confirmMoneyAction({
      title: t('statements.confirmTitle', { file: item.name }),
      body: t('statements.confirmBody', { count: reading.entries, credits: f.euro(credits), debits: f.euro(debits), statements: t('statements.statementCount', { count: reading.statements.length }) }),
      undo: t('statements.confirmUndo'),
      confirmLabel: t('statements.import'),
    });
    if (!ok) return;
    update(item.key, { ...item, state: 'importing' });
    try {
      const result = await importBankFile(item.upload, progressOf(item.key));
      update(item.key, null);
      const matched = result.matched.batchCredits + result.matched.returns + result.matched.transfers + result.matched.refunds;
      notifySuccess(
        // a day already read from the other format (camt.053 / MT940) is skipped whole: say which and why
        [t('statements.imported', { file: item.name, count: result.entries, matched, unmatched: result.unmatched, skipped: result.skipped }), ...result.skippedDays.map((d) => d.explanation[f.lang])].join(' '),
        result.statementIds[0] !== undefined ? { href: `#/bankafschriften/${result.statementIds[0]}`, label: t('statements.showStatement') } : undefined,
      );
      onImported();
    } catch (e) {
      update(item.key, { key: item.key, name: item.name, state: 'refused', message: asErrorData(e).message });
    }
  };

  return (
    <Stack gap="md">
      <FileDrop onFiles={(files) => void add(files)} busy={queue.some((q) => q.state === 'reading')} />
      {queue.map((item) => (
        <Card key={item.key} component="section" aria-label={item.name} withBorder>
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
              {item.name}
            </Title>
            {item.state !== 'importing' && (
              <Tooltip label={t('statements.dismiss')}>
                <ActionIcon variant="subtle" color="gray" aria-label={`${t('statements.dismiss')}: ${item.name}`} onClick={() => update(item.key, null)}>
                  <IconX size={16} stroke={1.6} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
          {item.state === 'reading' && <Text c="dimmed">{t('statements.reading')}</Text>}
          {(item.state === 'reading' || item.state === 'importing') && (
            <WorkProgress progress={progress[item.key]?.step === (item.state === 'reading' ? 'upload' : 'statements.match') ? progress[item.key] : undefined} label={t(item.state === 'reading' ? 'statements.uploading' : 'statements.importing')} />
          )}
          {item.state === 'refused' && (
            <Alert color="red" role="alert" title={t('statements.refused', { file: item.name })}>
              {item.message[f.lang]}
            </Alert>
          )}
          {(item.state === 'previewed' || item.state === 'importing') && (
            <Preview
              reading={item.reading}
              refusal={foreignRefusal(item.reading)}
              action={
                <ReasonButton
                  reason={foreignRefusal(item.reading)}
                  leftSection={<IconFileImport size={16} aria-hidden />}
                  loading={item.state === 'importing'}
                  onClick={() => item.state === 'previewed' && void book(item)}
                >
                  {t('statements.importFile', { count: item.reading.entries })}
                </ReasonButton>
              }
            />
          )}
        </Card>
      ))}
    </Stack>
  );
}

function Preview({ reading, refusal, action }: { reading: FileReadingT; refusal: string | undefined; action: React.ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge variant="light" color="navy" tt="none">
          {reading.variant || reading.format}
        </Badge>
        <Text size="sm">{t('statements.previewSummary', { count: reading.entries, statements: t('statements.statementCount', { count: reading.statements.length }) })}</Text>
      </Group>
      {reading.statements.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" aria-label={t('statements.previewTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('statements.account')}</Table.Th>
                <Table.Th>{t('statements.period')}</Table.Th>
                <Table.Th ta="right">{t('statements.opening')}</Table.Th>
                <Table.Th ta="right">{t('statements.credits')}</Table.Th>
                <Table.Th ta="right">{t('statements.debits')}</Table.Th>
                <Table.Th ta="right">{t('statements.closing')}</Table.Th>
                <Table.Th ta="right">{t('statements.entries')}</Table.Th>
                <Table.Th>{t('statements.balanceCheck')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reading.statements.map((s, i) => (
                <Table.Tr key={`${s.account}-${s.id}-${i}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {f.iban(s.account)} {s.currency !== 'EUR' && <Badge color="orange" variant="light">{s.currency}</Badge>}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{period(f, s.from, s.to)}</Table.Td>
                  <Table.Td ta="right" style={figures}>{s.opening === null ? '—' : f.euro(s.opening)}</Table.Td>
                  <Table.Td ta="right" style={figures}>{f.euro(s.credits)}</Table.Td>
                  <Table.Td ta="right" style={figures}>{f.euro(s.debits)}</Table.Td>
                  <Table.Td ta="right" style={figures}>{s.closing === null ? '—' : f.euro(s.closing)}</Table.Td>
                  <Table.Td ta="right" style={figures}>{s.entries}</Table.Td>
                  <Table.Td>
                    <BalanceBadge ok={s.balanceOk} difference={s.balanceOk === false && s.closing !== null && s.opening !== null ? s.closing - (s.opening + s.credits - s.debits) : null} gap={null} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {refusal && (
        <Alert color="orange" variant="light">
          {refusal}
        </Alert>
      )}
      <Group>{action}</Group>
    </Stack>
  );
}
