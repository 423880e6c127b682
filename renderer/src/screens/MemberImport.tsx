import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_IMPORT_FIELDS, type MemberImportReportT } from '../../../shared/api/contract';
import { FormError } from '../components/Field';
import { useFormat } from '../components/format';
import { useMutation } from '../hooks/useApi';
import { navigate } from '../hooks/useHashRoute';

type Field = (typeof MEMBER_IMPORT_FIELDS)[number];
type Mapping = Partial<Record<Field, number | null>>;

/** Bytes to base64 in slices: String.fromCharCode with a spread of a whole file overflows the stack. */
function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Member list import: choose a file, check the mapping and the refused rows, then import. */
export function MemberImport() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [file, setFile] = useState<{ name: string; content: string }>();
  const [mapping, setMapping] = useState<Mapping>({});
  const [preview, setPreview] = useState<MemberImportReportT>();
  const [done, setDone] = useState<MemberImportReportT>();
  const previewCall = useMutation('imports.members.preview');
  const commitCall = useMutation('imports.members.commit');

  const runPreview = async (content: string, name: string, next: Mapping) => {
    setPreview(await previewCall.run({ content, fileName: name, mapping: next }));
  };
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setDone(undefined);
    const content = toBase64(await chosen.arrayBuffer());
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
    if (report) setDone(report);
  };
  const columnIndex = (field: Field) => {
    const header = preview?.mapping[field];
    return header === undefined ? '' : String(preview!.headers.indexOf(header));
  };
  const valid = preview ? preview.created + preview.updated : 0;

  return (
    <section className="screen">
      <a className="back" href="#/debiteuren">← {t('import.back')}</a>
      <h1>{t('import.title')}</h1>
      {done ? (
        <div className="card">
          <div className="alert alert-ok" role="status">
            {t('import.done', { created: done.created, updated: done.updated, mandates: done.mandatesCreated, rejected: done.rejected.length })}
          </div>
          {done.rejected.length > 0 && <RejectedRows report={done} lang={lang} />}
          <div className="actions">
            <button type="button" className="primary" onClick={() => navigate('debiteuren')}>
              {t('import.back')}
            </button>
            <button type="button" className="secondary" onClick={() => { setDone(undefined); setPreview(undefined); setFile(undefined); }}>
              {t('import.again')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="card">
            <p>{t('import.intro')}</p>
            <label className="file-choice">
              <span className="button secondary">{t('import.choose')}</span>
              <input type="file" accept=".csv,text/csv,text/plain" aria-label={t('import.choose')} onChange={(e) => void choose(e.target.files?.[0])} />
              {file && <span className="muted">{file.name}</span>}
            </label>
            {previewCall.busy && <p className="muted" role="status">{t('import.reading')}</p>}
            <FormError error={previewCall.error} fields={[]} />
          </div>
          {preview && (
            <>
              <div className="card">
                <p className="summary" role="status">
                  <strong>{t('import.summary', { total: preview.totalRows, created: preview.created, updated: preview.updated, rejected: preview.rejected.length })}</strong>{' '}
                  <span className="muted small">
                    {t('import.encoding')}: {preview.encoding.toUpperCase()} · {t('import.separator')}: “{preview.separator === '\t' ? 'tab' : preview.separator}”
                  </span>
                </p>
                <h2>{t('import.mapping')}</h2>
                <div className="mapping-grid">
                  {MEMBER_IMPORT_FIELDS.map((field) => (
                    <label key={field} className="mapping-row">
                      <span>{t(`memberField.${field}`)}</span>
                      <select value={columnIndex(field)} onChange={(e) => remap(field, e.target.value)} aria-label={t(`memberField.${field}`)}>
                        <option value="">{t('import.notMapped')}</option>
                        {preview.headers.map((h, i) => (
                          <option key={i} value={i}>
                            {h || `#${i + 1}`}
                          </option>
                        ))}
                      </select>
                    </label>
                  ))}
                </div>
              </div>
              {preview.rejected.length > 0 && (
                <div className="card">
                  <RejectedRows report={preview} lang={lang} />
                </div>
              )}
              <div className="card">
                <h2>{t('import.sample')}</h2>
                <table className="table" aria-label={t('import.sample')}>
                  <thead>
                    <tr>
                      <th className="num">{t('import.line')}</th>
                      <th>{t('fields.number')}</th>
                      <th>{t('fields.name')}</th>
                      <th>{t('fields.iban')}</th>
                      <th>{t('debtor.paymentMethod')}</th>
                      <th>{t('debtors.mandate')}</th>
                      <th>{t('import.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.sample.map((r) => (
                      <tr key={r.line}>
                        <td className="num">{r.line}</td>
                        <td className="code">{r.number ?? '—'}</td>
                        <td>{r.name}</td>
                        <td className="iban">{f.iban(r.iban)}</td>
                        <td>{t(`paymentMethod.${r.paymentMethod}`)}</td>
                        <td>{r.mandate ?? '—'}</td>
                        <td>{t(`import.${r.action}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <FormError error={commitCall.error} fields={[]} />
                <div className="actions">
                  <button type="button" className="primary" disabled={valid === 0 || commitCall.busy || previewCall.busy} onClick={() => void commit()}>
                    {commitCall.busy ? t('import.committing') : t('import.commit', { count: valid })}
                  </button>
                </div>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

function RejectedRows({ report, lang }: { report: MemberImportReportT; lang: 'nl' | 'en' }) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t('import.rejectedTitle')}</h2>
      <p className="muted">{t('import.rejectedIntro')}</p>
      <table className="table rejected" aria-label={t('import.rejectedTitle')}>
        <thead>
          <tr>
            <th className="num">{t('import.line')}</th>
            <th>{t('import.column')}</th>
            <th>{t('import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rejected.map((r) => (
            <tr key={`${r.line}-${r.field}`}>
              <td className="num">{r.line}</td>
              <td>{r.column ?? t(`memberField.${r.field}`, { defaultValue: r.field })}</td>
              <td>{r.message[lang]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
