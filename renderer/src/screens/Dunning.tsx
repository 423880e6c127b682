import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconFileTypePdf, IconMail, IconPrinter } from '@tabler/icons-react';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../shared/api/contract';
import { localDate } from '../../../shared/dates';
import { call } from '../api/client';
import { DateField } from '../components/DateField';
import { downloadApiFile } from '../components/download';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useAction } from '../hooks/useAction';
import { useQuery } from '../hooks/useApi';
import { HandOver } from './dunning/HandOver';

type Proposal = Output<'dunning.proposal'>;
type RunResult = Output<'dunning.run'>;
type Row = Proposal['debtors'][number];
const figures = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Aanmaningen: the proposal for a date, who is left out and why, and the run that books the letters. */
export function Dunning() {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(() => localDate(new Date()));
  const proposal = useQuery('dunning.proposal', { date: date ?? localDate(new Date()) });
  // after a run the new proposal starts with everyone chosen again
  const [runs, setRuns] = useState(0);
  const [lastRun, setLastRun] = useState<RunResult | null>(null);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('dunning.title')}</Title>
      <Card>
        <Group align="flex-end" gap="md">
          <DateField label={t('dunning.date')} name="date" value={date} onChange={setDate} w={200} description={t('dunning.dateHint')} />
        </Group>
      </Card>
      {proposal.error && <LoadError error={proposal.error} retry={proposal.reload} />}
      {!proposal.data && !proposal.error && <Loading />}
      {lastRun && <WrittenLetters run={lastRun} />}
      {proposal.data && (
        <ProposalView key={`${proposal.data.date}-${runs}`} proposal={proposal.data} onDone={(r) => { setLastRun(r); setRuns((n) => n + 1); proposal.reload(); }}>
          {/* above the list of who is left out, which runs to hundreds of rows in a real club */}
          <HandOver date={proposal.data.date} onDone={proposal.reload} />
        </ProposalView>
      )}
    </Stack>
  );
}

