import { Alert, Badge, Button, Card, Checkbox, Group, Table, Text, Title } from '@mantine/core';
import { IconFileTypeCsv, IconFileTypePdf, IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { downloadApiFile } from '../../components/download';
import { useFormat } from '../../components/format';
import { LoadError, Loading } from '../../components/Loading';
import { ReasonButton } from '../../components/ReasonButton';
import { useAction } from '../../hooks/useAction';
import { useQuery } from '../../hooks/useApi';

type Result = Output<'dunning.handOver'>;
const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * Overdragen aan incassobureau: the members whose claim passed the last level, ready once the last
 * letter's term has run; handing over asks first (who, how much), then lists the package's files.
 */
export function HandOver({ date, onDone }: { date: string; onDone: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const action = useAction();
  const candidates = useQuery('dunning.handOver.candidates', { date });
  const [deselected, setDeselected] = useState<Set<number>>(new Set());
  const [result, setResult] = useState<Result | null>(null);
  const rows = candidates.data ?? [];
  const chosen = rows.filter((r) => r.ready && !deselected.has(r.debtorId));
  const toggle = (id: number) => {
    const next = new Set(deselected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setDeselected(next);
  };
  const sum = (pick: (r: (typeof rows)[number]) => number) => chosen.reduce((s, r) => s + pick(r), 0);

  const handOver = () =>
    action.run(() => call('dunning.handOver', { date, debtorIds: chosen.map((r) => r.debtorId) }), {
      confirm: {
        title: t('handOver.confirmTitle'),
        body: t('handOver.confirmBody', {
          count: chosen.length,
          names: chosen.map((r) => `${r.debtorNumber} ${r.debtorName}`).join(', '),
          date: f.date(date),
          total: f.euro(sum((r) => r.total)),
          principal: f.euro(sum((r) => r.principal)),
          costs: f.euro(sum((r) => r.fees + r.costs)),
          interest: f.euro(sum((r) => r.interest)),
        }),
        undo: t('handOver.confirmUndo'),
        confirmLabel: t('handOver.button'),
        danger: true,
      },
      success: (r) => {
        setResult(r);
        setDeselected(new Set());
        candidates.reload();
        onDone();
        return t('handOver.done', { count: r.debtors.length, total: f.euro(r.total) });
      },
    });

  if (candidates.error) return <LoadError error={candidates.error} retry={candidates.reload} />;
  if (!candidates.data) return <Loading />;
  if (rows.length === 0 && !result) return null;
  return (
    <Card component="section" aria-label={t('handOver.title')}>
      <Group justify="space-between" mb="xs">
        <Title order={2}>
          {t('handOver.title')} ({rows.length})
        </Title>
        <ReasonButton color="red.9" leftSection={<IconGavel size={16} aria-hidden />} onClick={() => void handOver()} loading={action.busy} reason={chosen.length === 0 ? t(rows.some((r) => r.ready) ? 'handOver.noneChosen' : 'handOver.noneReady') : undefined}>
          {t('handOver.buttonCount', { count: chosen.length })}
        </ReasonButton>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('handOver.intro')}
      </Text>
      {result && <HandOverFiles result={result} />}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('handOver.table')} fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('dunning.debtor')}</Table.Th>
                <Table.Th>{t('handOver.lastLetter')}</Table.Th>
                <Table.Th ta="right">{t('dunning.items')}</Table.Th>
                <Table.Th ta="right">{t('dunning.principal')}</Table.Th>
                <Table.Th ta="right">{t('handOver.costs')}</Table.Th>
                <Table.Th ta="right">{t('handOver.interest')}</Table.Th>
                <Table.Th ta="right">{t('dunning.total')}</Table.Th>
                <Table.Th>{t('handOver.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.debtorId} opacity={r.ready && !deselected.has(r.debtorId) ? 1 : 0.6}>
                  <Table.Td>
                    <Checkbox size="xs" disabled={!r.ready} checked={r.ready && !deselected.has(r.debtorId)} onChange={() => toggle(r.debtorId)} aria-label={`${t('handOver.include')} ${r.debtorName}`} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <a href={`#/debiteuren/${r.debtorId}`}>
                      {r.debtorNumber} {r.debtorName}
                    </a>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.levelName}, {f.date(r.lastLetterOn)}
                  </Table.Td>
                  <Table.Td ta="right" style={figures}>{r.items}</Table.Td>
                  <Table.Td ta="right" style={figures}>{f.euro(r.principal)}</Table.Td>
                  <Table.Td ta="right" style={figures}>{r.fees + r.costs ? f.euro(r.fees + r.costs) : ''}</Table.Td>
                  <Table.Td ta="right" style={figures}>{r.interest ? f.euro(r.interest) : ''}</Table.Td>
                  <Table.Td ta="right" style={figures} fw={600}>{f.euro(r.total)}</Table.Td>
                  <Table.Td>
                    {r.ready ? (
                      <Badge variant="light" color="red" tt="none">{t('handOver.ready')}</Badge>
                    ) : (
                      <Badge variant="light" color="gray" tt="none">{t('handOver.readyOn', { date: f.date(r.readyOn) })}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

/** What the hand-over wrote: the claims CSV for the agency and a dossier PDF per member, downloadable like the letters. */
function HandOverFiles({ result }: { result: Result }) {
  const { t } = useTranslation();
  const f = useFormat();
  const action = useAction();
  const open = (debtorId?: number) =>
    action.run(async () => {
      downloadApiFile(await call('dunning.handOverFile', { handOverId: result.handOverId, ...(debtorId ? { debtorId } : {}) }));
    });
  return (
    <Alert color="navy" variant="light" mb="md" title={t('handOver.filesTitle', { count: result.debtors.length, date: f.date(result.date), total: f.euro(result.total) })}>
      <Text size="sm" mb="xs">
        {t('handOver.filesHint', { folder: result.folder })}
      </Text>
      <Group gap="xs">
        <Button size="compact-sm" variant="light" leftSection={<IconFileTypeCsv size={14} aria-hidden />} onClick={() => void open()}>
          {t('handOver.claims')}
        </Button>
        {result.debtors.map((d) => (
          <Button key={d.debtorId} size="compact-sm" variant="light" leftSection={<IconFileTypePdf size={14} aria-hidden />} onClick={() => void open(d.debtorId)}>
            {t('handOver.dossier', { name: `${d.debtorNumber} ${d.debtorName}` })}
          </Button>
        ))}
      </Group>
    </Alert>
  );
}
