import { Alert, Anchor, Badge, Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDiscount } from '../../../shared/money';
import { notifySuccess } from '../components/feedback';
import { useFormat } from '../components/format';
import { LoadError, Loading } from '../components/Loading';
import { useQuery } from '../hooks/useApi';
import { DebtorForm } from './debtor/DebtorForm';
import { Dossier } from './debtor/Dossier';
import { HandedOver } from './debtor/HandedOver';
import { History } from './debtor/History';
import { Invoices } from './debtor/Invoices';
import { Mandates } from './debtor/Mandates';
import { OpenItems } from './OpenItems';

/** One debtor: the card, mandates, invoices, open items and every journal entry that touches them. */
export function DebtorCard({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const debtor = useQuery('debtors.get', { id });
  const entries = useQuery('entries.list', { debtorId: id, limit: 200 });
  const [editing, setEditing] = useState(false);
  const [itemsVersion, setItemsVersion] = useState(0);
  if (debtor.error) return <LoadError error={debtor.error} retry={debtor.reload} />;
  if (!debtor.data) return <Loading />;
  const d = debtor.data;
  const address = [d.street, [d.postalCode, d.city].filter(Boolean).join('  ')].filter(Boolean).join(', ');
  const details: [string, React.ReactNode][] = [
    [t('debtor.status'), d.statusName ?? '—'],
    [t('debtor.paymentMethod'), `${t(`paymentMethod.${d.paymentMethod}`)}${d.paymentMethod === 'direct_debit' && !d.collect ? ` (${t('debtor.collect')}: ${t('app.no')})` : ''}`],
    [t('fields.iban'), `${d.iban ? f.iban(d.iban) : t('debtor.noIban')}${d.bic ? ` · ${d.bic}` : ''}`],
    ...(d.accountHolder ? ([[t('debtor.accountHolder'), d.accountHolder]] as [string, string][]) : []),
    [t('fields.email'), d.email ?? '—'],
    [t('fields.phone'), d.phone ?? '—'],
    [t('debtor.address'), address || '—'],
    [t('debtor.paymentTerm'), d.paymentTermDays ?? t('debtor.defaultTerm')],
    [t('debtor.feeAmount'), d.feeAmount === null ? t('debtor.feeFromRun') : f.euro(d.feeAmount)],
    [t('debtor.discount'), formatDiscount({ amount: d.discountAmount, percent: d.discountPercent }, i18n.language === 'en' ? 'en' : 'nl') || '—'],
    [t('debtor.consolidate'), d.consolidate ? t('app.yes') : t('app.no')],
    [t('debtor.dunningProfile'), t(`dunningProfile.${d.dunningProfile}`)],
    [t('debtor.tags'), d.tags.length ? <Group gap={4}>{d.tags.map((tag) => <Badge key={tag} variant="light" tt="none">{tag}</Badge>)}</Group> : '—'],
    [t('debtor.language'), t(`fields.language_${d.language}`)],
    ...(d.notes ? ([[t('debtor.notes'), <Text key="notes" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.notes}</Text>]] as [string, React.ReactNode][]) : []),
  ];
  return (
    <section>
      <Anchor href="#/debiteuren" size="sm">
        <IconArrowLeft size={14} stroke={1.6} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('debtor.back')}
      </Anchor>
      <Group justify="space-between" align="center" mt="xs" mb="md" wrap="nowrap">
        <Title order={1}>
          <Text span c="dimmed" inherit>{d.number}</Text> {d.name}
        </Title>
        <Badge size="xl" variant="light" color={d.balance < 0 ? 'teal' : 'navy'} tt="none" style={{ fontVariantNumeric: 'tabular-nums', flexShrink: 0 }}>
          {t('fields.balance')}: {f.euro(d.balance)}
        </Badge>
      </Group>
      {d.inCollectionText && (
        <Alert color="orange" variant="light" mb="md" title={t('debtor.inCollectionTitle')}>
          {d.inCollectionText[f.lang]}
        </Alert>
      )}
      <HandedOver debtorId={d.id} />
      {editing ? (
        <DebtorForm
          debtor={d}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            notifySuccess(t('debtor.saved'));
            debtor.reload();
          }}
        />
      ) : (
        <Card mb="md">
          <Group justify="space-between" mb="xs">
            <Title order={2}>{t('debtor.details')}</Title>
            <Button variant="default" leftSection={<IconPencil size={16} stroke={1.6} aria-hidden />} onClick={() => setEditing(true)}>
              {t('debtor.edit')}
            </Button>
          </Group>
          <Table aria-label={t('debtor.details')} highlightOnHover={false} withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              {details.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={260} fw={500} c="dimmed" style={{ whiteSpace: 'nowrap' }}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Mandates debtorId={d.id} number={d.number} onChanged={debtor.reload} />
      <Dossier debtorId={d.id} />
      <Invoices debtor={d} onChanged={() => { debtor.reload(); entries.reload(); setItemsVersion((v) => v + 1); }} />
      <OpenItems key={itemsVersion} debtorId={d.id} embedded onChanged={() => { debtor.reload(); entries.reload(); }} />
      <History debtorId={id} entries={entries} />
    </section>
  );
}
