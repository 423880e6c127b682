import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/api/contract';
import { REASON_TEXT } from '../../../../shared/collectionReasons';
import { useFormat } from '../../components/format';

type Excluded = Output<'collections.propose'>['excluded'][number];
const SHOWN = 300;

/** "Niet voorgesteld": every open item left out of the run, grouped by reason, with the reason in words. */
export function WhyNot({ excluded, onInclude }: { excluded: Excluded[]; onInclude: (itemId: number) => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [reason, setReason] = useState<string>('');
  const counts = useMemo(() => {
    const m = new Map<string, number>();
    for (const x of excluded) m.set(x.reason, (m.get(x.reason) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }, [excluded]);
  const rows = reason ? excluded.filter((x) => x.reason === reason) : excluded;
  return (
    <section className="card why-not" aria-label={t('collection.whyNot')}>
      <h2>{t('collection.whyNot')} ({excluded.length})</h2>
      <p className="muted">{t('collection.whyNotIntro')}</p>
      {excluded.length === 0 ? (
        <p>{t('collection.whyNotNone')}</p>
      ) : (
        <>
          <div className="reason-chips" role="group" aria-label={t('collection.byReason')}>
            <button type="button" className={`chip${reason === '' ? ' active' : ''}`} onClick={() => setReason('')}>
              {t('collection.allReasons')} ({excluded.length})
            </button>
            {counts.map(([r, n]) => (
              <button type="button" key={r} className={`chip${reason === r ? ' active' : ''}`} onClick={() => setReason(r)}>
                {REASON_TEXT[r as Excluded['reason']][lang]} ({n})
              </button>
            ))}
          </div>
          <table className="table compact" aria-label={t('collection.whyNotTable')}>
            <thead>
              <tr>
                <th>{t('items.debtor')}</th>
                <th>{t('items.document')}</th>
                <th>{t('items.dueDate')}</th>
                <th className="num">{t('items.balance')}</th>
                <th>{t('collection.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, SHOWN).map((x) => (
                <tr key={x.itemId}>
                  <td>
                    <a href={`#/debiteuren/${x.debtorId}`}>{x.debtorNumber} {x.debtorName}</a>
                  </td>
                  <td className="code">{x.document}</td>
                  <td>{f.date(x.dueDate)}</td>
                  <td className="num">{f.euro(x.balance)}</td>
                  <td>
                    {REASON_TEXT[x.reason][lang]}
                    {x.detail && <span className="muted"> ({x.detail})</span>}
                    {x.reason === 'deselected' && (
                      <button style={{ marginLeft: '0.5rem' }} type="button" className="link" onClick={() => onInclude(x.itemId)}>
                        {t('collection.includeAgain')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > SHOWN && <p className="muted">{t('collection.more', { count: rows.length - SHOWN })}</p>}
        </>
      )}
    </section>
  );
}
