import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../../../shared/api/errors';
import { stripField } from './errorText';

/**
 * A labelled input. When the API refused the input for this field (error.field equals `name`),
 * the message appears right under it, so the treasurer sees what to fix and where.
 */
export function Field(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: ApiErrorData;
  hint?: ReactNode;
  optional?: boolean;
  type?: string;
  width?: 'short' | 'medium' | 'long';
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const own = props.error && props.error.field === props.name ? props.error : undefined;
  const id = `f-${props.name.replace(/\./g, '-')}`;
  return (
    <div className={`field field-${props.width ?? 'long'}${own ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.optional && <span className="optional"> ({t('app.optional')})</span>}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        autoFocus={props.autoFocus}
        aria-invalid={own ? true : undefined}
        aria-describedby={own ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {own && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {stripField(own, i18n.language === 'en' ? 'en' : 'nl')}
        </div>
      )}
      {props.hint && !own && <div className="field-hint">{props.hint}</div>}
    </div>
  );
}

/** A form-level error for messages that belong to no visible field. */
export function FormError({ error, fields }: { error?: ApiErrorData; fields: string[] }) {
  const { i18n } = useTranslation();
  if (!error || (error.field && fields.includes(error.field))) return null;
  return (
    <div className="alert alert-error" role="alert">
      {error.message[i18n.language === 'en' ? 'en' : 'nl']}
    </div>
  );
}
