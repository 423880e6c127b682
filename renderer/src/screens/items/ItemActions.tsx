import { Alert, Button, Group, Paper, Text } from '@mantine/core';
import { IconArrowsJoin, IconCalendarEvent, IconDiscountOff, IconHistory, IconLock, IconLockOpen, IconReceiptOff, IconScale, IconSeparator, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../../shared/api/contract';
import { confirmMoneyAction, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../components/format';
import { ReasonButton } from '../../components/ReasonButton';
import { useMutation } from '../../hooks/useApi';
import { DueDateForm, SplitForm, WaiveForm, WriteOffForm } from './ItemForms';
import { ItemHistory } from './ItemHistory';
import { isOpen, whyNoWaive, type Panel } from './itemRules';

const icon = { size: 16, stroke: 1.6, 'aria-hidden': true } as const;

/**
 * The actions above the grid. Each works on the selected items, is one transaction on the server,
 * and when it does not fit the selection it says why instead of just greying out.
 */
export function ItemActions({ selected, panel, setPanel, onDone, onClear }: { selected: OpenItemT[]; panel?: Panel; setPanel: (p?: Panel) => void; onDone: () => void; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const merge = useMutation('items.merge');
  const settle = useMutation('items.settle');
  const block = useMutation('items.setBlocked');
  const open = selected.filter(isOpen);
  const one = open.length === 1 && selected.length === 1 ? open[0] : undefined;
  const sameDebtor = open.length >= 2 && open.length === selected.length && new Set(open.map((i) => i.debtorId)).size === 1;
  const sum = open.reduce((s, i) => s + i.balance, 0);
  const error = merge.error ?? settle.error ?? block.error;
  const finish = () => {
    setPanel(undefined);
    onDone();
  };
  if (selected.length === 0 && !panel) {
    return (
      <Text size="sm" c="dimmed" mb="sm">
        {t('items.selectHint')}
      </Text>
    );
  }
  const ids = open.map((i) => i.id);
  const allBlocked = open.length > 0 && open.every((i) => i.blocked);
  const debtorLink = (item: OpenItemT) => ({ href: `#/debiteuren/${item.debtorId}`, label: t('items.showDebtor') });
  const needOne = one ? undefined : t('items.why.one');
  const needPair = sameDebtor ? undefined : t('items.why.sameDebtor');

  const doMerge = async () => {
    const first = open[0]!;
    const ok = await confirmMoneyAction({
      title: t('items.mergeTitle'),
      body: t('items.mergeBody', { count: open.length, debtor: first.debtorName, amount: f.euro(sum) }),
      undo: t('items.mergeUndo'),
      confirmLabel: t('items.merge'),
    });
    if (!ok) return;
    const r = await merge.run({ itemIds: ids });
    if (!r) return;
    notifySuccess(t('items.merged', { count: open.length, amount: f.euro(sum) }), debtorLink(first));
    finish();
  };
  const doSettle = async () => {
    const r = await settle.run({ itemIds: ids });
    if (!r) return;
    notifySuccess(t('items.settled', { count: r.settled }), debtorLink(open[0]!));
    finish();
  };
  const doBlock = async () => {
    const r = await block.run({ itemIds: ids, blocked: !allBlocked });
    if (!r) return;
    notifySuccess(t(allBlocked ? 'items.unblocked' : 'items.blocked', { count: r.changed }));
    finish();
  };

  return (
    <Paper withBorder p="sm" mb="sm" aria-label={t('items.actions')} component="section">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed" mr="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('items.selected', { count: selected.length })} · {f.euro(sum)}
        </Text>
        <ReasonButton variant="default" size="xs" leftSection={<IconSeparator {...icon} />} reason={needOne} onClick={() => one && setPanel({ kind: 'split', item: one })}>
          {t('items.split')}
        </ReasonButton>
        <ReasonButton variant="default" size="xs" leftSection={<IconArrowsJoin {...icon} />} reason={needPair ?? (sum === 0 ? t('items.why.mergeZero') : undefined)} loading={merge.busy} onClick={() => void doMerge()}>
          {t('items.merge')}
        </ReasonButton>
        <ReasonButton variant="default" size="xs" leftSection={<IconScale {...icon} />} reason={needPair ?? (sum !== 0 ? t('items.settleNeedsZero', { amount: f.euro(sum) }) : undefined)} loading={settle.busy} onClick={() => void doSettle()}>
          {t('items.settle')}
        </ReasonButton>
        <ReasonButton variant="default" size="xs" leftSection={<IconCalendarEvent {...icon} />} reason={needOne} onClick={() => one && setPanel({ kind: 'dueDate', item: one })}>
          {t('items.changeDueDate')}
        </ReasonButton>
        <ReasonButton variant="default" size="xs" leftSection={allBlocked ? <IconLockOpen {...icon} /> : <IconLock {...icon} />} reason={open.length === 0 ? t('items.why.anyOpen') : undefined} loading={block.busy} onClick={() => void doBlock()}>
          {allBlocked ? t('items.unblock') : t('items.block')}
        </ReasonButton>
        <ReasonButton variant="default" size="xs" leftSection={<IconHistory {...icon} />} reason={selected.length === 1 ? undefined : t('items.why.oneAny')} onClick={() => setPanel(panel?.kind === 'history' ? undefined : { kind: 'history', item: selected[0]! })}>
          {t('items.history')}
        </ReasonButton>
        <ReasonButton variant="default" size="xs" color="red" leftSection={<IconReceiptOff {...icon} />} reason={needOne} onClick={() => one && setPanel({ kind: 'writeOff', item: one })}>
          {t('items.writeOff')}
        </ReasonButton>
        <ReasonButton variant="default" size="xs" color="red" leftSection={<IconDiscountOff {...icon} />} reason={needOne ?? (one && whyNoWaive(one) ? t(whyNoWaive(one)!) : undefined)} onClick={() => one && setPanel({ kind: 'waive', item: one })}>
          {t('items.waive')}
        </ReasonButton>
        <Button variant="subtle" size="xs" color="gray" leftSection={<IconX {...icon} />} onClick={() => { setPanel(undefined); onClear(); }}>
          {t('items.clear')}
        </Button>
      </Group>
      {error && (
        <Alert color="red" mt="sm" role="alert">
          {error.message[i18n.language === 'en' ? 'en' : 'nl']}
        </Alert>
      )}
      {panel?.kind === 'split' && <SplitForm key={panel.item.id} item={panel.item} onDone={finish} onCancel={() => setPanel(undefined)} />}
      {panel?.kind === 'writeOff' && <WriteOffForm key={panel.item.id} item={panel.item} onDone={finish} onCancel={() => setPanel(undefined)} />}
      {panel?.kind === 'dueDate' && <DueDateForm key={panel.item.id} item={panel.item} onDone={finish} onCancel={() => setPanel(undefined)} />}
      {panel?.kind === 'waive' && <WaiveForm key={panel.item.id} item={panel.item} onDone={finish} onCancel={() => setPanel(undefined)} />}
      {panel?.kind === 'history' && <ItemHistory item={panel.item} />}
    </Paper>
  );
}
