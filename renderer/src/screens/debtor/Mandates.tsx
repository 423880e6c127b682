import { ActionIcon, Badge, Button, Card, Group, NativeSelect, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconBan, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { confirmMoneyAction, notifySuccess } from '../../components/feedback';
import { FormFooter } from '../../components/FormFooter';
import { useFormat } from '../../components/format';
import type { Input } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import { useAction } from '../../hooks/useAction';
import { useQuery } from '../../hooks/useApi';
import { useFormErrors } from '../../hooks/useFormErrors';

const nowrap = { whiteSpace: 'nowrap' } as const;
const STATUS_COLOR = { active: 'green', revoked: 'gray', expired: 'orange' } as const;

/** The debtor's SEPA mandates: what may be collected, since when, and what changed. */
export function Mandates({ debtorId, number, onChanged }: { debtorId: number; number: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const mandates = useQuery('mandates.list', { debtorId });
  const [adding, setAdding] = useState(false);
  const action = useAction();
  const refresh = () => {
    mandates.reload();
    onChanged();
  };
  const askRevoke = async (m: { id: number; reference: string }) => {
    const revoked = await action.run(() => call('mandates.revoke', { id: m.id }), {
      confirm: { title: t('mandate.revokeTitle', { reference: m.reference }), body: t('mandate.revokeBody'), undo: null, confirmLabel: t('mandate.revoke'), danger: true },
      success: () => t('mandate.revoked', { reference: m.reference }),
    });
    if (revoked) refresh();
  };
  return (
    <Card mb="md">
      <Group justify="space-between" mb="xs">
        <Title order={2}>{t('mandate.title')}</Title>
        {!adding && (
          <Button variant="default" leftSection={<IconPlus size={16} stroke={1.6} aria-hidden />} onClick={() => setAdding(true)}>
            {t('mandate.add')}
          </Button>
        )}
      </Group>
      {mandates.data && mandates.data.length === 0 && !adding && <Text c="dimmed">{t('mandate.none')}</Text>}
      {mandates.data && mandates.data.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t('mandate.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={nowrap}>{t('mandate.reference')}</Table.Th>
                <Table.Th style={nowrap}>{t('mandate.signedOn')}</Table.Th>
                <Table.Th style={nowrap}>{t('mandate.type')}</Table.Th>
                <Table.Th style={nowrap}>{t('mandate.scheme')}</Table.Th>
                <Table.Th style={nowrap}>{t('mandate.status')}</Table.Th>
                <Table.Th style={nowrap}>{t('mandate.lastCollected')}</Table.Th>
                <Table.Th w={52} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mandates.data.map((m) => (
                <Table.Tr key={m.id} c={m.status === 'active' ? undefined : 'dimmed'}>
                  <Table.Td>
                    <Text size="sm" style={nowrap}>{m.reference}</Text>
                    {m.amendmentPending && <Text size="xs" c="dimmed">{t('mandate.amendment', { what: [m.originalReference, m.originalIban && f.iban(m.originalIban)].filter(Boolean).join(', ') })}</Text>}
                  </Table.Td>
                  <Table.Td style={nowrap}>{f.date(m.signedOn)}</Table.Td>
                  <Table.Td style={nowrap}>{t(`mandate.types.${m.type}`)}</Table.Td>
                  <Table.Td style={nowrap}>{m.scheme}</Table.Td>
                  <Table.Td style={nowrap}>
                    <Badge variant="light" color={STATUS_COLOR[m.status]} tt="none">{t(`mandate.statuses.${m.status}`)}</Badge>
                    {m.endedOn && <Text span size="xs" c="dimmed"> {f.date(m.endedOn)}</Text>}
                  </Table.Td>
                  <Table.Td style={nowrap}>{f.date(m.lastCollectedOn)}</Table.Td>
                  <Table.Td>
                    {m.status === 'active' && (
                      <Tooltip label={t('mandate.revoke')}>
                        <ActionIcon variant="subtle" color="red" aria-label={`${t('mandate.revoke')} ${m.reference}`} onClick={() => void askRevoke(m)}>
                          <IconBan size={18} stroke={1.6} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && (
        <MandateForm
          debtorId={debtorId}
          suggestion={`M-${number}`}
          onDone={() => {
            setAdding(false);
            refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
    </Card>
  );
}

function MandateForm({ debtorId, suggestion, onDone, onCancel }: { debtorId: number; suggestion: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('mandates.save');
  const [d, setD] = useState({ debtorId, reference: suggestion, signedOn: null as string | null, type: 'recurring' as 'recurring' | 'one_off', scheme: 'CORE' as 'CORE' | 'B2B' });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    // an empty date is left out, so the contract itself says "verplicht"
    const saved = await form.submit({ ...d, signedOn: d.signedOn ?? undefined } as Input<'mandates.save'>);
    if (!saved) return;
    notifySuccess(t('mandate.saved', { reference: saved.reference }));
    // a signed mandate is why a member on transfer would want to be collected: ask, don't assume
    if (saved.switchToDirectDebitOffered && (await confirmMoneyAction({ title: t('mandate.switchTitle'), body: t('mandate.switchBody', { reference: saved.reference }), undo: t('mandate.switchUndo'), confirmLabel: t('mandate.switchConfirm') }))) {
      const switched = await form.submit({ ...d, id: saved.id, signedOn: d.signedOn ?? undefined, switchToDirectDebit: true } as Input<'mandates.save'>);
      if (switched) notifySuccess(t('mandate.switched'));
    }
    onDone();
  };
  return (
    <form ref={form.formRef} onSubmit={save} noValidate aria-label={t('mandate.add')}>
      <Group align="flex-start" gap="md" mt="md">
        <TextInput label={t('mandate.reference')} name="reference" required value={d.reference} w={260} error={form.errorOf('reference')} onChange={(e) => { setD({ ...d, reference: e.currentTarget.value }); form.clear('reference'); }} />
        <DateField label={t('mandate.signedOn')} name="signedOn" required value={d.signedOn} error={form.errorOf('signedOn')} onChange={(iso) => { setD({ ...d, signedOn: iso }); form.clear('signedOn'); }} />
        <NativeSelect label={t('mandate.type')} name="type" value={d.type} w={170} onChange={(e) => setD({ ...d, type: e.currentTarget.value as typeof d.type })} data={(['recurring', 'one_off'] as const).map((v) => ({ value: v, label: t(`mandate.types.${v}`) }))} />
        <NativeSelect label={t('mandate.scheme')} name="scheme" value={d.scheme} w={140} onChange={(e) => setD({ ...d, scheme: e.currentTarget.value as typeof d.scheme })} data={['CORE', 'B2B']} />
      </Group>
      <FormFooter formError={form.formError} busy={form.busy} onCancel={onCancel} />
    </form>
  );
}