function ProposalView({ proposal, onDone, children }: { proposal: Proposal; onDone: (run: RunResult) => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const f = useFormat();
  const action = useAction();
  const [deselected, setDeselected] = useState<Set<number>>(new Set());
  const [sorting, setSorting] = useState<SortingState>([]);
  const chosen = proposal.debtors.filter((d) => !deselected.has(d.debtorId));
  const toggle = (id: number) => {
    const next = new Set(deselected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setDeselected(next);
  };
  const columns = useMemo<ColumnDef<Row>[]>(
    () => [
      {
        id: 'select',
        header: '',
        enableSorting: false,
        cell: ({ row }) => (
          <Checkbox size="xs" checked={!deselected.has(row.original.debtorId)} onChange={() => toggle(row.original.debtorId)} aria-label={`${t('dunning.include')} ${row.original.debtorName}`} />
        ),
      },
      {
        id: 'debtor',
        header: t('dunning.debtor'),
        accessorFn: (r) => Number(r.debtorNumber) || 0,
        cell: ({ row }) => {
          const Delivery = row.original.delivery === 'email' ? IconMail : IconPrinter;
          const how = t(`dunning.deliveryMode.${row.original.delivery}`);
          // how the letter goes, as an icon beside the name: a column of its own pushed the total off a laptop screen
          return (
            <Group gap={6} wrap="nowrap">
              <Delivery size={15} stroke={1.6} role="img" aria-label={how} style={{ flexShrink: 0, color: 'var(--mantine-color-dimmed)' }}>
                <title>{how}</title>
              </Delivery>
              <Text size="sm" truncate="end" maw={240} title={`${row.original.debtorNumber} ${row.original.debtorName}`}>
                {row.original.debtorNumber} {row.original.debtorName}
              </Text>
            </Group>
          );
        },
      },
      {
        id: 'level',
        header: t('dunning.level'),
        accessorFn: (r) => r.levelName,
        cell: ({ row }) => (
          <Group gap={4} wrap="nowrap">
            <Text size="sm" fw={600} c="navy.7">{row.original.levelName}</Text>
            {row.original.profile === 'gentle' && <Badge variant="light" color="teal" tt="none">{t('dunningProfile.gentle')}</Badge>}
          </Group>
        ),
      },
      {
        id: 'items',
        header: t('dunning.items'),
        enableSorting: false,
        cell: ({ row }) => (
          // the documents wrap, so the amounts and the total keep their place on a laptop screen
          <Text size="xs" maw={190} title={row.original.items.map((i) => `${i.document}: ${t('dunning.due')} ${f.date(i.dueDate)}`).join('\n')}>
            {row.original.items.map((i, n) => (
              <Fragment key={i.itemId}>
                {n > 0 && ', '}
                <span style={{ whiteSpace: 'nowrap' }}>{i.document}</span>
              </Fragment>
            ))}
          </Text>
        ),
      },
      { id: 'principal', header: t('dunning.principal'), accessorFn: (r) => r.principal, cell: ({ getValue }) => f.euro(getValue<number>()) },
      {
        id: 'fees',
        header: t('dunning.fees'),
        accessorFn: (r) => r.openFees + r.fee,
        // charged costs a part payment lowers are in the open fees already; say by how much
        cell: ({ row, getValue }) => (
          <>
            {getValue<number>() ? f.euro(getValue<number>()) : ''}
            {row.original.costsLowered > 0 && (
              <Text size="xs" c="dimmed">
                {t('dunning.costsLowered', { amount: f.euro(row.original.costsLowered) })}
              </Text>
            )}
          </>
        ),
      },
      {
        id: 'costs',
        header: t('dunning.costs'),
        accessorFn: (r) => r.costs + r.costsVat,
        cell: ({ row }) =>
          row.original.costsMode === 'none' ? (
            ''
          ) : (
            <Group gap={4} wrap="nowrap" justify="flex-end">
              <Text size="sm" style={figures}>{f.euro(row.original.costs + row.original.costsVat)}</Text>
              <Badge size="sm" variant="light" color={row.original.costsMode === 'charge' ? 'red' : 'orange'} tt="none">
                {t(`dunning.costsMode.${row.original.costsMode}`)}
              </Badge>
            </Group>
          ),
      },
      {
        id: 'total',
        header: t('dunning.total'),
        accessorFn: (r) => r.total,
        // statutory interest has no column of its own (a laptop screen has no room for one): the total says what of it is interest
        cell: ({ row, getValue }) => (
          <>
            {f.euro(getValue<number>())}
            {row.original.interest > 0 && (
              <Text size="xs" c="dimmed">
                {t('dunning.interest', { amount: f.euro(row.original.interest) })}
              </Text>
            )}
          </>
        ),
      },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [deselected, f.lang],
  );
  const table = useReactTable({ data: proposal.debtors, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  const numeric = new Set(['principal', 'fees', 'costs', 'total']);
  const fees = chosen.reduce((s, d) => s + d.fee, 0);
  const costs = chosen.reduce((s, d) => s + (d.costsMode === 'charge' ? d.costs + d.costsVat : 0), 0);
  const total = chosen.reduce((s, d) => s + d.total, 0);

  const make = () =>
    action.run(() => call('dunning.run', { date: proposal.date, debtorIds: chosen.map((d) => d.debtorId) }), {
      confirm: {
        title: t('dunning.confirmTitle'),
        body: t('dunning.confirmBody', { count: chosen.length, total: f.euro(total), fees: f.euro(fees), costs: f.euro(costs), date: f.date(proposal.date) }),
        undo: t('dunning.confirmUndo'),
        confirmLabel: t('dunning.make'),
      },
      success: (r) => {
        onDone(r);
        return t('dunning.made', { count: r.letters.length, fees: f.euro(r.fees), costs: f.euro(r.costs + r.costsVat) });
      },
    });

  return (
    <>
      <Card component="section" aria-label={t('dunning.proposal')}>
        <Group justify="space-between" mb="sm">
          <Title order={2}>
            {t('dunning.proposal')} ({proposal.debtors.length})
          </Title>
          <Button onClick={make} disabled={chosen.length === 0} loading={action.busy}>
            {t('dunning.makeCount', { count: chosen.length })}
          </Button>
        </Group>
        {proposal.debtors.length === 0 ? (
          <Alert color="gray" title={t('dunning.nothingTitle')}>
            {t('dunning.nothing', { date: f.date(proposal.date) })}
          </Alert>
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t('dunning.proposalTable')} fz="sm" striped>
              <Table.Thead>
                {table.getHeaderGroups().map((hg) => (
                  <Table.Tr key={hg.id}>
                    {hg.headers.map((h) => {
                      const sorted = h.column.getIsSorted();
                      return (
                        <Table.Th key={h.id} ta={numeric.has(h.id) ? 'right' : undefined} aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : h.column.getCanSort() ? 'none' : undefined} style={{ whiteSpace: 'nowrap' }}>
                          {h.column.getCanSort() ? (
                            <Button variant="subtle" size="compact-sm" px={4} color="dark" onClick={h.column.getToggleSortingHandler()} rightSection={sorted === 'asc' ? <IconArrowUp size={14} /> : sorted === 'desc' ? <IconArrowDown size={14} /> : <IconArrowsSort size={14} opacity={0.4} />}>
                              {flexRender(h.column.columnDef.header, h.getContext())}
                            </Button>
                          ) : (
                            flexRender(h.column.columnDef.header, h.getContext())
                          )}
                        </Table.Th>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Thead>
              <Table.Tbody>
                {table.getRowModel().rows.map((row) => (
                  <Table.Tr key={row.id} opacity={deselected.has(row.original.debtorId) ? 0.5 : 1}>
                    {row.getVisibleCells().map((cell) => (
                      <Table.Td key={cell.id} ta={numeric.has(cell.column.id) ? 'right' : undefined} style={numeric.has(cell.column.id) ? figures : cell.column.id === 'items' ? undefined : { whiteSpace: 'nowrap' }}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th colSpan={3}>{t('dunning.chosen', { count: chosen.length })}</Table.Th>
                  <Table.Th ta="right" style={figures}>{f.euro(chosen.reduce((s, d) => s + d.principal, 0))}</Table.Th>
                  <Table.Th ta="right" style={figures}>{f.euro(chosen.reduce((s, d) => s + d.openFees + d.fee, 0))}</Table.Th>
                  <Table.Th ta="right" style={figures}>{f.euro(costs)}</Table.Th>
                  <Table.Th ta="right" style={figures}>{f.euro(total)}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {children}
      <Excluded excluded={proposal.excluded} />
    </>
  );
}

function Excluded({ excluded }: { excluded: Proposal['excluded'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (excluded.length === 0) return null;
  const detail = (e: Proposal['excluded'][number]) => {
    if (!e.detail) return '';
    if (e.reason === 'below_minimum') return f.euro(Number(e.detail));
    if (/^\d{4}-\d{2}-\d{2}$/.test(e.detail)) return f.date(e.detail);
    return e.detail;
  };
  return (
    <Card component="section" aria-label={t('dunning.excluded')}>
      <Title order={2} mb="sm">
        {t('dunning.excluded')} ({excluded.length})
      </Title>
      <Table.ScrollContainer minWidth={800}>
        <Table aria-label={t('dunning.excludedTable')} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dunning.debtor')}</Table.Th>
              <Table.Th>{t('dunning.document')}</Table.Th>
              <Table.Th ta="right">{t('dunning.amount')}</Table.Th>
              <Table.Th>{t('dunning.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {excluded.slice(0, 500).map((e, i) => (
              <Table.Tr key={`${e.debtorId}-${e.itemId ?? 'all'}-${i}`}>
                <Table.Td>
                  {e.debtorNumber} {e.debtorName}
                </Table.Td>
                <Table.Td>{e.document ?? t('dunning.allItems')}</Table.Td>
                <Table.Td ta="right" style={figures}>{f.euro(e.balance)}</Table.Td>
                <Table.Td>
                  {t(`dunning.reasons.${e.reason}`, { detail: detail(e) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The letters the last run wrote: the print file, and per member the PDF and the e-mail draft to open in the mail program. */
function WrittenLetters({ run }: { run: RunResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  const action = useAction();
  const open = (letterId: number, kind: 'pdf' | 'eml' | 'print') =>
    action.run(async () => {
      downloadApiFile(await call('dunning.letterFile', { letterId, kind }));
    });
  const first = run.files[0];
  if (!first) return null;
  return (
    <Card component="section" aria-label={t('dunning.written')}>
      <Group justify="space-between" mb="xs">
        <Title order={2}>{t('dunning.written')} ({run.files.length})</Title>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => open(first.letterId, 'print')}>
          {t('dunning.printAll')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('dunning.writtenHint', { folder: run.folder ?? '' })}
      </Text>
      <Table.ScrollContainer minWidth={700}>
        <Table aria-label={t('dunning.writtenTable')} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dunning.debtor')}</Table.Th>
              <Table.Th>{t('dunning.level')}</Table.Th>
              <Table.Th ta="right">{t('dunning.total')}</Table.Th>
              <Table.Th>{t('dunning.letterFiles')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {run.files.map((file, i) => {
              const letter = run.letters[i]!;
              return (
                <Table.Tr key={file.letterId}>
                  <Table.Td>
                    {letter.debtor.number} {letter.debtor.name}
                  </Table.Td>
                  <Table.Td>{letter.levelName}</Table.Td>
                  <Table.Td ta="right" style={figures}>{f.euro(letter.total)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="compact-sm" variant="light" leftSection={<IconFileTypePdf size={14} />} onClick={() => open(file.letterId, 'pdf')}>
                        {t('dunning.letterPdf')}
                      </Button>
                      {file.eml ? (
                        <Button size="compact-sm" variant="light" leftSection={<IconMail size={14} />} onClick={() => open(file.letterId, 'eml')}>
                          {t('dunning.letterEml')}
                        </Button>
                      ) : (
                        <Text size="xs" c="dimmed">{t('dunning.noEml')}</Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
