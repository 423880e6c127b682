import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenItemT } from '../../../../shared/api/contract';
import { addMonths } from '../../../../shared/dates';
import { Field, FormError } from '../../components/Field';
import { useFormat } from '../../components/format';
import { useMutation, useQuery } from '../../hooks/useApi';

type Panel = 'split' | 'writeOff' | 'dueDate' | 'history' | undefined;

/**
 * The buttons above the grid. Each works on the selected items, is one transaction on the server,
 * and is only offered when it makes sense for the selection.
 */
export function ItemActions({ selected, onDone, onClear }: { selected: OpenItemT[]; onDone: () => void; onClear: () => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [panel, setPanel] = useState<Panel>();
  const merge = useMutation('items.merge');
  const settle = useMutation('items.settle');
  const block = useMutation('items.setBlocked');
  const open = selected.filter((i) => i.status === 'open' || i.status === 'blocked' || i.status === 'arrangement');
  const one = open.length === 1 && selected.length === 1 ? open[0] : undefined;
  const sameDebtor = open.length >= 2 && open.length === selected.length && new Set(open.map((i) => i.debtorId)).size === 1;
  const sum = open.reduce((s, i) => s + i.balance, 0);
  const error = merge.error ?? settle.error ?? block.error;
  const finish = () => {
    setPanel(undefined);
    onDone();
  };
  if (selected.length === 0) return <p className="muted small hint-line">{t('items.selectHint')}</p>;
  const ids = open.map((i) => i.id);
  const allBlocked = open.length > 0 && open.every((i) => i.blocked);
  return (
    <div className="action-bar card" aria-label={t('items.actions')}>
      <div className="action-buttons">
        <span className="muted small">
          {t('items.selected', { count: selected.length })} · {f.euro(sum)}
        </span>
        <button type="button" className="secondary" disabled={!one} onClick={() => setPanel('split')}>{t('items.split')}</button>
        <button type="button" className="secondary" disabled={!sameDebtor || sum === 0} onClick={() => void merge.run({ itemIds: ids }).then((r) => r && finish())}>{t('items.merge')}</button>
        <button type="button" className="secondary" disabled={!sameDebtor || sum !== 0} onClick={() => void settle.run({ itemIds: ids }).then((r) => r && finish())}>{t('items.settle')}</button>
        <button type="button" className="secondary" disabled={!one} onClick={() => setPanel('writeOff')}>{t('items.writeOff')}</button>
        <button type="button" className="secondary" disabled={!one} onClick={() => setPanel('dueDate')}>{t('items.changeDueDate')}</button>
        <button type="button" className="secondary" disabled={open.length === 0} onClick={() => void block.run({ itemIds: ids, blocked: !allBlocked }).then((r) => r && finish())}>
          {allBlocked ? t('items.unblock') : t('items.block')}
        </button>
        <button type="button" className="secondary" disabled={selected.length !== 1} onClick={() => setPanel(panel === 'history' ? undefined : 'history')}>{t('items.history')}</button>
        <button type="button" className="link" onClick={() => { setPanel(undefined); onClear(); }}>{t('items.clear')}</button>
      </div>
      {error && <div className="alert alert-error" role="alert">{error.message[i18n.language === 'en' ? 'en' : 'nl']}</div>}
      {panel === 'split' && one && <SplitForm item={one} onDone={finish} onCancel={() => setPanel(undefined)} />}
      {panel === 'writeOff' && one && <ReasonForm kind="writeOff" item={one} onDone={finish} onCancel={() => setPanel(undefined)} />}
      {panel === 'dueDate' && one && <ReasonForm kind="dueDate" item={one} onDone={finish} onCancel={() => setPanel(undefined)} />}
      {panel === 'history' && selected[0] && <History item={selected[0]} />}
    </div>
  );
}

function SplitForm({ item, onDone, onCancel }: { item: OpenItemT; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [count, setCount] = useState('3');
  const [firstDue, setFirstDue] = useState(item.dueDate);
  const [arrangement, setArrangement] = useState(true);
  const split = useMutation('items.split');
  const n = Math.max(2, Math.min(24, Number(count) || 2));
  const parts = Array.from({ length: n }, (_, i) => ({ dueDate: addMonths(firstDue || item.dueDate, i) }));
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await split.run({ itemId: item.id, parts, arrangement, reason: arrangement ? t('items.arrangementReason') : undefined })) onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={t('items.split')}>
      <p>{t('items.splitIntro', { document: item.document, amount: f.euro(item.balance) })}</p>
      <FormError error={split.error} fields={[]} />
      <div className="row">
        <Field label={t('items.parts')} name="parts" value={count} width="short" onChange={setCount} />
        <Field label={t('items.firstDue')} name="firstDue" type="date" value={firstDue} width="short" onChange={setFirstDue} hint={t('items.monthly')} />
        <label className="check">
          <input type="checkbox" checked={arrangement} onChange={(e) => setArrangement(e.target.checked)} /> {t('items.asArrangement')}
        </label>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={split.busy}>{t('items.splitInto', { count: n })}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}

function ReasonForm({ kind, item, onDone, onCancel }: { kind: 'writeOff' | 'dueDate'; item: OpenItemT; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState(item.dueDate);
  const writeOff = useMutation('items.writeOff');
  const move = useMutation('items.changeDueDate');
  const error = writeOff.error ?? move.error;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = kind === 'writeOff' ? await writeOff.run({ itemId: item.id, reason }) : await move.run({ itemId: item.id, dueDate, reason });
    if (ok) onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={t(kind === 'writeOff' ? 'items.writeOff' : 'items.changeDueDate')}>
      <p>{kind === 'writeOff' ? t('items.writeOffIntro', { document: item.document, amount: f.euro(item.balance) }) : t('items.dueDateIntro', { document: item.document })}</p>
      <FormError error={error} fields={['reason', 'dueDate']} />
      <div className="row">
        {kind === 'dueDate' && <Field label={t('items.dueDate')} name="dueDate" type="date" value={dueDate} width="short" error={error} onChange={setDueDate} />}
        <Field label={t('items.reason')} name="reason" value={reason} width="long" error={error} onChange={setReason} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={writeOff.busy || move.busy}>{t(kind === 'writeOff' ? 'items.writeOff' : 'items.changeDueDate')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('app.cancel')}</button>
      </div>
    </form>
  );
}

function History({ item }: { item: OpenItemT }) {
  const { t } = useTranslation();
  const history = useQuery('items.history', { itemId: item.id });
  return (
    <div className="inline-form">
      <h3>{t('items.historyOf', { document: item.document })}</h3>
      <ul className="history">
        {(history.data ?? []).map((h, i) => (
          <li key={i}>
            <span className="muted small">{new Date(h.at).toLocaleString('nl-NL')}</span> {h.text}
            {h.reason && <span className="muted"> — {h.reason}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
