import { DateInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTypedDate } from '../../../shared/typedDate';
import { TYPED_INVALID } from './typedInvalid';

export interface DateFieldProps {
  label: ReactNode;
  /** the contract's form: 'YYYY-MM-DD', or null/'' for empty */
  value: string | null | undefined;
  onChange: (iso: string | null) => void;
  /** the form field name (contract path), used to show and focus errors */
  name?: string;
  required?: boolean;
  /** an error from the form (contract validation or the API); the field's own typing error wins */
  error?: ReactNode;
  description?: ReactNode;
  minDate?: string;
  maxDate?: string;
  disabled?: boolean;
  autoFocus?: boolean;
  w?: number | string;
}

/**
 * A Dutch date: always shown as dd-mm-jjjj whatever the browser's locale, typed as "9-12",
 * "09-12-2026" or "9 dec", picked from a calendar in the UI language.
 */
export function DateField({ value, onChange, error, required, w, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  const [problem, setProblem] = useState<{ nl: string; en: string }>();
  const check = (text: string) => {
    const verdict = parseTypedDate(text);
    return verdict.ok || (verdict.rule === 'required' && !required) ? undefined : verdict;
  };
  return (
    <DateInput
      {...rest}
      w={w ?? 170}
      value={value || null}
      valueFormat="DD-MM-YYYY"
      placeholder={t('ui.datePlaceholder')}
      dateParser={(text) => {
        const verdict = parseTypedDate(text);
        return verdict.ok ? verdict.value : null;
      }}
      fixOnBlur={false}
      allowDeselect={!required}
      withAsterisk={required}
      leftSection={<IconCalendar size={16} stroke={1.6} aria-hidden />}
      onChange={(iso) => {
        setProblem(undefined);
        onChange(iso);
      }}
      data-field={rest.name}
      // While typing, an unreadable text empties the value, so a stale date is never sent.
      onInput={(e) => {
        setProblem(undefined);
        const verdict = parseTypedDate(e.currentTarget.value);
        if (!verdict.ok && value) onChange(null);
      }}
      onBlur={(e) => {
        const text = e.currentTarget.value;
        const verdict = text.trim() ? check(text) : undefined;
        setProblem(verdict && !verdict.ok ? { nl: verdict.nl, en: verdict.en } : undefined);
      }}
      error={problem ? problem[lang] : error}
      {...(problem ? { [TYPED_INVALID]: true } : {})}
      popoverProps={{ withinPortal: true }}
    />
  );
}
