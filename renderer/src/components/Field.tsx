import { Alert, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorData } from '../../../shared/api/errors';
import { DateField } from './DateField';
import { stripField } from './errorText';

const WIDTH = { short: 170, medium: 300, long: 520 } as const;

/**
 * A labelled text input on Mantine, for screens not yet moved to useFormErrors. When the API
 * refused the input for this field (error.field equals `name`), the message appears under it.
 * type="date" is the Dutch DateField (dd-mm-jjjj), with '' for empty as before.
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
  const message = own ? stripField(own, i18n.language === 'en' ? 'en' : 'nl') : undefined;
  const label = (
    <>
      {props.label}
      {props.optional && <span className="optional"> ({t('app.optional')})</span>}
    </>
  );
  if (props.type === 'date') {
    return <DateField label={label} name={props.name} value={props.value} onChange={(iso) => props.onChange(iso ?? '')} error={message} description={props.hint} autoFocus={props.autoFocus} w={WIDTH.short} />;
  }
  return (
    <TextInput
      id={`f-${props.name.replace(/\./g, '-')}`}
      label={label}
      name={props.name}
      type={props.type ?? 'text'}
      value={props.value}
      autoFocus={props.autoFocus}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={message}
      description={!message ? props.hint : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      w="100%"
      maw={WIDTH[props.width ?? 'long']}
      mb="sm"
    />
  );
}

/** A form-level error for messages that belong to no visible field. */
export function FormError({ error, fields }: { error?: ApiErrorData; fields: string[] }) {
  const { i18n } = useTranslation();
  if (!error || (error.field && fields.includes(error.field))) return null;
  return (
    <Alert color="red" role="alert" mb="md">
      {error.message[i18n.language === 'en' ? 'en' : 'nl']}
    </Alert>
  );
}
