import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Incassant-ID with its hint, as the first-run screen and Instellingen > Vereniging ask for it; a change forgets its message. */
export function CreditorIdField({ value, onChange, error, ...rest }: { value: string; onChange: (value: string) => void; error?: string } & Omit<TextInputProps, 'value' | 'onChange' | 'error'>) {
  const { t } = useTranslation();
  return <TextInput label={t('fields.creditorId')} name="creditorId" description={t('fields.creditorIdHint')} w={334} {...rest} value={value} error={error} onChange={(e) => onChange(e.currentTarget.value)} />;
}
